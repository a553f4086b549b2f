package org.assure.home;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.returns.ReturnService;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Comparator;
import java.util.List;

/** The first page after signing in; what it shows depends on the person's roles. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {
    private final OrganisationService organisations;
    private final ReturnService returns;

    DashboardController(OrganisationService organisations, ReturnService returns) {
        this.organisations = organisations;
        this.returns = returns;
    }

    @Get
    MutableHttpResponse<?> dashboard(CurrentUser user) {
        List<Organisation> own = user.organisationIds().stream()
                .map(id -> organisations.get(user, id))
                .sorted(Comparator.comparing(Organisation::name))
                .toList();
        List<String> roleLabels = user.roles().stream().map(r -> Role.valueOf(r).label()).sorted().toList();
        Model model = Model.of("user", user).with("roles", roleLabels).with("ownOrganisations", own)
                .with("returns", returns.dashboard(user));
        if (user.isAdmin()) {
            model.with("overview", organisations.overview(user.partnershipId()));
        }
        return Forms.page("home/dashboard", model);
    }
}
