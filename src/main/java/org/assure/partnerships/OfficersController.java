package org.assure.partnerships;

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
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Arrays;
import java.util.Map;

/** Partnership admins record the partnership's named officers, whom escalation emails go to. */
@Controller(OfficersController.PATH)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficersController {
    static final String PATH = "/partnership/officers";
    private static final Map<String, String> DONE = Map.of("added", "Officer added", "changed", "Changes saved", "removed", "Officer removed");

    private final PartnershipOfficers officers;
    private final Forms forms;

    OfficersController(PartnershipOfficers officers, Forms forms) {
        this.officers = officers;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin, @Nullable @QueryValue String done) {
        return Forms.page("partnerships/officers", Model.of("holders", officers.byRole(admin))
                .with("done", done == null ? null : DONE.get(done)));
    }

    @Get("/new")
    MutableHttpResponse<?> newForm(CurrentUser admin, @Nullable @QueryValue String role) {
        officers.byRole(admin); // admins only, before anything is shown
        OfficerForms.OfficerForm empty = OfficerForms.OfficerForm.empty();
        if (role != null && Text.parseEnum(OfficerRole.class, role) != null) {
            empty = new OfficerForms.OfficerForm(role, "", "", "0");
        }
        return Forms.page("partnerships/officer-form", formModel(empty, null));
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(CurrentUser admin, @Body OfficerForms.OfficerForm form) {
        Validated<PartnershipOfficer> added = officers.add(admin, form, forms.validate(form));
        if (!added.isValid()) {
            return Forms.invalid("partnerships/officer-form", formModel(form, null), added.errors());
        }
        return Forms.seeOther(PATH + "?done=added");
    }

    @Get("/{id}/edit")
    MutableHttpResponse<?> editForm(CurrentUser admin, @PathVariable long id) {
        PartnershipOfficer officer = officers.get(admin, id);
        return Forms.page("partnerships/officer-form", formModel(OfficerForms.OfficerForm.of(officer), officer));
    }

    @Post("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> edit(CurrentUser admin, @PathVariable long id, @Body OfficerForms.OfficerForm form) {
        Validated<PartnershipOfficer> changed = officers.edit(admin, id, form, forms.validate(form));
        if (!changed.isValid()) {
            return Forms.invalid("partnerships/officer-form", formModel(form, officers.get(admin, id)), changed.errors());
        }
        return Forms.seeOther(PATH + "?done=changed");
    }

    @Get("/{id}/remove")
    MutableHttpResponse<?> confirmRemoval(CurrentUser admin, @PathVariable long id) {
        return Forms.page("partnerships/officer-remove", Model.of("officer", officers.get(admin, id)));
    }

    @Post("/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> remove(CurrentUser admin, @PathVariable long id) {
        officers.remove(admin, id);
        return Forms.seeOther(PATH + "?done=removed");
    }

    private static Model formModel(OfficerForms.OfficerForm form, @Nullable PartnershipOfficer officer) {
        return Model.of("form", form).with("officer", officer).with("roles", Arrays.asList(OfficerRole.values()))
                .with("nameMax", OfficerForms.NAME_MAX);
    }
}
