package org.assure.actions;

import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.kernel.Dates;
import org.assure.kernel.Validated;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's action plans (issue 13), through the same service the pages use, on the actions the demo's submitted returns
 * were given: actions in every state across both kinds of cycle — in progress, done and awaiting verification, verified,
 * sent back, withdrawn, a due date the organisation asked to move, one the partnership added — and overdue ones from the
 * earlier rounds, due dates set back as if written then (the only thing not done through the service: the demo cannot
 * wait for months to pass), with today's reminders and escalation sent.
 */
@Singleton
public class DemoActions {
    private final ActionPlans plans;
    private final ActionRepositories.Items items;
    private final ActionChaseRun chase;
    private final Clock clock;

    DemoActions(ActionPlans plans, ActionRepositories.Items items, ActionChaseRun chase, Clock clock) {
        this.plans = plans;
        this.items = items;
        this.chase = chase;
        this.clock = clock;
    }

    /** The returns whose actions the demo moves on, with their leads. */
    public record Seeds(CurrentUser admin, CurrentUser policeLead, long policeEarlierReturn, CurrentUser probationLead, long probationEarlierReturn,
                        CurrentUser schoolLead, long schoolReturn, CurrentUser riversideDsl, long riversideLastYearReturn, long agencyForPartnership) {
    }

    public void seed(Seeds s) {
        LocalDate today = Dates.today(clock);
        // the force's earlier round: one verified, one sent back, one done and awaiting verification, the rest in progress
        List<Long> police = open(s.policeEarlierReturn());
        if (police.size() >= 3) {
            done(s.policeLead(), police.get(0), "Training records for all public protection staff, March audit attached to the board report.");
            check(plans.verify(s.admin(), police.get(0), new ActionPlans.VerifyForm("Checked against the training matrix at the spring meeting.")));
            done(s.policeLead(), police.get(1), "New referral form in use.");
            check(plans.sendBack(s.admin(), police.get(1), new ActionPlans.SendBackForm(
                    "The form is in use but there is no audit showing referrals are made within a day: send the audit.")));
            done(s.policeLead(), police.get(2), "Escalation policy rewritten and shared with all sergeants.");
            for (long id : police.subList(3, police.size())) {
                progress(s.policeLead(), id, today.minusDays(12), "Working group set up; first meeting held.");
            }
        }
        // probation's earlier round: written ten weeks ago and now overdue, one with a progress update (escalation follows)
        List<Long> probation = open(s.probationEarlierReturn());
        for (int n = 0; n < probation.size(); n++) {
            long id = probation.get(n);
            items.findById(id).ifPresent(i -> items.update(i.due(today.minusDays(40), clock.instant())));
            if (n == 0) {
                progress(s.probationLead(), id, today.minusDays(50), "Supervision audit started; half the teams done.");
            }
        }
        // Riverside's actions from last year's round, carried into this year's: one overdue, one in progress
        List<Long> riverside = open(s.riversideLastYearReturn());
        if (!riverside.isEmpty()) {
            items.findById(riverside.get(0)).ifPresent(i -> items.update(i.due(today.minusDays(20), clock.instant())));
            for (long id : riverside.subList(1, Math.min(2, riverside.size()))) {
                progress(s.riversideDsl(), id, today.minusDays(30), "Governors' training booked for the spring term.");
            }
        }
        // this year's school return: in progress, a due date the school asked to move, one withdrawn
        List<Long> school = open(s.schoolReturn());
        if (school.size() >= 3) {
            progress(s.schoolLead(), school.get(0), today.minusDays(3), "Policy redrafted; going to governors next month.");
            LocalDate later = today.plusMonths(5);
            check(plans.requestDueDate(s.schoolLead(), school.get(1), new ActionPlans.DueDateForm(String.valueOf(later.getDayOfMonth()),
                    String.valueOf(later.getMonthValue()), String.valueOf(later.getYear()), "The trainer we booked cancelled; the next course is in spring.")));
            check(plans.withdraw(s.schoolLead(), school.get(2), new ActionPlans.WithdrawForm(
                    "Written twice for the same answer: the action above covers it.")));
        }
        // one the partnership added, with its reason
        LocalDate due = today.plusMonths(2);
        check(plans.addByPartnership(s.admin(), s.agencyForPartnership(), new ActionPlans.ActionForm(null,
                "Tell the partnership how tenancy staff are trained to recognise and report signs of neglect", "Claire Whitfield",
                "Head of tenancy services", "claire.whitfield@homes.example.org", String.valueOf(due.getDayOfMonth()),
                String.valueOf(due.getMonthValue()), String.valueOf(due.getYear()), "A training record for every tenancy officer",
                "Raised at the board: two serious case reviews this year involved tenants of the association")));
        // this morning's reminders and escalation of the overdue ones, as the runner would send them
        chase.run(s.admin().partnershipId(), today);
    }

    private List<Long> open(long returnId) {
        return items.findByReturnIdOrderById(returnId).stream().filter(i -> i.status() == ActionStatus.NOT_STARTED).map(ActionRepositories.Item::id)
                .toList();
    }

    private void progress(CurrentUser lead, long id, LocalDate on, String note) {
        check(plans.progress(lead, id, new ActionPlans.ProgressForm(note, String.valueOf(on.getDayOfMonth()), String.valueOf(on.getMonthValue()),
                String.valueOf(on.getYear()))));
    }

    private void done(CurrentUser lead, long id, String evidence) {
        check(plans.done(lead, id, new ActionPlans.DoneForm(evidence)));
    }

    private static <T> T check(Validated<T> done) {
        if (!done.isValid()) {
            throw new IllegalStateException("Demo actions: " + done.errors().getAll());
        }
        return done.value();
    }
}
