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
import org.assure.kernel.FormErrors;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.List;
import java.util.Map;

/** Panels: the list, setting one up, its members and cases, a case's page and its conflicts of interest. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PanelsController {
    private static final Map<String, String> DONE = Map.of("created", "The panel has been set up. Add its members and cases below.",
            "changed", "The panel's details have been changed", "member", "The member has been added to the panel",
            "member-removed", "The member has been taken off the panel", "cases", "The cases have been added to the panel",
            "no-cases", "Those returns are already before the panel", "case-removed", "The case has been taken off the panel",
            "declared", "Your interest has been recorded: you will not mark or see that case");
    private static final Map<String, String> CASE_DONE = Map.of("declared", "Your interest has been recorded: you will not mark this case",
            "conflict", "The conflict of interest has been recorded", "cleared", "The conflict of interest has been cleared");

    private final Panels panels;
    private final Marking marking;

    PanelsController(Panels panels, Marking marking) {
        this.panels = panels;
        this.marking = marking;
    }

    @Serdeable
    public record PanelBody(@Nullable String cycleId, @Nullable String name, @Nullable String kind, @Nullable String meetsDay,
                            @Nullable String meetsMonth, @Nullable String meetsYear, @Nullable String place, @Nullable String dueDay,
                            @Nullable String dueMonth, @Nullable String dueYear, @Nullable String markingBy, @Nullable String moderatorId) {
        Panels.PanelForm form() {
            return new Panels.PanelForm(cycleId, name, kind, meetsDay, meetsMonth, meetsYear, place, dueDay, dueMonth, dueYear, markingBy, moderatorId);
        }
    }

    @Serdeable
    public record MemberBody(@Nullable String accountId, @Nullable String worksForId, @Nullable String name, @Nullable String email) {
    }

    @Serdeable
    public record CasesBody(@Nullable String source, @Nullable List<String> listed, @Nullable String returnId, @Nullable String detail) {
    }

    @Serdeable
    public record DeclareBody(@Nullable String declaredReason) {
    }

    @Serdeable
    public record ConflictBody(@Nullable String conflictAccountId, @Nullable String conflictReason) {
    }

    @Serdeable
    public record ClearBody(@Nullable String clearReason) {
    }

    @Get("/panels")
    MutableHttpResponse<?> list(CurrentUser admin) {
        return Forms.page("panels/list", Model.of("rows", panels.list(admin)));
    }

    @Get("/panels/new")
    MutableHttpResponse<?> newPanel(CurrentUser admin) {
        return Forms.page("panels/form", Model.of("page", panels.form(admin, null)).with("form", panels.blankForm()));
    }

    @Post("/panels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(CurrentUser admin, @Body PanelBody body) {
        Validated<Long> done = panels.create(admin, body.form());
        if (!done.isValid()) {
            return Forms.invalid("panels/form", Model.of("page", panels.form(admin, null)).with("form", body.form()), done.errors());
        }
        return Forms.seeOther("/panels/" + done.value() + "?done=created");
    }

    @Get("/panels/{id}")
    MutableHttpResponse<?> panel(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String done) {
        return panelPage(user, id, FormErrors.none(), null, null, done == null ? null : DONE.get(done));
    }

    private MutableHttpResponse<?> panelPage(CurrentUser user, long id, FormErrors errors, @Nullable MemberBody member, @Nullable CasesBody cases) {
        return panelPage(user, id, errors, member, cases, null);
    }

    private MutableHttpResponse<?> panelPage(CurrentUser user, long id, FormErrors errors, @Nullable MemberBody member, @Nullable CasesBody cases,
                                             @Nullable String done) {
        Panels.PanelPage page = panels.page(user, id);
        Model model = Model.of("page", page).with("agreement", marking.panelAgreement(user, id, page.cases())).with("done", done).with("member", member == null ? new MemberBody(null, null, null, null) : member)
                .with("cases", cases == null ? new CasesBody(null, List.of(), null, null) : cases);
        return errors.isEmpty() ? Forms.page("panels/panel", model) : Forms.invalid("panels/panel", model, errors);
    }

    @Get("/panels/{id}/edit")
    MutableHttpResponse<?> edit(CurrentUser admin, @PathVariable long id) {
        return Forms.page("panels/form", Model.of("page", panels.form(admin, id)).with("form", panels.formOf(admin, id)));
    }

    @Post("/panels/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(CurrentUser admin, @PathVariable long id, @Body PanelBody body) {
        Validated<Long> done = panels.edit(admin, id, body.form());
        if (!done.isValid()) {
            return Forms.invalid("panels/form", Model.of("page", panels.form(admin, id)).with("form", body.form()), done.errors());
        }
        return Forms.seeOther("/panels/" + id + "?done=changed");
    }

    @Post("/panels/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addMember(CurrentUser admin, @PathVariable long id, @Body MemberBody body) {
        Validated<Long> done = panels.addMember(admin, id, new Panels.MemberForm(body.accountId(), body.worksForId(), body.name(), body.email()));
        if (!done.isValid()) {
            return panelPage(admin, id, done.errors(), body, null);
        }
        return Forms.seeOther("/panels/" + id + "?done=member#members");
    }

    @Post("/panels/{id}/members/{memberId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeMember(CurrentUser admin, @PathVariable long id, @PathVariable long memberId) {
        panels.removeMember(admin, id, memberId);
        return Forms.seeOther("/panels/" + id + "?done=member-removed#members");
    }

    @Post("/panels/{id}/cases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addCases(CurrentUser admin, @PathVariable long id, @Body CasesBody body) {
        Validated<Integer> done = panels.addCases(admin, id, new Panels.CasesForm(body.source(), body.listed(), body.returnId(), body.detail()));
        if (!done.isValid()) {
            return panelPage(admin, id, done.errors(), null, body);
        }
        return Forms.seeOther("/panels/" + id + "?done=" + (done.value() == 0 ? "no-cases" : "cases") + "#cases");
    }

    @Post("/panels/{id}/cases/{caseId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeCase(CurrentUser admin, @PathVariable long id, @PathVariable long caseId) {
        panels.removeCase(admin, id, caseId);
        return Forms.seeOther("/panels/" + id + "?done=case-removed#cases");
    }

    @Get("/panels/{id}/cases/{caseId}")
    MutableHttpResponse<?> casePage(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Nullable @QueryValue String done) {
        return Forms.page("panels/case", caseModel(user, id, caseId).with("done", done == null ? null : CASE_DONE.get(done)));
    }

    private Model caseModel(CurrentUser user, long id, long caseId) {
        return Model.of("page", panels.casePage(user, id, caseId)).with("agreement", marking.caseAgreement(user, id, caseId))
                .with("declare", new DeclareBody(null))
                .with("conflict", new ConflictBody(null, null)).with("clear", new ClearBody(null));
    }

    @Post("/panels/{id}/cases/{caseId}/declare")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> declare(CurrentUser member, @PathVariable long id, @PathVariable long caseId, @Body DeclareBody body) {
        Validated<Long> done = panels.declare(member, id, caseId, body.declaredReason());
        if (!done.isValid()) {
            return Forms.invalid("panels/case", caseModel(member, id, caseId).with("declare", body), done.errors());
        }
        // they now have a conflict, so the case is closed to them: back to the panel
        return Forms.seeOther("/panels/" + id + "?done=declared");
    }

    @Post("/panels/{id}/cases/{caseId}/conflicts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addConflict(CurrentUser admin, @PathVariable long id, @PathVariable long caseId, @Body ConflictBody body) {
        Validated<Long> done = panels.addConflict(admin, id, caseId, body.conflictAccountId(), body.conflictReason());
        if (!done.isValid()) {
            return Forms.invalid("panels/case", caseModel(admin, id, caseId).with("conflict", body), done.errors());
        }
        return Forms.seeOther("/panels/" + id + "/cases/" + caseId + "?done=conflict#conflicts");
    }

    @Post("/panels/{id}/cases/{caseId}/conflicts/{conflictId}/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> clearConflict(CurrentUser admin, @PathVariable long id, @PathVariable long caseId, @PathVariable long conflictId,
                                         @Body ClearBody body) {
        Validated<Long> done = panels.clearConflict(admin, id, caseId, conflictId, body.clearReason());
        if (!done.isValid()) {
            return Forms.invalid("panels/case", caseModel(admin, id, caseId).with("clear", body).with("clearing", conflictId), done.errors());
        }
        return Forms.seeOther("/panels/" + id + "/cases/" + caseId + "?done=cleared#conflicts");
    }
}
