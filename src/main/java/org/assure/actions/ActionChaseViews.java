package org.assure.actions;

import jakarta.inject.Singleton;
import org.assure.actions.ActionRepositories.Chase;
import org.assure.actions.ActionRepositories.Item;
import org.assure.chasing.ChasePlanner;
import org.assure.chasing.LadderRecipient;
import org.assure.chasing.OverdueActions;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What action chasing shows: an action's reminders and escalation, and a cycle's overdue actions by step for the chasing page. */
@Singleton
class ActionChaseViews implements OverdueActions {
    private final ActionRepositories.Items items;
    private final ActionRepositories.Chases chases;
    private final OrganisationService organisations;

    ActionChaseViews(ActionRepositories.Items items, ActionRepositories.Chases chases, OrganisationService organisations) {
        this.items = items;
        this.chases = chases;
        this.organisations = organisations;
    }

    /** One email of an action's chasing: when, which reminder or step, to whom (name and role, never an address), and what became of it. */
    public record ChaseView(String on, String what, String to, String status, String reason) {
        public boolean sent() {
            return "Sent".equals(status);
        }
    }

    /** An action's chasing, newest first; the caller has already been allowed to see the action. */
    List<ChaseView> ofAction(long partnershipId, long actionId) {
        List<ChaseView> views = new ArrayList<>();
        List<Chase> rows = new ArrayList<>(chases.findByActionIdAndPartnershipIdOrderById(actionId, partnershipId));
        java.util.Collections.reverse(rows);
        for (Chase c : rows) {
            String what = ChasePlanner.Kind.REMINDER.name().equals(c.kind()) ? "Reminder, " + c.step() + " days before the due date"
                    : ActionLadder.STEP_LABELS.get(Math.min(c.step(), ActionLadder.STEP_LABELS.size()) - 1);
            String role = ActionChaseRun.OWNER.equals(c.recipientRole()) ? "Owner" : LadderRecipient.valueOf(c.recipientRole()).label();
            String to = c.recipientName() == null || c.recipientName().isBlank() ? role : c.recipientName() + " (" + role + ")";
            String status = switch (c.status()) {
                case Chase.SENT -> "Sent";
                case Chase.HELD -> "Held";
                default -> "Not sent";
            };
            views.add(new ChaseView(Dates.moment(c.createdAt()), what, to, status, c.reason() == null ? "" : c.reason()));
        }
        return views;
    }

    @Override
    public List<Step> ofCycle(long partnershipId, long cycleId, LocalDate today) {
        List<Item> overdue = items.findByPartnershipIdAndCycleIdAndStatusInAndDueOnLessThanOrderById(partnershipId, cycleId, ActionChaseRun.CHASED,
                today);
        if (overdue.isEmpty()) {
            return List.of();
        }
        Map<Long, Organisation> orgs = organisations.active(partnershipId).stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        Map<Integer, List<Item>> byStep = new TreeMap<>();
        for (Item i : overdue) {
            int step = ActionLadder.stepReached(i.dueOn(), today);
            if (step > 0 && orgs.containsKey(i.organisationId())) {
                byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(i);
            }
        }
        List<Step> steps = new ArrayList<>();
        byStep.forEach((step, list) -> {
            Set<Long> ids = new LinkedHashSet<>();
            list.forEach(i -> ids.add(i.organisationId()));
            steps.add(new Step(step, ActionLadder.STEP_LABELS.get(step - 1), list.size(), ids.stream()
                    .map(id -> new OverdueActions.Plan(orgs.get(id).name(), "/organisations/" + id + "/actions")).toList()));
        });
        return steps;
    }
}
