package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.cycles.CycleService;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The dashboards of the roles whose features are still to come: a chair sees their school's returns and reads
 * them whole; a panel member sees the cycles in progress; a board viewer sees how far each cycle has got. None
 * is an empty page, and none shows another school's or another partnership's things.
 */
@MicronautTest(transactional = false)
class RoleDashboardsWebTest extends ReturnWebTest {
    @Inject
    CycleService cycles;

    @Test
    void aChairSeesTheirSchoolsReturnSubmittedTwiceAndReadsItButNotAnotherSchools() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Organisation neighbour = fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person leadPerson = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        Opened opened = openCycle(admin, leadPerson, "section-175/2025", null);
        Setup s = new Setup(p, school, leadPerson, admin, opened.returnId());
        long neighbours = cycles.returnOf(opened.cycleId(), neighbour.id()).orElseThrow();
        TestBrowser chair = signedIn(fixtures.person(p, Role.ESCALATION_CONTACT, school));

        String before = chair.get("/").body();
        assertContains(before, "Returns of your organisation", "read each return in full", "Not started", "Not yet",
                "href=\"/returns/" + s.returnId() + "/print\"");
        assertFalse(before.contains("will appear here when the partnership opens a cycle"), "the chair's school has a return");

        TestBrowser lead = signedIn(s.lead());
        completeEverySection(lead, s);
        assertEquals(303, lead.post(s.path() + "/submit", "name", "Dee Esel", "role", "DSL", "confirm", "true").status());
        assertEquals(303, signedIn(admin).post(s.path() + "/return-for-changes", "reason", "Add the minutes").status());
        assertEquals(303, lead.post(s.path() + "/submit", "name", "Dee Esel", "role", "DSL", "confirm", "true").status());

        String after = chair.get("/").body();
        assertContains(after, "AR-%06d-1".formatted(s.returnId()), "AR-%06d-2".formatted(s.returnId()), "returned for changes on",
                "href=\"/returns/" + s.returnId() + "/submissions/2\"", ">Submitted<");
        assertFalse(after.contains("/returns/" + neighbours), "another school's return is not listed");

        var print = chair.get(s.path() + "/print");
        assertEquals(200, print.status());
        assertContains(print.body(), "Green — Fully met", "AR-%06d-2".formatted(s.returnId()), "href=\"/\"");
        assertEquals(200, chair.get(s.path() + "/submissions/1").status());
        // the working pages are the lead's: refused with the reason, not shown read-only
        assertEquals(403, chair.get(s.path()).status());
        assertEquals(403, chair.get(s.section()).status());
        assertEquals(403, chair.get(s.path() + "/history").status());
        assertEquals(403, chair.postRepeated(s.section(), form("", "governance-accountability", "RED")).status());
        // another school's return, even by its id: not found
        assertEquals(404, chair.get("/returns/" + neighbours + "/print").status());
        assertEquals(404, chair.get("/returns/" + neighbours + "/submissions/1").status());
    }

    @Test
    void panelMembersAndViewersSeeTheCyclesOfTheirPartnershipOnly() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person leadPerson = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        Opened opened = openCycle(admin, leadPerson, "section-175/2025", null);
        Setup s = new Setup(p, school, leadPerson, admin, opened.returnId());
        String cycleName = cycles.get(userOf(admin, p), opened.cycleId()).name();
        TestBrowser lead = signedIn(s.lead());
        completeEverySection(lead, s);
        assertEquals(303, lead.post(s.path() + "/submit", "name", "Dee Esel", "role", "DSL", "confirm", "true").status());

        Partnership far = fixtures.partnership();
        Organisation farSchool = fixtures.school(far);
        Fixtures.Person farAdmin = fixtures.admin(far);
        Opened farOpened = openCycle(farAdmin, fixtures.person(far, Role.ORGANISATION_LEAD, farSchool), "section-175/2025", null);
        String farName = cycles.get(userOf(farAdmin, far), farOpened.cycleId()).name();

        String panel = signedIn(fixtures.person(p, Role.PANEL_MEMBER)).get("/").body();
        assertContains(panel, "The partnership's audit cycles", "You are not on any panel yet", cycleName, ">Open<");
        assertFalse(panel.contains(farName), "another partnership's cycle");
        assertFalse(panel.contains("Returns submitted"), "figures are for those who read reports");
        assertFalse(panel.contains("/returns/"), "no return is reachable from it");

        String viewer = signedIn(fixtures.person(p, Role.BOARD_VIEWER)).get("/").body();
        assertContains(viewer, "Read the partnership's reports", cycleName, "Returns submitted", "1 of 2 (50%)");
        assertFalse(viewer.contains(farName), "another partnership's cycle");
        assertFalse(viewer.contains("/returns/"), "no return is reachable from it");

        // and the lead is not given the cycles (the policy says who follows them)
        assertFalse(lead.get("/").body().contains("The partnership's audit cycles"));
    }

    private static org.assure.access.CurrentUser userOf(Fixtures.Person admin, Partnership p) {
        return new org.assure.access.CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin",
                java.util.Set.of(org.assure.access.Roles.ADMIN), java.util.Set.of());
    }
}
