package org.assure.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;

import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;
import org.assure.access.RouteRules;

import java.sql.SQLTransientConnectionException;
import java.util.List;

/** Test-only routes that fail the way production code can, to prove what a person then sees. */
@Controller("/test-failures")
@Produces(MediaType.TEXT_HTML)
@Requires(property = "test.failing-controller", value = "true")
class FailingController {
    /** Their rules: anyone may call them, so the error pages are tested as an anonymous visitor sees them. */
    @Singleton
    @Requires(property = "test.failing-controller", value = "true")
    static class Routes implements RouteRules {
        @Override
        public List<Rule> rules() {
            return List.of(RouteRules.rule(HttpMethod.GET, "/test-failures/bug", Scope.NONE, "A bug", ANYONE),
                    RouteRules.rule(HttpMethod.GET, "/test-failures/database-down", Scope.NONE, "The database gone", ANYONE));
        }
    }

    @Get("/bug")
    String bug() {
        throw new IllegalStateException("secret internal detail");
    }

    @Get("/database-down")
    String databaseDown() {
        throw new RuntimeException(new SQLTransientConnectionException("Connection is not available, request timed out"));
    }
}
