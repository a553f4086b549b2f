package org.assure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * Refuses every state-changing request whose form does not carry a valid {@code _csrf} token.
 * Url-encoded forms carry it as a field; file uploads (multipart) carry it in the action's query
 * string, because reading a large multipart body here would defeat streaming.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfFilter implements Ordered {
    private final Csrf csrf;
    private final ErrorPages errorPages;

    CsrfFilter(Csrf csrf, ErrorPages errorPages) {
        this.csrf = csrf;
        this.errorPages = errorPages;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /**
     * The body has been read by {@link FormBodyFilter} already, so this answers at once; it runs on the
     * blocking executor because its refusal page may read the database.
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable HttpResponse<?> check(ServerHttpRequest<?> request) {
        csrf.ensureSeed(request);
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return null;
        }
        boolean urlEncoded = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        String token;
        if (urlEncoded) {
            List<String> tokens = FormBodies.fields(request).getOrDefault(Csrf.FIELD, List.of());
            token = tokens.size() == 1 ? tokens.get(0) : null;
        } else {
            token = request.getParameters().get(Csrf.FIELD);
        }
        return csrf.isValid(request, token) ? null : refuse(request);
    }

    @ResponseFilter
    void setSeedCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        csrf.writeCookie(request, response);
    }

    private HttpResponse<?> refuse(HttpRequest<?> request) {
        return errorPages.page(request, HttpStatus.FORBIDDEN, "error/csrf");
    }
}
