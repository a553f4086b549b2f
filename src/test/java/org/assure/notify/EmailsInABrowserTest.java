package org.assure.notify;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.accounts.InvitationEmail;
import org.assure.cycles.CycleOpenedEmail;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.RealBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Email HTML in a real browser (skipped without Chromium): every kind meets WCAG 2.2 AA as axe checks it,
 * and on the outbox page the HTML part shows in its frame with scripts off and its links opening a new tab.
 */
@MicronautTest(transactional = false)
class EmailsInABrowserTest extends WebTest {
    @Inject
    Outbox outbox;
    @Inject
    Notifications notifications;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void everyKindOfEmailMeetsWcag22AA() {
        EmailTemplates templates = new EmailTemplates("http://assure.test");
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            for (Message message : EmailSamples.everyKind("Riverside Primary School")) {
                String html = templates.render(message, new Addressee("Dee Esel", "dsl@school.test")).html();
                browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
                assertEquals(templates.render(message, new Addressee("Dee Esel", "dsl@school.test")).subject(), browser.title());
                browser.accessibilityViolations().forEach(v -> problems.add(message.template() + " → " + v));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theOutboxPageShowsTheHtmlPartWithScriptsOffAndLinksInANewTab() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        transactions.executeWrite(status -> notifications.send(p.id(), new CycleOpenedEmail(p.name(), "Schools audit", "Riverside Primary School",
                "Section 175/157 self-assessment", "9 June 2027", "/"), Recipient.person("Nia Viewer", "nia@people.test")));
        long opened = outbox.recent(p.id()).get(0).id();
        transactions.executeWrite(status -> notifications.send(p.id(), new InvitationEmail("Chloé Brontë", p.name(), "Board viewer",
                "/invitations/abc123", "9 June 2027 at 10:00am"), Recipient.person("Nia Viewer", "nia@people.test")));
        long invitation = outbox.recent(p.id()).get(0).id();
        transactions.executeWrite(status -> {
            outbox.send(p.id(), "x@agency.test", "Stored markup", "Text", "<!DOCTYPE html><html lang=\"en\"><head><title>Stored</title></head>"
                    + "<body><p id=\"p\">Stored</p><script>document.getElementById('p').textContent = 'SCRIPT RAN'</script>"
                    + "</body></html>");
            return null;
        });
        long stored = outbox.recent(p.id()).get(0).id();
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(admin.email(), Fixtures.PASSWORD);
            browser.open("/outbox/" + invitation);
            browser.accessibilityViolations().forEach(v -> problems.add("an invitation's page → " + v));
            assertFalse(browser.driver().getPageSource().contains("abc123"), "an invitation's link is never shown");
            browser.open("/dev/mail");
            browser.accessibilityViolations().forEach(v -> problems.add("the developer mail page → " + v));

            browser.open("/outbox/" + opened);
            browser.accessibilityViolations().forEach(v -> problems.add("the email page → " + v));
            var driver = browser.driver();
            driver.switchTo().frame("email-html");
            assertTrue(driver.findElement(By.tagName("body")).getText().contains("Dear Nia Viewer,"), driver.getPageSource());
            String home = driver.getWindowHandle();
            driver.findElement(By.linkText("Sign in to start")).click();
            awaitWindows(browser, 2);
            driver.switchTo().window(home);

            browser.open("/outbox/" + stored);
            driver.switchTo().frame("email-html");
            String shown = driver.findElement(By.tagName("body")).getText();
            assertTrue(shown.contains("Stored"), shown);
            assertFalse(shown.contains("SCRIPT RAN"), "scripts do not run in the frame");
        }
        assertEquals(List.of(), problems);
    }

    private static void awaitWindows(RealBrowser browser, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (browser.driver().getWindowHandles().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a link in the frame did not open a new tab");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
