package org.assure.panels;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.chasing.PanelListing;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Sector;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setting up a panel, its members and cases; conflicts of interest; who may open what. */
@MicronautTest(transactional = false)
class PanelsWebTest extends WebTest {
    @Inject
    PanelWorld worlds;
    @Inject
    PanelRepositories.Panels panelRows;
    @Inject
    PanelRepositories.Cases caseRows;
    @Inject
    PanelRepositories.Conflicts conflictRows;
    @Inject
    PanelListing panelList;
    @Inject
    OrganisationService organisations;
    @Inject
    org.assure.cycles.CycleService cycles;

    @Test
    void aPanelIsSetUpOnceItsFormIsRightAndBadInputIsKeptWithItsMessages() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        admin.get("/panels/new");
        long before = panelRows.count();
        TestBrowser.Page blank = admin.post("/panels", "name", "", "kind", "", "place", "");
        assertEquals(422, blank.status());
        for (String message : List.of("Select the cycle whose returns the panel will hear", "Enter a name for the panel", "Select the kind of panel",
                "Enter where the panel meets", "Select the panel&#39;s moderator")) {
            assertTrue(blank.body().contains(message), message + " in " + blank.body());
        }
        LocalDate meets = Dates.today(clock).plusDays(5);
        LocalDate late = meets.plusDays(1);
        Fixtures.Person farModerator = fixtures.person(fixtures.partnership(), Role.PANEL_MEMBER);
        TestBrowser.Page wrong = admin.post("/panels", "cycleId", String.valueOf(w.cycleId()), "name", "Kept <name>", "kind", "ASSURANCE",
                "meetsDay", d(meets), "meetsMonth", m(meets), "meetsYear", y(meets), "place", "Room 2", "dueDay", d(late), "dueMonth", m(late),
                "dueYear", y(late), "markingBy", "SECTION", "moderatorId", String.valueOf(farModerator.id()));
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("Marks must be due on or before the day the panel meets"));
        assertTrue(wrong.body().contains("Select the panel&#39;s moderator"), "another partnership's account is no moderator");
        assertTrue(wrong.body().contains("value=\"Kept &lt;name&gt;\""), "input kept, escaped");
        assertEquals(before, panelRows.count(), "nothing stored");

        TestBrowser.Page made = admin.post("/panels", "cycleId", String.valueOf(w.cycleId()), "name", "Spring panel", "kind", "ASSURANCE",
                "meetsDay", d(meets), "meetsMonth", m(meets), "meetsYear", y(meets), "place", "Room 2", "dueDay", d(meets), "dueMonth", m(meets),
                "dueYear", y(meets), "markingBy", "QUESTION", "moderatorId", String.valueOf(w.moderator().id()));
        assertEquals(303, made.status(), made.body());
        String page = admin.get(made.location()).body();
        assertTrue(page.contains("Spring panel") && page.contains("Per question") && page.contains("Room 2"), page);
        assertTrue(admin.get("/panels").body().contains("Spring panel"));
    }

    @Test
    void conflictsOfInterestAreWorkedOutFromTheOwnParentAndSisterOrganisations() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        // a trust as an organisation of the partnership, parent of a new school; members who work for the school, the trust, its sister
        Organisation trust = organisations.create(w.partnership().id(), null, OrganisationDetails.agency("Birch Trust " + Fixtures.next(),
                Sector.VOLUNTARY, null, List.of()));
        Organisation child = fixtures.school(w.partnership(), null, trust.id());
        Organisation childSister = fixtures.school(w.partnership(), null, trust.id());
        Fixtures.Person own = fixtures.person(w.partnership(), Role.PANEL_MEMBER, child);
        Fixtures.Person parent = fixtures.person(w.partnership(), Role.PANEL_MEMBER);
        Fixtures.Person sibling = fixtures.person(w.partnership(), Role.PANEL_MEMBER);
        Fixtures.Person trustSibling = fixtures.person(w.partnership(), Role.PANEL_MEMBER);
        admin.get(w.panelPath());
        assertEquals(303, admin.post(w.panelPath() + "/members", "accountId", String.valueOf(own.id())).status());
        assertEquals(303, admin.post(w.panelPath() + "/members", "accountId", String.valueOf(parent.id()), "worksForId", String.valueOf(trust.id())).status());
        assertEquals(303, admin.post(w.panelPath() + "/members", "accountId", String.valueOf(sibling.id()),
                "worksForId", String.valueOf(childSister.id())).status());
        // the world's school and its sister are in the same trust by name
        assertEquals(303, admin.post(w.panelPath() + "/members", "accountId", String.valueOf(trustSibling.id()),
                "worksForId", String.valueOf(w.sister().id())).status());
        long childReturn = organisationReturn(w, child);
        assertEquals(-1L, childReturn, "the new school is not in the cycle: it cannot be added by hand");
        assertEquals(422, admin.post(w.panelPath() + "/cases", "source", "ONE", "returnId", String.valueOf(w.sisterReturnId() + 100000),
                "detail", "Not of this cycle").status());

        // the world's case: the trust-sibling member is conflicted, the others are not
        List<PanelRepositories.Conflict> found = conflictRows.findByCaseIdOrderById(w.caseId());
        assertEquals(1, found.size(), found.toString());
        assertEquals(ConflictSource.SIBLING, found.get(0).source());
        assertEquals(trustSibling.id(), found.get(0).accountId());

        // a school of the trust organisation goes before a second panel with the same members: own, parent and sibling conflicts
        var conflicts = ConflictRules.between(List.of(child), child);
        assertEquals(ConflictSource.OWN, conflicts.get(0).source());
        assertEquals(ConflictSource.PARENT, ConflictRules.between(List.of(trust), child).get(0).source());
        assertEquals(ConflictSource.CHILD, ConflictRules.between(List.of(child), trust).get(0).source());
        assertEquals(ConflictSource.SIBLING, ConflictRules.between(List.of(childSister), child).get(0).source());
        assertEquals(ConflictSource.SIBLING, ConflictRules.between(List.of(w.sister()), w.school()).get(0).source());
        assertEquals(List.of(), ConflictRules.between(List.of(w.unsubmitted()), w.school()));

        // the conflicted member neither opens the case nor sees it listed; a free member does
        TestBrowser conflicted = signedIn(trustSibling);
        TestBrowser.Page refused = conflicted.get(w.casePath());
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("conflict of interest"), refused.body());
        assertFalse(conflicted.get(w.panelPath()).body().contains(w.school().name()), "not listed on the panel page");
        String dashboard = conflicted.get("/").body();
        assertTrue(dashboard.contains("Conflict of interest: you do not mark this case"), dashboard);
        assertFalse(dashboard.contains(w.school().name()), "the dashboard does not name the organisation either");
        TestBrowser free = signedIn(parent);
        assertEquals(200, free.get(w.casePath()).status());
        assertTrue(free.get("/").body().contains("To mark"));

        // an admin clears it with a reason (blank refused), and the member may open the case; clearing twice changes nothing more
        admin.get(w.casePath());
        long conflictId = found.get(0).id();
        TestBrowser.Page noReason = admin.post(w.casePath() + "/conflicts/" + conflictId + "/clear", "clearReason", " ");
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("Say why the conflict no longer stands"));
        admin.get(w.casePath());
        assertEquals(303, admin.post(w.casePath() + "/conflicts/" + conflictId + "/clear", "clearReason", "Left the trust last year").status());
        admin.get(w.casePath());
        assertEquals(303, admin.post(w.casePath() + "/conflicts/" + conflictId + "/clear", "clearReason", "Again").status());
        PanelRepositories.Conflict cleared = conflictRows.findById(conflictId).orElseThrow();
        assertEquals("Left the trust last year", cleared.clearedReason());
        assertEquals(200, conflicted.get(w.casePath()).status());
        assertTrue(admin.get(w.casePath()).body().contains("Left the trust last year"));
        // adding the same member again does not raise the cleared conflict again
        admin.get(w.panelPath());
        admin.post(w.panelPath() + "/members", "accountId", String.valueOf(fixtures.person(w.partnership(), Role.PANEL_MEMBER).id()));
        assertEquals(1, conflictRows.findByCaseIdOrderById(w.caseId()).size());
    }

    @Test
    void membersFromTheOwnParentOrSisterOrganisationAreRefusedTheCaseItsReturnAndItsMarks() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        // the trust the world's school belongs to (by name), as an organisation of the partnership
        Organisation trust = organisations.create(w.partnership().id(), null, OrganisationDetails.agency(w.school().trustName(), Sector.VOLUNTARY,
                null, List.of()));
        Fixtures.Person own = fixtures.person(w.partnership(), Role.PANEL_MEMBER, w.school());
        Fixtures.Person parent = fixtures.person(w.partnership(), Role.PANEL_MEMBER);
        Fixtures.Person sibling = fixtures.person(w.partnership(), Role.PANEL_MEMBER);
        admin.get(w.panelPath());
        assertEquals(303, admin.post(w.panelPath() + "/members", "accountId", String.valueOf(own.id())).status());
        admin.get(w.panelPath());
        assertEquals(303, admin.post(w.panelPath() + "/members", "accountId", String.valueOf(parent.id()), "worksForId", String.valueOf(trust.id())).status());
        admin.get(w.panelPath());
        assertEquals(303, admin.post(w.panelPath() + "/members", "accountId", String.valueOf(sibling.id()), "worksForId",
                String.valueOf(w.sister().id())).status());
        java.util.Map<Long, ConflictSource> found = new java.util.HashMap<>();
        conflictRows.findByCaseIdOrderById(w.caseId()).forEach(c -> found.put(c.accountId(), c.source()));
        assertEquals(java.util.Map.of(own.id(), ConflictSource.OWN, parent.id(), ConflictSource.PARENT, sibling.id(), ConflictSource.SIBLING), found);
        for (Fixtures.Person p : List.of(own, parent, sibling)) {
            TestBrowser member = signedIn(p);
            assertEquals(403, member.get(w.casePath()).status(), p.email());
            assertEquals(403, member.get(w.casePath() + "/marks").status(), p.email());
            assertEquals(403, member.get(w.casePath() + "/challenges").status(), p.email());
            member.get("/");
            assertEquals(403, member.post(w.casePath() + "/marks", "version", "0", "action", "save").status(), p.email());
            assertFalse(member.get(w.panelPath()).body().contains("href=\"" + w.casePath()), "the case is not listed for " + p.email());
        }
        assertEquals(200, signedIn(w.memberA()).get(w.casePath()).status(), "an unconflicted member opens it");
    }

    @Test
    void aMemberDeclaresAnInterestAndThenCannotOpenTheCase() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser member = signedIn(w.memberA());
        member.get(w.casePath());
        TestBrowser.Page blank = member.post(w.casePath() + "/declare", "declaredReason", "");
        assertEquals(422, blank.status());
        assertTrue(blank.body().contains("Say what the interest is"));
        member.get(w.casePath());
        assertEquals(303, member.post(w.casePath() + "/declare", "declaredReason", "My sister teaches there").status());
        assertEquals(403, member.get(w.casePath()).status());
        TestBrowser admin = signedIn(w.admin());
        String page = admin.get(w.casePath()).body();
        assertTrue(page.contains("My sister teaches there") && page.contains("Declared by the member"), page);
    }

    @Test
    void aPanelMemberOpensOnlyCasesOfTheirPanelsAndNothingOfAnotherPartnership() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        PanelWorld.World other = worlds.build(MarkingBy.SECTION);
        TestBrowser member = signedIn(w.memberA());
        assertEquals(200, member.get(w.panelPath()).status());
        assertEquals(200, member.get(w.casePath()).status());
        assertTrue(member.get(w.casePath()).body().contains("Evidence") || member.get(w.casePath()).body().contains("evidence"));
        // another partnership's panel and case, and this partnership's case by another panel's path
        assertEquals(404, member.get(other.panelPath()).status());
        assertEquals(404, member.get(other.casePath()).status());
        assertEquals(404, member.get(w.panelPath() + "/cases/" + other.caseId()).status());
        // a panel member not on the panel
        TestBrowser outsider = signedIn(fixtures.person(w.partnership(), Role.PANEL_MEMBER));
        assertEquals(404, outsider.get(w.panelPath()).status());
        assertEquals(404, outsider.get(w.casePath()).status());
        // the return itself stays closed to panel members: they read it on the case page only
        assertEquals(403, member.get("/returns/" + w.returnId() + "/print").status());
        assertEquals(403, member.get("/returns/" + w.returnId()).status());
        // members cannot administer the panel
        member.get(w.panelPath());
        assertEquals(403, member.post(w.panelPath() + "/members", "accountId", String.valueOf(w.memberA().id())).status());
        assertEquals(403, member.post(w.casePath() + "/conflicts/1/clear", "clearReason", "x").status());
        // another partnership's admin
        TestBrowser farAdmin = signedIn(other.admin());
        assertEquals(404, farAdmin.get(w.panelPath()).status());
        assertEquals(404, farAdmin.get(w.casePath()).status());
        farAdmin.get("/panels");
        assertEquals(404, farAdmin.post(w.panelPath() + "/cases", "source", "AGENCIES").status());
    }

    @Test
    void casesComeFromThePanelListOrByHandAndEachReturnIsHeardOnce() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        panelList.add(w.partnership().id(), w.cycleId(), w.unsubmitted().id(), organisationReturn(w, w.unsubmitted()), PanelListing.NON_COMPLETION,
                "Not submitted by the final deadline");
        TestBrowser admin = signedIn(w.admin());
        String page = admin.get(w.panelPath()).body();
        assertTrue(page.contains("did not complete"), page);
        TestBrowser.Page none = admin.post(w.panelPath() + "/cases", "source", "LISTED");
        assertEquals(422, none.status());
        assertTrue(none.body().contains("Select at least one organisation from the panel list"));
        admin.get(w.panelPath());
        TestBrowser.Page forged = admin.post(w.panelPath() + "/cases", "source", "LISTED", "listed", String.valueOf(w.sisterReturnId()));
        assertEquals(422, forged.status(), "a return not on the list is refused");
        admin.get(w.panelPath());
        long unsubmittedReturn = organisationReturn(w, w.unsubmitted());
        assertEquals(303, admin.post(w.panelPath() + "/cases", "source", "LISTED", "listed", String.valueOf(unsubmittedReturn)).status());
        admin.get(w.panelPath());
        assertEquals(303, admin.post(w.panelPath() + "/cases", "source", "LISTED", "listed", String.valueOf(unsubmittedReturn)).status());
        assertEquals(2, caseRows.findByPanelIdOrderById(w.panelId()).size(), "added once");
        String after = admin.get(w.panelPath()).body();
        assertTrue(after.contains("Return not submitted") && after.contains("Did not complete"), after);
        admin.get(w.panelPath());
        TestBrowser.Page noReason = admin.post(w.panelPath() + "/cases", "source", "ONE", "returnId", String.valueOf(w.sisterReturnId()), "detail", "");
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("Say why this return is going before the panel"));
        admin.get(w.panelPath());
        assertEquals(303, admin.post(w.panelPath() + "/cases", "source", "ONE", "returnId", String.valueOf(w.sisterReturnId()), "detail",
                "Concerns raised by the LADO").status());
        assertEquals(3, caseRows.findByPanelIdOrderById(w.panelId()).size());
        // the sister school's case shows the trust-sibling conflict for nobody: no member works for the trust
        long sisterCase = caseRows.findByPanelIdAndReturnId(w.panelId(), w.sisterReturnId()).orElseThrow().id();
        assertEquals(List.of(), conflictRows.findByCaseIdOrderById(sisterCase));
        // a case with no marks can be taken off
        admin.get(w.panelPath());
        assertEquals(303, admin.post(w.panelPath() + "/cases/" + sisterCase + "/remove").status());
        assertEquals(2, caseRows.findByPanelIdOrderById(w.panelId()).size());
    }

    /** The organisation's return in the world's cycle, or -1 when it is not in the cycle. */
    private long organisationReturn(PanelWorld.World w, Organisation o) {
        return cycles.returnOf(w.cycleId(), o.id()).orElse(-1L);
    }

    private static String d(LocalDate x) {
        return String.valueOf(x.getDayOfMonth());
    }

    private static String m(LocalDate x) {
        return String.valueOf(x.getMonthValue());
    }

    private static String y(LocalDate x) {
        return String.valueOf(x.getYear());
    }
}
