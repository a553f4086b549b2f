package org.assure.chasing;

import org.assure.chasing.ChasePlanner.Due;
import org.assure.chasing.ChasePlanner.ReturnState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is due when, by the rules alone: the reminder schedule, the ladder, catching up, submission and pauses. */
class ChasePlannerTest {
    private static final LocalDate DEADLINE = LocalDate.of(2027, 3, 19);
    private static final List<Integer> REMINDERS = ChasingRules.DEFAULT_REMINDERS;
    private static final List<LadderStep> SCHOOLS = ChasingRules.SCHOOL_LADDER;

    private static List<String> due(ReturnState r, LocalDate today) {
        return ChasePlanner.due(r, REMINDERS, SCHOOLS, today).stream().map(d -> d.kind() + " " + d.step() + " " + d.dueOn()).toList();
    }

    private static final ReturnState OPEN = new ReturnState(false, false, DEADLINE);

    @Test
    void theWholeReminderScheduleAndOnlyTheLatestReminderIsDue() {
        assertEquals(List.of(), due(OPEN, DEADLINE.minusDays(29)), "nothing before the first reminder");
        assertEquals(List.of("REMINDER 28 2027-02-19"), due(OPEN, DEADLINE.minusDays(28)));
        assertEquals(List.of("REMINDER 28 2027-02-19"), due(OPEN, DEADLINE.minusDays(20)), "still the 28-day one until the next");
        assertEquals(List.of("REMINDER 14 2027-03-05"), due(OPEN, DEADLINE.minusDays(14)));
        assertEquals(List.of("REMINDER 7 2027-03-12"), due(OPEN, DEADLINE.minusDays(7)));
        assertEquals(List.of("REMINDER 1 2027-03-18"), due(OPEN, DEADLINE.minusDays(1)));
        assertEquals(List.of("REMINDER 1 2027-03-18"), due(OPEN, DEADLINE), "the deadline day itself");
    }

    @Test
    void afterTheDeadlineEachStepOnItsDayAndAMissedDayIsCaughtUp() {
        assertEquals(List.of("STEP 1 2027-03-20"), due(OPEN, DEADLINE.plusDays(1)));
        assertEquals(List.of("STEP 1 2027-03-20"), due(OPEN, DEADLINE.plusDays(6)));
        assertEquals(List.of("STEP 1 2027-03-20", "STEP 2 2027-03-26"), due(OPEN, DEADLINE.plusDays(7)));
        assertEquals(List.of("STEP 1 2027-03-20", "STEP 2 2027-03-26", "STEP 3 2027-04-09"), due(OPEN, DEADLINE.plusDays(40)),
                "a run after weeks away owes every step whose day has come (each is written once, by its key)");
    }

    @Test
    void stepsCountedFromTheStepBeforeAddUp() {
        List<LadderStep> relative = List.of(SCHOOLS.get(0), new LadderStep(2, 5, LadderStep.CountedFrom.PREVIOUS, List.of(LadderRecipient.CHAIR_OF_GOVERNORS),
                "s", "b", false, false), new LadderStep(3, 10, LadderStep.CountedFrom.PREVIOUS, List.of(LadderRecipient.SAFEGUARDING_EXECUTIVE), "s", "b", true, false));
        assertEquals(List.of(DEADLINE.plusDays(1), DEADLINE.plusDays(6), DEADLINE.plusDays(16)), LadderStep.dueDates(relative, DEADLINE));
    }

    @Test
    void aSubmittedOrPausedReturnIsDueNothingAndAnExtensionMovesEverything() {
        assertEquals(List.of(), due(new ReturnState(true, false, DEADLINE), DEADLINE.plusDays(30)));
        assertEquals(List.of(), due(new ReturnState(false, true, DEADLINE), DEADLINE.plusDays(30)));
        ReturnState extended = new ReturnState(false, false, DEADLINE.plusDays(14));
        assertEquals(List.of("REMINDER 7 2027-03-26"), due(extended, DEADLINE.plusDays(7)), "before the new deadline: reminders again");
    }

    @Test
    void theLookAheadListsWhatComesWithinItsWindowInDateOrder() {
        List<Due> coming = ChasePlanner.upcoming(OPEN, REMINDERS, SCHOOLS, DEADLINE.minusDays(3), DEADLINE.minusDays(3).plusDays(14));
        assertEquals(List.of("REMINDER 1", "STEP 1", "STEP 2"), coming.stream().map(d -> d.kind() + " " + d.step()).toList());
        assertTrue(ChasePlanner.upcoming(new ReturnState(true, false, DEADLINE), REMINDERS, SCHOOLS, DEADLINE, DEADLINE.plusDays(14)).isEmpty());
    }
}
