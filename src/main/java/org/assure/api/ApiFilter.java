package org.assure.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.RouteRules;

/**
 * The API's door, before the security rule: only GET (and HEAD) pass (anything else is 405, before CSRF or a body is
 * looked at, so nothing can be written); every call but the OpenAPI file needs a usable bearer token (401 with a
 * JSON error otherwise); and every call made with a known token is logged, refused ones too.
 */
@ServerFilter(ApiFilter.PREFIX + "/**")
class ApiFilter implements Ordered {
    static final String PREFIX = "/api/v1";
    static final String OPENAPI = PREFIX + "/openapi.yaml";
    private static final String TOKEN_ID = "assure.apiTokenId";

    private final ApiTokens tokens;

    ApiFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Before the web filters that read form bodies (FormBodyFilter, SESSION.before()): a JSON body here gets 405, not a form's page. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.before() - 10;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return ApiController.error(HttpStatus.METHOD_NOT_ALLOWED, "The API is read-only: use GET").header(HttpHeaders.ALLOW, "GET, HEAD");
        }
        if (request.getPath().equals(OPENAPI)) {
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : null;
        ApiTokens.Lookup lookup = tokens.authenticate(secret);
        if (lookup.caller() == null) {
            if (lookup.tokenId() != null) {
                tokens.logCall(lookup.tokenId(), request.getPath(), HttpStatus.UNAUTHORIZED.getCode());
            }
            return ApiController.error(HttpStatus.UNAUTHORIZED, lookup.problem()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        request.setAttribute(RouteRules.API_CALLER, lookup.caller());
        request.setAttribute(TOKEN_ID, lookup.tokenId());
        return null;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(TOKEN_ID, Long.class).ifPresent(id -> {
            tokens.logCall(id, request.getPath(), response.code());
        });
    }
}
