package org.assure.actions;

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
import org.assure.actions.ActionPlans.ActionForm;
import org.assure.actions.ActionPlans.DecisionForm;
import org.assure.actions.ActionPlans.DoneForm;
import org.assure.actions.ActionPlans.DueDateForm;
import org.assure.actions.ActionPlans.SendBackForm;
import org.assure.actions.ActionPlans.VerifyForm;
import org.assure.actions.ActionPlans.WithdrawForm;
import org.assure.actions.ActionPlans.ProgressForm;
import org.assure.actions.ActionPlans.ProposalForm;
import org.assure.actions.ActionPlans.VerifierForm;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/** Action plans: a return's, an organisation's, and an action's page with the forms that move it. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActionsController {
    private static final Map<String, String> DONE = Map.ofEntries(Map.entry("added", "The action has been added to the action plan"),
            Map.entry("progress", "Your update has been recorded"), Map.entry("done", "The action is marked as done and waits for verification"),
            Map.entry("verified", "The action is verified"), Map.entry("sent-back", "The action is not verified: it is back in progress"),
            Map.entry("withdrawn", "The action is withdrawn"), Map.entry("due-date", "The new due date has been asked for"),
            Map.entry("decided", "The decision on the due date has been recorded"), Map.entry("verifier", "The verifier has been named"),
            Map.entry("proposal", "The owner and due date have been proposed"), Map.entry("accepted", "The action has been accepted"));

    private final ActionPlans plans;
    private final ActionChaseViews chaseViews;
    private final org.assure.returns.CarriedActions carried;
    private final Clock clock;

    ActionsController(ActionPlans plans, ActionChaseViews chaseViews, org.assure.returns.CarriedActions carried, Clock clock) {
        this.plans = plans;
        this.chaseViews = chaseViews;
        this.carried = carried;
        this.clock = clock;
    }

    private static @Nullable String done(@Nullable String code) {
        return code == null ? null : DONE.get(code);
    }

    // ---- the return's action plan ----

    @Get("/returns/{id}/actions")
    MutableHttpResponse<?> returnPlan(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String done) {
        return Forms.page("actions/return", returnModel(user, id, ActionForm.blank(null)).with("done", done(done)));
    }

    @Post("/returns/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(CurrentUser user, @PathVariable long id, @Body ActionForm body) {
        Validated<Long> added = plans.addForQuestion(user, id, body);
        if (!added.isValid()) {
            return Forms.invalid("actions/return", returnModel(user, id, body), added.errors());
        }
        return Forms.seeOther("/returns/" + id + "/actions?done=added#q-" + body.questionKey().strip());
    }

    /** The plan with a form per answer: the one posted as typed (with its errors), the others blank and without errors. */
    private Model returnModel(CurrentUser user, long id, ActionForm posted) {
        ActionPlans.ReturnPlan plan = plans.returnPlan(user, id);
        return Model.of("page", plan).with("carried", carried.of(plan.context())).with("posted", posted).with("blank", ActionForm.blank(null))
                .with("noErrors", FormErrors.none());
    }

    // ---- the organisation's action plan ----

    @Get("/organisations/{id}/actions")
    MutableHttpResponse<?> organisationPlan(CurrentUser user, @PathVariable long id) {
        return Forms.page("actions/organisation", Model.of("page", plans.organisationPlan(user, id)));
    }

    @Get("/organisations/{id}/actions/new")
    MutableHttpResponse<?> newAction(CurrentUser admin, @PathVariable long id) {
        return Forms.page("actions/new", Model.of("page", plans.organisationPlan(admin, id)).with("form", ActionForm.blank(null)));
    }

    @Post("/organisations/{id}/actions/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addByPartnership(CurrentUser admin, @PathVariable long id, @Body ActionForm body) {
        Validated<Long> added = plans.addByPartnership(admin, id, body);
        if (!added.isValid()) {
            return Forms.invalid("actions/new", Model.of("page", plans.organisationPlan(admin, id)).with("form", body), added.errors());
        }
        return Forms.seeOther("/actions/" + added.value() + "?done=added");
    }

    // ---- an action ----

    @Get("/actions/{id}")
    MutableHttpResponse<?> action(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String done) {
        return Forms.page("actions/action", model(user, id).with("done", done(done)));
    }

    /** The action's page with every form blank, today in the progress date; a failed form replaces its own blank. */
    private Model model(CurrentUser user, long id) {
        LocalDate today = Dates.today(clock);
        String d = String.valueOf(today.getDayOfMonth());
        String m = String.valueOf(today.getMonthValue());
        String y = String.valueOf(today.getYear());
        return Model.of("page", plans.page(user, id)).with("chases", chaseViews.ofAction(user.partnershipId(), id)).with("progress", new ProgressForm(null, d, m, y)).with("doneForm", new DoneForm(null))
                .with("verifyForm", new VerifyForm(null)).with("sendBackForm", new SendBackForm(null)).with("withdrawForm", new WithdrawForm(null))
                .with("dueForm", new DueDateForm(null, null, null, null)).with("decisionForm", new DecisionForm(null, null))
                .with("verifierForm", new VerifierForm(null)).with("proposalForm", new ProposalForm(null, null, null, null, null, null))
                .with("failed", "").with("noErrors", FormErrors.none());
    }

    private MutableHttpResponse<?> after(CurrentUser user, long id, Supplier<Validated<Long>> change, String formName, Object body, String done) {
        Validated<Long> result = change.get();
        if (!result.isValid()) {
            return invalid(user, id, formName, body, result.errors());
        }
        return Forms.seeOther("/actions/" + id + "?done=" + done);
    }

    private MutableHttpResponse<?> invalid(CurrentUser user, long id, String formName, Object body, FormErrors errors) {
        return Forms.invalid("actions/action", model(user, id).with(formName, body).with("failed", formName), errors);
    }

    @Post("/actions/{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> progress(CurrentUser user, @PathVariable long id, @Body ProgressForm body) {
        return after(user, id, () -> plans.progress(user, id, body), "progress", body, "progress");
    }

    @Post("/actions/{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> markDone(CurrentUser user, @PathVariable long id, @Body DoneForm body) {
        return after(user, id, () -> plans.done(user, id, body), "doneForm", body, "done");
    }

    @Post("/actions/{id}/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> verify(CurrentUser user, @PathVariable long id, @Body VerifyForm body) {
        return after(user, id, () -> plans.verify(user, id, body), "verifyForm", body, "verified");
    }

    @Post("/actions/{id}/send-back")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> sendBack(CurrentUser user, @PathVariable long id, @Body SendBackForm body) {
        return after(user, id, () -> plans.sendBack(user, id, body), "sendBackForm", body, "sent-back");
    }

    @Post("/actions/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(CurrentUser user, @PathVariable long id, @Body WithdrawForm body) {
        return after(user, id, () -> plans.withdraw(user, id, body), "withdrawForm", body, "withdrawn");
    }

    @Post("/actions/{id}/due-date")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> requestDueDate(CurrentUser user, @PathVariable long id, @Body DueDateForm body) {
        return after(user, id, () -> plans.requestDueDate(user, id, body), "dueForm", body, "due-date");
    }

    @Post("/actions/{id}/due-date/{changeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decideDueDate(CurrentUser admin, @PathVariable long id, @PathVariable long changeId, @Body DecisionForm body) {
        return after(admin, id, () -> plans.decideDueDate(admin, id, changeId, body), "decisionForm", body, "decided");
    }

    @Post("/actions/{id}/verifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> nameVerifier(CurrentUser admin, @PathVariable long id, @Body VerifierForm body) {
        return after(admin, id, () -> plans.nameVerifier(admin, id, body), "verifierForm", body, "verifier");
    }

    @Post("/actions/{id}/proposal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> propose(CurrentUser user, @PathVariable long id, @Body ProposalForm body) {
        return after(user, id, () -> plans.propose(user, id, body), "proposalForm", body, "proposal");
    }

    @Post("/actions/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> accept(CurrentUser admin, @PathVariable long id) {
        plans.accept(admin, id);
        return Forms.seeOther("/actions/" + id + "?done=accepted");
    }
}
