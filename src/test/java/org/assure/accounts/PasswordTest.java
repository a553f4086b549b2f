package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PasswordTest extends WebTest {
    @Inject
    Emails emails;

    @Test
    void resetByEmailLinkWorksOnceAndEndsOtherSessions() {
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        TestBrowser elsewhere = signedIn(person);
        TestBrowser browser = browser();
        browser.get("/password-reset");
        var sent = browser.post("/password-reset", "email", person.email());
        assertEquals("/password-reset?sent=true", sent.location(), "a redirect, so a second click is answered from the first");
        assertTrue(browser.get(sent.location()).body().contains("Check your email"));

        String link = Emails.linkPath(emails.latest(p.id(), person.email()), "/password-reset/");
        assertEquals(200, browser.get(link).status());
        var done = browser.post(link, "password", "brand new password", "confirmPassword", "brand new password");
        assertEquals("/sign-in?notice=password-reset", done.location());
        assertEquals(303, elsewhere.get("/").status(), "sessions elsewhere ended");
        assertEquals(422, browser().signIn(person.email(), Fixtures.PASSWORD).status());
        assertEquals(303, browser().signIn(person.email(), "brand new password").status());
        assertEquals(410, browser().get(link).status());
    }

    @Test
    void resetForAnUnknownEmailLooksTheSameAndSendsNothing() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = browser();
        browser.get("/password-reset");
        String unknown = "ghost" + System.nanoTime() + "@nowhere.test";
        var page = browser.post("/password-reset", "email", unknown);
        assertEquals("/password-reset?sent=true", page.location(), "the same answer as for an address with an account");
        assertTrue(browser.get(page.location()).body().contains("Check your email"));
        assertTrue(emails.to(p.id(), unknown).isEmpty());
        var bad = browser.post("/password-reset", "email", "nonsense");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("value=\"nonsense\""));
    }

    @Test
    void resetLinksExpireAfterAnHourAndUnlockTheAccount() {
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        for (int i = 0; i < 5; i++) {
            browser().signIn(person.email(), "wrong " + i);
        }
        TestBrowser browser = browser();
        browser.get("/password-reset");
        browser.post("/password-reset", "email", person.email());
        String first = Emails.linkPath(emails.latest(p.id(), person.email()), "/password-reset/");
        clock.advance(Duration.ofMinutes(61));
        assertEquals(410, browser().get(first).status());

        browser.get("/password-reset");
        browser.post("/password-reset", "email", person.email());
        String second = Emails.linkPath(emails.latest(p.id(), person.email()), "/password-reset/");
        TestBrowser reset = browser();
        reset.get(second);
        reset.post(second, "password", "unlocked password", "confirmPassword", "unlocked password");
        assertEquals(303, browser().signIn(person.email(), "unlocked password").status(), "a reset lifts the lock");
    }

    @Test
    void changePasswordChecksTheCurrentOneAndSignsOutElsewhere() {
        var person = fixtures.admin(fixtures.partnership());
        TestBrowser elsewhere = signedIn(person);
        TestBrowser browser = signedIn(person);
        browser.get("/account/password");
        var wrong = browser.post("/account/password", "currentPassword", "not it", "password", "new password 1234", "confirmPassword", "new password 1234");
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("Your current password is not right"));
        var mismatch = browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "new password 1234", "confirmPassword", "different 1234");
        assertEquals(422, mismatch.status());
        var ok = browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "new password 1234", "confirmPassword", "new password 1234");
        assertEquals(200, ok.status());
        assertTrue(ok.body().contains("Password changed"));
        assertEquals(200, browser.get("/").status(), "this browser stays signed in");
        assertEquals(303, elsewhere.get("/").status(), "other sessions end");
        assertEquals(303, browser().signIn(person.email(), "new password 1234").status());
    }

    @Test
    void aNewPasswordMustNotBeCommonNorTheEmailAndIsKeptOffThePage() {
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        TestBrowser browser = signedIn(person);
        browser.get("/account/password");
        var common = browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "Password1234", "confirmPassword", "Password1234");
        assertEquals(422, common.status());
        assertTrue(common.body().contains("href=\"#password\">" + PasswordRules.COMMON_MESSAGE), common.body());
        assertTrue(!common.body().contains("Password1234"), "a password is never shown again");
        String local = person.email().substring(0, person.email().indexOf('@'));
        var own = browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "my " + local + " pass", "confirmPassword", "my " + local + " pass");
        assertEquals(422, own.status());
        assertTrue(own.body().contains(PasswordRules.EMAIL_MESSAGE));
        var eleven = browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "eleven char", "confirmPassword", "eleven char");
        assertTrue(eleven.body().contains(PasswordRules.LENGTH_MESSAGE));
        assertEquals(303, browser().signIn(person.email(), Fixtures.PASSWORD).status(), "nothing changed");

        // the same rules on a reset link, which stays usable after a refused password
        TestBrowser resetting = browser();
        resetting.get("/password-reset");
        resetting.post("/password-reset", "email", person.email());
        String link = Emails.linkPath(emails.latest(p.id(), person.email()), "/password-reset/");
        resetting.get(link);
        var refused = resetting.post(link, "password", "qwertyuiop123", "confirmPassword", "qwertyuiop123");
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains(PasswordRules.COMMON_MESSAGE));
        assertEquals(303, resetting.post(link, "password", "kettle orbit marmalade", "confirmPassword", "kettle orbit marmalade").status());
    }

    @Test
    void thePersonIsEmailedWhenTheirPasswordChanges() {
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        TestBrowser browser = signedIn(person);
        browser.get("/account/password");
        assertEquals(200, browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "kettle orbit marmalade",
                "confirmPassword", "kettle orbit marmalade").status());
        var changed = emails.latest(p.id(), person.email());
        assertEquals("Your Assure password has been changed", changed.subject());
        assertTrue(changed.body().contains("If you did not"), changed.body());
        assertTrue(changed.body().contains("/password-reset"));

        TestBrowser resetting = browser();
        resetting.get("/password-reset");
        resetting.post("/password-reset", "email", person.email());
        String link = Emails.linkPath(emails.latest(p.id(), person.email()), "/password-reset/");
        resetting.get(link);
        resetting.post(link, "password", "orbit kettle marmalade", "confirmPassword", "orbit kettle marmalade");
        assertEquals(2, emails.to(p.id(), person.email()).stream().filter(e -> e.subject().equals("Your Assure password has been changed")).count(),
                "a reset is a change too");
    }
}
