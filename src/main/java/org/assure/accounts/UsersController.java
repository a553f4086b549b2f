package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.organisations.OrganisationService;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Arrays;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.kernel.Text;

/** Partnership admins list the people of their partnership, invite new ones, change what they hold and take access away. */
@Controller("/users")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {
    private final AccountService accounts;
    private final OrganisationService organisations;
    private final Forms forms;

    UsersController(AccountService accounts, OrganisationService organisations, Forms forms) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin, @Nullable @QueryValue String invited) {
        return Forms.page("accounts/users", Model.of("users", accounts.list(admin)).with("invited", invited));
    }

    @Get("/invite")
    MutableHttpResponse<?> inviteForm(CurrentUser admin) {
        return Forms.page("accounts/invite", inviteModel(admin, new AccountForms.InviteForm("", "", "", "")));
    }

    @Post("/invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> invite(CurrentUser admin, @Body AccountForms.InviteForm form) {
        FormErrors errors = accounts.checkInvitation(admin, form, forms.validate(form));
        if (!errors.isEmpty()) {
            return Forms.invalid("accounts/invite", inviteModel(admin, form), errors);
        }
        Role role = AccountService.parseRole(form.role());
        accounts.invite(admin, form.name(), form.email(), role,
                role.belongsToOrganisation() ? Text.parseId(form.organisationId()) : null);
        return Forms.seeOther("/users?invited=" + java.net.URLEncoder.encode(form.email().strip(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Post("/{id}/reinvite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reinvite(CurrentUser admin, @PathVariable long id) {
        accounts.reinvite(admin, id);
        return Forms.seeOther("/users?reinvited=" + id);
    }

    @Get("/{id}")
    MutableHttpResponse<?> user(CurrentUser admin, @PathVariable long id, @Nullable @QueryValue String done) {
        AccountService.UserDetails user = accounts.user(admin, id);
        return Forms.page("accounts/user", userModel(admin, user, user.roles(), user.organisationIds().stream().map(String::valueOf).toList())
                .with("done", done));
    }

    @Post("/{id}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeAccess(CurrentUser admin, @PathVariable long id, @Body AccountForms.AccessForm form) {
        FormErrors errors = accounts.changeAccess(admin, id, form.roleList(), form.organisationList());
        if (!errors.isEmpty()) {
            return Forms.invalid("accounts/user", userModel(admin, accounts.user(admin, id), form.roleList(), form.organisationList()), errors);
        }
        return Forms.seeOther("/users/" + id + "?done=access");
    }

    @Get("/{id}/deactivate")
    MutableHttpResponse<?> confirmDeactivation(CurrentUser admin, @PathVariable long id) {
        return Forms.page("accounts/deactivate", Model.of("user", accounts.user(admin, id)));
    }

    @Post("/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(CurrentUser admin, @PathVariable long id) {
        accounts.deactivate(admin, id);
        return Forms.seeOther("/users/" + id + "?done=deactivated");
    }

    @Post("/{id}/reactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reactivate(CurrentUser admin, @PathVariable long id) {
        accounts.reactivate(admin, id);
        return Forms.seeOther("/users/" + id + "?done=reactivated");
    }

    private Model userModel(CurrentUser admin, AccountService.UserDetails user, java.util.List<String> roles, java.util.List<String> organisationIds) {
        // the active organisations, and any archived one the person still belongs to, so saving does not drop it unseen
        java.util.List<String[]> options = new java.util.ArrayList<>();
        java.util.Set<Long> listed = new java.util.HashSet<>();
        organisations.active(admin.partnershipId()).forEach(o -> {
            options.add(new String[] {String.valueOf(o.id()), o.name()});
            listed.add(o.id());
        });
        user.organisationIds().stream().filter(o -> !listed.contains(o))
                .forEach(o -> organisations.findInPartnership(admin.partnershipId(), o)
                        .ifPresent(org -> options.add(new String[] {String.valueOf(org.id()), org.name() + " (archived)"})));
        return Model.of("user", user)
                .with("roles", Arrays.asList(Role.values()))
                .with("chosenRoles", roles)
                .with("chosenOrganisations", organisationIds)
                .with("organisationOptions", options);
    }

    private Model inviteModel(CurrentUser admin, AccountForms.InviteForm form) {
        return Model.of("form", form)
                .with("roles", Arrays.asList(Role.values()))
                .with("organisations", organisations.active(admin.partnershipId()));
    }
}
