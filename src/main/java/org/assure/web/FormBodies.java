package org.assure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a posted form's body in a request filter, once per request: the CSRF check and the keeping of
 * forms posted after a session expired both need it, and the controller still gets the body after.
 * Blocks until the body has arrived, so callers run on the blocking executor (see {@link CsrfFilter}).
 */
final class FormBodies {
    private static final String READ = "assure.form-body";

    private FormBodies() {
    }

    /** The body's bytes; null when it did not arrive within 30 seconds. */
    static byte @Nullable [] read(ServerHttpRequest<?> request) {
        var cached = request.getAttribute(READ, byte[].class);
        if (cached.isPresent()) {
            return cached.get();
        }
        try (CloseableAvailableByteBody body = request.byteBody().split().buffer().get(30, TimeUnit.SECONDS)) {
            byte[] bytes = body.toByteArray();
            request.setAttribute(READ, bytes);
            return bytes;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
