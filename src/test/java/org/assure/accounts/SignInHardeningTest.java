package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.audit.AuditTrail;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9, item 7: the lockout holds under concurrency and on change password; reset links are rate-limited. */
@MicronautTest(transactional = false, environments = CountingPasswordHasher.ENV)
class SignInHardeningTest extends WebTest {
    @Inject
    CountingPasswordHasher hasher;
    @Inject
    AccountRepositories.Accounts accounts;
    @Inject
    AccountRepositories.Throttles throttles;
    @Inject
    AuditTrail audit;
    @Inject
    Emails emails;

    /** Counters are per clock hour and shared by the class's tests (one client address): each starts a new hour. */
    private void startAFreshHour() {
        var now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1))).plusSeconds(1));
    }

    private String hashOf(Fixtures.Person person) {
        return accounts.findById(person.id()).orElseThrow().passwordHash();
    }

    @Test
    void twentyConcurrentWrongPasswordsAllowAtMostFiveChecks() throws Exception {
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        String hash = hashOf(person);
        hasher.holdChecks(20);
        List<Integer> statuses = Concurrently.times(20, () -> browser().signIn(person.email(), "wrong guess " + System.nanoTime()).status());
        hasher.holdChecks(0);

        assertTrue(statuses.stream().allMatch(s -> s == 422), statuses.toString());
        long checks = hasher.checksAgainst(hash);
        assertTrue(checks <= 5, checks + " passwords were checked against the account's hash");
        assertEquals(5, checks, "the five the lockout allows are used");
        assertTrue(accounts.findById(person.id()).orElseThrow().isLocked(clock.instant()));
        assertEquals(1, audit.history(p.id(), AccountAudit.KIND, person.id()).stream().filter(e -> e.is(AccountAudit.LOCKED)).count(),
                "locked once");
        assertEquals(422, browser().signIn(person.email(), Fixtures.PASSWORD).status(), "the right password waits for the lock");
        assertEquals(5, hasher.checksAgainst(hash), "and is not even checked");
        clock.advance(Duration.ofMinutes(16));
        assertEquals(303, browser().signIn(person.email(), Fixtures.PASSWORD).status());
    }

    @Test
    void changePasswordThrottlesGuessesOfTheCurrentPassword() {
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        TestBrowser browser = signedIn(person);
        browser.get("/account/password");
        for (int i = 0; i < 5; i++) {
            var wrong = browser.post("/account/password", "currentPassword", "guess number " + i, "password", "a fresh long password",
                    "confirmPassword", "a fresh long password");
            assertEquals(422, wrong.status());
            assertTrue(wrong.body().contains("Your current password is not right"), wrong.body());
        }
        String hash = hashOf(person);
        long checksBefore = hasher.checksAgainst(hash);
        var sixth = browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "a fresh long password",
                "confirmPassword", "a fresh long password");
        assertEquals(422, sixth.status(), "even the right password is refused once the guesses are used up");
        assertTrue(sixth.body().contains(AccountService.TOO_MANY_GUESSES), sixth.body());
        assertEquals(checksBefore, hasher.checksAgainst(hash), "and is not checked");
        assertEquals(hash, hashOf(person), "the password did not change");
        assertEquals(422, browser().signIn(person.email(), Fixtures.PASSWORD).status(), "the guesses count against sign-in too");

        clock.advance(Duration.ofMinutes(16));
        browser = signedIn(person);
        browser.get("/account/password");
        var ok = browser.post("/account/password", "currentPassword", Fixtures.PASSWORD, "password", "a fresh long password",
                "confirmPassword", "a fresh long password");
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void aMistypedNewPasswordCostsNoGuess() {
        var person = fixtures.admin(fixtures.partnership());
        TestBrowser browser = signedIn(person);
        browser.get("/account/password");
        for (int i = 0; i < 8; i++) {
            assertEquals(422, browser.post("/account/password", "currentPassword", "not checked " + i, "password", "short",
                    "confirmPassword", "short").status());
        }
        assertEquals(0, accounts.findById(person.id()).orElseThrow().failedSignIns(), "the current password was never checked");
    }

    @Test
    void resetLinksAreLimitedPerEmailWithTheSameAnswerWhetherOrNotTheAccountExists() {
        startAFreshHour();
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        String unknown = "nobody" + Fixtures.next() + "@nowhere.test";
        for (String email : List.of(person.email(), unknown)) {
            for (int i = 0; i < 3; i++) {
                TestBrowser browser = browser();
                browser.get("/password-reset");
                assertEquals(303, browser.post("/password-reset", "email", email).status());
            }
        }
        TestBrowser browser = browser();
        browser.get("/password-reset");
        var known = browser.post("/password-reset", "email", person.email());
        var ghost = browser.post("/password-reset", "email", unknown);
        assertEquals(429, known.status());
        assertEquals(429, ghost.status(), "the same for an address without an account: nothing to learn");
        assertTrue(known.body().contains(LinkController.TOO_MANY_RESETS));
        // the same page, but for the address typed and the one-time id of each form shown (web.OnceOnlyForms)
        String formIds = "name=\"_form\" value=\"[^\"]+\"";
        assertEquals(known.body().replace(person.email(), "EMAIL").replaceAll(formIds, ""),
                ghost.body().replace(unknown, "EMAIL").replaceAll(formIds, ""), "the same page");
        assertTrue(known.body().contains("value=\"" + person.email() + "\""), "what was typed is kept");
        assertEquals(3, emails.to(p.id(), person.email()).stream().filter(e -> e.subject().contains("Reset")).count(), "three links, no more");

        startAFreshHour();
        browser.get("/password-reset");
        assertEquals(303, browser.post("/password-reset", "email", person.email()).status(), "a new hour, a new link");
    }

    @Test
    void oneClientCannotAskForLinksWithoutLimitNorFillTheTable() {
        startAFreshHour();
        Partnership p = fixtures.partnership();
        var person = fixtures.admin(p);
        long rowsBefore = throttles.count();
        TestBrowser browser = browser();
        browser.get("/password-reset");
        int allowed = 0;
        for (int i = 0; i < 60; i++) {
            if (browser.post("/password-reset", "email", "spray" + i + "." + Fixtures.next() + "@nowhere.test").status() == 303) {
                allowed++;
            }
        }
        assertEquals(20, allowed, "twenty an hour from one client");
        assertTrue(throttles.count() - rowsBefore <= 21, "one counter for the client and one per allowed email: " + (throttles.count() - rowsBefore));
        assertEquals(429, browser.post("/password-reset", "email", person.email()).status());
        assertTrue(emails.to(p.id(), person.email()).isEmpty());
    }
}
