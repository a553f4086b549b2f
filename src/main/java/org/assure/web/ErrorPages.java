package org.assure.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

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
}
