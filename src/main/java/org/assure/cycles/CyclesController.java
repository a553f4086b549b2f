package org.assure.cycles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.views.ModelAndView;
import org.assure.access.CurrentUser;
import org.assure.returns.ReturnStatus;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assure.kernel.Dates;
import org.assure.kernel.Text;
import org.assure.web.Workbooks;

import static org.assure.web.Workbooks.XLSX;

/** Partnership admins create, edit, open, close and archive audit cycles, and follow their progress. */
@Controller("/cycles")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CyclesController {
    private static final Map<String, String> SAVED = Map.of("created", "Cycle created", "updated", "Changes saved",
            "opened", "Cycle opened: returns created, leads emailed and lead contacts without an account invited", "added", "Organisation added to the cycle",
            "closed", "Cycle closed", "archived", "Cycle archived", "reopened", "Cycle reopened: its returns can be changed again",
            "deleted", "Draft cycle deleted");
    private final CycleService cycles;
    private final Forms forms;

    CyclesController(CycleService cycles, Forms forms) {
        this.cycles = cycles;
        this.forms = forms;
    }

    @Serdeable
    record AddForm(@Nullable String organisationId) {
    }

    static String path(long id) {
        return "/cycles/" + id;
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin, @Nullable @QueryValue String saved) {
        return Forms.page("cycles/list", Model.of("cycles", cycles.list(admin)).with("saved", saved == null ? null : SAVED.get(saved)));
    }

    @Get("/new")
    MutableHttpResponse<?> newForm(CurrentUser admin) {
        List<CycleService.BankOption> options = cycles.bankOptions();
        CycleService.BankOption first = options.stream().filter(o -> o.value().startsWith("section-175/")).findFirst()
                .orElse(options.isEmpty() ? null : options.get(0));
        var a = first == null ? org.assure.banks.BankModel.Audience.none() : first.audience();
        var empty = new CycleForms.CycleForm("", first == null ? "" : first.value(), "TYPES", a.kinds(), a.categories(), a.sectors(), List.of(),
                "", "", "", "", "", "", "", "", "", "", "", "", null, first == null ? "" : first.value(), null);
        return Forms.page("cycles/form", formModel(admin, empty, null));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(CurrentUser admin, @Body CycleForms.CycleForm form) {
        var reset = cycles.resetForChangedBank(admin, form);
        if (reset.isPresent()) {
            return bankChanged(admin, reset.get(), null);
        }
        Validated<CycleService.Checked> checked = cycles.check(admin, form, forms.validate(form));
        if (!checked.isValid()) {
            return Forms.invalid("cycles/form", formModel(admin, form, null), checked.errors());
        }
        return Forms.seeOther(path(cycles.create(admin, checked.value()).id()) + "?saved=created");
    }

    @Get("/{id}")
    MutableHttpResponse<?> show(CurrentUser admin, @PathVariable long id, @Nullable @QueryValue String saved,
                                @Nullable @QueryValue String invited,
                                @Nullable @QueryValue String status, @Nullable @QueryValue String kind, @Nullable @QueryValue String phase) {
        Long count = Text.parseId(invited);
        String banner = count != null ? (count == 0 ? "Nobody needed inviting"
                : Text.plural(count, "lead contact") + " invited to be their organisation's lead") : saved == null ? null : SAVED.get(saved);
        return HttpResponse.ok(new ModelAndView<>("cycles/detail", detailModel(admin, id, status, kind, phase)
                .with("saved", banner)));
    }

    @Get("/{id}/progress.xlsx")
    @Produces(XLSX)
    MutableHttpResponse<byte[]> download(CurrentUser admin, @PathVariable long id, @Nullable @QueryValue String status,
                                         @Nullable @QueryValue String kind, @Nullable @QueryValue String phase) {
        AuditCycle cycle = cycles.get(admin, id);
        var progress = cycles.progress(admin, id, status, kind, phase);
        return Workbooks.download(ProgressWorkbook.of(progress.rows()), "cycle-" + id + "-progress.xlsx");
    }

    @Get("/{id}/edit")
    MutableHttpResponse<?> editForm(CurrentUser admin, @PathVariable long id) {
        AuditCycle cycle = cycles.editable(admin, id);
        return Forms.page("cycles/form", formModel(admin, cycles.form(admin, id), cycle));
    }

    @Post("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(CurrentUser admin, @PathVariable long id, @Body CycleForms.CycleForm form) {
        AuditCycle cycle = cycles.editable(admin, id);
        var reset = cycles.resetForChangedBank(admin, form);
        if (reset.isPresent()) {
            return bankChanged(admin, reset.get(), cycle);
        }
        Validated<CycleService.Checked> checked = cycles.check(admin, form, forms.validate(form));
        if (!checked.isValid()) {
            return Forms.invalid("cycles/form", formModel(admin, form, cycle), checked.errors());
        }
        cycles.update(admin, id, form.version(), checked.value());
        return Forms.seeOther(path(id) + "?saved=updated");
    }

    /**
     * Without JavaScript the audience boxes cannot follow a changed bank, so the form comes back with the new
     * bank's own audience ticked, unsaved, for the admin to check.
     */
    private MutableHttpResponse<?> bankChanged(CurrentUser admin, CycleForms.CycleForm reset, @Nullable AuditCycle editing) {
        String field = "CHOSEN".equals(reset.audience()) ? "organisations" : "kinds";
        return Forms.invalid("cycles/form", formModel(admin, reset, editing), FormErrors.none().add(field,
                "You changed the question bank, so who the cycle is for now shows that bank's own audience"
                        + ("CHOSEN".equals(reset.audience()) ? " (chosen organisations it is not for were unticked)" : "")
                        + ". Check it, then save again"));
    }

    @Post("/{id}/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> open(CurrentUser admin, @PathVariable long id) {
        return act(admin, id, "opened", () -> cycles.open(admin, id));
    }

    @Get("/{id}/close")
    MutableHttpResponse<?> confirmClose(CurrentUser admin, @PathVariable long id) {
        AuditCycle cycle = cycles.closable(admin, id);
        return Forms.page("cycles/close", Model.of("cycle", cycle).with("progress", cycles.progress(admin, id, null, null, null)));
    }

    @Post("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> close(CurrentUser admin, @PathVariable long id) {
        return act(admin, id, "closed", () -> cycles.close(admin, id));
    }

    @Post("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reopen(CurrentUser admin, @PathVariable long id) {
        return act(admin, id, "reopened", () -> cycles.reopen(admin, id));
    }

    @Get("/{id}/delete")
    MutableHttpResponse<?> confirmDelete(CurrentUser admin, @PathVariable long id) {
        AuditCycle cycle = cycles.deletable(admin, id);
        return Forms.page("cycles/delete", Model.of("cycle", cycle).with("bankLabel", cycles.bankLabel(cycle)));
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> delete(CurrentUser admin, @PathVariable long id) {
        cycles.delete(admin, id);
        return Forms.seeOther("/cycles?saved=deleted");
    }

    @Post("/{id}/invite-leads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> inviteLeads(CurrentUser admin, @PathVariable long id) {
        int invited = cycles.inviteLeads(admin, id);
        return Forms.seeOther(path(id) + "?invited=" + invited);
    }

    @Post("/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> archive(CurrentUser admin, @PathVariable long id) {
        return act(admin, id, "archived", () -> cycles.archive(admin, id));
    }

    @Post("/{id}/organisations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addOrganisation(CurrentUser admin, @PathVariable long id, @Body AddForm form) {
        Long organisationId = Text.parseId(form.organisationId());
        if (organisationId == null) {
            cycles.requireOpen(admin, id);
            FormErrors errors = FormErrors.none().add("organisationId", "Select an organisation to add");
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("cycles/detail",
                    detailModel(admin, id, null, null, null).with("errors", errors)));
        }
        return act(admin, id, "added", () -> cycles.addOrganisation(admin, id, organisationId));
    }

    private MutableHttpResponse<?> act(CurrentUser admin, long id, String saved, Runnable action) {
        action.run();
        return Forms.seeOther(path(id) + "?saved=" + saved);
    }

    private Model detailModel(CurrentUser admin, long id, @Nullable String status, @Nullable String kind, @Nullable String phase) {
        AuditCycle cycle = cycles.get(admin, id);
        var progress = cycles.progress(admin, id, status, kind, phase);
        List<LeadReach.Reach> reach = cycle.isDraft() || cycle.isOpen() ? cycles.reach(admin, cycle) : List.of();
        return Model.of("cycle", cycle)
                .with("reach", new CycleService.ReachSummary(reach))
                .with("whyNotReopen", cycle.isClosed() ? cycles.whyNotReopen(admin, cycle).orElse("") : "")
                .with("bankLabel", cycles.bankLabel(cycle))
                .with("audience", cycles.audienceDescription(cycle))
                .with("audienceNow", cycle.isDraft() ? cycles.audience(cycle).size() : 0)
                .with("progress", progress)
                .with("filter", new CycleService.Filter(status == null ? "" : status, kind == null ? "" : kind, phase == null ? "" : phase))
                .with("statuses", Arrays.asList(ReturnStatus.values()))
                .with("kinds", Arrays.asList(OrganisationKind.values()))
                .with("phases", Arrays.asList(Phase.values()))
                .with("addable", cycles.addable(admin, cycle))
                .with("dates", new CycleService.CycleDates(Dates.date(cycle.opensOn()), Dates.date(cycle.deadline()),
                        cycle.finalDeadline() == null ? "" : Dates.date(cycle.finalDeadline()),
                        cycle.panelDate() == null ? "" : Dates.date(cycle.panelDate())))
                .with("errors", FormErrors.none());
    }

    private Model formModel(CurrentUser admin, CycleForms.CycleForm form, @Nullable AuditCycle editing) {
        return Model.of("form", form)
                .with("cycle", editing)
                .with("banks", cycles.bankOptions())
                .with("kinds", Arrays.asList(OrganisationKind.values()))
                .with("categories", Arrays.asList(SchoolCategory.values()))
                .with("sectors", Arrays.asList(Sector.values()))
                .with("organisations", cycles.activeOrganisations(admin));
    }
}
