package org.assure.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The first look at every request that carries a body, before sessions, security and CSRF. Every form of
 * ours is url-encoded or, for files, multipart; anything else is refused (415). A url-encoded body is read
 * whole, up to {@link FormBodies#MAX_BYTES}, without holding a thread while it arrives, and checked once
 * (percent-escapes, number of fields), so later filters and controllers never meet a body they cannot parse.
 * A body announced or found too large is refused (413) before it is read; one that has not arrived in
 * {@link #READ_TIMEOUT} is cut off (408), so a slow anonymous post cannot hold anything for long.
 * Refusals are pages in the layout, rendered on the blocking executor (the layout may read the database).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class FormBodyFilter implements Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(FormBodyFilter.class);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private final ErrorPages errorPages;
    private final ExecutorService blocking;
    private final long maxRequestSize;

    FormBodyFilter(ErrorPages errorPages, @Named(TaskExecutors.BLOCKING) ExecutorService blocking, HttpServerConfiguration server) {
        this.errorPages = errorPages;
        this.blocking = blocking;
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.before();
    }

    /** The request goes on down the chain once its form is read; or it is refused with a page. */
    @RequestFilter
    Publisher<MutableHttpResponse<?>> readForm(ServerHttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE) {
            return chain.proceed();
        }
        long announced = request.getContentLength();
        MediaType type = request.getContentType().orElse(null);
        if (type == null) {
            return announced > 0 ? refuse(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "no content type") : chain.proceed();
        }
        if (type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            // streamed to its controller; only the server-wide limit applies here
            return announced > maxRequestSize ? refuse(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "upload of " + announced + " bytes")
                    : chain.proceed();
        }
        if (!type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return refuse(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + Logs.clean(type.getName()));
        }
        if (announced > FormBodies.MAX_BYTES) {
            return refuse(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "form of " + announced + " bytes");
        }
        return Mono.fromFuture(() -> FormBodies.readUpTo(request.byteBody(), FormBodies.MAX_BYTES))
                .timeout(READ_TIMEOUT)
                .<MutableHttpResponse<?>>flatMap(body -> {
                    try {
                        FormBodies.remember(request, body, FormBodies.parse(new String(body, StandardCharsets.UTF_8)));
                    } catch (FormBodies.Malformed malformed) {
                        return refuse(request, HttpStatus.BAD_REQUEST, "form with " + malformed.getMessage());
                    }
                    return Mono.from(chain.proceed());
                })
                .onErrorResume(FormBodies.TooLarge.class,
                        e -> refuse(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "form over " + FormBodies.MAX_BYTES + " bytes"))
                .onErrorResume(TimeoutException.class,
                        e -> refuse(request, HttpStatus.REQUEST_TIMEOUT, "form body not complete after " + READ_TIMEOUT.toSeconds() + " s"));
    }

    private Mono<MutableHttpResponse<?>> refuse(HttpRequest<?> request, HttpStatus status, String why) {
        LOG.info("Refused {} {}: {} ({})", request.getMethod(), Logs.clean(request.getPath()), status.getCode(), why);
        return Mono.<MutableHttpResponse<?>>fromCallable(() -> errorPages.request(request, status)).subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
