package org.assure.accounts;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/**
 * The "Stay signed in" button of the idle-timeout warning posts here. Reaching this controller is the whole
 * job: authenticating the request marks the session as used ({@link Sessions#authenticate}), so its idle time
 * starts again. A session that already ended is refused by the route table before this runs.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class KeepAliveController {
    @Post("/session/keep-alive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> keepAlive() {
        return HttpResponse.noContent();
    }
}
