package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.notify.OutboxEmail;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 9: inviting an address that has an account in another partnership looks, to the inviting
 * partnership, exactly like inviting a new address (ADR 0021); only the address's owner learns otherwise.
 */
@MicronautTest(transactional = false)
class InvitationAcrossPartnershipsTest extends WebTest {
    @Inject
    Emails emails;
    @Inject
    AccountRepositories.Accounts accounts;
    @Inject
    AccountService accountService;

    private TestBrowser.Page invite(TestBrowser admin, String email) {
        admin.get("/users/invite");
        return admin.post("/users/invite", "name", "Some One", "email", email, "role", "PANEL_MEMBER", "organisationId", "");
    }

    /** What the inviting admin sees, with the address itself and the one-time parts taken out. */
    private static String shown(String page, String email) {
        return page.replace(email, "EMAIL").replaceAll("/users/\\d+", "/users/ID").replaceAll("/invitations/[A-Za-z0-9_-]+", "/invitations/TOKEN")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("name=\"_form\" value=\"[^\"]*\"", "");
    }

    @Test
    void theInvitingPartnershipCannotTellAnAddressTakenElsewhereFromANewOne() {
        Partnership mine = fixtures.partnership();
        Partnership theirs = fixtures.partnership();
        var owner = fixtures.person(theirs, Role.ORGANISATION_LEAD, fixtures.school(theirs));
        String fresh = "fresh." + Fixtures.next() + "@people.test";
        TestBrowser admin = signedIn(fixtures.admin(mine));

        var takenAnswer = invite(admin, owner.email());
        var freshAnswer = invite(admin, fresh);
        assertEquals(303, takenAnswer.status(), takenAnswer.body());
        assertEquals(freshAnswer.status(), takenAnswer.status());
        assertEquals(freshAnswer.location().replace(java.net.URLEncoder.encode(fresh, java.nio.charset.StandardCharsets.UTF_8), "EMAIL"),
                takenAnswer.location().replace(java.net.URLEncoder.encode(owner.email(), java.nio.charset.StandardCharsets.UTF_8), "EMAIL"));

        String users = admin.get("/users").body();
        String takenRow = row(users, owner.email());
        String freshRow = row(users, fresh);
        assertEquals(shown(freshRow, fresh).replace("Some One", "X"), shown(takenRow, owner.email()).replace("Some One", "X"),
                "both listed alike: invited, with a resend button");

        OutboxEmail toTaken = emails.latest(mine.id(), owner.email());
        OutboxEmail toFresh = emails.latest(mine.id(), fresh);
        assertEquals(toFresh.subject(), toTaken.subject(), "the same email in the partnership's outbox");
        assertEquals(shown(toFresh.body(), fresh), shown(toTaken.body(), owner.email()));

        var again = invite(admin, owner.email());
        var freshAgain = invite(admin, fresh);
        assertEquals(422, again.status());
        assertEquals(shown(freshAgain.body(), fresh), shown(again.body(), owner.email()), "inviting either twice: the same refusal");

        // the owner, opening the link, is told; their own account is untouched
        String link = Emails.linkPath(toTaken, "/invitations/");
        var opened = browser().get(link);
        assertEquals(409, opened.status());
        assertTrue(opened.body().contains("already has an Assure account"));
        TestBrowser owners = browser();
        owners.get("/sign-in");
        assertEquals(409, owners.post(link, "password", "kettle orbit marmalade", "confirmPassword", "kettle orbit marmalade").status());
        assertEquals(303, browser().signIn(owner.email(), Fixtures.PASSWORD).status(), "their password is unchanged");
        assertEquals(422, browser().signIn(owner.email(), "kettle orbit marmalade").status());
        assertEquals(theirs.id(), accounts.findBySignInEmail(owner.email()).orElseThrow().partnershipId(), "the address still signs in to theirs");
        assertFalse(emails.to(theirs.id(), owner.email()).stream().anyMatch(e -> e.subject().contains(mine.name())),
                "nothing written to their partnership's outbox");

        // resending works the same for both
        admin.get("/users");
        long takenId = accounts.findByPartnershipIdAndEmail(mine.id(), owner.email()).orElseThrow().id();
        assertEquals(303, admin.post("/users/" + takenId + "/reinvite").status());
    }

    @Test
    void aLeadInvitingAColleagueWhoseAddressIsTakenElsewhereIsNotToldEither() {
        Partnership mine = fixtures.partnership();
        Partnership theirs = fixtures.partnership();
        Organisation school = fixtures.school(mine);
        var lead = fixtures.person(mine, Role.ORGANISATION_LEAD, school);
        var owner = fixtures.person(theirs, Role.PANEL_MEMBER);
        var user = new org.assure.access.CurrentUser(lead.id(), mine.id(), mine.name(), lead.email(), "Lead",
                java.util.Set.of(org.assure.access.Roles.LEAD), java.util.Set.of(school.id()));
        assertTrue(accountService.inviteContributor(user, "Their Colleague", owner.email(), school.id()).isPresent(), "invited like anyone");
        assertTrue(accountService.inviteContributor(user, "Again", owner.email(), school.id()).isEmpty(), "then known here, like anyone");
    }

    private static String row(String page, String email) {
        int at = page.indexOf(email);
        assertTrue(at > 0, email + " listed");
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}
