package org.assure.actions;

import org.assure.chasing.ChasePlanner;
import org.assure.chasing.LadderRecipient;
import org.assure.chasing.LadderStep;
import org.assure.chasing.LadderStep.CountedFrom;
import org.assure.organisations.Organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * How an open action is chased (issue 13): reminders 14 and 3 days before its due date to its owner and the
 * organisation's lead; after it, the lead and owner (1 day), the chair of governors or the agency's board member
 * (14 days), the safeguarding executive (28 days). The planning itself is chasing's ({@link ChasePlanner}), the due
 * date standing for the deadline. Pure, so each rule is a unit test.
 */
final class ActionLadder {
    private ActionLadder() {
    }

    static final List<Integer> REMINDER_DAYS = List.of(14, 3);
    /** How far back a run looks: the last step falls 28 days after the due date, so anything older owes nothing more. */
    static final int OVERDUE_DAYS_LOOKED_AT = 120;

    static final List<LadderStep> SCHOOL = List.of(
            step(1, 1, LadderRecipient.LEAD, "An action in your safeguarding action plan is overdue",
                    "An action in your organisation's safeguarding action plan has passed its due date. Please complete it and mark it as done, "
                            + "or ask the partnership for a new due date. If it stays overdue, the chair of governors is told in two weeks."),
            step(2, 14, LadderRecipient.CHAIR_OF_GOVERNORS, "A safeguarding action is two weeks overdue",
                    "You are receiving this because you chair the school's governing board, which is responsible for its safeguarding "
                            + "arrangements. An action the school agreed in its safeguarding action plan is two weeks past its due date. Please make "
                            + "sure it is completed, or that the school asks the partnership for a new date."),
            step(3, 28, LadderRecipient.SAFEGUARDING_EXECUTIVE, "A safeguarding action is four weeks overdue",
                    "An action in the organisation's safeguarding action plan is four weeks past its due date, although its lead, its owner and "
                            + "the chair of governors have been written to. Please take this up with the school."));

    static final List<LadderStep> AGENCY = List.of(
            SCHOOL.get(0),
            step(2, 14, LadderRecipient.BOARD_MEMBER, "A safeguarding action is two weeks overdue",
                    "You are receiving this because you represent the organisation on the safeguarding partnership's board. An action in its "
                            + "safeguarding action plan is two weeks past its due date. Please make sure it is completed, or that the organisation asks "
                            + "the partnership for a new date."),
            step(3, 28, LadderRecipient.SAFEGUARDING_EXECUTIVE, "A safeguarding action is four weeks overdue",
                    "An action in the organisation's safeguarding action plan is four weeks past its due date, although its lead, its owner and "
                            + "its board member have been written to. Please take this up with the organisation."));

    /** What the chasing page calls each step. */
    static final List<String> STEP_LABELS = List.of("Step 1 – the lead and the owner", "Step 2 – the chair of governors or board member",
            "Step 3 – the safeguarding executive");

    static List<LadderStep> of(Organisation o) {
        return o.isSchool() ? SCHOOL : AGENCY;
    }

    /** What is due for an action by this day: only chased while not started or in progress. */
    static List<ChasePlanner.Due> due(ActionStatus status, LocalDate dueOn, Organisation o, LocalDate today) {
        if (!chased(status)) {
            return List.of();
        }
        return ChasePlanner.due(new ChasePlanner.ReturnState(false, false, dueOn), REMINDER_DAYS, of(o), today);
    }

    /** Proposals are not yet agreed and done actions wait for the partnership: neither is chased. */
    static boolean chased(ActionStatus status) {
        return status == ActionStatus.NOT_STARTED || status == ActionStatus.IN_PROGRESS;
    }

    /** Reminders and the first step go to the owner as well as the roles. */
    static boolean toOwner(ChasePlanner.Due due) {
        return due.kind() == ChasePlanner.Kind.REMINDER || due.step() == 1;
    }

    /** The highest step an overdue action has reached by today (0: none yet), the same for schools and agencies. */
    static int stepReached(LocalDate dueOn, LocalDate today) {
        int reached = 0;
        for (LadderStep s : SCHOOL) {
            if (!dueOn.plusDays(s.days()).isAfter(today)) {
                reached = s.position();
            }
        }
        return reached;
    }

    private static LadderStep step(int position, int days, LadderRecipient to, String subject, String body) {
        return new LadderStep(position, days, CountedFrom.DEADLINE, List.of(to), subject, body, false, false);
    }
}
