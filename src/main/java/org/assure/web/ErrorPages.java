package org.assure.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import org.assure.kernel.Refusal;

/** Renders an error page in the layout, for handlers and filters that cannot return a view. */
@Singleton
public class ErrorPages {
    private final FreemarkerViews views;
    private final PageContext pageContext;

    ErrorPages(FreemarkerViews views, PageContext pageContext) {
        this.views = views;
        this.pageContext = pageContext;
    }

    public HttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String view) {
        return page(request, status, view, "");
    }

    /** With a reason meant for the person (never an exception's technical message). */
    public HttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String view, String reason) {
        String html = views.renderToString(view, Model.of("site", pageContext.forRequest(request)).with("reason", reason));
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }

    /** A refused change (409): why, and the way back to where the person was. */
    public HttpResponse<String> refused(HttpRequest<?> request, Refusal refusal) {
        String html = views.renderToString("error/409", Model.of("site", pageContext.forRequest(request))
                .with("reason", refusal.getMessage()).with("back", refusal.back()));
        return HttpResponse.<String>status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }
}
