package org.assure.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.core.type.Argument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Calls the API as a BI tool would: a bearer token, no cookies. */
final class ApiCalls {
    record Answer(int status, String body, Map<String, Object> json) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> data() {
            return (List<Map<String, Object>>) json.get("data");
        }
    }

    private final URI base;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ApiCalls(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    Answer get(String token, String path) {
        return send(token, path, "GET", HttpRequest.BodyPublishers.noBody());
    }

    Answer send(String token, String path, String method, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!"GET".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> parsed = Map.of();
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                parsed = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            }
            return new Answer(response.statusCode(), response.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
