package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.accounts.AccountService;
import org.assure.access.Role;
import org.assure.organisations.Organisation;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lead shares sections with colleagues; contributors see and edit only theirs; admins only look. */
@MicronautTest(transactional = false)
class DelegationWebTest extends ReturnWebTest {
    @Inject
    Emails emails;
    @Inject
    AccountService accounts;

    @Test
    void aContributorSeesAndEditsOnlyTheirAssignedSection() {
        Setup s = setup();
        Fixtures.Person helper = fixtures.person(s.partnership(), Role.CONTRIBUTOR, s.school());
        TestBrowser lead = signedIn(s.lead());
        assertContains(lead.get(s.path() + SECTION + "/assign").body(), "Who will complete", "Person " + helper.email(),
                "Nobody: I will complete it myself", "Someone new");
        var assigned = lead.post(s.path() + SECTION + "/assign", "assignee", String.valueOf(helper.id()));
        assertEquals(303, assigned.status(), assigned.body());
        assertContains(lead.get(s.path()).body(), "Assigned to: Person " + helper.email());
        var email = emails.latest(s.partnership().id(), helper.email());
        assertContains(email.body(), "Leadership and governance", "/returns/" + s.returnId() + SECTION);

        TestBrowser contributor = signedIn(helper);
        String tasks = contributor.get(s.path()).body();
        assertContains(tasks, "Leadership and governance", "assigned");
        assertFalse(tasks.contains("sections/dsl\""), "a contributor's task list shows only their sections");
        assertFalse(tasks.contains("/assign"), "only the lead assigns");
        var unassigned = contributor.get(s.path() + "/sections/dsl");
        assertEquals(403, unassigned.status());
        assertContains(unassigned.body(), "This section is assigned to someone else");
        assertEquals(403, contributor.postRepeated(s.path() + "/sections/dsl", form("", "dsl-appointed", "GREEN", "action", "later")).status());
        assertEquals(403, contributor.get(s.path() + SECTION + "/assign").status());
        assertEquals(403, contributor.post(s.path() + SECTION + "/assign", "assignee", String.valueOf(helper.id())).status());

        var saved = contributor.postRepeated(s.path() + SECTION,
                leadershipComplete(contributor.get(s.path() + SECTION).body(), "continue"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(s.path(), saved.location(), "save and continue skips sections assigned to others: back to the task list");
        assertContains(lead.get(s.path()).body(), "You have completed 1 of");

        // taking the section back: the contributor is refused from then on
        assertEquals(303, lead.post(s.path() + SECTION + "/assign", "assignee", "").status());
        assertEquals(403, contributor.get(s.path() + SECTION).status());
        assertContains(lead.get(s.path()).body(), "Assigned to: nobody yet");
        var assignments = audit.history(s.partnership().id(), ReturnAudit.KIND, s.returnId()).stream()
                .filter(e -> e.is(ReturnAudit.SECTION_ASSIGNED, "leadership")).toList();
        assertEquals(2, assignments.size(), assignments::toString);
        assertNull(assignments.get(0).before(), "nobody had it before");
        assertEquals(String.valueOf(helper.id()), assignments.get(0).after().get(ReturnAudit.ASSIGNEE));
        assertEquals(assignments.get(0).after(), assignments.get(1).before());
        assertNull(assignments.get(1).after(), "taken back: nobody has it");
    }

    @Test
    void theLeadInvitesANewColleagueForASection() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String newEmail = "new.colleague" + Fixtures.next() + "@school.test";
        var invited = lead.post(s.path() + SECTION + "/assign", "assignee", "new", "name", "Nia Newcomer", "email", newEmail);
        assertEquals(303, invited.status(), invited.body());
        assertContains(lead.get(s.path()).body(), "Assigned to: Nia Newcomer");
        List<String> subjects = emails.to(s.partnership().id(), newEmail).stream().map(e -> e.subject()).toList();
        assertTrue(subjects.stream().anyMatch(x -> x.startsWith("You have been invited")), subjects::toString);
        assertTrue(subjects.stream().anyMatch(x -> x.startsWith("You have been asked to complete")), subjects::toString);
        var colleague = accounts.colleagues(s.partnership().id(), s.school().id()).stream().filter(c -> c.email().equals(newEmail)).findFirst().orElseThrow();
        assertTrue(colleague.pending());
        assertFalse(colleague.lead());
    }

    @Test
    void badChoicesAreRefusedWithTheInputKept() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String path = s.path() + SECTION + "/assign";
        var none = lead.post(path, "name", "");
        assertEquals(422, none.status());
        assertContains(none.body(), "href=\"#assignee\"", "Select who will complete this section");

        var blank = lead.post(path, "assignee", "new", "name", " ", "email", "");
        assertEquals(422, blank.status());
        assertContains(blank.body(), "Enter your colleague&#39;s name", "Enter your colleague&#39;s email address");

        var badEmail = lead.post(path, "assignee", "new", "name", "Nia", "email", "nia at school");
        assertEquals(422, badEmail.status());
        assertContains(badEmail.body(), "correct format", "value=\"nia at school\"", "value=\"Nia\"");

        Organisation elsewhere = fixtures.school(s.partnership());
        Fixtures.Person stranger = fixtures.person(s.partnership(), Role.CONTRIBUTOR, elsewhere);
        var taken = lead.post(path, "assignee", "new", "name", "Stranger", "email", stranger.email());
        assertEquals(422, taken.status());
        assertContains(taken.body(), "There is already an account with this email address");
        var notOurs = lead.post(path, "assignee", String.valueOf(stranger.id()));
        assertEquals(422, notOurs.status(), "a person of another organisation cannot be assigned");
        var nonsense = lead.post(path, "assignee", "12abc");
        assertEquals(422, nonsense.status());
        assertContains(lead.get(s.path()).body(), "Assigned to: nobody yet");
    }

    @Test
    void othersCannotAssign() {
        Setup s = setup();
        TestBrowser admin = signedIn(s.admin());
        assertEquals(403, admin.get(s.path() + SECTION + "/assign").status());
        Organisation other = fixtures.school(s.partnership());
        TestBrowser otherLead = signedIn(fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, other));
        assertEquals(404, otherLead.get(s.path() + SECTION + "/assign").status());
        assertEquals(404, otherLead.post(s.path() + SECTION + "/assign", "assignee", "").status());
        assertEquals(404, signedIn(s.lead()).get(s.path() + "/sections/nope/assign").status());
    }

    @Test
    void anAdminLooksButCannotChangeAnswers() {
        Setup s = setup();
        TestBrowser admin = signedIn(s.admin());
        String page = admin.get(s.path() + SECTION).body();
        assertContains(page, "You are looking at this return as a partnership admin");
        assertFalse(page.contains("Save and continue"));
        var refused = admin.postRepeated(s.path() + SECTION, form(page, "governance-accountability", "GREEN", "action", "later"));
        assertEquals(409, refused.status());
        assertContains(signedIn(s.lead()).get(s.path() + SECTION).body(), "name=\"governance-accountability-version\" value=\"-1\"");
    }
}
