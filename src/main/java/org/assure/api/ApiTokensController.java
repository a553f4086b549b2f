package org.assure.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

/**
 * Admins create API tokens for their BI tools and revoke them. A new token's secret is on the page that answers the
 * create form, and nowhere else ever: the list, the audit trail and the logs know only its name.
 */
@Controller(ApiTokensController.PATH)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiTokensController {
    static final String PATH = "/api-tokens";

    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin, @Nullable @QueryValue String done) {
        return Forms.page("api/tokens", Model.of("tokens", tokens.list(admin)).with("done", "revoked".equals(done) ? "Token revoked" : null));
    }

    @Get("/new")
    MutableHttpResponse<?> newForm(CurrentUser admin) {
        tokens.list(admin); // admins only, before anything is shown
        return Forms.page("api/token-form", formModel(TokenForm.empty()));
    }

    /** Answers with the page showing the secret (not a redirect): a page reached by GET could be shown again. */
    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(CurrentUser admin, @Body TokenForm form) {
        Validated<ApiTokens.Created> created = tokens.create(admin, form);
        if (!created.isValid()) {
            return Forms.invalid("api/token-form", formModel(form), created.errors());
        }
        return Forms.page("api/token-created", Model.of("token", created.value()))
                .header("Cache-Control", "no-store");
    }

    @Post("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(CurrentUser admin, @PathVariable long id) {
        tokens.revoke(admin, id);
        return Forms.seeOther(PATH + "?done=revoked");
    }

    private static Model formModel(TokenForm form) {
        return Model.of("form", form).with("nameMax", TokenForm.NAME_MAX);
    }
}
