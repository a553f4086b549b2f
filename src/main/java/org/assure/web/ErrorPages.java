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
        String html = views.renderToString(view, Model.of("site", pageContext.forRequest(request)));
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }
}
