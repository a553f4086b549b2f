package org.assure.actions;

import org.assure.chasing.ChaseOutcome;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.actions.ActionRepositories.Chase;
import org.assure.actions.ActionRepositories.Item;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.kernel.FormErrors;
import org.assure.jobs.DueWorkRunner;
import org.assure.kernel.Dates;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.partnerships.OfficerForms;
import org.assure.partnerships.Partnership;
import org.assure.partnerships.PartnershipOfficers;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Action chasing with a moved clock: the reminders, each escalation step and its people, each once even when the runner
 * runs twice; a missing board member recorded; the weekly cap holding and then sending; actions that are withdrawn, done or
 * verified not chased; another partnership's actions untouched; what the action's page and the cycle's chasing page show.
 */
@MicronautTest(transactional = false)
class ActionChasingWebTest extends WebTest {
    @Inject
    ActionPlans plans;
    @Inject
    ActionChaseRun run;
    @Inject
    ActionRepositories.Chases chases;
    @Inject
    ActionRepositories.Items items;
    @Inject
    OrganisationService organisations;
    @Inject
    PartnershipOfficers officers;
    @Inject
    CycleService cycles;
    @Inject
    DueWorkRunner runner;

    record Setup(Partnership p, Fixtures.Person admin, CurrentUser adminUser, Organisation school, Organisation agency, Fixtures.Person lead,
                 CurrentUser leadUser, int n) {
    }

    /** A school with a DSL and a chair, its lead's account, an agency with a lead contact and no board member, a safeguarding executive. */
    Setup setup() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        int n = Fixtures.next();
        Organisation school = organisations.create(p.id(), null, new OrganisationDetails(OrganisationKind.SCHOOL, "Acting School " + n, null,
                Phase.PRIMARY, SchoolCategory.MAINTAINED, String.valueOf(750000 + n), null, "Testshire", "TS1 1AA", false, false, null,
                List.of(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", "dsl" + n + "@acting.test", null),
                        new OrganisationDetails.Contact(ContactRole.CHAIR_OF_GOVERNORS, "Chas Chair", "chair" + n + "@acting.test", null))));
        Organisation agency = fixtures.agency(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        CurrentUser a = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        officers.add(a, new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Zoe Exec", "exec" + n + "@council.test", "0"), FormErrors.none())
                .value();
        CurrentUser l = new CurrentUser(lead.id(), p.id(), p.name(), lead.email(), "Lead", Set.of(Roles.LEAD), Set.of(school.id()));
        return new Setup(p, admin, a, school, agency, lead, l, n);
    }

    long action(Setup s, Organisation o, LocalDate due, String what, String ownerEmail) {
        return plans.addByPartnership(s.adminUser(), o.id(), new ActionPlans.ActionForm(null, what, "Olu Owner", "Deputy head", ownerEmail,
                str(due.getDayOfMonth()), str(due.getMonthValue()), str(due.getYear()), "An audit next term", "Found at the panel")).value();
    }

    private static String str(int n) {
        return String.valueOf(n);
    }

    /** Moves the clock forward to 9am in England on this day (after the send hour). */
    void advanceTo(LocalDate day) {
        var target = day.atTime(LocalTime.of(9, 0)).atZone(Dates.ZONE).toInstant();
        Duration by = Duration.between(clock.instant(), target);
        if (!by.isNegative()) {
            clock.advance(by);
        }
    }

    ChaseOutcome runOn(Setup s, LocalDate day) {
        advanceTo(day);
        return run.run(s.p().id(), Dates.today(clock));
    }

    List<String> written(long actionId) {
        return chases.findByActionIdOrderById(actionId).stream().map(c -> c.kind() + " " + c.step() + " " + c.recipientRole() + " " + c.status())
                .sorted().toList();
    }

    @Test
    void remindersThenTheLadderEachOnceToItsPeople() {
        Setup s = setup();
        LocalDate due = Dates.today(clock).plusDays(20);
        long id = action(s, s.school(), due, "Train the governors in safer recruitment", "olu" + s.n() + "@acting.test");
        assertEquals(new ChaseOutcome(0, 0, 0), runOn(s, Dates.today(clock)), "nothing is due 20 days before");
        assertEquals(3, runOn(s, due.minusDays(14)).sent(), "the 14-day reminder to the owner, the lead's account and the DSL");
        assertEquals(new ChaseOutcome(0, 0, 0), run.run(s.p().id(), Dates.today(clock)), "a second run that day writes nothing");
        assertEquals(3, runOn(s, due.minusDays(3)).sent());
        assertEquals(0, runOn(s, due).sent(), "nothing on the due date itself");

        // the runner's piece, twice: step 1 written once
        advanceTo(due.plusDays(1));
        runner.runOnce();
        runner.runOnce();
        assertEquals(List.of("REMINDER 14 LEAD SENT", "REMINDER 14 LEAD SENT", "REMINDER 14 OWNER SENT", "REMINDER 3 LEAD SENT",
                "REMINDER 3 LEAD SENT", "REMINDER 3 OWNER SENT", "STEP 1 LEAD SENT", "STEP 1 LEAD SENT", "STEP 1 OWNER SENT"), written(id));

        assertEquals(new ChaseOutcome(1, 0, 0), runOn(s, due.plusDays(14)), "step 2: the chair of governors");
        assertEquals(new ChaseOutcome(1, 0, 0), runOn(s, due.plusDays(28)), "step 3: the safeguarding executive");
        assertEquals(new ChaseOutcome(0, 0, 0), runOn(s, due.plusDays(40)), "every step is written");
        List<Chase> rows = chases.findByActionIdOrderById(id);
        assertEquals(11, rows.size());
        assertTrue(rows.stream().allMatch(c -> c.outboxId() != null), "every email went through the outbox");
        assertEquals(Set.of("olu" + s.n() + "@acting.test", s.lead().email(), "dsl" + s.n() + "@acting.test", "chair" + s.n() + "@acting.test",
                "exec" + s.n() + "@council.test"), rows.stream().map(Chase::recipientEmail).collect(java.util.stream.Collectors.toSet()));

        String page = signedIn(s.lead()).get("/actions/" + id).body();
        assertTrue(page.contains("Reminders and escalation"), page);
        assertTrue(page.contains("Chas Chair (Chair of governors)"), page);
        assertTrue(page.contains("Zoe Exec (Safeguarding executive)"), page);
        assertTrue(page.contains("Reminder, 14 days before the due date"), page);
        assertTrue(page.contains("Step 3 – the safeguarding executive"), page);
        assertFalse(page.contains("exec" + s.n() + "@council.test"), "names and roles, not the officers' addresses");
    }

    @Test
    void anAgencyWithoutABoardMemberIsRecordedAsNotSentAndShown() {
        Setup s = setup();
        LocalDate due = Dates.today(clock).plusDays(2);
        long id = action(s, s.agency(), due, "Refresh the referral guidance", "owner" + s.n() + "@agency.test");
        assertEquals(2, runOn(s, due.plusDays(1)).sent(), "step 1 to the owner and the agency's lead contact (the 3-day reminder superseded)");
        assertEquals(new ChaseOutcome(0, 1, 0), runOn(s, due.plusDays(14)), "no board member");
        assertEquals(new ChaseOutcome(0, 0, 0), runOn(s, due.plusDays(15)), "recorded once");
        Chase missing = chases.findByActionIdOrderById(id).stream().filter(c -> c.status().equals(Chase.NOT_SENT)).findFirst().orElseThrow();
        assertEquals("BOARD_MEMBER", missing.recipientRole());
        assertEquals(s.agency().name() + " has no partnership board member with an email address", missing.reason());
        String page = signedIn(s.admin()).get("/actions/" + id).body();
        assertTrue(page.contains("Not sent: " + s.agency().name() + " has no partnership board member"), page);
    }

    @Test
    void theWeeklyCapHoldsAnEmailAndTheFirstRunItAllowsSendsIt() {
        Setup s = setup();
        LocalDate due = Dates.today(clock).plusDays(20);
        String owner = "busy" + s.n() + "@acting.test";
        List<Long> ids = List.of(action(s, s.school(), due, "First", owner), action(s, s.school(), due, "Second", owner),
                action(s, s.school(), due, "Third", owner), action(s, s.school(), due, "Fourth", owner));
        assertEquals(new ChaseOutcome(9, 0, 3), runOn(s, due.minusDays(14)), "three each to the owner, the lead and the DSL; the fourth held");
        assertEquals(new ChaseOutcome(0, 0, 3), runOn(s, due.minusDays(12)), "still within the week: held again, nothing written twice");
        assertEquals(new ChaseOutcome(3, 0, 0), runOn(s, due.minusDays(6)), "over a week on: the held ones are sent");
        Item fourth = items.findById(ids.get(3)).orElseThrow();
        assertEquals(List.of("REMINDER 14 LEAD SENT", "REMINDER 14 LEAD SENT", "REMINDER 14 OWNER SENT"), written(fourth.id()));
        assertTrue(chases.findByActionIdOrderById(fourth.id()).stream().allMatch(c -> c.outboxId() != null && c.reason() == null));
    }

    @Test
    void withdrawnDoneAndVerifiedActionsAreNotChasedAndAnotherPartnershipIsUntouched() {
        Setup s = setup();
        Setup other = setup();
        LocalDate due = Dates.today(clock).plusDays(5);
        long withdrawn = action(s, s.school(), due, "Withdrawn one", "w" + s.n() + "@acting.test");
        long done = action(s, s.school(), due, "Done one", "d" + s.n() + "@acting.test");
        long verified = action(s, s.school(), due, "Verified one", "v" + s.n() + "@acting.test");
        long chased = action(s, s.school(), due, "Chased one", "c" + s.n() + "@acting.test");
        long elsewhere = action(other, other.school(), due, "Someone else's", "e" + other.n() + "@acting.test");
        assertTrue(plans.withdraw(s.adminUser(), withdrawn, new ActionPlans.WithdrawForm("No longer needed")).isValid());
        assertTrue(plans.done(s.leadUser(), done, new ActionPlans.DoneForm("Done and dusted")).isValid());
        assertTrue(plans.done(s.leadUser(), verified, new ActionPlans.DoneForm("Done too")).isValid());
        assertTrue(plans.verify(s.adminUser(), verified, new ActionPlans.VerifyForm("Seen the new log")).isValid());

        assertEquals(3, runOn(s, due.plusDays(1)).sent(), "only the open action: its owner, the lead and the DSL");
        assertEquals(new ChaseOutcome(2, 0, 0), runOn(s, due.plusDays(30)), "steps 2 and 3 for it alone: the chair and the executive");
        for (long id : List.of(withdrawn, done, verified)) {
            assertEquals(List.of(), written(id), "not chased: " + id);
        }
        assertEquals(List.of(), written(elsewhere), "another partnership's run is its own");
        assertFalse(written(chased).isEmpty());

        // and its page is not for this partnership's people
        assertEquals(404, signedIn(s.admin()).get("/actions/" + elsewhere).status());
    }

    @Test
    void theCyclesChasingPageCountsItsOverdueActionsByStep() {
        Setup s = setup();
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(60);
        long cycleId = cycles.createAndOpen(s.adminUser(), new CycleForms.CycleForm("Actions " + s.n(), "section-175/2025", "CHOSEN", List.of(),
                List.of(), List.of(), List.of(String.valueOf(s.school().id())), str(today.getDayOfMonth()), str(today.getMonthValue()),
                str(today.getYear()), str(deadline.getDayOfMonth()), str(deadline.getMonthValue()), str(deadline.getYear()), null, null, null, null,
                null, null, null));
        long early = inCycle(action(s, s.school(), today.plusDays(1), "Early one", "o" + s.n() + "@acting.test"), cycleId);
        inCycle(action(s, s.school(), today.plusDays(1), "Another early one", "o" + s.n() + "@acting.test"), cycleId);
        inCycle(action(s, s.school(), today.plusDays(20), "Later one", "o" + s.n() + "@acting.test"), cycleId);
        action(s, s.agency(), today.plusDays(1), "Not of the cycle", "o" + s.n() + "@acting.test");
        advanceTo(today.plusDays(16));
        String page = signedIn(s.admin()).get("/cycles/" + cycleId + "/chasing").body();
        assertTrue(page.contains("Overdue actions"), page);
        assertTrue(page.contains("Step 2 – the chair of governors or board member: 2 actions"), page);
        assertFalse(page.contains("Step 1 – the lead and the owner:"), "the later one is not overdue yet: " + page);
        assertTrue(page.contains("href=\"/organisations/" + s.school().id() + "/actions\""), page);
        assertFalse(page.contains(s.agency().name()), "only the cycle's actions");
        assertTrue(items.findById(early).isPresent());
    }

    /** Ties an action to the cycle, as an action written on the cycle's return is. */
    private long inCycle(long actionId, long cycleId) {
        Item i = items.findById(actionId).orElseThrow();
        items.update(new Item(i.id(), i.partnershipId(), i.organisationId(), cycleId, i.returnId(), i.bankKey(), i.bankVersion(), i.sectionKey(),
                i.questionKey(), i.source(), i.panelCaseId(), i.findingId(), i.sourceReason(), i.what(), i.ownerName(), i.ownerRole(), i.ownerEmail(),
                i.ownerAccountId(), i.dueOn(), i.successMeasure(), i.status(), i.completionEvidence(), i.verifierAccountId(), i.createdBy(),
                i.createdAt(), i.updatedAt(), i.closedAt(), i.version()));
        return actionId;
    }
}
