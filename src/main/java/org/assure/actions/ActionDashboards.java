package org.assure.actions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.actions.ActionRepositories.Item;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each person owes or must verify, for the dashboard (issue 13, ADR 0039). One query a role, whatever the number of
 * organisations or actions: the organisations' actions in one read, the partnership's waiting ones in one, the verifier's
 * in one, the waiting due-date requests in one.
 */
@Singleton
public class ActionDashboards {
    /** How far ahead an open action counts as due soon. */
    static final int DUE_SOON_DAYS = 14;

    private final ActionRepositories.Items items;
    private final ActionRepositories.DueChanges dueChanges;
    private final OrganisationService organisations;
    private final Clock clock;

    ActionDashboards(ActionRepositories.Items items, ActionRepositories.DueChanges dueChanges, OrganisationService organisations, Clock clock) {
        this.items = items;
        this.dueChanges = dueChanges;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** One action in a dashboard list. */
    public record Line(long id, String what, String organisation, String due, boolean overdue, String status, String statusColour) {
        public String path() {
            return "/actions/" + id;
        }
    }

    /** Counts for an admin, each with the page to act from. */
    public record Waiting(int awaitingVerification, int dueDateRequests, int proposalsToAccept, List<Line> toVerify, List<Line> requests,
                          List<Line> toAccept) {
        public boolean any() {
            return awaitingVerification + dueDateRequests + proposalsToAccept > 0;
        }
    }

    /**
     * {@code owed}: the lead's or contributor's organisations' open actions overdue or due within {@link #DUE_SOON_DAYS} days;
     * {@code toPropose}: the panel's proposals waiting for their owner and date; {@code toVerify}: the actions this panel member
     * is named to verify; {@code chairOverdue}: the chair's organisations' overdue actions; {@code admin}: null unless an admin.
     */
    public record Dashboard(List<Line> owed, List<Line> toPropose, List<Line> toVerify, List<Line> chairOverdue, Waiting admin) {
        public boolean any() {
            return !owed.isEmpty() || !toPropose.isEmpty() || !toVerify.isEmpty() || !chairOverdue.isEmpty() || admin != null && admin.any();
        }
    }

    @Transactional
    public Dashboard of(CurrentUser user) {
        LocalDate today = Dates.today(clock);
        Map<Long, String> names = new HashMap<>();
        List<Line> owed = new ArrayList<>();
        List<Line> toPropose = new ArrayList<>();
        List<Line> chairOverdue = new ArrayList<>();
        boolean writer = user.has(Roles.LEAD) || user.has(Roles.CONTRIBUTOR);
        boolean chair = user.has(Roles.CHAIR);
        if ((writer || chair) && !user.organisationIds().isEmpty()) {
            for (Item i : sorted(items.findByPartnershipIdAndOrganisationIdInOrderById(user.partnershipId(), user.organisationIds()))) {
                boolean overdue = i.status().overdue(i.dueOn(), today);
                if (writer && i.status() == ActionStatus.PROPOSED && i.ownerEmail().isEmpty()) {
                    toPropose.add(line(user, i, today, names));
                } else if (writer && i.status().owed() && i.status() != ActionStatus.PROPOSED && !i.dueOn().isAfter(today.plusDays(DUE_SOON_DAYS))) {
                    owed.add(line(user, i, today, names));
                }
                if (chair && overdue) {
                    chairOverdue.add(line(user, i, today, names));
                }
            }
        }
        List<Line> toVerify = user.has(Roles.PANEL) ? sorted(items.findByPartnershipIdAndVerifierAccountIdAndStatusOrderById(user.partnershipId(),
                user.accountId(), ActionStatus.AWAITING_VERIFICATION)).stream().filter(i -> !ownedBy(user, i))
                .map(i -> line(user, i, today, names)).toList() : List.of();
        Waiting admin = user.isAdmin() ? waiting(user, today, names) : null;
        return new Dashboard(owed, toPropose, toVerify, chairOverdue, admin);
    }

    private Waiting waiting(CurrentUser admin, LocalDate today, Map<Long, String> names) {
        List<Item> waiting = sorted(items.findByPartnershipIdAndStatusInOrderById(admin.partnershipId(),
                EnumSet.of(ActionStatus.AWAITING_VERIFICATION, ActionStatus.PROPOSED)));
        List<Line> toVerify = waiting.stream().filter(i -> i.status() == ActionStatus.AWAITING_VERIFICATION && !ownedBy(admin, i))
                .map(i -> line(admin, i, today, names)).toList();
        List<Line> toAccept = waiting.stream().filter(i -> i.status() == ActionStatus.PROPOSED && !i.ownerEmail().isEmpty())
                .map(i -> line(admin, i, today, names)).toList();
        Set<Long> requested = dueChanges.findByPartnershipIdAndDecidedAtIsNull(admin.partnershipId()).stream()
                .map(ActionRepositories.DueChange::actionId).collect(Collectors.toSet());
        List<Line> requests = requested.isEmpty() ? List.of() : sorted(items.findByIdIn(requested)).stream()
                .filter(i -> i.partnershipId() == admin.partnershipId()).map(i -> line(admin, i, today, names)).toList();
        return new Waiting(toVerify.size(), requests.size(), toAccept.size(), toVerify, requests, toAccept);
    }

    private static boolean ownedBy(CurrentUser user, Item i) {
        return java.util.Objects.equals(i.ownerAccountId(), user.accountId()) || !i.ownerEmail().isEmpty() && i.ownerEmail().equalsIgnoreCase(user.email());
    }

    private static List<Item> sorted(List<Item> all) {
        return all.stream().sorted(Comparator.comparing(Item::dueOn).thenComparing(Item::id)).toList();
    }

    private Line line(CurrentUser user, Item i, LocalDate today, Map<Long, String> names) {
        String organisation = names.computeIfAbsent(i.organisationId(), id -> organisations.findInPartnership(user.partnershipId(), id)
                .map(Organisation::name).orElse(""));
        return new Line(i.id(), i.what(), organisation, Dates.date(i.dueOn()), i.status().overdue(i.dueOn(), today), i.status().label(),
                i.status().colour());
    }
}
