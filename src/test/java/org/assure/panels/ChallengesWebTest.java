package org.assure.panels;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.jobs.DueWorkRunner;
import org.assure.kernel.Dates;
import org.assure.notify.Outbox;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Challenges (issue 12): drafted by the panel, released by the moderator with a due date, answered by the organisation;
 * the organisation sees nothing before release; conflicted members, members of no panel and other partnerships refused;
 * bad input kept; release posted twice emails once; reminders and overdue notices once each; the return's history.
 */
@MicronautTest(transactional = false)
class ChallengesWebTest extends WebTest {
    private static final Pattern DRAFT_ID = Pattern.compile("/challenges/(\\d+)/withdraw");

    @Inject
    PanelWorld worlds;
    @Inject
    Outbox outbox;
    @Inject
    DueWorkRunner runner;

    private static String challenges(PanelWorld.World w) {
        return w.casePath() + "/challenges";
    }

    private static String orgChallenges(PanelWorld.World w) {
        return "/returns/" + w.returnId() + "/challenges";
    }

    /** Drafts one through the page as this browser; its id. */
    private static long draft(TestBrowser b, PanelWorld.World w, String kind, String text) {
        b.get(challenges(w));
        TestBrowser.Page drafted = b.post(challenges(w), "kind", kind, "itemKey", "", "text", text);
        assertEquals(303, drafted.status(), drafted.body());
        Matcher m = DRAFT_ID.matcher(b.get(challenges(w)).body());
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        assertTrue(last > 0);
        return last;
    }

    private static TestBrowser.Page release(TestBrowser b, PanelWorld.World w, LocalDate due) {
        b.get(challenges(w));
        return b.post(challenges(w) + "/release", "dueDay", String.valueOf(due.getDayOfMonth()), "dueMonth", String.valueOf(due.getMonthValue()),
                "dueYear", String.valueOf(due.getYear()));
    }

    private long emails(PanelWorld.World w, String kind) {
        return outbox.recent(w.partnership().id()).stream().filter(e -> kind.equals(e.kind())).count();
    }

    @Test
    void draftedReleasedAndAnsweredAndTheOrganisationSeesNothingBeforeRelease() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser member = signedIn(w.memberA());
        long draftId = draft(member, w, "QUESTION", "How do you check that new staff have read Part 1 of KCSIE?");
        String panelPage = member.get(challenges(w)).body();
        assertTrue(panelPage.contains("How do you check that new staff have read Part 1 of KCSIE?"), panelPage);
        assertFalse(panelPage.contains("Release to the organisation"), "a member does not release");

        // the organisation before release: nothing listed, nothing linked, the draft's id not found, nothing in the history
        TestBrowser lead = signedIn(w.lead());
        String before = lead.get(orgChallenges(w)).body();
        assertFalse(before.contains("KCSIE"), before);
        assertTrue(before.contains("The panel has not put any challenges to you"), before);
        assertFalse(lead.get("/returns/" + w.returnId()).body().contains(orgChallenges(w)), "no link on the task list before release");
        assertEquals(404, lead.get(orgChallenges(w) + "/" + draftId).status());
        lead.get(orgChallenges(w));
        assertEquals(404, lead.post(orgChallenges(w) + "/" + draftId, "answer", "We guess").status());
        assertFalse(lead.get("/returns/" + w.returnId() + "/history").body().contains("KCSIE"), "drafts are not in the return's history");

        // a member may not release; the draft can be changed and a second one withdrawn
        member.get(challenges(w));
        assertEquals(403, member.post(challenges(w) + "/release", "dueDay", "1", "dueMonth", "1", "dueYear", "2099").status());
        member.get(challenges(w) + "/" + draftId);
        assertEquals(303, member.post(challenges(w) + "/" + draftId, "kind", "EVIDENCE", "itemKey", "", "text",
                "Send the record showing new staff have read Part 1 of KCSIE.").status());
        long second = draft(member, w, "QUESTION", "A question we think better of");
        member.get(challenges(w));
        assertEquals(303, member.post(challenges(w) + "/" + second + "/withdraw").status());
        assertFalse(member.get(challenges(w)).body().contains("A question we think better of"));

        // the moderator releases; posting it again changes nothing and emails no one
        TestBrowser moderator = signedIn(w.moderator());
        LocalDate due = Dates.today(clock).plusDays(10);
        TestBrowser.Page released = release(moderator, w, due);
        assertEquals(303, released.status(), released.body());
        assertTrue(released.location().contains("done=released"), released.location());
        assertEquals(1, emails(w, "challenges-released"), "the lead is emailed");
        TestBrowser.Page again = moderator.post(challenges(w) + "/release", "dueDay", String.valueOf(due.getDayOfMonth()), "dueMonth",
                String.valueOf(due.getMonthValue()), "dueYear", String.valueOf(due.getYear()));
        assertTrue(again.status() == 303 || again.status() == 409, again.status() + " " + again.body());
        assertEquals(1, emails(w, "challenges-released"), "released twice, emailed once");

        // released, it is no longer the panel's to change
        member.get(challenges(w));
        assertEquals(409, member.post(challenges(w) + "/" + draftId + "/withdraw").status());
        assertEquals(409, member.post(challenges(w) + "/" + draftId, "kind", "QUESTION", "itemKey", "", "text", "Changed after").status());

        // the organisation sees and answers it; bad answers come back with the words kept
        String list = lead.get(orgChallenges(w)).body();
        assertTrue(list.contains("Send the record showing new staff have read Part 1 of KCSIE.") && list.contains(Dates.date(due)), list);
        assertTrue(lead.get("/returns/" + w.returnId()).body().contains(orgChallenges(w)), "the task list links to the challenges");
        assertEquals(200, lead.get(orgChallenges(w) + "/" + draftId).status());
        TestBrowser.Page blank = lead.post(orgChallenges(w) + "/" + draftId, "answer", "  ");
        assertEquals(422, blank.status());
        assertTrue(blank.body().contains("Enter your answer to the panel"));
        String tooLong = "x".repeat(10_001);
        TestBrowser.Page longOne = lead.post(orgChallenges(w) + "/" + draftId, "answer", tooLong);
        assertEquals(422, longOne.status());
        assertTrue(longOne.body().contains("10,000 characters or fewer") && longOne.body().contains(tooLong), "the long answer is kept");
        TestBrowser.Page answered = lead.post(orgChallenges(w) + "/" + draftId, "answer", "Every new starter signs the <b>record</b>; attached.");
        assertEquals(303, answered.status(), answered.body());
        String after = lead.get(orgChallenges(w)).body();
        assertTrue(after.contains("Every new starter signs the &lt;b&gt;record&lt;/b&gt;; attached."), after);
        assertTrue(after.contains("You can change an answer until the day it is due"), "the page says when answers can change");

        // the panel reads the answer; the chair reads it too but may not answer; the admin looks only
        assertTrue(member.get(challenges(w)).body().contains("Every new starter signs the &lt;b&gt;record&lt;/b&gt;"));
        Fixtures.Person chair = fixtures.person(w.partnership(), Role.ESCALATION_CONTACT, w.school());
        TestBrowser chairs = signedIn(chair);
        assertTrue(chairs.get(orgChallenges(w)).body().contains("Every new starter signs"));
        assertEquals(403, chairs.get(orgChallenges(w) + "/" + draftId).status());
        assertEquals(200, signedIn(w.admin()).get(orgChallenges(w)).status());

        // the return's history shows it put and answered
        String history = lead.get("/returns/" + w.returnId() + "/history").body();
        assertTrue(history.contains("Panel&#39;s challenge put to the organisation") || history.contains("Panel's challenge put to the organisation"), history);
        assertTrue(history.contains("challenge answered"), history);
        assertFalse(history.contains("A question we think better of"), "a withdrawn draft is not in the return's history");
    }

    @Test
    void conflictedMembersMembersOfNoPanelOtherOrganisationsAndOtherPartnershipsAreRefused() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        long draftId = draft(signedIn(w.memberA()), w, "QUESTION", "A question");

        TestBrowser conflicted = signedIn(w.memberB());
        conflicted.get(w.casePath());
        assertEquals(303, conflicted.post(w.casePath() + "/declare", "declaredReason", "My sister is its head").status());
        assertEquals(403, conflicted.get(challenges(w)).status());
        assertEquals(403, conflicted.post(challenges(w), "kind", "QUESTION", "itemKey", "", "text", "Sneaky").status());
        assertEquals(403, conflicted.get(challenges(w) + "/" + draftId).status());

        TestBrowser stranger = signedIn(fixtures.person(w.partnership(), Role.PANEL_MEMBER));
        assertEquals(404, stranger.get(challenges(w)).status());
        assertEquals(404, stranger.post(challenges(w), "kind", "QUESTION", "itemKey", "", "text", "Sneaky").status());

        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        TestBrowser farAdmin = signedIn(far.admin());
        assertEquals(404, farAdmin.get(challenges(w)).status());
        assertEquals(404, farAdmin.get(challenges(w) + "/" + draftId).status());
        // another panel's case id under this panel
        assertEquals(404, signedIn(w.admin()).get(w.panelPath() + "/cases/" + far.caseId() + "/challenges").status());

        TestBrowser moderator = signedIn(w.moderator());
        assertEquals(303, release(moderator, w, Dates.today(clock).plusDays(5)).status());
        // released: another partnership's lead, the sister school's lead, and this lead through another return all get 404
        TestBrowser farLead = signedIn(far.lead());
        assertEquals(404, farLead.get(orgChallenges(w)).status());
        farLead.get("/returns/" + far.returnId() + "/challenges");
        assertEquals(404, farLead.post("/returns/" + far.returnId() + "/challenges/" + draftId, "answer", "Not ours").status());
        TestBrowser sister = signedIn(w.sisterLead());
        assertEquals(404, sister.get(orgChallenges(w)).status());
        sister.get("/returns/" + w.sisterReturnId() + "/challenges");
        assertEquals(404, sister.post("/returns/" + w.sisterReturnId() + "/challenges/" + draftId, "answer", "Not ours").status());
        assertFalse(sister.get("/returns/" + w.sisterReturnId() + "/challenges").body().contains("A question"));
        TestBrowser lead = signedIn(w.lead());
        assertTrue(lead.get(orgChallenges(w)).body().contains("A question"));
    }

    @Test
    void badInputIsRefusedOnTheFieldWithTheInputKept() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser member = signedIn(w.memberA());
        member.get(challenges(w));
        TestBrowser.Page blank = member.post(challenges(w), "kind", "QUESTION", "itemKey", "", "text", " ");
        assertEquals(422, blank.status());
        assertTrue(blank.body().contains("Enter the question or the evidence the panel asks for"));
        String tooLong = "y".repeat(4_001);
        TestBrowser.Page longOne = member.post(challenges(w), "kind", "EVIDENCE", "itemKey", "", "text", tooLong);
        assertEquals(422, longOne.status());
        assertTrue(longOne.body().contains("4,000 characters or fewer") && longOne.body().contains(tooLong));
        TestBrowser.Page crafted = member.post(challenges(w), "kind", "BRIBE", "itemKey", "no-such-question", "text", "Kept words");
        assertEquals(422, crafted.status());
        assertTrue(crafted.body().contains("Select whether it is a challenge question") && crafted.body().contains("Select a section or question")
                && crafted.body().contains("Kept words"));
        assertFalse(member.get(challenges(w)).body().contains("/withdraw"), "nothing was saved");

        draft(member, w, "QUESTION", "A fair question");
        TestBrowser moderator = signedIn(w.moderator());
        LocalDate yesterday = Dates.today(clock).minusDays(1);
        TestBrowser.Page past = release(moderator, w, yesterday);
        assertEquals(422, past.status());
        assertTrue(past.body().contains("must be today or in the future") && past.body().contains("value=\"" + yesterday.getDayOfMonth() + "\""));
        TestBrowser.Page notADate = moderator.post(challenges(w) + "/release", "dueDay", "31", "dueMonth", "2", "dueYear", "2099");
        assertEquals(422, notADate.status());
        assertTrue(notADate.body().contains("value=\"31\""), "the typed day is kept");
        TestBrowser.Page none = moderator.post(challenges(w) + "/release", "dueDay", "", "dueMonth", "", "dueYear", "");
        assertEquals(422, none.status());
        assertEquals(0, emails(w, "challenges-released"), "nothing released");
        assertTrue(moderator.get(challenges(w)).body().contains("Nothing has been released yet"));
    }

    @Test
    void remindersAndOverdueNoticesAreSentOnceEach() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        long unanswered = draft(signedIn(w.memberA()), w, "QUESTION", "Unanswered question");
        LocalDate due = Dates.today(clock).plusDays(10);
        assertEquals(303, release(signedIn(w.moderator()), w, due).status());
        runner.runOnce();
        assertEquals(0, emails(w, "challenge-reminder"), "nothing is due a week before the reminder");

        advanceTo(due.minusDays(ChallengeDueWork.REMINDER_DAYS));
        runner.runOnce();
        runner.runOnce();
        assertEquals(1, emails(w, "challenge-reminder"), "one reminder, to the lead, however many runs");
        assertEquals(0, emails(w, "challenge-overdue"));

        advanceTo(due.plusDays(1));
        runner.runOnce();
        runner.runOnce();
        assertEquals(2, emails(w, "challenge-overdue"), "one overdue notice each to the lead and the admin");
        assertEquals(1, emails(w, "challenge-reminder"));
        assertTrue(signedIn(w.lead()).get(orgChallenges(w)).body().contains("Overdue"));

        // answered late it is still taken; once answered after the due date it cannot be changed
        TestBrowser lead = signedIn(w.lead());
        lead.get(orgChallenges(w) + "/" + unanswered);
        assertEquals(303, lead.post(orgChallenges(w) + "/" + unanswered, "answer", "Sorry, late: here it is").status());
        lead.get(orgChallenges(w));
        assertEquals(409, lead.post(orgChallenges(w) + "/" + unanswered, "answer", "Changed my mind").status());
    }

    @Test
    void anAnsweredChallengeGetsNoReminder() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        long id = draft(signedIn(w.memberA()), w, "QUESTION", "Answered question");
        LocalDate due = Dates.today(clock).plusDays(10);
        assertEquals(303, release(signedIn(w.moderator()), w, due).status());
        TestBrowser lead = signedIn(w.lead());
        lead.get(orgChallenges(w) + "/" + id);
        assertEquals(303, lead.post(orgChallenges(w) + "/" + id, "answer", "On time").status());
        advanceTo(due.plusDays(1));
        runner.runOnce();
        assertEquals(0, emails(w, "challenge-reminder") + emails(w, "challenge-overdue"));
    }

    private void advanceTo(LocalDate day) {
        var target = day.atTime(LocalTime.of(9, 0)).atZone(Dates.ZONE).toInstant();
        Duration by = Duration.between(clock.instant(), target);
        if (!by.isNegative()) {
            clock.advance(by);
        }
    }
}
