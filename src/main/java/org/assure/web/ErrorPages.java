package org.assure.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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

    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String view) {
        return page(request, status, view, "");
    }

    /** With a reason meant for the person (never an exception's technical message). */
    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String view, String reason) {
        String html = views.renderToString(view, Model.of("site", pageContext.forRequest(request)).with("reason", reason));
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }

    /**
     * A request no page of ours sends, or one too large or too slow: 400, 408, 413 or 415, each with a line
     * that says what to do. What exactly was wrong is for the log, never the page.
     */
    public MutableHttpResponse<String> request(HttpRequest<?> request, HttpStatus status) {
        return switch (status) {
            case REQUEST_ENTITY_TOO_LARGE -> page(request, status, "error/413", "Forms can be up to "
                    + FormBodies.MAX_BYTES / (1024 * 1024) + " MB, and files up to the size the upload page states. "
                    + "Each answer has its own limit, shown under its box.");
            case UNSUPPORTED_MEDIA_TYPE -> page(request, status, "error/400", "This service only accepts forms sent from its own pages.");
            case REQUEST_TIMEOUT -> page(request, status, "error/400", "Your form took too long to arrive, so it was not read.");
            default -> page(request, HttpStatus.BAD_REQUEST, "error/400", "Part of it was not in the form a browser sends.");
        };
    }

    /** A refused change (409): why, and the way back to where the person was. */
    public HttpResponse<String> refused(HttpRequest<?> request, Refusal refusal) {
        String html = views.renderToString("error/409", Model.of("site", pageContext.forRequest(request))
                .with("reason", refusal.getMessage()).with("back", refusal.back()));
        return HttpResponse.<String>status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }
}
