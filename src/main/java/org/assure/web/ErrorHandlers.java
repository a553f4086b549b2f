package org.assure.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

/** Every error a person can meet is a page in the layout: 403, 404, 500, 503; never a stack trace. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
    private final ErrorPages pages;
    private final PendingForms pendingForms;

    ErrorHandlers(ErrorPages pages, PendingForms pendingForms) {
        this.pages = pages;
        this.pendingForms = pendingForms;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error/404");
    }

    /**
     * Not signed in: go to the sign-in page and come back. A form posted after the session ended is kept
     * where a feature asks for it, to be shown again after signing in (ADR 0012).
     * Signed in without the role: 403 page.
     */
    @Error(exception = AuthorizationException.class, global = true)
    HttpResponse<?> unauthorised(HttpRequest<?> request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return pages.page(request, HttpStatus.FORBIDDEN, "error/403");
        }
        var kept = pendingForms.keep(request);
        if (kept.isPresent()) {
            return kept.get();
        }
        String next = request.getMethod() == HttpMethod.GET ? request.getUri().toString() : "/";
        return HttpResponse.seeOther(URI.create("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    @Error(exception = NotFoundException.class, global = true)
    HttpResponse<?> recordNotFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error/404");
    }

    @Error(exception = ForbiddenException.class, global = true)
    HttpResponse<?> forbidden(HttpRequest<?> request, ForbiddenException exception) {
        return pages.page(request, HttpStatus.FORBIDDEN, "error/403", exception.getMessage());
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error/404");
    }

    @Error(global = true)
    HttpResponse<?> failure(HttpRequest<?> request, Throwable error) {
        if (isDatabaseDown(error)) {
            LOG.error("Database unavailable for {} {}: {}", request.getMethod(), request.getPath(), error.toString());
            return pages.page(request, HttpStatus.SERVICE_UNAVAILABLE, "error/503");
        }
        LOG.error("Unexpected error for {} {}", request.getMethod(), request.getPath(), error);
        return pages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, "error/500");
    }

    private static boolean isDatabaseDown(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
