package org.assure.web;

import org.assure.testsupport.TestBrowser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Requests a browser would not send, built by hand: any content type and body, in the cookies of a
 * {@link TestBrowser} (so signed in as its person), with a timeout so that a server that hangs fails the test.
 */
final class RawRequests {
    private final URI base;
    private final HttpClient client;

    RawRequests(URI base, TestBrowser browser) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(browser.cookies()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Answer(int status, String body, HttpResponse<String> raw, long millis) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").GET());
    }

    Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            var response = client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status line and headers of a request written byte for byte, for what an HTTP client refuses to send. */
    static String rawExchange(URI base, String request, Duration wait) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0 && answer.length() < 200_000) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // the server keeps the connection alive: what came is the answer
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
