package org.assure.home;

import org.assure.chasing.Chasing;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.cycles.CycleService;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.returns.ReturnService;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Comparator;
import java.util.List;

/**
 * The first page after signing in; what it shows depends on the person's roles. Roles whose features are still
 * to come (panels, escalations, reports) are told what they will do here and shown what the policy lets them see now.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {
    private final OrganisationService organisations;
    private final ReturnService returns;
    private final CycleService cycles;
    private final Chasing chasing;
    private final org.assure.panels.Panels panels;
    private final org.assure.actions.ActionDashboards actions;

    DashboardController(OrganisationService organisations, ReturnService returns, CycleService cycles, Chasing chasing,
                        org.assure.panels.Panels panels, org.assure.actions.ActionDashboards actions) {
        this.actions = actions;
        this.organisations = organisations;
        this.returns = returns;
        this.cycles = cycles;
        this.chasing = chasing;
        this.panels = panels;
    }

    @Get
    MutableHttpResponse<?> dashboard(CurrentUser user) {
        List<Organisation> own = user.organisationIds().stream()
                .map(id -> organisations.get(user, id))
                .sorted(Comparator.comparing(Organisation::name))
                .toList();
        List<String> roleLabels = user.roles().stream().map(r -> Role.valueOf(r).label()).sorted().toList();
        Model model = Model.of("user", user).with("roles", roleLabels).with("ownOrganisations", own)
                .with("returns", returns.dashboard(user)).with("actions", actions.of(user));
        if (user.isAdmin()) {
            model.with("overview", organisations.overview(user.partnershipId())).with("chasing", chasing.summaries(user));
        }
        model.with("chair", user.has(Roles.CHAIR)).with("panel", user.has(Roles.PANEL)).with("viewer", user.has(Roles.VIEWER))
                .with("overseen", user.has(Roles.CHAIR) ? returns.overseen(user) : List.of())
                .with("followed", user.has(Roles.PANEL) || user.has(Roles.VIEWER) ? cycles.followed(user) : List.of())
                .with("panelCases", user.has(Roles.PANEL) || user.isAdmin() ? panels.myCases(user) : List.of());
        return Forms.page("home/dashboard", model);
    }
}
