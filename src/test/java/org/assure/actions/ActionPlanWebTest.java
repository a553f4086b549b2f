package org.assure.actions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.banks.BankModel;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.demo.WholeReturns;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.returns.Delegation;
import org.assure.returns.ReturnService;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Action plans through their pages: the submission rule, writing actions (bad input, twice, the contributor's sections),
 * each move and who may make it, verification and sending back, due-date requests, a panel's proposal, and other
 * organisations' and partnerships' action ids refused on every route.
 */
@MicronautTest(transactional = false)
class ActionPlanWebTest extends WebTest {
    @Inject
    CycleService cycles;
    @Inject
    WholeReturns wholeReturns;
    @Inject
    ReturnService returns;
    @Inject
    Delegation delegation;
    @Inject
    ActionPlans plans;
    @Inject
    ActionRepositories.Items items;
    @Inject
    ActionRepositories.Updates updates;
    @Inject
    ActionRepositories.DueChanges dueChanges;

    /** A school whose return is complete, with one Red answer (the lead's section) and one Amber (the contributor's). */
    record World(Partnership p, Fixtures.Person admin, Fixtures.Person lead, Fixtures.Person contributor, Fixtures.Person chair,
                 Fixtures.Person panel, Fixtures.Person neighbourLead, Organisation school, Organisation neighbour, long returnId,
                 String redKey, String redSection, String amberKey, String amberSection) {
        String path() {
            return "/returns/" + returnId;
        }

        CurrentUser leadUser() {
            return new CurrentUser(lead.id(), p.id(), p.name(), lead.email(), "Lee Lead", Set.of(Roles.LEAD), Set.of(school.id()));
        }

        CurrentUser adminUser() {
            return new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Ada Admin", Set.of(Roles.ADMIN), Set.of());
        }
    }

    World world() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        Organisation school = fixtures.school(p);
        Organisation neighbour = fixtures.school(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        Fixtures.Person contributor = fixtures.person(p, Role.CONTRIBUTOR, school);
        Fixtures.Person chair = fixtures.person(p, Role.ESCALATION_CONTACT, school);
        Fixtures.Person panel = fixtures.person(p, Role.PANEL_MEMBER);
        Fixtures.Person neighbourLead = fixtures.person(p, Role.ORGANISATION_LEAD, neighbour);
        CurrentUser a = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        long cycleId = cycles.createAndOpen(a, new CycleForms.CycleForm("Actions " + Fixtures.next(), "section-175/2025", "CHOSEN", List.of(),
                List.of(), List.of(), List.of(s(school.id()), s(neighbour.id())), s(today.getDayOfMonth()), s(today.getMonthValue()),
                s(today.getYear()), s(deadline.getDayOfMonth()), s(deadline.getMonthValue()), s(deadline.getYear()), null, null, null, null, null,
                null, null));
        long returnId = cycles.returnOf(cycleId, school.id()).orElseThrow();
        CurrentUser leadUser = new CurrentUser(lead.id(), p.id(), p.name(), lead.email(), "Lead", Set.of(Roles.LEAD), Set.of(school.id()));
        List<BankModel.Section> sections = returns.load(leadUser, returnId).applicableSections();
        Map<String, String> ratings = new HashMap<>();
        List<String[]> rated = new ArrayList<>();
        for (BankModel.Section section : sections) {
            for (BankModel.Question q : section.questions()) {
                if (q.type() == BankModel.QuestionType.RATING) {
                    ratings.put(q.key(), "GREEN");
                    if (q.showWhen() == null) {
                        rated.add(new String[]{section.key(), q.key()});
                    }
                }
            }
        }
        String[] red = rated.get(0);
        String[] amber = rated.stream().filter(r -> !r[0].equals(red[0])).findFirst().orElseThrow();
        ratings.put(red[1], "RED");
        ratings.put(amber[1], "AMBER");
        delegation.assign(leadUser, returnId, amber[0], new Delegation.AssignForm(s(contributor.id()), "", ""), FormErrors.none());
        wholeReturns.complete(leadUser, returnId, 0, ratings);
        return new World(p, admin, lead, contributor, chair, panel, neighbourLead, school, neighbour, returnId, red[1], red[0], amber[1], amber[0]);
    }

    private static String s(long n) {
        return String.valueOf(n);
    }

    private static String[] date(LocalDate d) {
        return new String[]{s(d.getDayOfMonth()), s(d.getMonthValue()), s(d.getYear())};
    }

    private Map<String, String> actionFields(String questionKey, String what, String ownerEmail, LocalDate due) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("questionKey", questionKey);
        f.put("what", what);
        f.put("ownerName", "Olu Owner");
        f.put("ownerRole", "Deputy head");
        f.put("ownerEmail", ownerEmail);
        String[] d = date(due);
        f.put("dueDay", d[0]);
        f.put("dueMonth", d[1]);
        f.put("dueYear", d[2]);
        f.put("successMeasure", "Audit shows it met");
        return f;
    }

    private long addAction(World w, String questionKey, String ownerEmail) {
        var written = plans.addForQuestion(w.leadUser(), w.returnId(), new ActionPlans.ActionForm(questionKey, "Train every member of staff",
                "Olu Owner", "Deputy head", ownerEmail, date(today().plusDays(30))[0], date(today().plusDays(30))[1], date(today().plusDays(30))[2],
                null, null));
        assertTrue(written.isValid(), written.errors().getAll().toString());
        return written.value();
    }

    private LocalDate today() {
        return Dates.today(clock);
    }

    private ActionStatus statusOf(long id) {
        return items.findById(id).orElseThrow().status();
    }

    // ---- the submission rule ----

    @Test
    void aReturnIsNotSubmittedUntilEveryAnswerNeedingAnActionHasOne() {
        World w = world();
        TestBrowser lead = signedIn(w.lead());
        String check = lead.get(w.path() + "/check").body();
        assertTrue(check.contains("href=\"/returns/" + w.returnId() + "/actions#q-" + w.redKey() + "\""), "the check page links to each place");
        assertTrue(check.contains("#q-" + w.amberKey()));
        assertFalse(check.contains("Accept and submit"), "not ready while actions are missing");

        var refused = lead.post(w.path() + "/submit", "name", "Lee Lead", "role", "DSL", "confirm", "true");
        assertEquals(422, refused.status());
        assertTrue(refused.text().contains("Write an action for every answer that needs one: 2 still to do"), refused.text());

        // the contributor writes for their own section only
        TestBrowser contributor = signedIn(w.contributor());
        String plan = contributor.get(w.path() + "/actions").body();
        assertTrue(plan.contains("id=\"q-" + w.amberKey() + "\""), plan);
        assertFalse(plan.contains("id=\"q-" + w.redKey() + "\""), "a contributor sees only their sections' answers");
        assertEquals(403, contributor.post(w.path() + "/actions", actionFields(w.redKey(), "Not mine to write", "x@example.org",
                today().plusDays(10))).status());
        assertEquals(303, contributor.post(w.path() + "/actions", actionFields(w.amberKey(), "Refresh the training log", "olu@example.org",
                today().plusDays(10))).status());

        lead.get(w.path() + "/actions");
        var added = lead.post(w.path() + "/actions", actionFields(w.redKey(), "Write the missing policy", "olu@example.org", today().plusDays(20)));
        assertEquals(303, added.status());
        assertTrue(added.location().endsWith("#q-" + w.redKey()), added.location());
        assertEquals(2, items.findByReturnIdOrderById(w.returnId()).size());

        String section = lead.get(w.path() + "/sections/" + w.redSection()).body();
        assertTrue(section.contains("href=\"/returns/" + w.returnId() + "/actions#q-" + w.redKey() + "\""), "the section page links the answer");
        assertTrue(section.contains("Actions for this answer (1)"), section);

        assertTrue(lead.get(w.path() + "/check").body().contains("Accept and submit"));
        assertEquals(303, lead.post(w.path() + "/submit", "name", "Lee Lead", "role", "DSL", "confirm", "true").status());

        // an action plan lives on after submission
        lead.get(w.path() + "/actions");
        assertEquals(303, lead.post(w.path() + "/actions", actionFields(w.redKey(), "And review it in a year", "olu@example.org",
                today().plusDays(300))).status());
    }

    @Test
    void aBadActionIsShownAgainWithItsMessagesAndNothingIsStored() {
        World w = world();
        TestBrowser lead = signedIn(w.lead());
        lead.get(w.path() + "/actions");
        Map<String, String> f = actionFields(w.redKey(), "", "not-an-email", today().minusDays(1));
        f.put("ownerName", "");
        f.put("successMeasure", "<script>alert(1)</script>");
        var page = lead.post(w.path() + "/actions", f);
        assertEquals(422, page.status());
        String body = page.text();
        assertTrue(body.contains("Enter what will be done"), body);
        assertTrue(body.contains("Enter the name of the action&#39;s owner") || body.contains("Enter the name of the action's owner"), body);
        assertTrue(body.contains("Enter an email address in the correct format"), body);
        assertTrue(body.contains("The due date must be today or in the future"), body);
        assertTrue(body.contains("value=\"not-an-email\""), "input kept");
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "kept as text");
        assertTrue(body.contains("href=\"#what\"") && body.contains("id=\"what\""), "the error summary reaches the field");
        assertTrue(items.findByReturnIdOrderById(w.returnId()).isEmpty());

        var bad = actionFields(w.redKey(), "x", "a@example.org", today());
        bad.put("dueMonth", "13");
        assertTrue(lead.post(w.path() + "/actions", bad).text().contains("Due date must be a real date"));
        assertEquals(404, lead.post(w.path() + "/actions", actionFields("no-such-question", "x", "a@example.org", today())).status());
        assertTrue(items.findByReturnIdOrderById(w.returnId()).isEmpty());

        // the same action posted twice (a double click without the page's form id) is written once
        Map<String, String> good = actionFields(w.redKey(), "Write the policy", "a@example.org", today().plusDays(5));
        assertEquals(303, lead.post(w.path() + "/actions", good).status());
        assertEquals(303, lead.post(w.path() + "/actions", good).status());
        assertEquals(1, items.findByReturnIdOrderById(w.returnId()).size());
    }

    // ---- moves ----

    @Test
    void anActionMovesFromNotStartedToVerifiedAndOnlyTheRightPeopleMoveIt() {
        World w = world();
        long id = addAction(w, w.redKey(), "olu@example.org");
        String path = "/actions/" + id;
        TestBrowser contributor = signedIn(w.contributor());
        assertEquals(200, contributor.get(path).status());
        var empty = contributor.post(path + "/progress", "progressNote", "", "progressDay", "", "progressMonth", "", "progressYear", "");
        assertEquals(422, empty.status());
        assertTrue(empty.text().contains("Enter what has been done"));
        assertEquals(ActionStatus.NOT_STARTED, statusOf(id));
        String[] d = date(today());
        var updated = contributor.post(path + "/progress", "progressNote", "Trainer booked", "progressDay", d[0], "progressMonth", d[1],
                "progressYear", d[2]);
        assertEquals(303, updated.status());
        assertEquals(ActionStatus.IN_PROGRESS, statusOf(id), "the first update starts it");
        contributor.get(path);
        contributor.post(path + "/progress", "progressNote", "Trainer booked", "progressDay", d[0], "progressMonth", d[1], "progressYear", d[2]);
        assertEquals(2, updates.findByActionIdOrderById(id).size(), "written, then the one update (posted twice once)");

        TestBrowser chair = signedIn(w.chair());
        String read = chair.get(path).body();
        assertTrue(read.contains("Trainer booked"), "the chair reads it");
        assertFalse(read.contains("action=\"" + path + "/progress\""), "but has no forms");
        assertEquals(403, chair.post(path + "/progress", "progressNote", "Chair note").status());
        assertTrue(chair.get("/organisations/" + w.school().id() + "/actions").body().contains(path));

        contributor.get(path);
        assertEquals(422, contributor.post(path + "/done", "evidence", " ").status());
        assertEquals(303, contributor.post(path + "/done", "evidence", "Certificates for all 30 staff").status());
        assertEquals(ActionStatus.AWAITING_VERIFICATION, statusOf(id));
        assertEquals(409, contributor.post(path + "/progress", "progressNote", "More", "progressDay", d[0], "progressMonth", d[1],
                "progressYear", d[2]).status(), "done: no more updates until it is sent back");

        // neither the organisation nor a panel member not named verifies it
        assertEquals(403, contributor.post(path + "/verify").status());
        TestBrowser panel = signedIn(w.panel());
        assertEquals(404, panel.get(path).status(), "a panel member not named sees nothing of it");
        TestBrowser admin = signedIn(w.admin());
        admin.get(path);
        assertEquals(422, admin.post(path + "/verifier", "verifierId", "").status());
        assertEquals(303, admin.post(path + "/verifier", "verifierId", s(w.panel().id())).status());
        assertTrue(panel.get(path).body().contains("action=\"" + path + "/verify\""), "the named panel member verifies it");

        var noReason = panel.post(path + "/send-back", "sendBackReason", "");
        assertEquals(422, noReason.status());
        assertTrue(noReason.text().contains("Say why the action is not verified"));
        assertEquals(303, panel.post(path + "/send-back", "sendBackReason", "Two staff still to train").status());
        assertEquals(ActionStatus.IN_PROGRESS, statusOf(id));
        assertTrue(updates.findByActionIdOrderById(id).stream().anyMatch(u -> u.kind() == UpdateKind.SENT_BACK
                && "Two staff still to train".equals(u.note()) && u.toStatus() == ActionStatus.IN_PROGRESS));

        contributor.get(path);
        assertEquals(303, contributor.post(path + "/done", "evidence", "All 32 trained").status());
        panel.get(path);
        assertEquals(303, panel.post(path + "/verify", "verifyNote", "Seen the register").status());
        assertEquals(ActionStatus.VERIFIED, statusOf(id));
        assertEquals(409, panel.post(path + "/verify", "verifyNote", "Again").status(), "verified once");
        assertTrue(items.findById(id).orElseThrow().closedAt() != null);
    }

    @Test
    void nobodyVerifiesTheirOwnAction() {
        World w = world();
        long id = addAction(w, w.redKey(), w.admin().email());
        plans.done(w.leadUser(), id, new ActionPlans.DoneForm("Done"));
        TestBrowser admin = signedIn(w.admin());
        String page = admin.get("/actions/" + id).body();
        assertFalse(page.contains("action=\"/actions/" + id + "/verify\""));
        var refused = admin.post("/actions/" + id + "/verify");
        assertEquals(403, refused.status());
        assertTrue(refused.text().contains("Nobody verifies their own action"));
        assertEquals(ActionStatus.AWAITING_VERIFICATION, statusOf(id));
    }

    @Test
    void theLeadOrThePartnershipWithdrawsAnActionWithAReason() {
        World w = world();
        long id = addAction(w, w.redKey(), "olu@example.org");
        String path = "/actions/" + id;
        assertEquals(403, signedIn(w.contributor()).post(path + "/withdraw", "withdrawReason", "No").status());
        TestBrowser lead = signedIn(w.lead());
        lead.get(path);
        assertEquals(422, lead.post(path + "/withdraw", "withdrawReason", "").status());
        assertEquals(303, lead.post(path + "/withdraw", "withdrawReason", "Replaced by a better action").status());
        assertEquals(ActionStatus.WITHDRAWN, statusOf(id));
        assertTrue(lead.get(w.path() + "/check").body().contains("#q-" + w.redKey()), "a withdrawn action does not answer the rule");
    }

    // ---- due dates ----

    @Test
    void aNewDueDateIsARequestThePartnershipAcceptsOrRefuses() {
        World w = world();
        long id = addAction(w, w.redKey(), "olu@example.org");
        String path = "/actions/" + id;
        LocalDate due = items.findById(id).orElseThrow().dueOn();
        TestBrowser lead = signedIn(w.lead());
        lead.get(path);
        String[] past = date(today());
        var bad = lead.post(path + "/due-date", "newDueDay", past[0], "newDueMonth", past[1], "newDueYear", past[2], "dueReason", "");
        assertEquals(422, bad.status());
        assertTrue(bad.text().contains("The new due date must be in the future"));
        assertTrue(bad.text().contains("Say why the due date needs to move"));
        assertTrue(dueChanges.findByActionIdOrderById(id).isEmpty());
        String[] later = date(due.plusDays(14));
        assertEquals(303, lead.post(path + "/due-date", "newDueDay", later[0], "newDueMonth", later[1], "newDueYear", later[2], "dueReason",
                "The trainer cancelled").status());
        assertEquals(409, lead.post(path + "/due-date", "newDueDay", later[0], "newDueMonth", later[1], "newDueYear", later[2], "dueReason",
                "Again").status(), "one request at a time");
        long changeId = dueChanges.findByActionIdOrderById(id).get(0).id();
        assertEquals(due, items.findById(id).orElseThrow().dueOn(), "the date stays until the partnership decides");

        assertEquals(403, lead.post(path + "/due-date/" + changeId, "decision", "ACCEPT").status());
        TestBrowser admin = signedIn(w.admin());
        assertTrue(admin.get(path).body().contains("The trainer cancelled"));
        var noNote = admin.post(path + "/due-date/" + changeId, "decision", "REFUSE", "decisionNote", "");
        assertEquals(422, noNote.status());
        assertTrue(noNote.text().contains("Say why the new due date is refused"));
        assertEquals(303, admin.post(path + "/due-date/" + changeId, "decision", "REFUSE", "decisionNote", "Keep to the date").status());
        assertEquals(due, items.findById(id).orElseThrow().dueOn());
        assertEquals(Boolean.FALSE, dueChanges.findById(changeId).orElseThrow().accepted());
        assertEquals(409, admin.post(path + "/due-date/" + changeId, "decision", "ACCEPT").status(), "decided once");

        lead.get(path);
        assertEquals(303, lead.post(path + "/due-date", "newDueDay", later[0], "newDueMonth", later[1], "newDueYear", later[2], "dueReason",
                "The trainer cancelled again").status());
        long second = dueChanges.findByActionIdOrderById(id).get(1).id();
        admin.get(path);
        assertEquals(303, admin.post(path + "/due-date/" + second, "decision", "ACCEPT", "decisionNote", "").status());
        assertEquals(due.plusDays(14), items.findById(id).orElseThrow().dueOn());
        String page = admin.get(path).body();
        assertTrue(page.contains("Refused") && page.contains("Accepted"), "both requests with their decisions");
    }

    @Test
    void overdueIsShownWithTheStatusOnceTheDueDatePasses() {
        World w = world();
        long id = addAction(w, w.redKey(), "olu@example.org");
        TestBrowser lead = signedIn(w.lead());
        String org = "/organisations/" + w.school().id() + "/actions";
        assertFalse(lead.get(org).body().contains(">Overdue<"));
        clock.advance(Duration.ofDays(45));
        try {
            lead = signedIn(w.lead()); // the session has long since timed out
            assertTrue(lead.get(org).body().contains(">Overdue<"));
            assertTrue(lead.get("/actions/" + id).body().contains(">Overdue<"));
        } finally {
            clock.advance(Duration.ofDays(-45));
        }
    }

    // ---- from the partnership and from a panel ----

    @Test
    void thePartnershipAddsAnActionWithAReason() {
        World w = world();
        TestBrowser admin = signedIn(w.admin());
        String path = "/organisations/" + w.school().id() + "/actions/new";
        admin.get(path);
        Map<String, String> f = actionFields("", "Review the single central record", "olu@example.org", today().plusDays(30));
        f.put("reason", "");
        var refused = admin.post(path, f);
        assertEquals(422, refused.status());
        assertTrue(refused.text().contains("Say why the partnership is adding this action"));
        f.put("reason", "Found at the dip sample visit");
        var added = admin.post(path, f);
        assertEquals(303, added.status());
        String page = signedIn(w.lead()).get("/organisations/" + w.school().id() + "/actions").body();
        assertTrue(page.contains("Found at the dip sample visit") && page.contains("Added by the partnership"), page);
        assertEquals(403, signedIn(w.lead()).get(path).status());
    }

    @Test
    void aPanelsAreaToImproveIsProposedOnceThenTheOrganisationProposesAndThePartnershipAccepts() {
        World w = world();
        long cycleId = returns.load(w.leadUser(), w.returnId()).cycle().id();
        long finding = 9_000_000L + Fixtures.next();
        long id = plans.proposeFromPanel(w.p().id(), w.school().id(), cycleId, w.returnId(), 1L, finding, "Strengthen the induction of new staff",
                w.redSection(), w.admin().id());
        assertEquals(id, plans.proposeFromPanel(w.p().id(), w.school().id(), cycleId, w.returnId(), 1L, finding, "Again", w.redSection(),
                w.admin().id()), "once per finding");
        assertEquals(ActionStatus.PROPOSED, statusOf(id));
        String path = "/actions/" + id;
        TestBrowser admin = signedIn(w.admin());
        assertFalse(admin.get(path).body().contains("action=\"" + path + "/accept\""), "nothing to accept before the organisation proposes");
        assertEquals(409, admin.post(path + "/accept").status());
        TestBrowser lead = signedIn(w.lead());
        lead.get(path);
        assertEquals(422, lead.post(path + "/proposal", "ownerName", "", "ownerRole", "", "ownerEmail", "", "dueDay", "", "dueMonth", "",
                "dueYear", "").status());
        String[] d = date(today().plusDays(60));
        assertEquals(303, lead.post(path + "/proposal", "ownerName", "Ivy Induction", "ownerRole", "Business manager", "ownerEmail",
                "ivy@example.org", "dueDay", d[0], "dueMonth", d[1], "dueYear", d[2]).status());
        admin.get(path);
        assertEquals(303, admin.post(path + "/accept").status());
        assertEquals(ActionStatus.NOT_STARTED, statusOf(id));
        assertEquals(today().plusDays(60), items.findById(id).orElseThrow().dueOn());
    }

    // ---- ids from elsewhere ----

    @Test
    void anotherOrganisationsAndAnotherPartnershipsActionsAreNotFoundOnEveryRoute() {
        World w = world();
        World far = world();
        long mine = addAction(w, w.redKey(), "olu@example.org");
        long theirs = addAction(far, far.redKey(), "olu@example.org");
        long change = plans.requestDueDate(w.leadUser(), mine, new ActionPlans.DueDateForm(date(today().plusDays(60))[0],
                date(today().plusDays(60))[1], date(today().plusDays(60))[2], "Because")).value();
        List<String> routes = List.of("", "/progress", "/done", "/verify", "/send-back", "/withdraw", "/due-date", "/due-date/" + change,
                "/verifier", "/proposal", "/accept");
        TestBrowser neighbour = signedIn(w.neighbourLead());
        TestBrowser farAdmin = signedIn(far.admin());
        TestBrowser admin = signedIn(w.admin());
        List<String> wrong = new ArrayList<>();
        for (String r : routes) {
            for (var who : List.of(Map.entry("neighbour lead", neighbour), Map.entry("other partnership's admin", farAdmin))) {
                var page = r.isEmpty() ? who.getValue().get("/actions/" + mine) : who.getValue().post("/actions/" + mine + r);
                // a route whose roles leave the person out is refused first (403) without saying whether the action exists
                if (page.status() != 404 && page.status() != 403) {
                    wrong.add(who.getKey() + " " + r + " gave " + page.status());
                }
                if (page.status() == 403 && page.text().contains("Olu Owner")) {
                    wrong.add(who.getKey() + " " + r + " showed the action");
                }
            }
            var page = r.isEmpty() ? admin.get("/actions/" + theirs) : admin.post("/actions/" + theirs + r);
            if (page.status() != 404 && page.status() != 403) {
                wrong.add("admin on another partnership's action " + r + " gave " + page.status());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(404, neighbour.get("/actions/" + mine).status());
        assertEquals(404, farAdmin.get("/actions/" + mine).status());
        assertEquals(404, neighbour.post("/actions/" + mine + "/progress", "progressNote", "x").status());
        assertEquals(404, admin.post("/actions/" + theirs + "/verify").status());
        assertEquals(404, farAdmin.get(w.path() + "/actions").status());
        assertEquals(404, neighbour.get("/organisations/" + w.school().id() + "/actions").status());
        long farChange = plans.requestDueDate(far.leadUser(), theirs, new ActionPlans.DueDateForm(date(today().plusDays(60))[0],
                date(today().plusDays(60))[1], date(today().plusDays(60))[2], "Because")).value();
        assertEquals(404, admin.post("/actions/" + mine + "/due-date/" + farChange, "decision", "ACCEPT").status(),
                "another action's request is not this action's");
        assertEquals(ActionStatus.NOT_STARTED, statusOf(mine));
        assertEquals(ActionStatus.NOT_STARTED, statusOf(theirs));
    }
}
