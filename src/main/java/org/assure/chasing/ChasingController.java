package org.assure.chasing;

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
import io.micronaut.serde.annotation.Serdeable;
import org.assure.access.CurrentUser;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Validated;
import org.assure.web.FormBodies;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Map;

/** The chasing pages: a cycle's chasing and its rules, and one return's chasing, extensions, pauses and responses. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChasingController {
    private static final Map<String, String> DONE = Map.of("sent", "Today's due reminders and escalation steps have been sent. "
            + "The list below shows what went, to whom.", "rules", "Chasing rules saved");
    private final Chasing chasing;
    private final OverdueActions overdueActions;
    private final java.time.Clock clock;

    ChasingController(Chasing chasing, OverdueActions overdueActions, java.time.Clock clock) {
        this.chasing = chasing;
        this.overdueActions = overdueActions;
        this.clock = clock;
    }

    @Serdeable
    public record ExtensionBody(@Nullable String extensionDay, @Nullable String extensionMonth, @Nullable String extensionYear,
                         @Nullable String extensionReason) {
    }

    @Serdeable
    public record PauseBody(@Nullable String pauseDay, @Nullable String pauseMonth, @Nullable String pauseYear, @Nullable String pauseReason) {
    }

    @Serdeable
    public record ResponseBody(@Nullable String response) {
    }

    @Get("/cycles/{id}/chasing")
    MutableHttpResponse<?> cycle(CurrentUser admin, @PathVariable long id, @Nullable @QueryValue String done) {
        Model model = Model.of("page", chasing.page(admin, id)); // refuses another partnership's cycle before anything else is read
        return Forms.page("chasing/cycle", model.with("done", done == null ? null : DONE.get(done))
                .with("overdueActions", overdueActions.ofCycle(admin.partnershipId(), id, org.assure.kernel.Dates.today(clock))));
    }

    @Post("/cycles/{id}/chasing/send-now")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> sendNow(CurrentUser admin, @PathVariable long id) {
        chasing.sendNow(admin, id);
        return Forms.seeOther("/cycles/" + id + "/chasing?done=sent");
    }

    @Get("/cycles/{id}/chasing/rules")
    MutableHttpResponse<?> rules(CurrentUser admin, @PathVariable long id) {
        return Forms.page("chasing/rules", Model.of("page", chasing.rulesPage(admin, id)));
    }

    @Post("/cycles/{id}/chasing/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveRules(CurrentUser admin, @PathVariable long id, io.micronaut.http.HttpRequest<?> request) {
        // the ladders' fields are numbered (school-2-days …), so the form is read as its fields, already parsed by the filters
        Validated<Chasing.RulesPage> saved = chasing.saveRules(admin, id, FormBodies.fields((io.micronaut.http.ServerHttpRequest<?>) request));
        if (!saved.isValid()) {
            return Forms.invalid("chasing/rules", Model.of("page", saved.value()), saved.errors());
        }
        return Forms.seeOther("/cycles/" + id + "/chasing?done=rules");
    }

    @Get("/returns/{id}/chasing")
    MutableHttpResponse<?> ofReturn(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String done) {
        return returnPage(user, id, done == null ? null : NOTICES.get(done));
    }

    private static final Map<String, String> NOTICES = Map.of("extended", "Deadline extended", "paused", "Chasing paused",
            "resumed", "Chasing resumed", "responded", "Your response has been recorded; the partnership can see it");

    @Post("/returns/{id}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> extend(CurrentUser admin, @PathVariable long id, @Body ExtensionBody form) {
        Validated<String> done = chasing.extend(admin, id, new Chasing.ExtensionForm(form.extensionDay(), form.extensionMonth(),
                form.extensionYear(), form.extensionReason()));
        return done.isValid() ? Forms.seeOther("/returns/" + id + "/chasing?done=extended")
                : invalid(admin, id, done.errors(), Model.of("extension", form));
    }

    @Post("/returns/{id}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> pause(CurrentUser admin, @PathVariable long id, @Body PauseBody form) {
        Validated<String> done = chasing.pause(admin, id, new Chasing.PauseForm(form.pauseDay(), form.pauseMonth(), form.pauseYear(),
                form.pauseReason()));
        return done.isValid() ? Forms.seeOther("/returns/" + id + "/chasing?done=paused")
                : invalid(admin, id, done.errors(), Model.of("pause", form));
    }

    @Post("/returns/{id}/pause/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> endPause(CurrentUser admin, @PathVariable long id) {
        chasing.endPause(admin, id);
        return Forms.seeOther("/returns/" + id + "/chasing?done=resumed");
    }

    @Post("/returns/{id}/escalation-response")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> respond(CurrentUser chair, @PathVariable long id, @Body ResponseBody form) {
        Validated<String> done = chasing.respond(chair, id, new Chasing.ResponseForm(form.response()));
        return done.isValid() ? Forms.seeOther("/returns/" + id + "/chasing?done=responded")
                : invalid(chair, id, done.errors(), Model.of("response", form));
    }

    private MutableHttpResponse<?> invalid(CurrentUser user, long id, FormErrors errors, Model typed) {
        Model model = Model.of("page", chasing.returnPage(user, id));
        typed.forEach(model::with);
        return Forms.invalid("chasing/return", model, errors);
    }

    private MutableHttpResponse<?> returnPage(CurrentUser user, long id, @Nullable String notice) {
        return Forms.page("chasing/return", Model.of("page", chasing.returnPage(user, id)).with("notice", notice));
    }
}
