package org.assure.accounts;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Resolves the session cookie to a person on every request; the lookup runs off the event loop. */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    private final SessionCookie cookie;
    private final Sessions sessions;
    private final ExecutorService blocking;

    SessionAuthenticationFetcher(SessionCookie cookie, Sessions sessions,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.cookie = cookie;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/govuk/") || path.startsWith("/static/")) {
            // Public files: no need to read the session for each stylesheet and script of a page.
            return Publishers.empty();
        }
        if (path.startsWith("/api/v1/")) {
            // The API authenticates by bearer token alone (org.assure.api.ApiFilter): a session cookie opens nothing there.
            return Publishers.empty();
        }
        return cookie.read(request)
                .map(token -> Publishers.fromCompletableFuture(() ->
                        CompletableFuture.supplyAsync(() -> sessions.authenticate(token).orElse(null), blocking)))
                .orElse(Publishers.empty());
    }
}
