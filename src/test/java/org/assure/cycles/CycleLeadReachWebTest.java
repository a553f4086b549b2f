package org.assure.cycles;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.accounts.AccountService;
import org.assure.audit.AuditEvent;
import org.assure.audit.AuditTrail;
import org.assure.notify.Outbox;
import org.assure.notify.OutboxEmail;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 13: opening a cycle reaches someone who can act for every organisation (a signed-up lead, or an
 * invited one), never contacts who could not sign in; the page says beforehand who has nobody to invite, and
 * admins invite the lead contacts in bulk.
 */
@MicronautTest(transactional = false)
class CycleLeadReachWebTest extends WebTest {
    private static final String OPENED = "Self-assessment open";
    private static final String INVITED = "You have been invited";
    private static final String PASSWORD = "violet harbour lantern 42";

    @Inject
    OrganisationService organisations;
    @Inject
    AccountService accounts;
    @Inject
    Emails emails;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;

    /** A maintained primary school with these contacts (role, email; a null email is a contact without an address). */
    private Organisation school(Partnership p, Object... roleAndEmail) {
        int n = Fixtures.next();
        List<OrganisationDetails.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < roleAndEmail.length; i += 2) {
            contacts.add(new OrganisationDetails.Contact((ContactRole) roleAndEmail[i], "Contact " + roleAndEmail[i] + " " + n,
                    (String) roleAndEmail[i + 1], null));
        }
        return organisations.create(p.id(), null, new OrganisationDetails(OrganisationKind.SCHOOL, "Reach School " + n, null,
                Phase.PRIMARY, SchoolCategory.MAINTAINED, String.valueOf(600000 + n), null, "Testshire", "TS1 1AA", false, false, null,
                contacts));
    }

    private static String address(String who) {
        return who + Fixtures.next() + "@reach.test";
    }

    private List<Map.Entry<String, String>> cycleForm(String name) {
        LocalDate opens = LocalDate.ofInstant(clock.instant(), org.assure.kernel.Dates.ZONE);
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("name", name), Map.entry("bank", "section-175/2025"),
                Map.entry("shownBank", "section-175/2025"), Map.entry("audience", "TYPES"), Map.entry("kinds", "SCHOOL"),
                Map.entry("categories", "MAINTAINED")));
        for (var d : List.of(Map.entry("opens", opens), Map.entry("deadline", opens.plusDays(30)))) {
            f.add(Map.entry(d.getKey() + "Day", String.valueOf(d.getValue().getDayOfMonth())));
            f.add(Map.entry(d.getKey() + "Month", String.valueOf(d.getValue().getMonthValue())));
            f.add(Map.entry(d.getKey() + "Year", String.valueOf(d.getValue().getYear())));
        }
        return f;
    }

    private static long idFrom(TestBrowser.Page created) {
        assertEquals(303, created.status(), created.body());
        String location = created.location();
        return Long.parseLong(location.substring("/cycles/".length(), location.indexOf('?')));
    }

    private List<OutboxEmail> to(Partnership p, String address, String subjectStart) {
        return emails.to(p.id(), address).stream().filter(e -> e.subject().startsWith(subjectStart)).toList();
    }

    private static void assertContains(String body, String... texts) {
        for (String t : texts) {
            assertTrue(body.contains(t), () -> "Expected «" + t + "» in:\n" + body);
        }
    }

    @Test
    void openingReachesASignedUpOrInvitedLeadForEveryOrganisationAndNoContactWithoutAnAccount() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);

        String contactOfLed = address("dsl-led"), headOfLed = address("head-led");
        Organisation led = school(p, ContactRole.DSL, contactOfLed, ContactRole.HEADTEACHER, headOfLed);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, led);

        String dsl = address("dsl"), head = address("head"), chair = address("chair");
        Organisation toInvite = school(p, ContactRole.DSL, dsl, ContactRole.HEADTEACHER, head, ContactRole.CHAIR_OF_GOVERNORS, chair);
        String headOnly = address("head-only");
        Organisation noDslAddress = school(p, ContactRole.DSL, null, ContactRole.HEADTEACHER, headOnly);
        String chairOnly = address("chair-only");
        Organisation nobody = school(p, ContactRole.DSL, null, ContactRole.CHAIR_OF_GOVERNORS, chairOnly);
        Fixtures.Person contributor = fixtures.person(p, Role.CONTRIBUTOR, led);
        Organisation taken = school(p, ContactRole.DSL, contributor.email());

        // a lead invited weeks ago who never accepted: the link has lapsed
        Organisation pendingOrg = school(p, ContactRole.DSL, address("dsl-pending-contact"));
        String pending = address("pending-lead");
        TestBrowser browser = signedIn(admin);
        assertEquals(303, browser.post("/users/invite", "name", "Pat Pending", "email", pending, "role", "ORGANISATION_LEAD",
                "organisationId", String.valueOf(pendingOrg.id())).status());
        clock.advance(Duration.ofDays(8));
        browser = signedIn(admin);

        long id = idFrom(browser.postRepeated("/cycles", cycleForm("Reach audit")));
        var before = browser.get("/cycles/" + id).body();
        assertContains(before, "Who opening the cycle will reach", "1 with a signed-up lead", "1 with an invited lead who has not yet accepted",
                "2 whose lead contact will be invited", "2 with nobody to invite", "Organisations with nobody to invite",
                nobody.name() + "</a></td>", "No lead account, and no usable email address recorded for a DSL or headteacher",
                taken.name() + "</a></td>", contributor.email() + ", already has an account, which is not a lead of this organisation",
                "Lead contacts to invite (2)", dsl, headOnly);
        assertFalse(before.contains(led.name() + "</a></td>"), "an organisation with a lead is not listed as having nobody");
        assertTrue(outbox.recent(p.id()).stream().noneMatch(e -> e.subject().startsWith(OPENED)), "nothing is sent before opening");

        assertEquals(303, browser.post("/cycles/" + id + "/open").status());

        // the signed-up lead: the cycle's email, to sign in; the school's contacts, who have no account: nothing
        assertEquals(1, to(p, lead.email(), OPENED).size());
        assertContains(to(p, lead.email(), OPENED).get(0).body(), "Sign in to start: http://assure.test/");
        assertFalse(to(p, lead.email(), OPENED).get(0).body().contains("set your password"));
        assertEquals(0, emails.to(p.id(), contactOfLed).size());
        assertEquals(0, emails.to(p.id(), headOfLed).size());

        // no lead: the DSL is invited as lead and told about the cycle; the headteacher and chair get nothing
        assertEquals(1, to(p, dsl, INVITED).size());
        assertContains(to(p, dsl, INVITED).get(0).body(), "as organisation lead", "/invitations/");
        assertEquals(1, to(p, dsl, OPENED).size());
        assertContains(to(p, dsl, OPENED).get(0).body(), toInvite.name(), "set your password with its link first");
        assertEquals(0, emails.to(p.id(), head).size());
        assertEquals(0, emails.to(p.id(), chair).size());
        // no DSL address: the headteacher is
        assertEquals(1, to(p, headOnly, INVITED).size());
        assertEquals(1, to(p, headOnly, OPENED).size());
        // nobody to invite: nobody written to, least of all the chair or someone else's account
        assertEquals(0, emails.to(p.id(), chairOnly).size());
        assertEquals(0, emails.to(p.id(), contributor.email()).size());
        // the lapsed invitation is renewed, so the cycle's email does not point at a dead link
        assertEquals(2, to(p, pending, INVITED).size());
        assertEquals(1, to(p, pending, OPENED).size());

        // every cycle email went to an account, and every organisation but the two listed was reached through a lead
        List<OutboxEmail> opened = outbox.recent(p.id()).stream().filter(e -> e.subject().startsWith(OPENED)).toList();
        assertEquals(4, opened.size());
        opened.forEach(e -> assertTrue(accounts.exists(e.recipient()), e.recipient() + " has no account"));
        for (Organisation o : List.of(led, toInvite, noDslAddress, pendingOrg)) {
            List<AccountService.Colleague> leads = accounts.colleagues(p.id(), o.id()).stream().filter(AccountService.Colleague::lead).toList();
            assertFalse(leads.isEmpty(), o.name() + " has a lead");
            assertTrue(leads.stream().anyMatch(l -> !to(p, l.email(), OPENED).isEmpty()), o.name() + "'s lead was told");
        }

        // the invited DSL accepts and is the school's lead: its return is theirs
        String link = Emails.linkPath(to(p, dsl, INVITED).get(0), "/invitations/");
        TestBrowser invitee = browser();
        assertEquals(200, invitee.get(link).status());
        assertEquals(303, invitee.post(link, "password", PASSWORD, "confirmPassword", PASSWORD).status());
        TestBrowser dslBrowser = browser();
        assertEquals(303, dslBrowser.signIn(dsl, PASSWORD).status());
        assertContains(dslBrowser.get("/").body(), toInvite.name());

        var after = browser.get("/cycles/" + id).body();
        assertContains(after, "Who the cycle reaches", "2 with nobody to invite", nobody.name() + "</a></td>");
        assertFalse(after.contains("Lead contacts to invite ("), "nobody left to invite");
    }

    @Test
    void adminsInviteTheLeadContactsInBulkOnceAndOpeningThenTellsThem() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        String first = address("bulk-a"), second = address("bulk-b");
        Organisation a = school(p, ContactRole.DSL, first);
        Organisation b = school(p, ContactRole.DSL, second, ContactRole.HEADTEACHER, address("bulk-head"));
        Organisation led = school(p, ContactRole.DSL, address("bulk-led"));
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, led);
        // a federation: one DSL recorded for two schools; one address can have one account
        String federation = address("federation-dsl");
        school(p, ContactRole.DSL, federation);
        school(p, ContactRole.DSL, federation.toUpperCase());
        TestBrowser browser = signedIn(admin);
        long id = idFrom(browser.postRepeated("/cycles", cycleForm("Bulk audit")));

        assertContains(browser.get("/cycles/" + id).body(), "Lead contacts to invite (3)", "Invite these lead contacts now",
                "action=\"/cycles/" + id + "/invite-leads\"", "1 with nobody to invite", "is also the lead contact of");
        var invited = browser.post("/cycles/" + id + "/invite-leads");
        assertEquals(303, invited.status());
        var page = browser.follow(invited).body();
        assertContains(page, "3 lead contacts invited to be their organisation&#39;s lead", "3 with an invited lead who has not yet accepted",
                "0 whose lead contact will be invited", "1 with nobody to invite", "already has an account, which is not a lead of this organisation");
        assertEquals(1, to(p, federation, INVITED).size(), "the federation's DSL is invited once");
        assertEquals(1, to(p, first, INVITED).size());
        assertEquals(1, to(p, second, INVITED).size());
        assertEquals(0, emails.to(p.id(), lead.email()).size(), "a lead already signed up is not invited");
        assertTrue(accounts.colleagues(p.id(), a.id()).stream().anyMatch(c -> c.lead() && c.pending()));

        // again (a second click, a second admin): nobody is invited twice
        assertContains(browser.follow(browser.post("/cycles/" + id + "/invite-leads")).body(), "Nobody needed inviting");
        assertEquals(1, to(p, first, INVITED).size());

        // opening tells the invited leads about the cycle; their links still work, so no new invitation
        assertEquals(303, browser.post("/cycles/" + id + "/open").status());
        assertEquals(1, to(p, first, INVITED).size());
        assertEquals(1, to(p, first, OPENED).size());
        assertContains(to(p, second, OPENED).get(0).body(), b.name(), "set your password with its link first");
        assertEquals(1, to(p, lead.email(), OPENED).size());
        assertEquals(List.of("created", "leads invited", "leads invited", "open"),
                audit.history(p.id(), CycleAudit.KIND, id).stream().map(AuditEvent::action).toList());

        // adding an organisation to the open cycle reaches its lead contact the same way
        String later = address("bulk-later");
        Organisation added = school(p, ContactRole.DSL, later);
        assertEquals(303, browser.post("/cycles/" + id + "/organisations", "organisationId", String.valueOf(added.id())).status());
        assertEquals(1, to(p, later, INVITED).size());
        assertEquals(1, to(p, later, OPENED).size());

        // nobody else may invite: another partnership's admin does not find the cycle; a lead is refused
        assertEquals(404, signedIn(fixtures.admin(fixtures.partnership())).post("/cycles/" + id + "/invite-leads").status());
        assertEquals(403, signedIn(lead).post("/cycles/" + id + "/invite-leads").status());
        assertEquals(404, browser.post("/cycles/99999999/invite-leads").status());

        // a closed cycle invites nobody
        assertEquals(303, browser.post("/cycles/" + id + "/close").status());
        var closed = browser.post("/cycles/" + id + "/invite-leads");
        assertEquals(409, closed.status());
        assertContains(closed.body(), "Leads can be invited only while the cycle is a draft or open");
    }

    @Test
    void adminsInvitingAtOnceInviteEachLeadContactOnce() throws Exception {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        List<String> contacts = List.of(address("race-a"), address("race-b"), address("race-c"));
        contacts.forEach(c -> school(p, ContactRole.DSL, c));
        long id = idFrom(signedIn(admin).postRepeated("/cycles", cycleForm("Race audit")));
        List<TestBrowser> admins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            admins.add(signedIn(admin));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<TestBrowser.Page> pages = org.assure.testsupport.Concurrently.times(4,
                () -> admins.get(next.getAndIncrement()).post("/cycles/" + id + "/invite-leads"));
        List<Integer> statuses = pages.stream().map(TestBrowser.Page::status).toList();
        assertTrue(statuses.stream().allMatch(s -> s == 303 || s == 409), statuses.toString());
        assertTrue(statuses.contains(303), statuses.toString());
        // the cycle's row is claimed first: the others are told about the cycle, before any account is written
        pages.stream().filter(pg -> pg.status() == 409).forEach(pg -> assertContains(pg.body(),
                "Someone else changed this cycle at the same moment", "Back to the cycle"));
        for (String c : contacts) {
            assertEquals(1, to(p, c, INVITED).size(), c + " is invited once");
        }
    }
}
