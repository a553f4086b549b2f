package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Emails;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.assure.access.Role;

@MicronautTest(transactional = false)
class InvitationTest extends WebTest {
    private static final String NEW_PASSWORD = "a long new password";
    @Inject
    Emails emails;

    private String invite(TestBrowser admin, String email, String role, Organisation organisation) {
        admin.get("/users/invite");
        var response = admin.post("/users/invite", "name", "New Person", "email", email, "role", role,
                "organisationId", organisation == null ? "" : String.valueOf(organisation.id()));
        assertEquals(303, response.status(), response.body());
        return response.location();
    }

    /** The resend button's action on the users page; the page lists one pending invitation. */
    private static String reinvitePath(TestBrowser admin) {
        var m = java.util.regex.Pattern.compile("/users/\\d+/reinvite").matcher(admin.get("/users").body());
        assertTrue(m.find(), "a pending invitation with a resend button");
        return m.group();
    }

    @Test
    void anInvitedPersonSetsAPasswordOnceAndSignsIn() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        TestBrowser admin = signedIn(fixtures.admin(p));
        String email = "new.dsl." + System.nanoTime() + "@school.test";
        assertTrue(invite(admin, email, "ORGANISATION_LEAD", school).startsWith("/users?invited="));
        assertTrue(admin.get("/users").body().contains(email));

        var mail = emails.latest(p.id(), email);
        assertTrue(mail.subject().contains(p.name()));
        String link = Emails.linkPath(mail, "/invitations/");

        TestBrowser invitee = browser();
        assertEquals(200, invitee.get(link).status());
        var mismatch = invitee.post(link, "password", NEW_PASSWORD, "confirmPassword", "something else entirely");
        assertEquals(422, mismatch.status());
        assertTrue(mismatch.body().contains("The passwords do not match"));
        var tooShort = invitee.post(link, "password", "short", "confirmPassword", "short");
        assertEquals(422, tooShort.status());
        assertTrue(tooShort.body().contains("Password must be between 12 and 200 characters"));

        var accepted = invitee.post(link, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD);
        assertEquals(303, accepted.status());
        assertEquals("/sign-in?notice=invitation-accepted", accepted.location());
        assertEquals(303, browser().signIn(email, NEW_PASSWORD).status());

        assertEquals(410, browser().get(link).status(), "a used link does not work twice");
        assertEquals(410, invitee.post(link, "password", "another password!", "confirmPassword", "another password!").status());
        assertEquals(303, browser().signIn(email, NEW_PASSWORD).status(), "the reuse attempt changed nothing");
    }

    @Test
    void invitationsExpireAfterSevenDays() {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        String email = "late." + System.nanoTime() + "@people.test";
        invite(admin, email, "PANEL_MEMBER", null);
        String link = Emails.linkPath(emails.latest(p.id(), email), "/invitations/");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        var expired = browser().get(link);
        assertEquals(410, expired.status());
        assertTrue(expired.body().contains("This link has expired or has already been used"));
    }

    @Test
    void resendingAnInvitationRetiresTheOldLink() {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        String email = "resend." + System.nanoTime() + "@people.test";
        invite(admin, email, "BOARD_VIEWER", null);
        String first = Emails.linkPath(emails.latest(p.id(), email), "/invitations/");
        assertEquals(303, admin.post(reinvitePath(admin)).status());
        String second = Emails.linkPath(emails.latest(p.id(), email), "/invitations/");
        assertFalse(first.equals(second));
        assertEquals(410, browser().get(first).status());
        assertEquals(200, browser().get(second).status());
    }

    @Test
    void invitationFormRejectsBadInputAndKeepsIt() {
        Partnership p = fixtures.partnership();
        Partnership other = fixtures.partnership();
        Organisation otherSchool = fixtures.school(other);
        var existing = fixtures.admin(p);
        TestBrowser admin = signedIn(existing);
        admin.get("/users/invite");

        var empty = admin.post("/users/invite", "name", "", "email", "", "role", "", "organisationId", "");
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("href=\"#name\">Enter the person&#39;s name")
                || empty.body().contains("href=\"#name\">Enter the person's name"));
        assertTrue(empty.body().contains("href=\"#role\">Select a role"));

        var badEmail = admin.post("/users/invite", "name", "Kept Name", "email", "not-an-email", "role", "PANEL_MEMBER", "organisationId", "");
        assertEquals(422, badEmail.status());
        assertTrue(badEmail.body().contains("Enter an email address in the correct format"));
        assertTrue(badEmail.body().contains("value=\"Kept Name\""), "typed name kept");
        assertTrue(badEmail.body().contains("value=\"not-an-email\""), "typed email kept");

        var noOrganisation = admin.post("/users/invite", "name", "Lead", "email", "lead" + System.nanoTime() + "@x.test",
                "role", "ORGANISATION_LEAD", "organisationId", "");
        assertTrue(noOrganisation.body().contains("Select the organisation this person works for"));

        var otherPartnershipsSchool = admin.post("/users/invite", "name", "Lead", "email", "lead" + System.nanoTime() + "@x.test",
                "role", "ORGANISATION_LEAD", "organisationId", String.valueOf(otherSchool.id()));
        assertEquals(422, otherPartnershipsSchool.status(), "an organisation of another partnership cannot be chosen");

        var forgedRole = admin.post("/users/invite", "name", "Lead", "email", "lead" + System.nanoTime() + "@x.test",
                "role", "SUPERUSER", "organisationId", "");
        assertEquals(422, forgedRole.status());

        var duplicate = admin.post("/users/invite", "name", "Twin", "email", existing.email().toUpperCase(), "role", "PANEL_MEMBER", "organisationId", "");
        assertEquals(422, duplicate.status());
        assertTrue(duplicate.body().contains("There is already an account with this email address"));
    }

    @Test
    void namesAreEscapedOnThePage() {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        admin.get("/users/invite");
        admin.post("/users/invite", "name", "<script>alert('x')</script>", "email", "xss" + System.nanoTime() + "@people.test",
                "role", "PANEL_MEMBER", "organisationId", "");
        String page = admin.get("/users").body();
        assertFalse(page.contains("<script>alert"), "never raw");
        assertTrue(page.contains("&lt;script&gt;alert"));
    }

    @Test
    void onlyAdminsManageUsersAndOnlyTheirOwnPartnership() {
        Partnership p = fixtures.partnership();
        Partnership other = fixtures.partnership();
        Organisation school = fixtures.school(p);
        TestBrowser lead = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, school));
        assertEquals(403, lead.get("/users").status());
        assertEquals(403, lead.get("/users/invite").status());
        assertEquals(403, lead.post("/users/invite", "name", "X", "email", "x@x.test", "role", "PANEL_MEMBER").status());

        TestBrowser otherAdmin = signedIn(fixtures.admin(other));
        TestBrowser admin = signedIn(fixtures.admin(p));
        String email = "pending." + System.nanoTime() + "@people.test";
        invite(admin, email, "PANEL_MEMBER", null);
        assertEquals(404, otherAdmin.post(reinvitePath(admin)).status(), "another partnership's account is not found");
        assertFalse(otherAdmin.get("/users").body().contains(email));
        assertEquals(303, browser().get("/users").status(), "anonymous people are sent to sign in");
    }
}
