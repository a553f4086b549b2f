package org.assure.partnerships;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.accounts.PasswordChangedEmail;
import org.assure.audit.AuditEvent;
import org.assure.audit.AuditTrail;
import org.assure.kernel.FormErrors;
import org.assure.notify.Addressee;
import org.assure.notify.Notifications;
import org.assure.notify.Recipients;
import org.assure.organisations.Organisation;
import org.assure.partnerships.PartnershipOfficers.RoleHolders;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, partnership officers: admins record the named people escalations go to, by role; nobody else, nothing across partnerships. */
@MicronautTest(transactional = false)
class OfficersWebTest extends WebTest {
    private static final String PAGE = "/partnership/officers";
    @Inject
    PartnershipOfficers officers;
    @Inject
    AuditTrail audit;
    @Inject
    Recipients recipients;
    @Inject
    Notifications notifications;
    @Inject
    Emails emails;
    @Inject
    TransactionOperations<Connection> transactions;

    private static CurrentUser admin(Fixtures.Person person, Partnership p) {
        return new CurrentUser(person.id(), p.id(), p.name(), person.email(), "Admin " + person.id(), Set.of(Roles.ADMIN), Set.of());
    }

    private static Map<String, String> form(String role, String name, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "0");
        fields.put("role", role);
        fields.put("name", name);
        fields.put("email", email);
        return fields;
    }

    private List<PartnershipOfficer> all(CurrentUser admin) {
        return officers.byRole(admin).stream().flatMap(h -> h.officers().stream()).toList();
    }

    private PartnershipOfficer only(CurrentUser admin, String name) {
        return all(admin).stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anAdminAddsChangesAndRemovesOfficersEachInTheAuditTrail() {
        Partnership p = fixtures.partnership();
        Fixtures.Person person = fixtures.admin(p);
        CurrentUser asAdmin = admin(person, p);
        TestBrowser admin = signedIn(person);

        var empty = admin.get(PAGE);
        assertEquals(200, empty.status());
        assertTrue(empty.body().contains("escalation emails"), "says what they are for");
        for (OfficerRole role : OfficerRole.values()) {
            assertTrue(empty.body().contains(role.label()), role.label());
        }
        assertTrue(empty.body().contains("Nobody recorded yet."));
        assertTrue(admin.get("/").body().contains("href=\"/partnership/officers\""), "linked from the admin dashboard");

        var preset = admin.get(PAGE + "/new?role=INDEPENDENT_SCRUTINEER");
        assertEquals(200, preset.status());
        assertTrue(preset.body().contains("value=\"INDEPENDENT_SCRUTINEER\" checked"), "the role's own link chooses the role");
        assertEquals(200, admin.get(PAGE + "/new?role=NOT_A_ROLE").status(), "a made-up role in the link chooses nothing");

        admin.get(PAGE + "/new");
        var added = admin.post(PAGE + "/new", form("SAFEGUARDING_EXECUTIVE", "  Margaret Doherty ", " margaret@council.test "));
        assertEquals(303, added.status(), added.body());
        assertEquals(PAGE + "?done=added", added.location());
        var list = admin.follow(added);
        assertTrue(list.body().contains("Officer added"));
        assertTrue(list.body().contains("Margaret Doherty") && list.body().contains("margaret@council.test"));
        admin.get(PAGE + "/new");
        assertEquals(303, admin.post(PAGE + "/new", form("SAFEGUARDING_EXECUTIVE", "David Lomax", "david@police.test")).status());
        admin.get(PAGE + "/new");
        assertEquals(303, admin.post(PAGE + "/new", form("ASSISTANT_DIRECTOR_EDUCATION", "Hannah Greaves", "hannah@council.test")).status());
        // the same person may hold two roles
        admin.get(PAGE + "/new");
        assertEquals(303, admin.post(PAGE + "/new", form("BUSINESS_MANAGER", "Margaret Doherty", "margaret@council.test")).status());

        List<RoleHolders> byRole = officers.byRole(asAdmin);
        assertEquals(List.of(OfficerRole.values()), byRole.stream().map(RoleHolders::role).toList(), "every role, in order");
        assertEquals(List.of("David Lomax", "Margaret Doherty"), byRole.get(0).officers().stream().map(PartnershipOfficer::name).toList(),
                "several people in a role, by name; stripped of spaces");
        PartnershipOfficer margaret = byRole.get(0).officers().get(1);
        assertEquals("margaret@council.test", margaret.email());
        List<AuditEvent> addedEvents = audit.history(p.id(), OfficerAudit.KIND, margaret.id());
        assertEquals(1, addedEvents.size());
        assertTrue(addedEvents.get(0).is(OfficerAudit.ADDED));
        assertEquals(person.id(), addedEvents.get(0).accountId());
        assertEquals("SAFEGUARDING_EXECUTIVE", addedEvents.get(0).after().get("role"));
        assertEquals("Margaret Doherty", addedEvents.get(0).after().get("name"));

        // change
        String edit = PAGE + "/" + margaret.id() + "/edit";
        var editPage = admin.get(edit);
        assertEquals(200, editPage.status());
        assertTrue(editPage.body().contains("value=\"Margaret Doherty\""));
        assertTrue(editPage.body().contains("value=\"SAFEGUARDING_EXECUTIVE\" checked"));
        var changed = admin.post(edit, Map.of("version", "0", "role", "SAFEGUARDING_EXECUTIVE", "name", "Margaret Doherty-Reid",
                "email", "margaret@council.test"));
        assertEquals(303, changed.status(), changed.body());
        assertEquals(PAGE + "?done=changed", changed.location());
        assertTrue(admin.follow(changed).body().contains("Margaret Doherty-Reid"));
        AuditEvent change = audit.history(p.id(), OfficerAudit.KIND, margaret.id()).get(1);
        assertTrue(change.is(OfficerAudit.CHANGED));
        assertEquals(Map.of("name", "Margaret Doherty"), change.before().values(), "only what changed");
        assertEquals(Map.of("name", "Margaret Doherty-Reid"), change.after().values());

        admin.get(edit);
        assertEquals(303, admin.post(edit, Map.of("version", "1", "role", "SAFEGUARDING_EXECUTIVE", "name", "Margaret Doherty-Reid",
                "email", "margaret@council.test")).status());
        assertEquals(2, audit.history(p.id(), OfficerAudit.KIND, margaret.id()).size(), "saving nothing new records nothing");

        // a form loaded before someone else saved changes nothing
        var stale = admin.post(edit, Map.of("version", "0", "role", "INDEPENDENT_SCRUTINEER", "name", "Old Page", "email", "old@council.test"));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("changed by someone else"), stale.body());
        assertEquals("Margaret Doherty-Reid", only(asAdmin, "Margaret Doherty-Reid").name());

        // remove, after a confirmation page
        String remove = PAGE + "/" + margaret.id() + "/remove";
        var confirm = admin.get(remove);
        assertEquals(200, confirm.status());
        assertTrue(confirm.body().contains("Are you sure you want to remove Margaret Doherty-Reid?"));
        var removed = admin.post(remove);
        assertEquals(303, removed.status());
        assertEquals(PAGE + "?done=removed", removed.location());
        var after = admin.follow(removed);
        assertTrue(after.body().contains("Officer removed"));
        assertFalse(all(asAdmin).stream().anyMatch(o -> o.id().equals(margaret.id())));
        AuditEvent gone = audit.history(p.id(), OfficerAudit.KIND, margaret.id()).get(2);
        assertTrue(gone.is(OfficerAudit.REMOVED));
        assertEquals("Margaret Doherty-Reid", gone.before().get("name"));
        assertNull(gone.after());
        assertEquals(404, admin.get(remove).status(), "removed: not found");
        assertEquals(404, admin.get(edit).status());
        assertTrue(after.body().contains("Margaret Doherty"), "her business manager record stays");
    }

    @Test
    void badInputIsShownWhereItWasTypedAndKept() {
        Partnership p = fixtures.partnership();
        Fixtures.Person person = fixtures.admin(p);
        TestBrowser admin = signedIn(person);

        admin.get(PAGE + "/new");
        var blank = admin.post(PAGE + "/new", form("", "", ""));
        assertEquals(422, blank.status());
        assertTrue(TestBrowser.unescape(blank.body()).contains("Select the person's role"), blank.body());
        assertTrue(TestBrowser.unescape(blank.body()).contains("Enter the person's full name"));
        assertTrue(TestBrowser.unescape(blank.body()).contains("Enter the person's email address"));
        assertTrue(blank.body().indexOf("href=\"#role\"") < blank.body().indexOf("href=\"#name\"")
                && blank.body().indexOf("href=\"#name\"") < blank.body().indexOf("href=\"#email\""), "the summary in page order");
        assertTrue(blank.body().contains("<title>Error: "), "the title says so");

        var spaces = admin.post(PAGE + "/new", form("BUSINESS_MANAGER", "   ", "   "));
        assertEquals(422, spaces.status());
        assertTrue(TestBrowser.unescape(spaces.body()).contains("Enter the person's full name"));

        var crafted = admin.post(PAGE + "/new", form("CHIEF_EXECUTIVE", "Lucy Barnard", "lucy@scp.test"));
        assertEquals(422, crafted.status(), "a role that is not one of the list");
        assertTrue(TestBrowser.unescape(crafted.body()).contains("Select the person's role"));
        assertTrue(crafted.body().contains("value=\"Lucy Barnard\""), "what was typed is kept");
        var sqlish = admin.post(PAGE + "/new", form("BUSINESS_MANAGER' OR '1'='1", "Lucy Barnard", "lucy@scp.test"));
        assertEquals(422, sqlish.status());

        var badEmail = admin.post(PAGE + "/new", form("BUSINESS_MANAGER", "Lucy Barnard", "lucy at scp"));
        assertEquals(422, badEmail.status());
        assertTrue(TestBrowser.unescape(badEmail.body()).contains("Enter an email address in the correct format"));
        assertTrue(badEmail.body().contains("value=\"lucy at scp\""));
        assertTrue(badEmail.body().contains("value=\"BUSINESS_MANAGER\" checked"), "the chosen role is kept");
        var overlongEmail = admin.post(PAGE + "/new", form("BUSINESS_MANAGER", "Lucy Barnard", "a".repeat(250) + "@scp.test"));
        assertEquals(422, overlongEmail.status());

        var longName = admin.post(PAGE + "/new", form("BUSINESS_MANAGER", "L".repeat(201), "lucy@scp.test"));
        assertEquals(422, longName.status());
        assertTrue(TestBrowser.unescape(longName.body()).contains("Name must be 200 characters or fewer"));
        assertEquals(303, admin.post(PAGE + "/new", form("BUSINESS_MANAGER", "L".repeat(200), "lucy@scp.test")).status(), "200 is allowed");

        var markup = admin.post(PAGE + "/new", form("INDEPENDENT_SCRUTINEER", "<script>alert(1)</script>", "scrutineer@scp.test"));
        assertEquals(303, markup.status());
        var shown = admin.follow(markup).body();
        assertFalse(shown.contains("<script>alert(1)</script>"), "markup is shown as text");
        assertTrue(shown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

        // the same address twice in one role, whatever its case; in another role it is fine
        admin.get(PAGE + "/new");
        assertEquals(303, admin.post(PAGE + "/new", form("SAFEGUARDING_EXECUTIVE", "Margaret Doherty", "margaret@council.test")).status());
        admin.get(PAGE + "/new");
        var twice = admin.post(PAGE + "/new", form("SAFEGUARDING_EXECUTIVE", "Meg Doherty", "Margaret@Council.test"));
        assertEquals(422, twice.status());
        assertTrue(TestBrowser.unescape(twice.body()).contains("Margaret Doherty already has this email address as a safeguarding executive member"), twice.body());
        assertTrue(twice.body().contains("value=\"Meg Doherty\""));
        assertEquals(303, admin.post(PAGE + "/new", form("ASSISTANT_DIRECTOR_EDUCATION", "Margaret Doherty", "margaret@council.test")).status());

        // editing into another's address in the same role is refused too; keeping one's own is not
        CurrentUser asAdmin = admin(person, p);
        admin.get(PAGE + "/new");
        assertEquals(303, admin.post(PAGE + "/new", form("SAFEGUARDING_EXECUTIVE", "David Lomax", "david@police.test")).status());
        PartnershipOfficer david = only(asAdmin, "David Lomax");
        String edit = PAGE + "/" + david.id() + "/edit";
        admin.get(edit);
        var clash = admin.post(edit, Map.of("version", "0", "role", "SAFEGUARDING_EXECUTIVE", "name", "David Lomax", "email", "MARGARET@council.test"));
        assertEquals(422, clash.status());
        assertTrue(TestBrowser.unescape(clash.body()).contains("already has this email address"));
        var editBlank = admin.post(edit, Map.of("version", "0", "role", "NOPE", "name", "", "email", ""));
        assertEquals(422, editBlank.status());
        assertTrue(TestBrowser.unescape(editBlank.body()).contains("Select the person's role"));
        assertTrue(editBlank.body().contains("action=\"" + edit + "\""), "the edit form again, posting to the same officer");
        assertEquals(303, admin.post(edit, Map.of("version", "0", "role", "SAFEGUARDING_EXECUTIVE", "name", "David Lomax", "email", "David@police.test")).status());
        assertEquals("David@police.test", only(asAdmin, "David Lomax").email());

        var notANumber = admin.get(PAGE + "/abc/edit");
        assertEquals(404, notANumber.status());
        assertEquals(404, admin.get(PAGE + "/999999999/edit").status());
    }

    @Test
    void postedTwiceAnOfficerIsAddedOnceAndRemovedOnce() {
        Partnership p = fixtures.partnership();
        Fixtures.Person person = fixtures.admin(p);
        CurrentUser asAdmin = admin(person, p);
        TestBrowser admin = signedIn(person);
        admin.get(PAGE + "/new");
        Map<String, String> fields = form("INDEPENDENT_SCRUTINEER", "Dr Philip Ansell", "philip@scrutiny.test");
        fields.put("_form", admin.formId(PAGE + "/new"));
        TestBrowser twin = admin.twin();
        var first = admin.post(PAGE + "/new", fields);
        var second = twin.post(PAGE + "/new", fields);
        assertEquals(303, first.status());
        assertEquals(303, second.status(), second.body());
        assertEquals(first.location(), second.location());
        assertEquals(1, all(asAdmin).size(), "one officer");

        long id = all(asAdmin).get(0).id();
        admin.get(PAGE + "/" + id + "/remove");
        Map<String, String> removal = Map.of("_form", admin.formId(PAGE + "/" + id + "/remove"));
        TestBrowser other = admin.twin();
        var removed = admin.post(PAGE + "/" + id + "/remove", removal);
        var again = other.post(PAGE + "/" + id + "/remove", removal);
        assertEquals(303, removed.status());
        assertEquals(303, again.status(), "the same success page, not a 404");
        assertEquals(removed.location(), again.location());
        assertEquals(1, audit.history(p.id(), OfficerAudit.KIND, id).stream().filter(e -> e.is(OfficerAudit.REMOVED)).count());
    }

    @Test
    void anotherPartnershipsOfficerIsNotFoundAndOtherRolesAreRefused() {
        Partnership p = fixtures.partnership();
        Partnership theirs = fixtures.partnership();
        Fixtures.Person person = fixtures.admin(p);
        Fixtures.Person farPerson = fixtures.admin(theirs);
        PartnershipOfficer far = officers.add(admin(farPerson, theirs),
                new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Far Exec", "far@exec.test", "0"), FormErrors.none()).value();
        TestBrowser admin = signedIn(person);
        admin.get(PAGE);
        assertFalse(admin.get(PAGE).body().contains("Far Exec"), "another partnership's officers are not listed");
        for (String path : List.of(PAGE + "/" + far.id() + "/edit", PAGE + "/" + far.id() + "/remove")) {
            assertEquals(404, admin.get(path).status(), path);
        }
        admin.get(PAGE + "/new");
        assertEquals(404, admin.post(PAGE + "/" + far.id() + "/edit", form("BUSINESS_MANAGER", "Taken Over", "mine@scp.test")).status());
        assertEquals(404, admin.post(PAGE + "/" + far.id() + "/remove").status());
        PartnershipOfficer still = officers.get(admin(farPerson, theirs), far.id());
        assertEquals("Far Exec", still.name(), "unchanged");
        assertTrue(audit.history(p.id(), OfficerAudit.KIND, far.id()).isEmpty());

        Organisation school = fixtures.school(p);
        for (Fixtures.Person other : List.of(fixtures.person(p, Role.ORGANISATION_LEAD, school), fixtures.person(p, Role.ESCALATION_CONTACT, school),
                fixtures.person(p, Role.BOARD_VIEWER), fixtures.person(p, Role.PANEL_MEMBER))) {
            TestBrowser b = signedIn(other);
            assertEquals(403, b.get(PAGE).status());
            assertEquals(403, b.get(PAGE + "/new").status());
            b.get("/");
            assertEquals(403, b.post(PAGE + "/new", form("BUSINESS_MANAGER", "Not Allowed", "no@scp.test")).status());
            assertFalse(b.get("/").body().contains("/partnership/officers"), "no link for them");
        }
        TestBrowser anonymous = browser();
        var signIn = anonymous.get(PAGE);
        assertEquals(303, signIn.status());
        assertTrue(signIn.location().startsWith("/sign-in"));
        assertTrue(officers.byRole(admin(person, p)).stream().allMatch(h -> h.officers().isEmpty()), "nothing was added");
    }

    @Test
    void anOfficerRecipientResolvesToThatPartnershipsHoldersOfTheRoleAndReceivesMail() {
        Partnership p = fixtures.partnership();
        Partnership theirs = fixtures.partnership();
        CurrentUser mine = admin(fixtures.admin(p), p);
        CurrentUser far = admin(fixtures.admin(theirs), theirs);
        int n = Fixtures.next();
        String one = "exec.one" + n + "@council.test";
        String two = "exec.two" + n + "@police.test";
        officers.add(mine, new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Zed Exec", one, "0"), FormErrors.none());
        officers.add(mine, new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Amy Exec", two, "0"), FormErrors.none());
        officers.add(mine, new OfficerForms.OfficerForm("BUSINESS_MANAGER", "Bea Manager", "bm" + n + "@scp.test", "0"), FormErrors.none());
        officers.add(far, new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Far Exec", "far" + n + "@exec.test", "0"), FormErrors.none());

        OfficerRecipient executive = new OfficerRecipient(OfficerRole.SAFEGUARDING_EXECUTIVE);
        assertEquals(List.of(new Addressee("Amy Exec", two), new Addressee("Zed Exec", one)), recipients.resolve(p.id(), executive),
                "every holder of the role, of this partnership only");
        assertEquals(List.of(new Addressee("Far Exec", "far" + n + "@exec.test")), recipients.resolve(theirs.id(), executive));
        assertEquals(List.of(), recipients.resolve(p.id(), new OfficerRecipient(OfficerRole.INDEPENDENT_SCRUTINEER)), "nobody in the role");

        List<Addressee> sent = transactions.executeWrite(status -> notifications.send(p.id(),
                new PasswordChangedEmail("1 June 2026 at 10:00", "/password-reset"), executive));
        assertEquals(2, sent.size());
        assertEquals(1, emails.to(p.id(), one).size(), "an outbox row for each executive member");
        assertEquals(1, emails.to(p.id(), two).size());
        assertTrue(emails.to(theirs.id(), "far" + n + "@exec.test").isEmpty(), "none for the other partnership's");
        assertTrue(emails.to(p.id(), "bm" + n + "@scp.test").isEmpty(), "none for another role");
    }
}
