package org.assure.returns;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated person of {@link DeadlineDayBenchmark}: signs in as a browser would (cookies, CSRF token from
 * the page), opens their return's section, then saves it again and again with ten changed answers.
 */
final class DeadlineDayPerson {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"([a-z0-9-]+)-version\" value=\"(-?\\d+)\"");
    private static final int MAX_ERROR_SAMPLES = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Account(String email, String password, long returnId) {
    }

    /** Latencies of the saves that started inside the measured window; errors in that window; every save attempted. */
    record Result(long[] latenciesNanos, long errors, long allSaves) {
    }

    private final HttpClient http;
    private final URI base;
    private final Account account;
    private final String sectionPath;
    private final List<String> keys;
    private final int changed;
    private final int pauseMs;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Map<String, Integer> versions = new HashMap<>();
    private String csrf = "";

    DeadlineDayPerson(HttpClient http, URI base, Account account, String section, List<String> keys, int changed, int pauseMs) {
        this.http = http;
        this.base = base;
        this.account = account;
        this.sectionPath = "/returns/" + account.returnId() + "/sections/" + section;
        this.keys = keys;
        this.changed = changed;
        this.pauseMs = pauseMs;
    }

    void signInAndOpen() throws IOException, InterruptedException {
        get("/sign-in");
        HttpResponse<String> signedIn = post("/sign-in", form(Map.of("email", account.email(), "password", account.password())));
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("Cannot sign in " + account.email() + ": " + signedIn.statusCode());
        }
        openSection();
    }

    /** Reads the section page as the person sees it: the CSRF token and each answer's version. */
    private void openSection() throws IOException, InterruptedException {
        HttpResponse<String> page = get(sectionPath);
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Cannot open " + sectionPath + ": " + page.statusCode());
        }
        Matcher m = VERSION.matcher(page.body());
        while (m.find()) {
            versions.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        if (!versions.keySet().containsAll(keys)) {
            throw new IllegalStateException("The page of " + sectionPath + " lacks questions: " + versions.keySet());
        }
    }

    /** Saves until {@code end}; saves started from {@code from} on are counted. */
    Result saveUntil(long from, long end, Queue<String> errorSamples) throws InterruptedException {
        long[] latencies = new long[1024];
        int counted = 0;
        long errors = 0;
        long all = 0;
        for (int round = 0; ; round++) {
            long start = System.nanoTime();
            if (start >= end) {
                break;
            }
            String body = sectionForm(round);
            int status;
            String failure = null;
            try {
                HttpResponse<String> r = post(sectionPath, body);
                status = r.statusCode();
                if (status != 303) {
                    failure = status + " " + r.body().substring(0, Math.min(r.body().length(), 400)).replaceAll("\\s+", " ");
                }
            } catch (IOException e) {
                status = -1;
                failure = e.toString();
            }
            long took = System.nanoTime() - start;
            all++;
            boolean inWindow = start >= from;
            if (failure == null) {
                // each changed answer's version went up by one (from -1, no answer, to 0 on the first save)
                keys.stream().limit(changed).forEach(k -> versions.merge(k, 1, Integer::sum));
                if (inWindow) {
                    if (counted == latencies.length) {
                        latencies = java.util.Arrays.copyOf(latencies, counted * 2);
                    }
                    latencies[counted++] = took;
                }
            } else {
                if (inWindow) {
                    errors++;
                }
                if (errorSamples.size() < MAX_ERROR_SAMPLES) {
                    errorSamples.add(account.email() + " round " + round + ": " + failure);
                }
                try {
                    openSection(); // start again from what is stored, as the person would after a refusal
                } catch (IOException | RuntimeException e) {
                    Thread.sleep(100);
                }
            }
            if (pauseMs > 0) {
                Thread.sleep(pauseMs);
            }
        }
        return new Result(java.util.Arrays.copyOf(latencies, counted), errors, all);
    }

    /**
     * The whole section as the page would post it: every question's version, the first {@code changed} answers
     * changed (rating alternates, evidence names the round, so every save writes each of them), the rest left
     * unanswered, and "save and come back later".
     */
    private String sectionForm(int round) {
        StringJoiner f = new StringJoiner("&");
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            boolean change = i < changed;
            f.add(pair(k, change ? (round % 2 == 0 ? "GREEN" : "AMBER") : ""));
            f.add(pair(k + "-evidence", change ? "Round " + round + ": staff briefing minutes, filtering and monitoring logs, "
                    + "online safety policy reviewed by governors." : ""));
            f.add(pair(k + "-version", String.valueOf(versions.get(k))));
        }
        f.add(pair("action", "later"));
        return f.toString();
    }

    private static String form(Map<String, String> fields) {
        StringJoiner f = new StringJoiner("&");
        fields.forEach((k, v) -> f.add(pair(k, v)));
        return f.toString();
    }

    private static String pair(String k, String v) {
        return URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        // the CSRF token of the last page, as the browser submitting that page would send it
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(pair("_csrf", csrf) + "&" + body)));
    }

    /** Sends with this person's cookies and keeps the ones the answer sets, as their browser would. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        URI uri = request.build().uri();
        request.timeout(TIMEOUT).header("Accept", "text/html");
        cookies.get(uri, Map.of()).forEach((name, values) -> {
            if (!values.isEmpty()) {
                request.header(name, String.join("; ", values));
            }
        });
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        cookies.put(uri, response.headers().map());
        return response;
    }
}
