package org.assure.actions;

import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.kernel.Dates;
import org.assure.panels.MarkingBy;
import org.assure.panels.PanelWorld;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * The panel world with actions in the states that offer each of an action page's forms, built through the service: for
 * the tests that visit every form (form ids, accessibility). The lead's school has a submitted return with its actions.
 */
@Singleton
public class ActionWorld {
    private final PanelWorld panels;
    private final ActionPlans plans;
    private final Clock clock;

    ActionWorld(PanelWorld panels, ActionPlans plans, Clock clock) {
        this.panels = panels;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * {@code started}: not started (the lead's forms); {@code requested}: with a due-date request waiting (the admin's decision and verifier);
     * {@code done}: awaiting verification (verify, send back); {@code proposed}: a panel's, not yet proposed (the lead's proposal);
     * {@code toAccept}: a panel's with the organisation's proposal (the admin's accept).
     */
    public record World(PanelWorld.World w, long started, long requested, long done, long proposed, long toAccept) {
        public String returnPlan() {
            return "/returns/" + w.returnId() + "/actions";
        }

        public String organisationPlan() {
            return "/organisations/" + w.school().id() + "/actions";
        }
    }

    public World build() {
        PanelWorld.World w = panels.build(MarkingBy.SECTION);
        CurrentUser admin = w.adminUser();
        CurrentUser lead = w.user(w.lead(), Roles.LEAD, Set.of(w.school().id()));
        LocalDate today = Dates.today(clock);
        long started = add(admin, w, today.plusDays(30), "Train the governors in safer recruitment");
        long requested = add(admin, w, today.plusDays(30), "Review the online safety filtering");
        LocalDate later = today.plusDays(60);
        plans.requestDueDate(lead, requested, new ActionPlans.DueDateForm(s(later.getDayOfMonth()), s(later.getMonthValue()), s(later.getYear()),
                "The training course moved"));
        long done = add(admin, w, today.plusDays(20), "Update the visitors' log");
        plans.done(lead, done, new ActionPlans.DoneForm("The new log is in use at reception"));
        long proposed = plans.proposeFromPanel(w.partnership().id(), w.school().id(), w.cycleId(), w.returnId(), w.caseId(),
                8_000_000L + org.assure.testsupport.Fixtures.next(), "Strengthen the induction of new staff", null, w.admin().id());
        long toAccept = plans.proposeFromPanel(w.partnership().id(), w.school().id(), w.cycleId(), w.returnId(), w.caseId(),
                8_000_000L + org.assure.testsupport.Fixtures.next(), "Record the reasons for referral decisions", null, w.admin().id());
        plans.propose(lead, toAccept, new ActionPlans.ProposalForm("Dee Esel", "DSL", "dee@example.org", s(later.getDayOfMonth()),
                s(later.getMonthValue()), s(later.getYear())));
        return new World(w, started, requested, done, proposed, toAccept);
    }

    private long add(CurrentUser admin, PanelWorld.World w, LocalDate due, String what) {
        return plans.addByPartnership(admin, w.school().id(), new ActionPlans.ActionForm(null, what, "Olu Owner", "Deputy head",
                "olu@example.org", s(due.getDayOfMonth()), s(due.getMonthValue()), s(due.getYear()), "An audit next term", "Found at the panel"))
                .value();
    }

    private static String s(long n) {
        return String.valueOf(n);
    }
}
