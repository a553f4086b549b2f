package org.assure.access;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A controller added without a rule in the route table: the table names it, and nobody can call it. */
@MicronautTest(transactional = false)
@Property(name = "test.unlisted-route", value = "true")
class RouteWithoutARuleWebTest extends WebTest {
    @Inject
    Router router;
    @Inject
    RouteAccess table;

    @Controller("/forgotten")
    @Produces(MediaType.TEXT_HTML)
    @Requires(property = "test.unlisted-route", value = "true")
    static class ForgottenController {
        @Get
        String page() {
            return "<p>should never be seen</p>";
        }
    }

    @Test
    void theRouteIsNamedAndRefusedToEveryone() {
        var routes = RouteAccess.of(router.uriRoutes());
        assertEquals(List.of(new RouteAccess.Route(io.micronaut.http.HttpMethod.GET, "/forgotten")), table.missing(routes));

        var anonymous = browser().get("/forgotten");
        assertEquals(303, anonymous.status());
        var p = fixtures.partnership();
        var admin = signedIn(fixtures.admin(p)).get("/forgotten");
        assertEquals(403, admin.status(), "not even an admin");
        assertFalse(admin.body().contains("should never be seen"));
    }
}
