package org.assure.actions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An action's statuses and moves, and overdue worked out from the due date, without an application. */
class ActionStatusTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

    @Test
    void theMovesAreTheOnesTheIssueNames() {
        assertEquals(EnumSet.of(ActionStatus.NOT_STARTED, ActionStatus.WITHDRAWN), ActionStatus.PROPOSED.next(), "accepted or withdrawn");
        assertTrue(ActionStatus.NOT_STARTED.canMoveTo(ActionStatus.IN_PROGRESS));
        assertTrue(ActionStatus.NOT_STARTED.canMoveTo(ActionStatus.AWAITING_VERIFICATION), "done without an update first");
        assertTrue(ActionStatus.IN_PROGRESS.canMoveTo(ActionStatus.AWAITING_VERIFICATION));
        assertTrue(ActionStatus.AWAITING_VERIFICATION.canMoveTo(ActionStatus.VERIFIED));
        assertTrue(ActionStatus.AWAITING_VERIFICATION.canMoveTo(ActionStatus.IN_PROGRESS), "not verified: back to in progress");
        assertFalse(ActionStatus.IN_PROGRESS.canMoveTo(ActionStatus.VERIFIED), "only what is marked done is verified");
        assertFalse(ActionStatus.NOT_STARTED.canMoveTo(ActionStatus.VERIFIED));
        assertFalse(ActionStatus.PROPOSED.canMoveTo(ActionStatus.IN_PROGRESS), "a proposal is accepted first");
        for (ActionStatus s : ActionStatus.values()) {
            assertFalse(s.canMoveTo(s), s + " does not move to itself");
            if (!s.closed()) {
                assertTrue(s.canMoveTo(ActionStatus.WITHDRAWN), s + " can be withdrawn");
            }
        }
        assertTrue(ActionStatus.VERIFIED.next().isEmpty());
        assertTrue(ActionStatus.WITHDRAWN.next().isEmpty());
    }

    @Test
    void labelsAreThePeoplesWords() {
        assertEquals("Done – awaiting verification", ActionStatus.AWAITING_VERIFICATION.label());
        assertEquals("Not verified", UpdateKind.SENT_BACK.label());
        for (ActionStatus s : ActionStatus.values()) {
            assertFalse(s.label().isBlank());
        }
    }

    @Test
    void overdueIsOpenAndPastItsDueDate() {
        LocalDate yesterday = TODAY.minusDays(1);
        assertTrue(ActionStatus.NOT_STARTED.overdue(yesterday, TODAY));
        assertTrue(ActionStatus.IN_PROGRESS.overdue(yesterday, TODAY));
        assertFalse(ActionStatus.IN_PROGRESS.overdue(TODAY, TODAY), "due today is not yet overdue");
        assertFalse(ActionStatus.AWAITING_VERIFICATION.overdue(yesterday, TODAY), "done, waiting for the partnership: not the owner's delay");
        assertFalse(ActionStatus.VERIFIED.overdue(yesterday, TODAY));
        assertFalse(ActionStatus.WITHDRAWN.overdue(yesterday, TODAY));
        assertFalse(ActionStatus.PROPOSED.overdue(yesterday, TODAY), "a proposal has no agreed date yet");
    }

    @Test
    void workOnAnActionHappensWhileItIsNotStartedOrInProgress() {
        assertEquals(EnumSet.of(ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS),
                EnumSet.copyOf(java.util.Arrays.stream(ActionStatus.values()).filter(ActionStatus::workable).toList()));
    }
}
