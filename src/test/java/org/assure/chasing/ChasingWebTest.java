package org.assure.chasing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.jobs.DueWorkRunner;
import org.assure.kernel.Dates;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.partnerships.Partnership;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chasing with a moved clock: the reminder schedule, each ladder step and its people, a missing contact recorded
 * and warned, catching up a missed day, the weekly cap, extensions, pauses, submission, the chair's view and
 * response, and two runs at once writing each email once.
 */
@MicronautTest(transactional = false)
class ChasingWebTest extends WebTest {
    @Inject
    CycleService cycles;
    @Inject
    CycleLookup lookup;
    @Inject
    OrganisationService organisations;
    @Inject
    ChaseRun run;
    @Inject
    ChasingRepositories.Messages messages;
    @Inject
    ChasingRepositories.PanelList panelList;
    @Inject
    DueWorkRunner runner;

    record Setup(Partnership p, Fixtures.Person admin, Organisation school, Fixtures.Person lead, long cycleId, long returnId, LocalDate deadline) {
    }

    Setup setup() {
        return setup(true);
    }

    /** A school with a DSL, a headteacher and (if asked) a chair, no safeguarding governor, its lead, and a cycle due in 30 days. */
    Setup setup(boolean withChair) {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        int n = Fixtures.next();
        Organisation school = organisations.create(p.id(), null, new OrganisationDetails(OrganisationKind.SCHOOL, "Chased School " + n, null,
                Phase.PRIMARY, SchoolCategory.MAINTAINED, String.valueOf(700000 + n), null, "Testshire", "TS1 1AA", false, false, null,
                withChair ? List.of(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", "dsl" + n + "@chased.test", null),
                        new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Hedda Teacher", "head" + n + "@chased.test", null),
                        new OrganisationDetails.Contact(ContactRole.CHAIR_OF_GOVERNORS, "Chas Chair", "chair" + n + "@chased.test", null))
                        : List.of(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", "dsl" + n + "@chased.test", null),
                        new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Hedda Teacher", "head" + n + "@chased.test", null))));
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        CurrentUser a = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        long cycleId = cycles.createAndOpen(a, new CycleForms.CycleForm("Chasing " + n, "section-175/2025", "CHOSEN", List.of(), List.of(),
                List.of(), List.of(String.valueOf(school.id())), str(today.getDayOfMonth()), str(today.getMonthValue()), str(today.getYear()),
                str(deadline.getDayOfMonth()), str(deadline.getMonthValue()), str(deadline.getYear()), null, null, null, null, null, null, null));
        return new Setup(p, admin, school, lead, cycleId, cycles.returnOf(cycleId, school.id()).orElseThrow(), deadline);
    }

    private static String str(int n) {
        return String.valueOf(n);
    }

    /** Moves the clock forward to 9am in England on this day. */
    void advanceTo(LocalDate day) {
        var target = day.atTime(LocalTime.of(9, 0)).atZone(Dates.ZONE).toInstant();
        Duration by = Duration.between(clock.instant(), target);
        if (!by.isNegative()) {
            clock.advance(by);
        }
    }

    ChaseOutcome runOn(Setup s, LocalDate day) {
        advanceTo(day);
        CycleTerms cycle = lookup.terms(s.cycleId());
        return run.run(cycle, Dates.today(clock));
    }

    List<String> written(Setup s) {
        return messages.findByReturnIdOrderByIdDesc(s.returnId()).stream()
                .map(m -> m.kind() + " " + m.step() + " " + m.recipientRole() + " " + m.status()).sorted().toList();
    }

    @Test
    void theRemindersThenTheLadderEachOnceToItsPeopleAndAMissingChairIsRecorded() {
        Setup s = setup(false);
        assertEquals(0, runOn(s, Dates.today(clock)).sent(), "nothing is due 30 days before the deadline");
        assertEquals(2, runOn(s, s.deadline().minusDays(28)).sent(), "the 28-day reminder to the lead's account and the DSL");
        assertEquals(new ChaseOutcome(0, 0, 0), run.run(lookup.terms(s.cycleId()), Dates.today(clock)), "a second run that day writes nothing");
        assertEquals(2, runOn(s, s.deadline().minusDays(14)).sent());
        // no run on the 7- and 1-day reminders' days: after the deadline they are past, and step 1 is what is owed
        ChaseOutcome late = runOn(s, s.deadline().plusDays(1));
        assertEquals(2, late.sent(), "step 1 to the DSL and the headteacher");
        String before = signedIn(s.admin()).get("/cycles/" + s.cycleId() + "/chasing").body();
        assertTrue(before.contains(s.school().name() + " has no chair of governors with an email address: step 2"),
                "warned before the step is due: " + before);
        ChaseOutcome week = runOn(s, s.deadline().plusDays(7));
        assertEquals(new ChaseOutcome(0, 1, 0), week, "step 2: no chair to write to (and no safeguarding governor, who is asked only if there is one)");
        assertEquals(List.of("REMINDER 14 LEAD SENT", "REMINDER 14 LEAD SENT", "REMINDER 28 LEAD SENT", "REMINDER 28 LEAD SENT",
                "STEP 1 DSL SENT", "STEP 1 HEADTEACHER SENT", "STEP 2 CHAIR_OF_GOVERNORS NOT_SENT"), written(s));
        var missing = messages.findByReturnIdOrderByIdDesc(s.returnId()).stream().filter(m -> !m.sent()).findFirst().orElseThrow();
        assertEquals(s.school().name() + " has no chair of governors with an email address", missing.reason());

        TestBrowser admin = signedIn(s.admin());
        String page = admin.get("/cycles/" + s.cycleId() + "/chasing").body();
        assertTrue(page.contains("Not sent: " + s.school().name() + " has no chair of governors"), page);
        assertTrue(page.contains("has no assistant director of education") || page.contains("The partnership has no assistant director"),
                "step 3 is warned before it is due: " + page);
        assertTrue(page.contains("Step 2 of 3"), page);

        ChaseOutcome third = runOn(s, s.deadline().plusDays(21));
        assertEquals(1, third.notSent(), "no assistant director of education recorded: recorded as not sent");
        assertEquals(List.of("NON_COMPLETION"), panelList.findByCycleIdOrderById(s.cycleId()).stream().map(ChasingRepositories.PanelListEntry::reason).toList());
        assertEquals(0, runOn(s, s.deadline().plusDays(40)).sent(), "nothing more: every step is written");
    }

    @Test
    void theWeeklyCapHoldsAnEmailUntilItAllows() {
        Setup s = setup();
        TestBrowser admin = signedIn(s.admin());
        String form = admin.get("/cycles/" + s.cycleId() + "/chasing/rules").body();
        assertTrue(form.contains("name=\"school-1-days\" type=\"text\" value=\"1\""), form);
        var saved = admin.postRepeated("/cycles/" + s.cycleId() + "/chasing/rules", RulesFormTestData.defaultsWith(form, "weeklyCap", "1",
                "reminders", "3, 2"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(2, runOn(s, s.deadline().minusDays(3)).sent());
        ChaseOutcome held = runOn(s, s.deadline().minusDays(2));
        assertEquals(new ChaseOutcome(0, 0, 2), held, "one a week: the 2-day reminder waits");
        assertEquals(new ChaseOutcome(1, 0, 1), runOn(s, s.deadline().plusDays(1)),
                "step 1: the headteacher gets it; the DSL, written to 4 days ago, is held");
        assertEquals(new ChaseOutcome(0, 0, 1), runOn(s, s.deadline().plusDays(3)), "still within the DSL's week: still held");
        assertEquals(new ChaseOutcome(1, 0, 0), runOn(s, s.deadline().plusDays(5)), "more than a week after the DSL's last email, it goes");
        assertEquals(new ChaseOutcome(0, 0, 0), runOn(s, s.deadline().plusDays(6)), "and only once");
        var dsl = messages.findByReturnIdOrderByIdDesc(s.returnId()).stream().filter(m -> m.kind().equals("STEP") && m.recipientRole().equals("DSL"))
                .toList();
        assertEquals(1, dsl.size());
        assertTrue(dsl.get(0).sent() && dsl.get(0).outboxId() != null, "the held row became the sent one");
    }

    @Test
    void anExtensionMovesTheDeadlineAPauseStopsChasingAndSubmittingEndsIt() {
        Setup s = setup();
        TestBrowser admin = signedIn(s.admin());
        LocalDate later = s.deadline().plusDays(14);
        var bad = admin.post("/returns/" + s.returnId() + "/extension", "extensionDay", "31", "extensionMonth", "2", "extensionYear", "2027",
                "extensionReason", "");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("Say why the deadline is extended") && bad.body().contains("value=\"31\""), bad.body());
        var extended = admin.post("/returns/" + s.returnId() + "/extension", "extensionDay", str(later.getDayOfMonth()), "extensionMonth",
                str(later.getMonthValue()), "extensionYear", str(later.getYear()), "extensionReason", "Headteacher on long-term leave");
        assertEquals(303, extended.status(), extended.body());
        assertEquals(2, runOn(s, s.deadline().plusDays(1)).sent(), "the 14-day reminder of the new deadline, not step 1");
        // the extension is shown wherever the return's deadline is, and lateness follows it
        String extendedTo = Dates.date(later);
        TestBrowser leadBrowser = signedIn(s.lead());
        assertTrue(leadBrowser.get("/returns/" + s.returnId()).body().contains("Deadline: " + extendedTo + " (Deadline extended to " + extendedTo + ")"));
        String leadDashboard = leadBrowser.get("/").body();
        assertTrue(leadDashboard.contains("Deadline extended to " + extendedTo) && !leadDashboard.contains("govuk-tag--red"), leadDashboard);
        String progress = signedIn(s.admin()).get("/cycles/" + s.cycleId()).body();
        assertTrue(progress.contains("Deadline extended to " + extendedTo) && !progress.contains(">Late</strong>"), progress);
        assertTrue(written(s).stream().allMatch(w -> w.startsWith("REMINDER")), written(s).toString());

        admin = signedIn(s.admin());
        assertEquals(303, admin.post("/returns/" + s.returnId() + "/pause", "pauseReason", "School closed after a fire").status());
        assertEquals(new ChaseOutcome(0, 0, 0), runOn(s, later.plusDays(2)), "paused: nothing sent");
        admin = signedIn(s.admin()); // days have passed: a new session
        String history = admin.get("/returns/" + s.returnId() + "/chasing").body();
        assertTrue(history.contains("Chasing paused: School closed after a fire") && history.contains("Extended to"), history);
        assertEquals(303, admin.post("/returns/" + s.returnId() + "/pause/end").status());
        assertEquals(2, runOn(s, later.plusDays(3)).sent(), "resumed: step 1 of the extended deadline");
    }

    @Test
    void theChairSeesWhatWasSentRespondsAndCannotReachAnotherSchool() {
        Setup s = setup();
        Setup other = setup();
        Fixtures.Person chair = fixtures.person(s.p(), Role.ESCALATION_CONTACT, s.school());
        runOn(s, s.deadline().plusDays(7));
        TestBrowser chairBrowser = signedIn(chair);
        String page = chairBrowser.get("/returns/" + s.returnId() + "/chasing").body();
        assertTrue(page.contains("Escalation step 2") && page.contains("Chas Chair"), page);
        var blank = chairBrowser.post("/returns/" + s.returnId() + "/escalation-response", "response", "  ");
        assertEquals(422, blank.status());
        assertTrue(blank.body().contains("Write what is being done"), blank.body());
        assertEquals(303, chairBrowser.post("/returns/" + s.returnId() + "/escalation-response", "response",
                "Spoken to the headteacher <b>today</b>: it will be submitted by Friday.").status());
        String adminPage = signedIn(s.admin()).get("/cycles/" + s.cycleId() + "/chasing").body();
        assertTrue(adminPage.contains("Spoken to the headteacher &lt;b&gt;today&lt;/b&gt;"), adminPage);
        int status = chairBrowser.get("/returns/" + other.returnId() + "/chasing").status();
        assertTrue(status == 404 || status == 403, "another school's return: " + status);
        int respond = chairBrowser.post("/returns/" + other.returnId() + "/escalation-response", "response", "Not mine").status();
        assertTrue(respond == 404 || respond == 403, "another school's return: " + respond);
        assertEquals(403, signedIn(s.lead()).post("/returns/" + s.returnId() + "/escalation-response", "response", "I am the lead").status());
        int foreignCycle = signedIn(other.admin()).get("/cycles/" + s.cycleId() + "/chasing").status();
        assertEquals(404, foreignCycle, "another partnership's cycle");
    }

    @Test
    void twoRunsAtOnceWriteEachEmailOnce() throws Exception {
        Setup s = setup();
        advanceTo(s.deadline().minusDays(28));
        CycleTerms cycle = lookup.terms(s.cycleId());
        LocalDate today = Dates.today(clock);
        List<Object> results = Concurrently.times(2, () -> {
            try {
                return run.run(cycle, today);
            } catch (RuntimeException e) {
                return e; // the loser of the race: its transaction rolled back on the unique chase key
            }
        });
        assertEquals(2, messages.findByReturnIdOrderByIdDesc(s.returnId()).size(), results.toString());
        runner.runOnce();
        runner.runOnce();
        assertEquals(2, messages.findByReturnIdOrderByIdDesc(s.returnId()).size(), "the daily piece finds it all written");
        assertFalse(results.isEmpty());
    }
}
