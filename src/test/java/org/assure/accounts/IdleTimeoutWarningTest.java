package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.RealBrowser;
import org.assure.testsupport.TestDatabases;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.2.1: before the idle timeout ends a session, the page warns and lets the person stay signed in.
 * Sessions here last 2 minutes, of which a page can promise 60 seconds, and the warning comes 58 seconds
 * before that, so it shows about 2 seconds after a page loads (the waits allow far longer).
 */
@MicronautTest(transactional = false)
class IdleTimeoutWarningTest extends WebTest {
    @jakarta.inject.Inject
    Sessions sessions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.forContext());
        properties.put("assure.session.idle-minutes", "2");
        properties.put("assure.session.warn-seconds", "58");
        return properties;
    }

    @Test
    void pagesCarryTheWarningOnlyForSignedInPeopleAndKeepAliveAnswersNoContent() {
        var partnership = fixtures.partnership();
        var lead = fixtures.person(partnership, Role.ORGANISATION_LEAD, fixtures.school(partnership));
        assertFalse(browser().get("/sign-in").body().contains("assure-timeout"), "no warning before signing in");
        var browser = signedIn(lead);
        String page = browser.get("/").body();
        assertTrue(page.contains("data-session-seconds=\"60\""), "the page promises the idle time less a minute");
        assertTrue(page.contains("data-warn-seconds=\"58\""));
        assertEquals(204, browser.post("/session/keep-alive").status());
        var anonymous = browser().postRaw("/session/keep-alive", Map.of());
        assertTrue(anonymous.status() >= 300 && anonymous.status() != 204, "no session: refused, " + anonymous.status());
    }

    @Test
    void warnsBeforeTheTimeoutAndStaysSignedInOrSaysTheSessionEnded() {
        var partnership = fixtures.partnership();
        var lead = fixtures.person(partnership, Role.ORGANISATION_LEAD, fixtures.school(partnership));
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(lead.email(), Fixtures.PASSWORD);
            Duration allowed = Duration.ofSeconds(30);
            browser.waitUntil("the warning", allowed, () -> dialogOpen(browser));
            var dialog = browser.driver().findElement(By.id("assure-timeout"));
            assertTrue(dialog.getText().contains("You’re about to be signed out"), dialog.getText());
            assertEquals(java.util.List.of(), browser.accessibilityViolations(), "the open warning meets WCAG 2.2 AA");
            assertEquals("Stay signed in", browser.driver().switchTo().activeElement().getText(),
                    "focus moves into the dialog, to its first button");

            browser.driver().findElement(By.cssSelector(".assure-timeout__stay")).click();
            browser.waitUntil("the warning to close", allowed, () -> !dialogOpen(browser));
            assertEquals("/", browser.currentPath(), "the person stays on their page");

            browser.waitUntil("the next warning", allowed, () -> dialogOpen(browser));
            sessions.endAll(lead.id());
            browser.driver().findElement(By.cssSelector(".assure-timeout__stay")).click();
            browser.waitUntil("the signed-out message", allowed,
                    () -> browser.driver().findElement(By.cssSelector(".assure-timeout__ended")).isDisplayed());
            assertTrue(dialog.getText().contains("You have been signed out"), dialog.getText());
            browser.driver().findElement(By.cssSelector(".assure-timeout__close")).click();
            browser.waitUntil("the dialog to close", allowed, () -> !dialogOpen(browser));
        }
    }

    private static boolean dialogOpen(RealBrowser browser) {
        return Boolean.TRUE.equals(browser.driver().executeScript("return document.getElementById('assure-timeout').open"));
    }
}
