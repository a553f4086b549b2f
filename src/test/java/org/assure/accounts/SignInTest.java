package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SignInTest extends WebTest {

    @Test
    void signsInAndOut() {
        Partnership p = fixtures.partnership();
        var admin = fixtures.admin(p);
        TestBrowser browser = browser();
        browser.get("/sign-in");
        var response = browser.post("/sign-in", "email", admin.email().toUpperCase(), "password", Fixtures.PASSWORD);
        assertEquals(303, response.status());
        assertEquals("/", response.location());
        var dashboard = browser.get("/");
        assertEquals(200, dashboard.status());
        assertTrue(dashboard.body().contains(p.name()), "service name is the partnership's");

        var out = browser.post("/sign-out");
        assertEquals(303, out.status());
        assertEquals(303, browser.get("/").status(), "signed out at once");
    }

    @Test
    void wrongPasswordShowsMessageKeepsEmailAndDoesNotSignIn() {
        var admin = fixtures.admin(fixtures.partnership());
        TestBrowser browser = browser();
        var page = browser.signIn(admin.email(), "not the password");
        assertEquals(422, page.status());
        assertTrue(page.body().contains("There is a problem"));
        assertTrue(page.body().contains(SignInController.WRONG_CREDENTIALS));
        assertTrue(page.body().contains("value=\"" + admin.email() + "\""), "email kept");
        assertFalse(page.body().contains("not the password"), "password never echoed");
        var dashboard = browser.get("/");
        assertEquals(303, dashboard.status());
        assertTrue(dashboard.location().startsWith("/sign-in"));
    }

    @Test
    void emptyFormSaysWhatIsMissing() {
        TestBrowser browser = browser();
        browser.get("/sign-in");
        var page = browser.post("/sign-in", "email", "", "password", "");
        assertEquals(422, page.status());
        assertTrue(page.body().contains("href=\"#email\">Enter your email address"));
        assertTrue(page.body().contains("href=\"#password\">Enter your password"));
    }

    @Test
    void unknownEmailGetsTheSameAnswerAsAWrongPassword() {
        var admin = fixtures.admin(fixtures.partnership());
        var wrongPassword = browser().signIn(admin.email(), "nope nope nope");
        var unknown = browser().signIn("nobody" + Fixtures.next() + "@nowhere.test", "nope nope nope");
        assertEquals(wrongPassword.status(), unknown.status());
        assertTrue(unknown.body().contains(SignInController.WRONG_CREDENTIALS));
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() {
        var admin = fixtures.admin(fixtures.partnership());
        for (int i = 0; i < 5; i++) {
            assertEquals(422, browser().signIn(admin.email(), "wrong " + i).status());
        }
        var locked = browser().signIn(admin.email(), Fixtures.PASSWORD);
        assertEquals(422, locked.status(), "the right password does not help while locked");
        assertTrue(locked.body().contains(SignInController.WRONG_CREDENTIALS), "same message: existence not revealed");

        clock.advance(Duration.ofMinutes(14));
        assertEquals(422, browser().signIn(admin.email(), Fixtures.PASSWORD).status());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(303, browser().signIn(admin.email(), Fixtures.PASSWORD).status());
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        var admin = fixtures.admin(fixtures.partnership());
        for (int i = 0; i < 4; i++) {
            browser().signIn(admin.email(), "wrong " + i);
        }
        assertEquals(303, browser().signIn(admin.email(), Fixtures.PASSWORD).status());
        for (int i = 0; i < 4; i++) {
            browser().signIn(admin.email(), "wrong again " + i);
        }
        assertEquals(303, browser().signIn(admin.email(), Fixtures.PASSWORD).status());
    }

    @Test
    void idleSessionsExpire() {
        var admin = fixtures.admin(fixtures.partnership());
        TestBrowser browser = signedIn(admin);
        clock.advance(Duration.ofMinutes(20));
        assertEquals(200, browser.get("/").status(), "activity within 30 minutes keeps the session");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(303, browser.get("/").status(), "30 idle minutes end it");
    }

    @Test
    void nextOnlyLeadsWithinTheSite() {
        assertEquals("/", SignInController.safeNext("https://evil.example"));
        assertEquals("/", SignInController.safeNext("//evil.example"));
        assertEquals("/", SignInController.safeNext("/\\evil.example"));
        assertEquals("/users", SignInController.safeNext("/users"));
        var admin = fixtures.admin(fixtures.partnership());
        TestBrowser browser = browser();
        var redirect = browser.get("/users");
        assertEquals("/sign-in?next=%2Fusers", redirect.location());
        browser.get(redirect.location());
        var signedIn = browser.post("/sign-in", "email", admin.email(), "password", Fixtures.PASSWORD, "next", "/users");
        assertEquals("/users", signedIn.location());
    }
}
