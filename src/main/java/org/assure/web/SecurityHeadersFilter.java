package org.assure.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that close off framing, sniffing, inline script, caching and referrer leaks on every response, and
 * in production tell browsers to use HTTPS only (HSTS). The one
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

    /** A year, the usual minimum for HSTS; only in production, where the proxy in front serves HTTPS. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
    private final boolean strictTransportSecurity;

    SecurityHeadersFilter(@Value("${assure.strict-transport-security:false}") boolean strictTransportSecurity) {
        this.strictTransportSecurity = strictTransportSecurity;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        boolean sandboxed = SandboxedHtml.is(response);
        headers.set("Content-Security-Policy", sandboxed ? SANDBOXED_HTML_POLICY : CONTENT_SECURITY_POLICY);
        headers.set("X-Frame-Options", sandboxed ? "SAMEORIGIN" : "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (strictTransportSecurity) {
            headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        // Pages and downloads hold personal data: never keep them in a shared or back-button cache. Every page,
        // and everything answered to someone signed in (.xlsx exports, .yaml drafts); public files may be cached.
        boolean html = response.getContentType().map(t -> t.getName().equals("text/html")).orElse(false);
        if (html || request.getUserPrincipal().isPresent()) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
