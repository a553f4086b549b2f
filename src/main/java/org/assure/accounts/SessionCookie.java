package org.assure.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The session cookie: HttpOnly, SameSite=Lax, and in production {@code __Host-} prefixed and Secure.
 * Plain HTTP on localhost cannot use the prefix (browsers drop such cookies), hence the setting.
 */
@Singleton
class SessionCookie {
    private final String name;
    private final boolean secure;

    SessionCookie(@Value("${assure.session.cookie-name}") String name,
                  @Value("${assure.session.cookie-secure}") boolean secure) {
        this.name = name;
        this.secure = secure;
    }

    Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    void write(MutableHttpResponse<?> response, String token) {
        response.cookie(cookie(token));
    }

    void clear(MutableHttpResponse<?> response) {
        response.cookie(cookie("").maxAge(0));
    }

    private Cookie cookie(String value) {
        return Cookie.of(name, value).path("/").httpOnly(true).secure(secure).sameSite(SameSite.Lax);
    }
}
