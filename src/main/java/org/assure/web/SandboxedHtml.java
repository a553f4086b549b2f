package org.assure.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * A stored HTML document, such as an email's HTML part, served only to be shown framed inside one of this
 * site's own pages. {@link SecurityHeadersFilter} gives such a response its own headers: a sandbox with
 * no scripts, no forms and no way out of the frame except links opened in a new tab, nothing loaded from
 * anywhere, and framing allowed to this site alone. Every other response keeps the site's policy.
 */
public final class SandboxedHtml {
    static final String ATTRIBUTE = "assure.sandboxed-html";

    private SandboxedHtml() {
    }

    public static MutableHttpResponse<String> of(String html) {
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML + ";charset=utf-8").attribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean is(MutableHttpResponse<?> response) {
        return response.getAttribute(ATTRIBUTE).isPresent();
    }
}
