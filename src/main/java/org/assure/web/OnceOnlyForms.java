package org.assure.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.assure.kernel.DatabaseErrors;
import org.assure.kernel.SigningKey;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes every state-changing form idempotent (ADR 0026). Each form a page renders carries a random one-time
 * form id ({@code _form}, written by the {@code csrf} macro beside the CSRF token; in the action's query for
 * file uploads). Before the controller runs, the post claims its id for this browser in {@code form_submission};
 * when the answer is a redirect (the 303 of a success) the claim remembers where it sent the person. The same
 * form posted again, while the first is still running (a double click) or after, waits for the first and gets
 * the same redirect, so one change is made and the success page shown twice. A post that did not succeed
 * (the form shown again with errors, a refusal, a failure) releases its claim, so the corrected form goes through.
 * Posts without a form id (old pages, the API, scripts) behave as they always did.
 */
@Singleton
public class OnceOnlyForms {
    public static final String FIELD = "_form";
    /** A double click is a second; a resend after a slow page or a lost connection, minutes. An hour covers both. */
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_PATH = 300;
    private static final int MAX_LOCATION = 1000;
    private static final String CLAIM = "assure.form-claim";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final FormSubmissionRepository submissions;
    private final Csrf csrf;
    private final ErrorPages errorPages;
    private final Clock clock;
    private final long maxAnonymous;
    private final Duration wait;

    OnceOnlyForms(FormSubmissionRepository submissions, Csrf csrf, ErrorPages errorPages, Clock clock,
                  @Value("${assure.forms.max-anonymous-claims:20000}") long maxAnonymous,
                  @Value("${assure.forms.wait-for-first:30s}") Duration wait) {
        this.submissions = submissions;
        this.csrf = csrf;
        this.errorPages = errorPages;
        this.clock = clock;
        this.maxAnonymous = maxAnonymous;
        this.wait = wait;
    }

    /** A new form id: 128 random bits, so no one can guess another person's (and it is bound to their browser anyway). */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Claims the post's form id before the controller runs. Null lets the post proceed (claimed, or without a
     * form id); otherwise the answer to give instead: the first post's redirect, or a page saying the first is
     * still being done. Waits for a first post still running, so it must run on the blocking executor.
     */
    @Nullable HttpResponse<?> claim(ServerHttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST || request.getPath().length() > MAX_PATH) {
            return null;
        }
        Optional<String> seed = csrf.browserSeed(request);
        String formId = formId(request);
        if (seed.isEmpty() || formId == null) {
            return null;
        }
        String key = SigningKey.hash(seed.get() + ":" + formId);
        boolean signedIn = request.getUserPrincipal(Authentication.class).isPresent();
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 20;
        while (true) {
            Optional<FormSubmission> earlier = submissions.findById(key);
            if (earlier.isPresent()) {
                FormSubmission first = earlier.get();
                if (!first.path().equals(request.getPath())) {
                    return null; // a form id copied onto another form: that form has not been sent, let it run as without one
                }
                if (first.location() != null) {
                    return HttpResponse.seeOther(URI.create(first.location()));
                }
                if (System.nanoTime() > deadline) {
                    return errorPages.page(request, HttpStatus.CONFLICT, "error/form-pending");
                }
                sleep(pause);
                pause = Math.min(pause * 2, 200);
                continue;
            }
            // Anyone can post the sign-in and reset forms: past this many such claims, those posts just run
            // as they would without a form id, so a flood cannot grow the table without bound.
            if (!signedIn && submissions.countAnonymous() >= maxAnonymous) {
                return null;
            }
            try {
                submissions.save(new FormSubmission(key, request.getPath(), signedIn, null, clock.instant()));
                request.setAttribute(CLAIM, key);
                return null;
            } catch (DataAccessException e) {
                if (!DatabaseErrors.isDuplicateKey(e)) {
                    throw e;
                }
                // the same form, posted at the same moment, claimed it first: wait for that one
            }
        }
    }

    /**
     * After the controller: a redirect is remembered for a second post of the same form; anything else releases
     * the claim. So does a sign-in or sign-out, whose redirect only works with the cookies of its own response,
     * which a browser drops when a second click cancelled it: signing in again is what the second post should do.
     */
    void finish(HttpRequest<?> request, HttpResponse<?> response) {
        Optional<String> key = request.getAttribute(CLAIM, String.class);
        if (key.isEmpty()) {
            return;
        }
        request.removeAttribute(CLAIM, String.class);
        String location = response.getHeaders().get("Location");
        if (response.getStatus().getCode() / 100 == 3 && location != null && location.length() <= MAX_LOCATION
                && !csrf.rotated(request)) {
            submissions.finish(key.get(), location);
        } else {
            submissions.release(key.get());
        }
    }

    /** Housekeeping: claims older than {@link #LIFETIME} go. Says how many. */
    public long deleteExpired() {
        return submissions.deleteClaimedBefore(clock.instant().minus(LIFETIME));
    }

    private static @Nullable String formId(ServerHttpRequest<?> request) {
        boolean urlEncoded = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        String id;
        if (urlEncoded) {
            List<String> ids = FormBodies.fields(request).getOrDefault(FIELD, List.of());
            id = ids.size() == 1 ? ids.get(0) : null;
        } else if (request.getContentType().map(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false)) {
            id = request.getParameters().get(FIELD);
        } else {
            id = null;
        }
        // A malformed id (too long, odd characters) is no id: the post behaves as one from an old page.
        return id != null && WELL_FORMED.matcher(id).matches() ? id : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first post of a form", e);
        }
    }
}
