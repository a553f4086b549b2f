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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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
     * Runs on the blocking executor and waits for the body: a filter that continues asynchronously
     * after the body arrives trips the same upstream bug (a null filter context) as Micronaut's own
     * CSRF filter, so this one answers synchronously.
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
            byte[] body = FormBodies.read(request);
            if (body == null) {
                return refuse(request);
            }
            token = formField(new String(body, StandardCharsets.UTF_8), Csrf.FIELD);
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

    static @Nullable String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
