package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.organisations.Organisation;
import org.assure.testsupport.Emails;
import org.assure.testsupport.ReturnFilling;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check answers, declare, submit; return for changes and resubmit; printable view, history; deadlines. */
@MicronautTest(transactional = false)
class SubmissionWebTest extends ReturnWebTest {
    @Inject
    Emails emails;

    private TestBrowser.Page declare(TestBrowser lead, Setup s, String name, String role, boolean confirm) {
        return confirm ? lead.post(s.path() + "/submit", "name", name, "role", role, "confirm", "true")
                : lead.post(s.path() + "/submit", "name", name, "role", role);
    }

    @Test
    void aLeadChecksDeclaresAndSubmits() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String early = lead.get(s.path() + "/check").body();
        assertContains(early, "You cannot submit yet", "Leadership and governance</a> (not started)", "Not answered");
        assertFalse(early.contains("Declaration"));
        var tooSoon = declare(lead, s, "Dee Esel", "DSL", true);
        assertEquals(422, tooSoon.status());
        assertContains(tooSoon.body(), "Complete every section before you submit");

        completeEverySection(lead, s);
        assertContains(lead.get(s.path()).body(), "Check your answers and submit");
        String check = lead.get(s.path() + "/check").body();
        assertContains(check, "Declaration", "On behalf of the governing board of " + s.school().name(), "Fully met", "Evidence for governance-accountability",
                "href=\"/returns/" + s.returnId() + "/sections/leadership\"");

        var missing = lead.post(s.path() + "/submit", "name", "", "role", "Designated safeguarding lead");
        assertEquals(422, missing.status());
        assertContains(missing.body(), "href=\"#name\"", "Enter your full name", "href=\"#confirm\"",
                "Confirm the declaration on behalf of the governing board", "value=\"Designated safeguarding lead\"");
        assertEquals(ReturnStatus.IN_PROGRESS, row(s.returnId()).status());

        var done = declare(lead, s, "Dee Esel", "Designated safeguarding lead", true);
        assertEquals(303, done.status(), done.body());
        assertEquals(s.path() + "/submitted", done.location());
        String reference = "AR-%06d-1".formatted(s.returnId());
        assertContains(lead.get(done.location()).body(), "Return submitted", reference);
        assertEquals(ReturnStatus.SUBMITTED, row(s.returnId()).status());
        assertContains(emails.latest(s.partnership().id(), s.lead().email()).subject(), reference);
        assertContains(emails.latest(s.partnership().id(), s.admin().email()).body(), s.school().name(), "Dee Esel", reference);

        // read-only from now on: sections, submit again, assign
        var edit = lead.postRepeated(s.path() + SECTION, form(lead.get(s.path() + SECTION).body(), "governance-accountability", "RED", "action", "later"));
        assertEquals(409, edit.status());
        assertEquals(409, declare(lead, s, "Dee Esel", "DSL", true).status());
        assertEquals(409, lead.post(s.path() + SECTION + "/assign", "assignee", "").status());
        String tasks = lead.get(s.path()).body();
        assertContains(tasks, "Submitted on", reference, "View or print the whole return");
        assertFalse(tasks.contains("Check your answers and submit"));

        String print = lead.get(s.path() + "/print").body();
        assertContains(print, reference, "Dee Esel, Designated safeguarding lead, on behalf of the governing board", "Fully met");
        String history = lead.get(s.path() + "/history").body();
        assertContains(history, "Submitted", reference, "Answer: ", "Return status");
    }

    @Test
    void theAdminReturnsItForChangesAndTheLeadResubmits() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        completeEverySection(lead, s);
        assertEquals(303, declare(lead, s, "Dee Esel", "DSL", true).status());
        TestBrowser admin = signedIn(s.admin());
        long cycleId = row(s.returnId()).cycleId();
        assertContains(admin.get("/cycles/" + cycleId + "?status=SUBMITTED").body(), "href=\"" + s.path() + "\"");
        assertContains(admin.get(s.path()).body(), "Return for changes");
        assertEquals(403, lead.get(s.path() + "/return-for-changes").status());
        assertEquals(403, lead.post(s.path() + "/return-for-changes", "reason", "x").status());

        var blank = admin.post(s.path() + "/return-for-changes", "reason", "  ");
        assertEquals(422, blank.status());
        assertContains(blank.body(), "Say what needs to change");
        assertEquals(ReturnStatus.SUBMITTED, row(s.returnId()).status());
        var returned = admin.post(s.path() + "/return-for-changes", "reason", "Question 1 needs the governors' minutes as evidence.");
        assertEquals(303, returned.status(), returned.body());
        assertEquals(ReturnStatus.RETURNED, row(s.returnId()).status());
        assertEquals(409, admin.post(s.path() + "/return-for-changes", "reason", "again").status());
        var told = emails.latest(s.partnership().id(), s.lead().email());
        assertContains(told.subject(), "Changes needed");
        assertContains(told.body(), "governors&#39; minutes".replace("&#39;", "'"));

        String tasks = lead.get(s.path()).body();
        assertContains(tasks, "Returned for changes", "governors&#39; minutes as evidence", "Check your answers and submit");
        String page = lead.get(s.path() + SECTION).body();
        var changed = lead.postRepeated(s.path() + SECTION, asShown(page, "complete", "true", "action", "later",
                "governance-accountability", "AMBER", "governance-accountability-evidence", "Minutes of the March board"));
        // the other answers of the section are as they were, so completing it again works
        assertEquals(303, changed.status(), changed.body());
        ReturnFilling.writeMissingActions(lead, s.path()); // Amber now: it needs an action
        assertEquals(303, declare(lead, s, "Dee Esel", "DSL", true).status());
        String second = "AR-%06d-2".formatted(s.returnId());
        assertContains(lead.get(s.path() + "/submitted").body(), second);

        String history = admin.get(s.path() + "/history").body();
        assertContains(history, "AR-%06d-1".formatted(s.returnId()), second, "returned for changes", "Returned for changes");
        String first = admin.get(s.path() + "/submissions/1").body();
        assertContains(first, "Fully met", "Evidence for governance-accountability", "Question 1 needs the governors");
        assertFalse(first.contains("Minutes of the March board"), "the first submission keeps its own answers");
        assertContains(admin.get(s.path() + "/submissions/2").body(), "Minutes of the March board", "Partly met");
        assertEquals(404, admin.get(s.path() + "/submissions/3").status());
    }

    @Test
    void onlyTheLeadSubmitsAndOthersAreRefused() {
        Setup s = setup();
        TestBrowser contributor = signedIn(fixtures.person(s.partnership(), Role.CONTRIBUTOR, s.school()));
        assertEquals(403, contributor.get(s.path() + "/check").status());
        assertEquals(403, contributor.post(s.path() + "/submit", "name", "C", "role", "C", "confirm", "true").status());
        assertEquals(403, contributor.get(s.path() + "/print").status());
        assertEquals(403, contributor.get(s.path() + "/history").status());
        TestBrowser admin = signedIn(s.admin());
        assertEquals(403, admin.get(s.path() + "/check").status());
        assertEquals(200, admin.get(s.path() + "/print").status());
        assertEquals(200, admin.get(s.path() + "/history").status());
        assertEquals(409, admin.get(s.path() + "/return-for-changes").status(), "not submitted yet");

        Organisation other = fixtures.school(s.partnership());
        TestBrowser otherLead = signedIn(fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, other));
        for (String path : List.of("/check", "/print", "/history", "/submitted", "/submissions/1")) {
            assertEquals(404, otherLead.get(s.path() + path).status(), path);
        }
        assertEquals(404, otherLead.post(s.path() + "/submit", "name", "X", "role", "Y", "confirm", "true").status());
        TestBrowser otherAdmin = signedIn(fixtures.admin(fixtures.partnership()));
        assertEquals(404, otherAdmin.get(s.path() + "/print").status());
        assertEquals(404, otherAdmin.post(s.path() + "/return-for-changes", "reason", "x").status());
    }

    @Test
    void afterTheDeadlineItIsLateAndAfterTheFinalDeadlineItLocks() {
        Setup s = setup(10);
        clock.advance(Duration.ofDays(5)); // deadline (3 days) passed, final deadline (10 days) not yet
        TestBrowser lead = signedIn(s.lead());
        assertContains(lead.get(s.path()).body(), "The deadline has passed", "recorded as late");
        completeEverySection(lead, s);
        assertContains(lead.get(s.path() + "/check").body(), "will be recorded as late");
        assertEquals(303, declare(lead, s, "Dee Esel", "DSL", true).status());
        assertContains(lead.get(s.path() + "/submitted").body(), "(after the deadline)");
        assertContains(emails.latest(s.partnership().id(), s.admin().email()).body(), " late.");

        Setup locked = setup(4);
        clock.advance(Duration.ofDays(5));
        TestBrowser other = signedIn(locked.lead());
        String page = other.get(locked.path() + SECTION).body();
        assertContains(page, "The final deadline", "has passed, so this return can no longer be changed");
        assertFalse(page.contains("Save and continue"));
        var refused = other.postRepeated(locked.path() + SECTION, form(page, "governance-accountability", "GREEN", "action", "later"));
        assertEquals(409, refused.status());
        assertContains(refused.body(), "The final deadline");
    }

    @Test
    void aReturnSentBackAfterTheFinalDeadlineCanStillBeFixed() {
        Setup s = setup(4);
        TestBrowser lead = signedIn(s.lead());
        completeEverySection(lead, s);
        assertEquals(303, declare(lead, s, "Dee Esel", "DSL", true).status());
        clock.advance(Duration.ofDays(6));
        TestBrowser admin = signedIn(s.admin());
        assertEquals(303, admin.post(s.path() + "/return-for-changes", "reason", "Please add evidence").status());
        lead = signedIn(s.lead());
        var changed = lead.postRepeated(s.path() + SECTION, asShown(lead.get(s.path() + SECTION).body(), "complete", "true",
                "action", "later", "governance-accountability-evidence", "Better evidence"));
        assertEquals(303, changed.status(), changed.body());
        ReturnFilling.writeMissingActions(lead, s.path()); // Amber now: it needs an action
        assertEquals(303, declare(lead, s, "Dee Esel", "DSL", true).status());
        assertTrue(lead.get(s.path() + "/submitted").body().contains("AR-%06d-2".formatted(s.returnId())));
    }
}
