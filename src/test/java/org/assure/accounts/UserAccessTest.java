package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.Refusal;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9, item 2: admins take access away and give it back, and change what people hold; the partnership keeps an admin. */
@MicronautTest(transactional = false)
class UserAccessTest extends WebTest {
    @Inject
    AccountService accounts;
    @Inject
    AccountRepositories.Accounts accountRows;
    @Inject
    AuditTrail audit;
    @Inject
    Emails emails;

    private static CurrentUser admin(Fixtures.Person person, Partnership p) {
        return new CurrentUser(person.id(), p.id(), p.name(), person.email(), "Admin " + person.id(), Set.of(Roles.ADMIN), Set.of());
    }

    private boolean audited(Partnership p, long accountId, AccountAudit action) {
        return audit.history(p.id(), AccountAudit.KIND, accountId).stream().anyMatch(e -> e.is(action));
    }

    @Test
    void aDeactivatedPersonIsSignedOutAtTheirNextRequestAndCannotComeBackUntilReactivated() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        TestBrowser admin = signedIn(fixtures.admin(p));
        var lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        TestBrowser leadBrowser = signedIn(lead);
        TestBrowser leadsOtherBrowser = signedIn(lead);
        assertEquals(200, leadBrowser.get("/").status());

        var confirm = admin.get("/users/" + lead.id() + "/deactivate");
        assertEquals(200, confirm.status());
        assertTrue(confirm.body().contains("Are you sure you want to deactivate"), "a confirmation first");
        var done = admin.post("/users/" + lead.id() + "/deactivate");
        assertEquals(303, done.status());
        assertEquals("/users/" + lead.id() + "?done=deactivated", done.location());
        assertTrue(admin.follow(done).body().contains("has been deactivated"));
        assertTrue(admin.get("/users").body().contains("Deactivated"));

        var next = leadBrowser.get("/");
        assertEquals(303, next.status(), "the next request is signed out");
        assertTrue(next.location().startsWith("/sign-in"));
        assertEquals(303, leadsOtherBrowser.get("/organisations/" + school.id()).status(), "every session of theirs");
        var again = browser().signIn(lead.email(), Fixtures.PASSWORD);
        assertEquals(422, again.status());
        assertTrue(again.body().contains(SignInController.WRONG_CREDENTIALS), "the same answer as a wrong password");
        TestBrowser reset = browser();
        reset.get("/password-reset");
        assertEquals(303, reset.post("/password-reset", "email", lead.email()).status());
        assertTrue(emails.to(p.id(), lead.email()).isEmpty(), "no reset link for a deactivated person");
        assertTrue(audited(p, lead.id(), AccountAudit.DEACTIVATED));

        assertEquals(303, admin.post("/users/" + lead.id() + "/deactivate").status(), "posting twice changes nothing more");
        assertEquals(1, audit.history(p.id(), AccountAudit.KIND, lead.id()).stream().filter(e -> e.is(AccountAudit.DEACTIVATED)).count());

        admin.get("/users/" + lead.id());
        var back = admin.post("/users/" + lead.id() + "/reactivate");
        assertEquals("/users/" + lead.id() + "?done=reactivated", back.location());
        assertEquals(303, browser().signIn(lead.email(), Fixtures.PASSWORD).status(), "signs in again");
        assertTrue(audited(p, lead.id(), AccountAudit.REACTIVATED));
    }

    @Test
    void deactivatingAnInvitedPersonKillsTheirLink() {
        Partnership p = fixtures.partnership();
        var adminPerson = fixtures.admin(p);
        TestBrowser admin = signedIn(adminPerson);
        String email = "invited." + Fixtures.next() + "@people.test";
        long invited = accounts.invite(admin(adminPerson, p), "Invited Person", email, Role.PANEL_MEMBER, null);
        String link = Emails.linkPath(emails.latest(p.id(), email), "/invitations/");
        assertEquals(200, browser().get(link).status());

        admin.get("/users/" + invited);
        admin.post("/users/" + invited + "/deactivate");
        assertEquals(410, browser().get(link).status(), "the invitation died");
        TestBrowser late = browser();
        late.get("/sign-in");
        assertEquals(410, late.post(link, "password", "kettle orbit marmalade", "confirmPassword", "kettle orbit marmalade").status());
        assertTrue(accountRows.findById(invited).orElseThrow().isPending(), "no password was set");
        assertFalse(admin.get("/users").body().contains("/users/" + invited + "/reinvite"), "no resend while deactivated");
    }

    @Test
    void theLastActiveAdminCannotBeDeactivatedNorLoseTheRole() {
        Partnership p = fixtures.partnership();
        var only = fixtures.admin(p);
        TestBrowser admin = signedIn(only);
        var self = admin.post("/users/" + only.id() + "/deactivate");
        assertEquals(409, self.status(), "not yourself");
        var page = admin.get("/users/" + only.id());
        assertFalse(page.body().contains("/users/" + only.id() + "/deactivate\""), "no deactivate button on your own page");

        var dropped = admin.post("/users/" + only.id() + "/access", "roles", "BOARD_VIEWER");
        assertEquals(422, dropped.status());
        assertTrue(dropped.body().contains("is the only active partnership admin"), dropped.body());
        assertEquals(200, admin.get("/users").status(), "still an admin");

        // a second admin who has not signed up yet does not count
        long pending = accounts.invite(admin(only, p), "Pending Admin", "pending." + Fixtures.next() + "@people.test", Role.PARTNERSHIP_ADMIN, null);
        admin.get("/users/" + only.id());
        assertEquals(422, admin.post("/users/" + only.id() + "/access", "roles", "BOARD_VIEWER").status());
        assertTrue(pending > 0);
    }

    @Test
    void twoAdminsDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
        Partnership p = fixtures.partnership();
        var first = fixtures.admin(p);
        var second = fixtures.admin(p);
        CyclicBarrier together = new CyclicBarrier(2);
        List<String> outcomes = Concurrently.all(List.of(
                () -> attempt(together, () -> accounts.deactivate(admin(first, p), second.id())),
                () -> attempt(together, () -> accounts.deactivate(admin(second, p), first.id()))));
        assertEquals(1, outcomes.stream().filter("done"::equals).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(o -> o.startsWith("refused")).count(), outcomes.toString());
        assertEquals(1, accountRows.countActiveAdmins(p.id()));

        // and one admin's role removed while the other is deactivated
        var third = fixtures.admin(p);
        var survivor = accountRows.findById(first.id()).orElseThrow().isDeactivated() ? second : first;
        List<String> more = Concurrently.all(List.of(
                () -> attempt(together, () -> accounts.deactivate(admin(third, p), survivor.id())),
                () -> attempt(together, () -> {
                    var errors = accounts.changeAccess(admin(survivor, p), third.id(), List.of("BOARD_VIEWER"), List.of());
                    if (!errors.isEmpty()) {
                        throw Refusal.conflict(errors.getAll().get(0).message());
                    }
                })));
        assertEquals(1, accountRows.countActiveAdmins(p.id()), more.toString());
    }

    private static String attempt(CyclicBarrier together, Runnable change) throws Exception {
        together.await();
        try {
            change.run();
            return "done";
        } catch (Refusal refused) {
            return "refused: " + refused.getMessage();
        }
    }

    @Test
    void rolesAndOrganisationsChangeAtThePersonsNextRequestAndAreAudited() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Organisation agency = fixtures.agency(p);
        TestBrowser admin = signedIn(fixtures.admin(p));
        var viewer = fixtures.person(p, Role.BOARD_VIEWER);
        TestBrowser viewerBrowser = signedIn(viewer);
        assertEquals(403, viewerBrowser.get("/users").status());
        assertEquals(403, viewerBrowser.get("/organisations/" + school.id()).status());

        var page = admin.get("/users/" + viewer.id());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("value=\"BOARD_VIEWER\" checked"), "what they hold is ticked");
        var changed = admin.postRepeated("/users/" + viewer.id() + "/access", List.of(Map.entry("roles", "ORGANISATION_LEAD"),
                Map.entry("roles", "BOARD_VIEWER"), Map.entry("organisations", String.valueOf(school.id())),
                Map.entry("organisations", String.valueOf(agency.id()))));
        assertEquals(303, changed.status(), changed.body());
        assertEquals("/users/" + viewer.id() + "?done=access", changed.location());
        assertEquals(200, viewerBrowser.get("/organisations/" + school.id()).status(), "their very next request has the new access");
        var event = audit.history(p.id(), AccountAudit.KIND, viewer.id()).stream().filter(e -> e.is(AccountAudit.ACCESS_CHANGED)).findFirst().orElseThrow();
        assertEquals(AuditFields.of(AccountAudit.ROLES, "BOARD_VIEWER", AccountAudit.ORGANISATIONS, ""), event.before());
        assertEquals(AuditFields.of(AccountAudit.ROLES, "BOARD_VIEWER,ORGANISATION_LEAD", AccountAudit.ORGANISATIONS,
                List.of(school.id(), agency.id()).stream().sorted().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow()), event.after());

        admin.get("/users/" + viewer.id());
        assertEquals(303, admin.post("/users/" + viewer.id() + "/access", "roles", "PARTNERSHIP_ADMIN").status());
        assertEquals(200, viewerBrowser.get("/users").status(), "now an admin, at once");
    }

    @Test
    void badChoicesAreRefusedOnTheirFieldWithWhatWasTickedKept() {
        Partnership p = fixtures.partnership();
        Partnership theirs = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Organisation far = fixtures.school(theirs);
        TestBrowser admin = signedIn(fixtures.admin(p));
        var person = fixtures.person(p, Role.CONTRIBUTOR, school);
        String path = "/users/" + person.id() + "/access";
        admin.get("/users/" + person.id());

        var none = admin.postRepeated(path, List.of());
        assertEquals(422, none.status());
        assertTrue(none.body().contains("href=\"#roles\">Select at least one role"));
        var madeUp = admin.post(path, "roles", "SUPERUSER");
        assertEquals(422, madeUp.status());
        assertTrue(madeUp.body().contains("Select the roles from the list"));
        var farOrg = admin.postRepeated(path, List.of(Map.entry("roles", "CONTRIBUTOR"), Map.entry("organisations", String.valueOf(far.id()))));
        assertEquals(422, farOrg.status(), "another partnership's organisation");
        assertTrue(farOrg.body().contains("Select the organisations from the list"));
        var junk = admin.postRepeated(path, List.of(Map.entry("roles", "CONTRIBUTOR"), Map.entry("organisations", "1 OR 1=1")));
        assertEquals(422, junk.status());
        var noOrg = admin.post(path, "roles", "CONTRIBUTOR");
        assertEquals(422, noOrg.status());
        assertTrue(noOrg.body().contains("leads, contributors and chairs need one"));
        assertTrue(noOrg.body().contains("value=\"CONTRIBUTOR\" checked"), "the ticks are kept");
        var orgWithoutRole = admin.postRepeated(path, List.of(Map.entry("roles", "PANEL_MEMBER"), Map.entry("organisations", String.valueOf(school.id()))));
        assertEquals(422, orgWithoutRole.status());
        var many = new java.util.ArrayList<Map.Entry<String, String>>();
        many.add(Map.entry("roles", "CONTRIBUTOR"));
        for (int i = 0; i < 120; i++) { // under the server's 128 form fields
            many.add(Map.entry("organisations", String.valueOf(i + 1)));
        }
        long started = System.nanoTime();
        var flood = admin.postRepeated(path, many);
        assertEquals(422, flood.status());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5000, "refused at the first that is not the partnership's");

        assertEquals(List.of("CONTRIBUTOR"), accounts.user(admin(fixtures.admin(p), p), person.id()).roles(), "nothing half-saved");
        assertEquals(404, admin.get("/users/" + fixtures.admin(theirs).id()).status(), "another partnership's person");
        assertEquals(404, admin.post("/users/" + fixtures.admin(theirs).id() + "/deactivate").status());
    }
}
