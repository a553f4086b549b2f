package org.assure.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.sql.SQLTransientConnectionException;

/** Test-only routes that fail the way production code can, to prove what a person then sees. */
@Controller("/test-failures")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "test.failing-controller", value = "true")
class FailingController {
    @Get("/bug")
    String bug() {
        throw new IllegalStateException("secret internal detail");
    }

    @Get("/database-down")
    String databaseDown() {
        throw new RuntimeException(new SQLTransientConnectionException("Connection is not available, request timed out"));
    }
}
