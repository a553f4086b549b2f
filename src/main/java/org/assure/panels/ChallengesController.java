package org.assure.panels;

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
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Map;

/** A case's challenges: the panel drafts and releases them; the organisation reads and answers them on its return's page. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChallengesController {
    private static final Map<String, String> PANEL_DONE = Map.of("drafted", "The challenge has been drafted. Only the panel can see it.",
            "changed", "The draft has been changed", "withdrawn", "The draft has been withdrawn",
            "released", "The challenges have been released to the organisation and its leads emailed",
            "nothing", "There were no drafts to release: nothing has changed");
    private static final Map<String, String> RETURN_DONE = Map.of("answered", "Your answer has been sent to the panel");

    private final CaseChallenges challenges;

    ChallengesController(CaseChallenges challenges) {
        this.challenges = challenges;
    }

    @Serdeable
    public record DraftBody(@Nullable String kind, @Nullable String itemKey, @Nullable String text) {
        CaseChallenges.DraftForm form() {
            return new CaseChallenges.DraftForm(kind, itemKey, text);
        }
    }

    @Serdeable
    public record ReleaseBody(@Nullable String dueDay, @Nullable String dueMonth, @Nullable String dueYear) {
        CaseChallenges.ReleaseForm form() {
            return new CaseChallenges.ReleaseForm(dueDay, dueMonth, dueYear);
        }
    }

    @Serdeable
    public record AnswerBody(@Nullable String answer) {
    }

    private static String path(long id, long caseId) {
        return "/panels/" + id + "/cases/" + caseId + "/challenges";
    }

    // ---- the panel's side ----

    @Get("/panels/{id}/cases/{caseId}/challenges")
    MutableHttpResponse<?> panelPage(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Nullable @QueryValue String done) {
        return Forms.page("panels/challenges", panelModel(user, id, caseId).with("done", done == null ? null : PANEL_DONE.get(done)));
    }

    private Model panelModel(CurrentUser user, long id, long caseId) {
        return Model.of("page", challenges.panelPage(user, id, caseId)).with("draft", challenges.blankDraft())
                .with("release", challenges.blankRelease());
    }

    @Post("/panels/{id}/cases/{caseId}/challenges")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> draft(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Body DraftBody body) {
        Validated<Long> done = challenges.draft(user, id, caseId, body.form());
        if (!done.isValid()) {
            return Forms.invalid("panels/challenges", panelModel(user, id, caseId).with("draft", body.form()), done.errors());
        }
        return Forms.seeOther(path(id, caseId) + "?done=drafted#drafts");
    }

    @Post("/panels/{id}/cases/{caseId}/challenges/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> release(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Body ReleaseBody body) {
        Validated<Integer> done = challenges.release(user, id, caseId, body.form());
        if (!done.isValid()) {
            return Forms.invalid("panels/challenges", panelModel(user, id, caseId).with("release", body.form()), done.errors());
        }
        return Forms.seeOther(path(id, caseId) + "?done=" + (done.value() == 0 ? "nothing" : "released") + "#released");
    }

    @Get("/panels/{id}/cases/{caseId}/challenges/{challengeId}")
    MutableHttpResponse<?> editPage(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @PathVariable long challengeId) {
        return Forms.page("panels/challenge", editModel(user, id, caseId, challengeId).with("draft", challenges.formOf(user, id, caseId, challengeId)));
    }

    private Model editModel(CurrentUser user, long id, long caseId, long challengeId) {
        return Model.of("page", challenges.panelPage(user, id, caseId)).with("challenge", challenges.draftView(user, id, caseId, challengeId));
    }

    @Post("/panels/{id}/cases/{caseId}/challenges/{challengeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @PathVariable long challengeId,
                                  @Body DraftBody body) {
        Validated<Long> done = challenges.change(user, id, caseId, challengeId, body.form());
        if (!done.isValid()) {
            return Forms.invalid("panels/challenge", editModel(user, id, caseId, challengeId).with("draft", body.form()), done.errors());
        }
        return Forms.seeOther(path(id, caseId) + "?done=changed#drafts");
    }

    @Post("/panels/{id}/cases/{caseId}/challenges/{challengeId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @PathVariable long challengeId) {
        challenges.withdraw(user, id, caseId, challengeId);
        return Forms.seeOther(path(id, caseId) + "?done=withdrawn#drafts");
    }

    // ---- the organisation's side ----

    @Get("/returns/{id}/challenges")
    MutableHttpResponse<?> returnPage(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String done) {
        return Forms.page("returns/challenges", Model.of("page", challenges.returnPage(user, id)).with("done", done == null ? null : RETURN_DONE.get(done)));
    }

    @Get("/returns/{id}/challenges/{challengeId}")
    MutableHttpResponse<?> answerPage(CurrentUser user, @PathVariable long id, @PathVariable long challengeId) {
        CaseChallenges.AnswerPage page = challenges.answerPage(user, id, challengeId);
        return Forms.page("returns/challenge-answer", Model.of("page", page).with("answer", new AnswerBody(page.challenge().answer())));
    }

    @Post("/returns/{id}/challenges/{challengeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> answer(CurrentUser user, @PathVariable long id, @PathVariable long challengeId, @Body AnswerBody body) {
        Validated<Long> done = challenges.answer(user, id, challengeId, body.answer());
        if (!done.isValid()) {
            return Forms.invalid("returns/challenge-answer", Model.of("page", challenges.answerPage(user, id, challengeId)).with("answer", body),
                    done.errors());
        }
        return Forms.seeOther("/returns/" + id + "/challenges?done=answered#challenge-" + challengeId);
    }
}
