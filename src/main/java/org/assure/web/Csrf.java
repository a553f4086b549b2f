package org.assure.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.util.Optional;
import org.assure.kernel.SigningKey;

/**
 * Signed double-submit CSRF tokens. A random seed lives in a cookie; forms carry HMAC(seed) in a
 * {@code _csrf} field. A cross-site page can neither read the cookie nor forge the HMAC. The seed is
 * replaced at sign-in and sign-out so a token from before cannot be replayed across them.
 * (Micronaut Security's own CSRF filter fails on form fields: upstream issue #1984, see STACK.md.)
 */
@Singleton
public class Csrf {
    public static final String FIELD = "_csrf";
    private static final String NEW_SEED = "assure.csrf.new-seed";
    private static final String ANYONE = "csrf:";
    private static final String SIGNED_IN = "csrf-signed-in:";
    private static final String ROTATED = "assure.csrf.rotated";
    private final SigningKey key;
    private final String cookieName;
    private final boolean secure;

    Csrf(SigningKey key, @Value("${assure.session.cookie-secure}") boolean secure) {
        this.key = key;
        this.secure = secure;
        this.cookieName = secure ? "__Host-assure-csrf" : "assure-csrf";
    }

    /**
     * The token the pages of this request must put in their forms. A page shown to a signed-in person gets a
     * token of its own kind, so that a form kept after its session expired can be told from one posted with the
     * token of the sign-in page, which anyone can fetch (issue 9; {@link PendingForms}).
     */
    public String tokenFor(HttpRequest<?> request) {
        boolean signedIn = request.getUserPrincipal().isPresent();
        return key.sign((signedIn ? SIGNED_IN : ANYONE) + seed(request));
    }

    public boolean isValid(HttpRequest<?> request, String token) {
        return verifies(request, token, ANYONE) || verifies(request, token, SIGNED_IN);
    }

    /** Valid, and from a page that was shown to someone signed in on this browser. */
    boolean isValidFromSignedInPage(HttpRequest<?> request, String token) {
        return verifies(request, token, SIGNED_IN);
    }

    private boolean verifies(HttpRequest<?> request, String token, String kind) {
        Optional<String> cookieSeed = request.getCookies().findCookie(cookieName).map(Cookie::getValue);
        return cookieSeed.isPresent() && token != null && key.verify(kind + cookieSeed.get(), token);
    }

    /** Gives the request a seed when it has none, so the page can render a token for it. */
    void ensureSeed(HttpRequest<?> request) {
        if (request.getCookies().findCookie(cookieName).isEmpty()) {
            request.setAttribute(NEW_SEED, SigningKey.randomToken());
        }
    }

    /** A fresh seed for this request and the cookie that carries it; call at sign-in and sign-out. */
    public void rotate(HttpRequest<?> request) {
        request.setAttribute(NEW_SEED, SigningKey.randomToken());
        request.setAttribute(ROTATED, Boolean.TRUE);
    }

    /** Whether this request signed someone in or out (and so gave the browser a new seed). */
    boolean rotated(HttpRequest<?> request) {
        return request.getAttribute(ROTATED, Boolean.class).orElse(false);
    }

    /** The seed the browser sent in its cookie: what makes a browser itself, signed in or not. */
    Optional<String> browserSeed(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    void writeCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_SEED, String.class).ifPresent(seed -> response.cookie(Cookie.of(cookieName, seed)
                .path("/").httpOnly(true).secure(secure).sameSite(SameSite.Lax)));
    }

    private String seed(HttpRequest<?> request) {
        return request.getAttribute(NEW_SEED, String.class)
                .or(() -> request.getCookies().findCookie(cookieName).map(Cookie::getValue))
                .orElseGet(() -> {
                    String seed = SigningKey.randomToken();
                    request.setAttribute(NEW_SEED, seed);
                    return seed;
                });
    }
}
