package org.assure.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import org.assure.kernel.DatabaseErrors;
import org.assure.kernel.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

/** Every error a person can meet is a page in the layout: 400, 403, 404, 408, 409, 413, 415, 500, 503; never a stack trace. */
@Controller
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

    /** A service's refusal, each kind its page: 404 says nothing of why, 403 and 409 give the reason (and a way back). */
    @Error(exception = Refusal.class, global = true)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> pages.page(request, HttpStatus.NOT_FOUND, "error/404");
            case FORBIDDEN -> pages.page(request, HttpStatus.FORBIDDEN, "error/403", refusal.getMessage());
            case CONFLICT -> pages.refused(request, refusal);
        };
    }

    /** Over the server's limits (the body, a multipart part, the number of fields): the too-large page, never Micronaut's JSON. */
    @Error(exception = ContentLengthExceededException.class, global = true)
    HttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException exception) {
        LOG.info("Refused {} {}: 413 ({})", request.getMethod(), Logs.clean(request.getPath()), Logs.clean(exception.getMessage()));
        return pages.request(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Error(exception = BufferLengthExceededException.class, global = true)
    HttpResponse<?> tooLargeToBuffer(HttpRequest<?> request, BufferLengthExceededException exception) {
        LOG.info("Refused {} {}: 413 ({})", request.getMethod(), Logs.clean(request.getPath()), Logs.clean(exception.getMessage()));
        return pages.request(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    /**
     * A value that does not convert: in the path ({@code /returns/abc}, {@code /cycles/1e3}, an id longer
     * than a long) it names no page (404); elsewhere (a query value, a field) the request is bad (400).
     * The value is not logged: it is whatever anyone typed.
     */
    @Error(exception = ConversionErrorException.class, global = true)
    HttpResponse<?> notConverted(HttpRequest<?> request, ConversionErrorException exception) {
        String name = exception.getArgument().getName();
        // here the request's route is this handler's, so the argument's own annotation says where it came from
        boolean inPath = exception.getArgument().getAnnotationMetadata().hasAnnotation(PathVariable.class) || request.getMethod() == HttpMethod.GET;
        LOG.info("Refused {} {}: argument '{}' does not convert", request.getMethod(), Logs.clean(request.getPath()), Logs.clean(name));
        return inPath ? pages.page(request, HttpStatus.NOT_FOUND, "error/404") : pages.request(request, HttpStatus.BAD_REQUEST);
    }

    /** A required value missing, or a body that does not bind: a request our pages do not send. */
    @Error(exception = UnsatisfiedRouteException.class, global = true)
    HttpResponse<?> unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException exception) {
        LOG.info("Refused {} {}: {} missing", request.getMethod(), Logs.clean(request.getPath()), Logs.clean(exception.getArgument().getName()));
        return pages.request(request, HttpStatus.BAD_REQUEST);
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    HttpResponse<?> unsupported(HttpRequest<?> request) {
        return pages.request(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Error(status = HttpStatus.BAD_REQUEST, global = true)
    HttpResponse<?> badRequest(HttpRequest<?> request) {
        return pages.request(request, HttpStatus.BAD_REQUEST);
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error/404");
    }

    @Error(global = true)
    HttpResponse<?> failure(HttpRequest<?> request, Throwable error) {
        if (DatabaseErrors.isDuplicateKey(error)) {
            // Two people did the same first thing at the same moment; a unique key refused the second, whole.
            LOG.info("Refused a concurrent duplicate for {} {}: {}", request.getMethod(), Logs.clean(request.getPath()), error.getClass().getSimpleName());
            return pages.refused(request, sameMoment(request));
        }
        if (isDatabaseDown(error)) {
            LOG.error("Database unavailable for {} {}: {}", request.getMethod(), Logs.clean(request.getPath()), Logs.clean(error.toString()));
            return pages.page(request, HttpStatus.SERVICE_UNAVAILABLE, "error/503");
        }
        if (isMalformedForm(error)) {
            // Netty's form decoder met what our own check let through: still the client's mistake, not ours
            LOG.info("Refused {} {}: 400 (form not decodable)", request.getMethod(), Logs.clean(request.getPath()));
            return pages.request(request, HttpStatus.BAD_REQUEST);
        }
        LOG.error("Unexpected error for {} {}", request.getMethod(), Logs.clean(request.getPath()), error);
        return pages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, "error/500");
    }

    /** The page the form was on, when the browser says (same-origin referrers only), so the person can look again. */
    private static Refusal sameMoment(HttpRequest<?> request) {
        Refusal refusal = Refusal.conflict("Someone else made the same change at the same moment, so yours was not saved. "
                + "Look at the page again and retry.");
        String referer = request.getHeaders().get("Referer");
        try {
            String path = referer == null ? null : URI.create(referer).getRawPath();
            return path != null && path.startsWith("/") && !path.startsWith("//") ? refusal.backTo(path, "Go back to the page") : refusal;
        } catch (IllegalArgumentException malformed) {
            return refusal;
        }
    }

    private static boolean isMalformedForm(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpPostRequestDecoder.ErrorDataDecoderException || t instanceof FormBodies.Malformed) {
                return true;
            }
        }
        return false;
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
