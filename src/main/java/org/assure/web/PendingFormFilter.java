package org.assure.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Copies the body of posts that {@link PendingForms} would keep, before security refuses them: an error
 * handler cannot reliably read the body of a refused request (it sometimes never arrives). {@link FormBodyFilter}
 * has read the body already, so this holds no thread. Only posts pass here.
 */
@ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN, methods = HttpMethod.POST)
class PendingFormFilter implements Ordered {
    private final PendingForms pendingForms;

    PendingFormFilter(PendingForms pendingForms) {
        this.pendingForms = pendingForms;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    void copyBody(ServerHttpRequest<?> request) {
        pendingForms.copyBody(request);
    }
}
