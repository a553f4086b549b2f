package org.assure.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.assure.kernel.SigningKey;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms posted after their session ended, kept so that nothing typed is lost (ADR 0012). The form is
 * stored under the hash of a random token that only the posting browser holds, in a cookie; it is bound
 * to the path it was posted to, shown again (never saved) on that form's page after signing in, used
 * once, and forgotten after {@link #LIFETIME}. Only forms with a valid CSRF token are kept, so another
 * site cannot plant answers in someone's page by posting to us while they are signed out.
 */
@Singleton
public class PendingForms {
    private static final Logger LOG = LoggerFactory.getLogger(PendingForms.class);
    static final Duration LIFETIME = Duration.ofHours(24);
    /**
     * A section form is a few kilobytes and at most some hundreds with long evidence; a megabyte keeps
     * any plausible one, while anonymous posts (anyone can post while signed out) cannot grow the table fast.
     */
    static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_PATH = 300;
    private static final String BODY = "assure.pending-form.body";
    private final PendingFormRepository forms;
    private final List<ResumablePosts> resumable;
    private final Csrf csrf;
    private final Clock clock;
    private final String cookieName;
    private final boolean secure;
    private final String sessionCookie;
    private final HttpClientAddressResolver addresses;
    private final int perAddress;
    private final int total;
    private final long totalBytes;

    PendingForms(PendingFormRepository forms, List<ResumablePosts> resumable, Csrf csrf, Clock clock,
                 @Value("${assure.session.cookie-secure}") boolean secure, @Value("${assure.session.cookie-name}") String sessionCookie,
                 HttpClientAddressResolver addresses, @Value("${assure.pending-forms.per-address:20}") int perAddress,
                 @Value("${assure.pending-forms.total:1000}") int total,
                 @Value("${assure.pending-forms.total-bytes:104857600}") long totalBytes) {
        this.forms = forms;
        this.sessionCookie = sessionCookie;
        this.addresses = addresses;
        this.perAddress = perAddress;
        this.total = total;
        this.totalBytes = totalBytes;
        this.resumable = resumable;
        this.csrf = csrf;
        this.clock = clock;
        this.secure = secure;
        this.cookieName = secure ? "__Host-assure-pending-form" : "assure-pending-form";
    }

    /** A kept form: where it was posted, and its fields (without the CSRF token). */
    public record Pending(String path, Map<String, List<String>> fields) {
    }

    /**
     * Before security decides, keeps a copy of the body of a post that would be kept if no one turns out
     * to be signed in: the body cannot be read reliably once the request has been refused. Waits for the
     * body, so it must run on the blocking executor.
     */
    void copyBody(ServerHttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.POST && resumeAt(request).isPresent()
                && request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false)
                && request.getContentLength() <= MAX_BYTES) {
            byte[] body = read(request);
            if (body != null && body.length <= MAX_BYTES) {
                request.setAttribute(BODY, body);
            }
        }
    }

    /**
     * For a post refused because no one is signed in: keeps its form when a feature wants it kept
     * ({@link ResumablePosts}) and answers the redirect to sign in, which comes back to the form's page.
     * Empty when the post is not kept.
     */
    public Optional<MutableHttpResponse<?>> keep(HttpRequest<?> request) {
        Optional<String> resumeAt = resumeAt(request);
        Optional<byte[]> body = request.getAttribute(BODY, byte[].class);
        if (resumeAt.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> fields;
        try {
            fields = parse(new String(body.get(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        List<String> token = fields.remove(Csrf.FIELD);
        // Only a form from a page shown to someone signed in, posted by a browser that still has its session
        // cookie: the session has just ended. A sign-in page's token, which anyone can fetch, keeps nothing.
        if (token == null || token.size() != 1 || !csrf.isValidFromSignedInPage(request, token.get(0))
                || request.getCookies().findCookie(sessionCookie).isEmpty()) {
            return Optional.empty();
        }
        // One kept form per browser: a later post replaces the earlier one.
        cookieToken(request).ifPresent(t -> forms.deleteById(SigningKey.hash(t)));
        byte[] kept = encode(fields).getBytes(StandardCharsets.UTF_8);
        String address = clientAddress(request);
        if (!roomFor(address, kept.length)) {
            return Optional.empty();
        }
        String newToken = SigningKey.randomToken();
        forms.save(new PendingForm(SigningKey.hash(newToken), request.getPath(), kept, clock.instant(), address, kept.length));
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create("/sign-in?next="
                + URLEncoder.encode(resumeAt.get(), StandardCharsets.UTF_8)));
        response.cookie(cookie(newToken).maxAge(LIFETIME));
        return Optional.of(response);
    }

    /**
     * Whether one more form fits: at most {@code perAddress} from one client address (a school's office shares
     * one) and {@code total} forms and {@code totalBytes} in all. Beyond that the form is not kept and the
     * person signs in as before; the log says so, once per refusal, without the form.
     */
    private boolean roomFor(String address, int bytes) {
        if (forms.countByClientAddress(address) >= perAddress) {
            LOG.warn("Not keeping a form posted after its session ended: {} forms are kept for {} already", perAddress, Logs.clean(address));
            return false;
        }
        if (forms.count() >= total || forms.totalBytes() + bytes > totalBytes) {
            LOG.warn("Not keeping a form posted after its session ended: the table holds its limit ({} forms, {} bytes)", total, totalBytes);
            return false;
        }
        return true;
    }

    private String clientAddress(HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null ? "" : address.length() > 64 ? address.substring(0, 64) : address;
    }

    private Optional<String> resumeAt(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.length() > MAX_PATH) {
            return Optional.empty(); // no real form has such a path, and the column would refuse it
        }
        return resumable.stream().map(r -> r.resumeAt(path)).flatMap(Optional::stream).findFirst();
    }

    /** The form this browser's cookie names, if it is still kept; a forged, unknown or expired token finds nothing. */
    public Optional<Pending> find(HttpRequest<?> request) {
        return cookieToken(request).flatMap(t -> forms.findById(SigningKey.hash(t)))
                .filter(f -> f.createdAt().plus(LIFETIME).isAfter(clock.instant()))
                .map(f -> new Pending(f.path(), parse(new String(f.body(), StandardCharsets.UTF_8))));
    }

    /** Deletes this browser's kept form and its cookie: a form is shown again once. */
    public void forget(HttpRequest<?> request, MutableHttpResponse<?> response) {
        cookieToken(request).ifPresent(t -> forms.deleteById(SigningKey.hash(t)));
        response.cookie(cookie("").maxAge(0));
    }

    /** Housekeeping: expired forms are never shown, and are deleted so that the table stays small. Says how many went. */
    public long deleteExpired() {
        return forms.deleteCreatedBefore(clock.instant().minus(LIFETIME));
    }

    private Optional<String> cookieToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue).filter(v -> !v.isBlank() && v.length() <= 100);
    }

    private Cookie cookie(String value) {
        return Cookie.of(cookieName, value).path("/").httpOnly(true).secure(secure).sameSite(SameSite.Lax);
    }

    private static byte @Nullable [] read(ServerHttpRequest<?> request) {
        try {
            return FormBodies.read(request);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Map<String, List<String>> parse(String body) {
        return new LinkedHashMap<>(FormBodies.parse(body));
    }

    private static String encode(Map<String, List<String>> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, values) -> values.forEach(v -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return body.toString();
    }
}
