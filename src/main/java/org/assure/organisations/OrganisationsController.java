package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.views.ModelAndView;
import org.assure.access.CurrentUser;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.kernel.Refusal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.assure.kernel.Text;

/** Partnership admins list, add, edit, archive and restore agencies and schools. */
@Controller("/organisations")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganisationsController {
    private static final Map<String, String> SAVED = Map.of("created", "Organisation added", "updated", "Changes saved",
            "archived", "Organisation archived", "restored", "Organisation restored");
    private final OrganisationService organisations;
    private final Forms forms;

    OrganisationsController(OrganisationService organisations, Forms forms) {
        this.organisations = organisations;
        this.forms = forms;
    }

    static String path(long id) {
        return "/organisations/" + id;
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin, @Nullable @QueryValue String q, @Nullable @QueryValue String kind,
                                @Nullable @QueryValue String sector, @Nullable @QueryValue String category,
                                @Nullable @QueryValue String phase, @Nullable @QueryValue String archived) {
        // Links and people write ?kind=agency as often as ?kind=AGENCY: the filters read either, and show it chosen.
        var search = new OrganisationForms.SearchForm(q, name(OrganisationKind.class, kind), name(Sector.class, sector),
                name(SchoolCategory.class, category), name(Phase.class, phase), archived);
        return Forms.page("organisations/list", choices(Model.of("search", search))
                .with("organisations", organisations.search(admin, search)));
    }

    /** Organisation users may look at their own organisation; the service refuses any other (404). */
    @Get("/{id}")
    MutableHttpResponse<?> show(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String saved) {
        return Forms.page("organisations/detail", Model.of("page", organisations.page(user, id))
                .with("saved", saved == null ? null : SAVED.get(saved)));
    }

    @Get("/new")
    MutableHttpResponse<?> newForm(CurrentUser admin, @Nullable @QueryValue String kind) {
        OrganisationKind k = kindOf(kind);
        return Forms.page("organisations/form", formModel(admin, k, null, OrganisationForms.OrganisationForm.empty(k)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(CurrentUser admin, @Body OrganisationForms.OrganisationForm form) {
        OrganisationKind k = kindOf(form.kind());
        FormErrors errors = organisations.check(admin, k, form, null, forms.validate(form));
        if (!errors.isEmpty()) {
            return Forms.invalid("organisations/form", formModel(admin, k, null, form), errors);
        }
        return Forms.seeOther(path(organisations.create(admin, k, form).id()) + "?saved=created");
    }

    @Get("/{id}/edit")
    MutableHttpResponse<?> editForm(CurrentUser admin, @PathVariable long id) {
        Organisation organisation = organisations.get(admin, id);
        return Forms.page("organisations/form", formModel(admin, organisation.kind(), organisation, organisations.form(admin, id)));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(CurrentUser admin, @PathVariable long id, @Body OrganisationForms.OrganisationForm form) {
        Organisation organisation = organisations.get(admin, id);
        FormErrors errors = organisations.check(admin, organisation.kind(), form, id, forms.validate(form));
        if (!errors.isEmpty()) {
            return Forms.invalid("organisations/form", formModel(admin, organisation.kind(), organisation, form), errors);
        }
        try {
            organisations.update(admin, id, form);
        } catch (Refusal e) {
            if (!e.is(Refusal.Kind.CONFLICT)) {
                throw e;
            }
            return conflict(admin, id, form);
        }
        return Forms.seeOther(path(id) + "?saved=updated");
    }

    /**
     * The form again with what was typed, beside what the other person saved. The form now carries the
     * saved version, so saving again deliberately keeps these values.
     */
    private MutableHttpResponse<?> conflict(CurrentUser admin, long id, OrganisationForms.OrganisationForm form) {
        Organisation current = organisations.get(admin, id);
        Model model = formModel(admin, current.kind(), current, form.withVersion(current.version()))
                .with("conflict", organisations.differences(admin, id, form))
                .with("errors", FormErrors.none());
        return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("organisations/form", model));
    }

    @Post("/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> archive(CurrentUser admin, @PathVariable long id) {
        organisations.archive(admin, id);
        return Forms.seeOther(path(id) + "?saved=archived");
    }

    @Post("/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> restore(CurrentUser admin, @PathVariable long id) {
        organisations.restore(admin, id);
        return Forms.seeOther(path(id) + "?saved=restored");
    }

    private Model formModel(CurrentUser admin, OrganisationKind kind, @Nullable Organisation editing,
                            OrganisationForms.OrganisationForm form) {
        return choices(Model.of("form", form))
                .with("kind", kind)
                .with("organisation", editing)
                .with("contactRows", OrganisationForms.contactRows(form, kind))
                .with("parents", organisations.parentOptions(admin, editing == null ? null : editing.id()));
    }

    private static Model choices(Model model) {
        return model.with("kinds", Arrays.asList(OrganisationKind.values()))
                .with("sectors", Arrays.asList(Sector.values()))
                .with("phases", Arrays.asList(Phase.values()))
                .with("categories", Arrays.asList(SchoolCategory.values()));
    }

    /** The constant's own name for a value in any case; anything else as it came, which then filters nothing. */
    private static <E extends Enum<E>> @Nullable String name(Class<E> type, @Nullable String value) {
        E parsed = Text.parseEnum(type, value == null ? null : value.strip().toUpperCase(Locale.ROOT));
        return parsed == null ? value : parsed.name();
    }

    private static OrganisationKind kindOf(@Nullable String kind) {
        OrganisationKind k = Text.parseEnum(OrganisationKind.class, kind == null ? null : kind.strip().toUpperCase(Locale.ROOT));
        if (k == null) {
            throw Refusal.notFound("Kind of organisation");
        }
        return k;
    }
}
