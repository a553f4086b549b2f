package org.assure.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.assure.access.RouteRules;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only forms whose first post can be held open (a double click lands while it runs), re-shown with an
 * error (422), or failed (500), to prove what {@link OnceOnlyForms} does with the second post of each.
 */
@Controller("/test-forms")
@Produces(MediaType.TEXT_HTML)
@Requires(property = "test.slow-form-controller", value = "true")
class SlowFormController {
    static final AtomicInteger CHANGES = new AtomicInteger();
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(0);

    @Singleton
    @Requires(property = "test.slow-form-controller", value = "true")
    static class Routes implements RouteRules {
        @Override
        public List<Rule> rules() {
            return List.of(RouteRules.rule(HttpMethod.GET, "/test-forms", Scope.NONE, "A test form", ANYONE),
                    RouteRules.rule(HttpMethod.POST, "/test-forms/change", Scope.NONE, "A test change", ANYONE),
                    RouteRules.rule(HttpMethod.POST, "/test-forms/other", Scope.NONE, "Another test change", ANYONE));
        }
    }

    @Serdeable
    record ChangeForm(String outcome) {
    }

    private final Csrf csrf;

    SlowFormController(Csrf csrf) {
        this.csrf = csrf;
    }

    @Get
    String page(HttpRequest<?> request) {
        return "<form method=\"post\" action=\"/test-forms/change\"><input type=\"hidden\" name=\"_csrf\" value=\"" + csrf.tokenFor(request)
                + "\"><input type=\"hidden\" name=\"_form\" value=\"" + OnceOnlyForms.newId() + "\"></form>";
    }

    /** outcome "ok" makes a change and redirects to its own page; "invalid" answers 422; "fail" throws. */
    @Post("/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(@Body ChangeForm form) throws InterruptedException {
        entered.countDown();
        if (!release.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the test never released the first post");
        }
        return switch (form.outcome()) {
            case "invalid" -> HttpResponse.unprocessableEntity().body("<p>Try again</p>");
            case "fail" -> throw new IllegalStateException("a bug");
            default -> HttpResponse.seeOther(URI.create("/test-forms?change=" + CHANGES.incrementAndGet()));
        };
    }

    @Post("/other")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> other() {
        return HttpResponse.seeOther(URI.create("/test-forms?other=" + CHANGES.incrementAndGet()));
    }
}
