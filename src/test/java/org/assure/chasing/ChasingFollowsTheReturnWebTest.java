package org.assure.chasing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.chasing.ChasedCycles.Chased;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chasing follows the return and its people: a submitted return gets nothing more, a reassigned section's reminders
 * go to its new person, and a contact recorded after their step was found missing gets the step on the next run.
 */
@MicronautTest(transactional = false)
class ChasingFollowsTheReturnWebTest extends WebTest {
    @Inject
    ChasedCycles chased;
    @Inject
    ChasingRepositories.PanelList panelList;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aSubmittedReturnGetsNothingMoreBeforeOrAfterTheDeadline() {
        Chased c = chased.cycle();
        assertEquals(2, chased.runOn(c, c.deadline().minusDays(28)).sent(), "the 28-day reminder, before submission");
        chased.submit(signedIn(c.lead()), c.returnId(), Map.of());

        for (int daysAfter : List.of(-14, -7, -1, 1, 7, 21, 40)) {
            assertEquals(new ChaseOutcome(0, 0, 0), chased.runOn(c, c.deadline().plusDays(daysAfter)), daysAfter + " days from the deadline");
        }
        assertEquals(2, chased.messages(c).size(), chased.written(c).toString());
        assertTrue(panelList.findByCycleIdOrderById(c.cycleId()).isEmpty(), "a submitted return is not put on the panel list for non-completion");
        String page = signedIn(c.admin()).get("/cycles/" + c.cycleId() + "/chasing").body();
        assertTrue(page.contains("Every return is submitted.") && page.contains("Nothing is due in the next 14 days."), page);
        assertFalse(page.contains("cannot be sent to them"), "no warnings for a submitted return: " + page);
    }

    /** A return submitted after the cycle's deadline but before its own, extended one is on time, on every page. */
    @Test
    void aSubmissionWithinAnExtensionIsNotLate() {
        Chased c = chased.cycle();
        LocalDate extended = c.deadline().plusDays(10);
        var admin = signedIn(c.admin());
        assertEquals(303, admin.post("/returns/" + c.returnId() + "/extension", "extensionDay", String.valueOf(extended.getDayOfMonth()),
                "extensionMonth", String.valueOf(extended.getMonthValue()), "extensionYear", String.valueOf(extended.getYear()),
                "extensionReason", "Flooded in October").status());
        chased.advanceTo(c.deadline().plusDays(3));
        var lead = signedIn(c.lead());
        chased.submit(lead, c.returnId(), java.util.Map.of());
        String submitted = lead.get("/returns/" + c.returnId() + "/submitted").body();
        assertTrue(submitted.contains("Submitted by Dee Esel"), submitted);
        assertFalse(submitted.contains("(after the deadline)"), "within the extension: " + submitted);
        String progress = signedIn(c.admin()).get("/cycles/" + c.cycleId()).body();
        assertFalse(progress.contains(">Late</strong>"), progress);
    }

    @Test
    void aHeadteacherRecordedAfterTheirStepWasNotSentGetsItOnTheNextRun() {
        Chased c = chased.cycle();
        contacts(c, "DELETE FROM organisation_contact WHERE organisation_id = ? AND role = 'HEADTEACHER'");
        assertEquals(new ChaseOutcome(1, 1, 0), chased.runOn(c, c.deadline().plusDays(1)), "step 1 to the DSL; no headteacher");
        assertTrue(chased.written(c).contains("STEP 1 HEADTEACHER NOT_SENT"), chased.written(c).toString());
        String head = "head" + Fixtures.next() + "@chased.test";
        contacts(c, "INSERT INTO organisation_contact (organisation_id, role, name, email) VALUES (?, 'HEADTEACHER', 'Hal Head', '" + head + "')");

        assertEquals(new ChaseOutcome(1, 0, 0), chased.runOn(c, c.deadline().plusDays(2)), "the next run sends the step to them (ADR 0029)");
        List<String> written = chased.written(c);
        assertTrue(written.contains("STEP 1 HEADTEACHER SENT " + head), written.toString());
        assertTrue(written.contains("STEP 1 HEADTEACHER NOT_SENT"), "the earlier record stays: " + written);
        assertEquals(1, written.stream().filter(w -> w.startsWith("STEP 1 DSL")).count(), "the DSL is not written to again: " + written);
        assertEquals(new ChaseOutcome(0, 0, 0), chased.runOn(c, c.deadline().plusDays(3)));
    }

    /** Changes the school's contacts as its page would: this statement, with the school's id for its one parameter. */
    private void contacts(Chased c, String sql) {
        transactions.executeWrite(status -> {
            try (var change = status.getConnection().prepareStatement(sql)) {
                change.setLong(1, c.school().id());
                return change.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aReassignedSectionMovesItsRemindersToTheNewPerson() {
        Chased c = chased.cycle();
        Fixtures.Person first = fixtures.person(c.p(), Role.CONTRIBUTOR, c.school());
        Fixtures.Person second = fixtures.person(c.p(), Role.CONTRIBUTOR, c.school());
        String assign = "/returns/" + c.returnId() + "/sections/leadership/assign";
        TestBrowser lead = signedIn(c.lead());
        lead.get(assign);
        assertEquals(303, lead.post(assign, "assignee", String.valueOf(first.id())).status());

        assertEquals(3, chased.runOn(c, c.deadline().minusDays(28)).sent(), "the lead's account, the DSL and the section's assignee");
        assertTrue(chased.written(c).contains("REMINDER 28 ASSIGNEE SENT " + first.email()), chased.written(c).toString());

        lead = signedIn(c.lead()); // days have passed: a new session
        lead.get(assign);
        assertEquals(303, lead.post(assign, "assignee", String.valueOf(second.id())).status());
        assertEquals(3, chased.runOn(c, c.deadline().minusDays(14)).sent());
        List<String> written = chased.written(c);
        assertTrue(written.contains("REMINDER 14 ASSIGNEE SENT " + second.email()), written.toString());
        assertEquals(1, written.stream().filter(w -> w.endsWith(" " + first.email())).count(), "nothing more to the first: " + written);

        lead = signedIn(c.lead());
        lead.get(assign);
        assertEquals(303, lead.post(assign, "assignee", "").status(), "taken back by the lead");
        assertEquals(2, chased.runOn(c, c.deadline().minusDays(7)).sent(), "the lead and the DSL only");
        assertEquals(1, chased.written(c).stream().filter(w -> w.endsWith(" " + second.email())).count(), chased.written(c).toString());
    }
}
