package org.assure.actions;

import org.assure.chasing.ChasePlanner;
import org.assure.chasing.LadderRecipient;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action ladder's rules without a database: what is due on which day, to whom, and the step an overdue action has reached. */
class ActionLadderTest {
    private static final LocalDate DUE = LocalDate.of(2027, 3, 10);

    private static Organisation of(OrganisationKind kind) {
        return new Organisation(1L, 1, kind, "Org", null, null, null, null, null, null, null, false, false, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static List<String> due(ActionStatus status, OrganisationKind kind, LocalDate today) {
        return ActionLadder.due(status, DUE, of(kind), today).stream().map(d -> d.kind() + " " + d.step()).toList();
    }

    @Test
    void remindersThenEachStepOnItsDay() {
        assertEquals(List.of(), due(ActionStatus.NOT_STARTED, OrganisationKind.SCHOOL, DUE.minusDays(15)));
        assertEquals(List.of("REMINDER 14"), due(ActionStatus.NOT_STARTED, OrganisationKind.SCHOOL, DUE.minusDays(14)));
        assertEquals(List.of("REMINDER 3"), due(ActionStatus.IN_PROGRESS, OrganisationKind.SCHOOL, DUE.minusDays(2)), "only the latest reminder");
        assertEquals(List.of("REMINDER 3"), due(ActionStatus.IN_PROGRESS, OrganisationKind.SCHOOL, DUE));
        assertEquals(List.of("STEP 1"), due(ActionStatus.IN_PROGRESS, OrganisationKind.SCHOOL, DUE.plusDays(1)));
        assertEquals(List.of("STEP 1"), due(ActionStatus.IN_PROGRESS, OrganisationKind.SCHOOL, DUE.plusDays(13)));
        assertEquals(List.of("STEP 1", "STEP 2"), due(ActionStatus.IN_PROGRESS, OrganisationKind.AGENCY, DUE.plusDays(14)));
        assertEquals(List.of("STEP 1", "STEP 2", "STEP 3"), due(ActionStatus.NOT_STARTED, OrganisationKind.AGENCY, DUE.plusDays(28)));
    }

    @Test
    void onlyActionsBeingWorkedOnAreChased() {
        for (ActionStatus s : List.of(ActionStatus.PROPOSED, ActionStatus.AWAITING_VERIFICATION, ActionStatus.VERIFIED, ActionStatus.WITHDRAWN)) {
            assertEquals(List.of(), due(s, OrganisationKind.SCHOOL, DUE.plusDays(30)), s.name());
        }
    }

    @Test
    void schoolsGoToTheChairAgenciesToTheirBoardMemberBothThenToTheExecutive() {
        assertEquals(List.of(LadderRecipient.CHAIR_OF_GOVERNORS), ActionLadder.of(of(OrganisationKind.SCHOOL)).get(1).recipients());
        assertEquals(List.of(LadderRecipient.BOARD_MEMBER), ActionLadder.of(of(OrganisationKind.AGENCY)).get(1).recipients());
        assertEquals(List.of(LadderRecipient.SAFEGUARDING_EXECUTIVE), ActionLadder.of(of(OrganisationKind.AGENCY)).get(2).recipients());
        assertEquals(List.of(LadderRecipient.LEAD), ActionLadder.of(of(OrganisationKind.SCHOOL)).get(0).recipients());
        assertTrue(ActionLadder.toOwner(new ChasePlanner.Due(ChasePlanner.Kind.REMINDER, 14, DUE, null)));
        assertTrue(ActionLadder.toOwner(new ChasePlanner.Due(ChasePlanner.Kind.STEP, 1, DUE, ActionLadder.SCHOOL.get(0))));
        assertFalse(ActionLadder.toOwner(new ChasePlanner.Due(ChasePlanner.Kind.STEP, 2, DUE, ActionLadder.SCHOOL.get(1))));
    }

    @Test
    void theStepReachedFollowsTheDaysOverdue() {
        assertEquals(0, ActionLadder.stepReached(DUE, DUE));
        assertEquals(1, ActionLadder.stepReached(DUE, DUE.plusDays(1)));
        assertEquals(1, ActionLadder.stepReached(DUE, DUE.plusDays(13)));
        assertEquals(2, ActionLadder.stepReached(DUE, DUE.plusDays(14)));
        assertEquals(3, ActionLadder.stepReached(DUE, DUE.plusDays(200)));
    }

    @Test
    void aRunLooksFromLongAfterTheLastStepToTheFirstReminder() {
        LocalDate today = LocalDate.of(2027, 1, 1);
        assertEquals(today.plusDays(14), ActionChaseRun.lastDueLookedAt(today));
        assertTrue(ActionChaseRun.firstDueLookedAt(today).isBefore(today.minusDays(28)), "well before the last step's due dates");
    }
}
