package org.assure.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.organisations.OrganisationService;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.RealBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real double click on "Add agency" in Chromium makes one organisation and lands on its page. With scripts on,
 * Chromium sends both posts unless something stops it: GOV.UK Frontend's Button ignores the second click
 * ({@code data-prevent-double-click}), and the one-time form id answers a second post that gets through with the
 * first's success page; each alone keeps it to one organisation (measured by removing the other), neither gives two.
 * With scripts off, Chromium here sent one post; that case is kept so the page keeps working without scripts.
 */
@MicronautTest(transactional = false)
class DoubleClickInABrowserTest extends WebTest {
    @Inject
    OrganisationService organisations;

    @ParameterizedTest(name = "scripts on: {0}")
    @ValueSource(booleans = {true, false})
    void aDoubleClickedFormMakesOneChangeAndShowsItsSuccessPage(boolean javascript) {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        String name = "Double Click Constabulary " + Fixtures.next();
        try (RealBrowser browser = new RealBrowser(server.getURI(), javascript)) {
            browser.signIn(admin.email(), Fixtures.PASSWORD);
            browser.open("/organisations/new?kind=AGENCY");
            browser.fill("name", name);
            browser.driver().findElement(By.cssSelector("#sector option[value=POLICE]")).click();
            browser.fill("leadName", "Det Supt Mark Ellison");
            browser.fill("leadEmail", "lead@police.test");
            new Actions(browser.driver()).doubleClick(browser.driver().findElement(By.cssSelector("main button[type=submit]"))).perform();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!browser.currentPath().matches("/organisations/\\d+") || !browser.driver().getPageSource().contains("</html>")) {
                assertTrue(System.nanoTime() < deadline, "never reached the organisation's page: " + browser.currentPath());
                Thread.onSpinWait();
            }
            assertTrue(browser.driver().findElement(By.tagName("h1")).getText().contains(name), browser.driver().getPageSource());
        }
        assertEquals(1, organisations.active(p.id()).stream().filter(o -> o.name().equals(name)).count(), "one organisation");
    }
}
