package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
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
import org.assure.web.FormBodies;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.List;
import java.util.Map;

/** A case's moderation: the moderator's page, saved as a draft or confirmed. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationController {
    private static final Map<String, String> DONE = Map.of("drafted", "The moderation has been saved as a draft",
            "confirmed", "The moderation has been confirmed and the letter written from it",
            "unchanged", "Nothing had changed: the confirmed moderation stands as it was");

    private final Moderating moderating;

    ModerationController(Moderating moderating) {
        this.moderating = moderating;
    }

    @Get("/panels/{id}/cases/{caseId}/moderation")
    MutableHttpResponse<?> page(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Nullable @QueryValue String done) {
        return Forms.page("panels/moderation", Model.of("page", moderating.page(user, id, caseId)).with("form", moderating.formOf(user, id, caseId))
                .with("done", done == null ? null : DONE.get(done)));
    }

    @Post("/panels/{id}/cases/{caseId}/moderation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(CurrentUser moderator, @PathVariable long id, @PathVariable long caseId, HttpRequest<?> request) {
        // one rating field per section or question (rating-<key>), so the form is read as its fields
        Map<String, List<String>> fields = FormBodies.fields((ServerHttpRequest<?>) request);
        Moderating.ModerationForm form = Moderating.ModerationForm.of(fields);
        boolean confirm = fields.getOrDefault("intent", List.of()).contains("confirm");
        Validated<String> saved = moderating.save(moderator, id, caseId, form, confirm);
        if (!saved.isValid()) {
            return Forms.invalid("panels/moderation", Model.of("page", moderating.page(moderator, id, caseId)).with("form", form), saved.errors());
        }
        return Forms.seeOther("/panels/" + id + "/cases/" + caseId + "/moderation?done=" + saved.value());
    }
}
