package org.assure.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.RouteRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The read-only JSON API for a partnership's BI tools (issue 14): what is here is in src/main/resources/api/openapi.yaml,
 * and ApiMatchesItsOpenApiWebTest holds the two to each other. {@link ApiFilter} has authenticated the token already.
 */
@Controller(ApiFilter.PREFIX)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiController {
    private final ApiData data;
    private final JsonMapper json;
    private final byte[] openApi;

    ApiController(ApiData data, JsonMapper json) {
        this.data = data;
        this.json = json;
        try (InputStream in = ApiController.class.getResourceAsStream("/api/openapi.yaml")) {
            this.openApi = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("src/main/resources/api/openapi.yaml is missing", e);
        }
    }

    @Get("/openapi.yaml")
    @Produces({"application/yaml", MediaType.ALL}) // a browser asks for text/html; it gets the YAML all the same
    HttpResponse<?> openApi() {
        return HttpResponse.ok(new String(openApi, StandardCharsets.UTF_8)).contentType("application/yaml");
    }

    @Get("/cycles")
    HttpResponse<?> cycles(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                           @Nullable @QueryValue String cycle, @Nullable @QueryValue String changedSince) {
        return list(request, "/cycles", data::cycles, page, size, cycle, changedSince);
    }

    @Get("/organisations")
    HttpResponse<?> organisations(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                  @Nullable @QueryValue String cycle, @Nullable @QueryValue String changedSince) {
        return list(request, "/organisations", data::organisations, page, size, cycle, changedSince);
    }

    @Get("/returns")
    HttpResponse<?> returns(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                            @Nullable @QueryValue String cycle, @Nullable @QueryValue String changedSince) {
        return list(request, "/returns", data::returns, page, size, cycle, changedSince);
    }

    @Get("/actions")
    HttpResponse<?> actions(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                            @Nullable @QueryValue String cycle, @Nullable @QueryValue String changedSince) {
        return list(request, "/actions", data::actions, page, size, cycle, changedSince);
    }

    @Get("/panel-outcomes")
    HttpResponse<?> panelOutcomes(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                  @Nullable @QueryValue String cycle, @Nullable @QueryValue String changedSince) {
        return list(request, "/panel-outcomes", data::panelOutcomes, page, size, cycle, changedSince);
    }

    private HttpResponse<?> list(HttpRequest<?> request, String path, BiFunction<ApiTokens.Caller, ApiQuery, ApiData.Rows> read,
                                 @Nullable String page, @Nullable String size, @Nullable String cycle, @Nullable String changedSince) {
        ApiTokens.Caller caller = request.getAttribute(RouteRules.API_CALLER, ApiTokens.Caller.class)
                .orElseThrow(() -> new IllegalStateException("ApiFilter did not run for " + request.getPath()));
        ApiQuery query;
        try {
            query = ApiQuery.read(page, size, cycle, changedSince);
        } catch (ApiQuery.Invalid e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        ApiData.Rows rows;
        try {
            rows = read.apply(caller, query);
        } catch (ApiData.UnknownCycle e) {
            return error(HttpStatus.NOT_FOUND, "No cycle " + query.cycle());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", rows.data());
        body.put("page", query.page());
        body.put("size", query.size());
        body.put("next", rows.more() ? query.next(ApiFilter.PREFIX + path) : null);
        return json(HttpStatus.OK, body);
    }

    private MutableHttpResponse<?> json(HttpStatus status, Object body) {
        try {
            return HttpResponse.status(status).body(json.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error as the API answers it: {"error": "..."}, never an HTML page. */
    static MutableHttpResponse<?> error(HttpStatus status, String message) {
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        return HttpResponse.status(status).body("{\"error\":\"" + escaped + "\"}").contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
