package org.assure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A posted url-encoded form's body, read once per request: the CSRF check, the keeping of forms posted after
 * a session expired and the replay check all need it, and the controller still gets the body after.
 * {@link FormBodyFilter} reads it without holding a thread, before any other filter, and refuses what cannot
 * be a form of ours (too large, too slow, bad percent-encoding, too many fields); later filters find it here.
 */
public final class FormBodies {
    /**
     * The largest url-encoded form accepted: a section of 60-odd questions, each with 10,000 characters of
     * evidence at three bytes a character once encoded, is under 2 MB. Files come as multipart, not here.
     */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Fields in one form: a section of 90 questions has six or seven fields each (answer, evidence, reason, date, version, confirm). */
    public static final int MAX_FIELDS = 2000;
    private static final String READ = "assure.form-body";
    private static final String FIELDS = "assure.form-fields";

    private FormBodies() {
    }

    /** A body that is not a form we can read: the reason is for the log, never for the page. */
    static final class Malformed extends IllegalArgumentException {
        Malformed(String reason) {
            super(reason);
        }
    }

    /** A body longer than {@link #MAX_BYTES}. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("form body over " + MAX_BYTES + " bytes", null, false, false);
        }
    }

    /**
     * The body's bytes. Normally {@link FormBodyFilter} has read them already; otherwise (a filter that runs
     * before it) they are read here, waiting at most 10 seconds; null when they did not arrive.
     */
    public static byte @Nullable [] read(ServerHttpRequest<?> request) {
        var cached = request.getAttribute(READ, byte[].class);
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            byte[] bytes = readUpTo(request.byteBody(), MAX_BYTES).get(10, TimeUnit.SECONDS);
            request.setAttribute(READ, bytes);
            return bytes;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The form's fields in order, each name with its values; empty when the body could not be read or parsed. */
    public static Map<String, List<String>> fields(ServerHttpRequest<?> request) {
        @SuppressWarnings("unchecked")
        var cached = (Map<String, List<String>>) request.getAttribute(FIELDS).orElse(null);
        if (cached != null) {
            return cached;
        }
        byte[] body = read(request);
        Map<String, List<String>> fields;
        try {
            fields = body == null ? Map.of() : parse(new String(body, StandardCharsets.UTF_8));
        } catch (Malformed e) {
            fields = Map.of();
        }
        request.setAttribute(FIELDS, fields);
        return fields;
    }

    static void remember(ServerHttpRequest<?> request, byte[] body, Map<String, List<String>> fields) {
        request.setAttribute(READ, body);
        request.setAttribute(FIELDS, Collections.unmodifiableMap(fields));
    }

    /**
     * Reads the whole body into memory, at most {@code limit} bytes, without blocking: the request keeps its
     * own copy for the controller. {@link ByteBody.SplitBackpressureMode#FASTEST} matters: the default
     * (SLOWEST) waits for the controller's copy to ask for data, which it never does before the filters have
     * run, so a body of more than one network chunk (about 64 KiB) never completed.
     */
    static CompletableFuture<byte[]> readUpTo(ByteBody body, int limit) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        body.split(ByteBody.SplitBackpressureMode.FASTEST).toByteArrayPublisher().subscribe(new Subscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(byte[] chunk) {
                if (done.isDone()) {
                    return;
                }
                if (bytes.size() + chunk.length > limit) {
                    subscription.cancel();
                    done.completeExceptionally(new TooLarge());
                    return;
                }
                bytes.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(bytes.toByteArray());
            }
        });
        return done;
    }

    /**
     * Parses a url-encoded body strictly: a bad percent-escape ({@code %ZZ}, a cut-off {@code %4}) or more
     * than {@link #MAX_FIELDS} fields is {@link Malformed}, where {@link java.net.URLDecoder} would throw
     * from wherever it was called.
     */
    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                throw new Malformed("more than " + MAX_FIELDS + " fields");
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new Malformed("a bad percent-escape");
                }
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
