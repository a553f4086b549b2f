package org.assure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Claims a post's one-time form id before its controller runs and records how it ended ({@link OnceOnlyForms}).
 * It runs after security and the CSRF check, so only a signed-in-enough, same-site post ever claims anything.
 * Synchronous on the blocking executor for the same upstream bug as {@link CsrfFilter}; both halves touch the database.
 */
@ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN, methods = HttpMethod.POST)
class OnceOnlyFormFilter implements Ordered {
    private final OnceOnlyForms forms;

    OnceOnlyFormFilter(OnceOnlyForms forms) {
        this.forms = forms;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable HttpResponse<?> claim(ServerHttpRequest<?> request) {
        return forms.claim(request);
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        forms.finish(request, response);
    }
}
