package org.assure.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that close off framing, sniffing, inline script and referrer leaks on every response. The one
 * exception is a {@link SandboxedHtml} document (an email's HTML part on the outbox page): it is framed
 * by this site's own page, so it gets {@link #SANDBOXED_HTML_POLICY} and SAMEORIGIN instead.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /**
     * A sandbox without scripts, forms or same-origin rights; nothing fetched (email HTML is styled inline
     * and has no images); its links may open in a new tab, as they would from a mail client.
     */
    static final String SANDBOXED_HTML_POLICY = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; "
            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        boolean sandboxed = SandboxedHtml.is(response);
        headers.set("Content-Security-Policy", sandboxed ? SANDBOXED_HTML_POLICY : CONTENT_SECURITY_POLICY);
        headers.set("X-Frame-Options", sandboxed ? "SAMEORIGIN" : "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // Pages hold personal data: never keep them in a shared or back-button cache.
        boolean html = response.getContentType().map(t -> t.getName().equals("text/html")).orElse(false);
        if (html) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
