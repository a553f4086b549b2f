package org.assure.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class WebSecurityTest extends WebTest {

    @Test
    void aFormWithoutItsTokenIsRefusedWithAFriendlyPage() {
        var admin = fixtures.admin(fixtures.partnership());
        TestBrowser browser = browser();
        browser.get("/sign-in");
        var noToken = browser.postRaw("/sign-in", Map.of("email", admin.email(), "password", Fixtures.PASSWORD));
        assertEquals(403, noToken.status());
        assertTrue(noToken.body().contains("Your form could not be sent"));
        assertTrue(noToken.body().contains("govuk-header"), "in the layout");
        var forged = browser.postRaw("/sign-in", Map.of("_csrf", "forged", "email", admin.email(), "password", Fixtures.PASSWORD));
        assertEquals(403, forged.status());
        assertEquals(303, browser.get("/").status(), "not signed in by either");
    }

    @Test
    void aTokenFromAnotherBrowserDoesNotWork() {
        var admin = fixtures.admin(fixtures.partnership());
        TestBrowser victim = signedIn(admin);
        TestBrowser attacker = browser();
        attacker.get("/sign-in");
        var response = victim.postRaw("/sign-out", Map.of("_csrf", attacker.csrfToken()));
        assertEquals(403, response.status());
        assertEquals(200, victim.get("/").status(), "still signed in");
    }

    @Test
    void theTokenChangesAtSignIn() {
        var admin = fixtures.admin(fixtures.partnership());
        TestBrowser browser = browser();
        browser.get("/sign-in");
        String before = browser.csrfToken();
        browser.post("/sign-in", "email", admin.email(), "password", Fixtures.PASSWORD);
        browser.get("/");
        assertFalse(before.equals(browser.csrfToken()));
        assertEquals(403, browser.postRaw("/sign-out", Map.of("_csrf", before)).status(), "the old token is dead");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        var page = browser().get("/sign-in");
        assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, page.header("Content-Security-Policy"));
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(page.header("Content-Security-Policy").contains("unsafe-inline"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("same-origin", page.header("Referrer-Policy"));
        assertEquals("no-store", page.header("Cache-Control"));
        assertFalse(page.body().contains("<script>"), "no inline script");
        String cookies = String.join(";", page.raw().headers().allValues("Set-Cookie"));
        assertTrue(cookies.toLowerCase().contains("httponly"));
        assertTrue(cookies.contains("SameSite=Lax"));
    }

    @Test
    void errorPagesAreInTheLayout() {
        var missing = browser().get("/no-such-page");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("Page not found"));
        assertTrue(missing.body().contains("govuk-header"));
        assertFalse(missing.body().contains("Exception"));
    }

    @Test
    void healthAnswersUp() {
        var health = browser().get("/health");
        assertEquals(200, health.status());
        assertTrue(health.body().contains("\"status\":\"UP\""));
    }

    @Test
    void staticAssetsAreServedWithoutSigningIn() {
        assertEquals(200, browser().get("/govuk/govuk-frontend.min.css").status());
        assertEquals(200, browser().get("/static/assure.css").status());
        assertEquals(404, browser().get("/assets/fonts/light-94a07e06a1-v2.woff2").status(), "the GOV.UK font is not served");
    }

    @Test
    void eachRoleSeesADashboardFittingIt() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Organisation otherSchool = fixtures.school(p);
        var admin = signedIn(fixtures.admin(p)).get("/");
        assertTrue(admin.body().contains("Manage organisations"));
        var dsl = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, school)).get("/");
        assertTrue(dsl.body().contains(school.name()));
        assertFalse(dsl.body().contains(otherSchool.name()), "only their own organisation");
        assertFalse(dsl.body().contains("Manage organisations"));
        for (Role role : Role.values()) {
            var page = signedIn(fixtures.person(p, role, school)).get("/");
            assertEquals(200, page.status(), role.name());
            assertTrue(page.body().contains(role.label().toLowerCase()), role.name());
        }
    }

    @Test
    void localModeBannerIsOnEveryPage() {
        assertTrue(browser().get("/sign-in").body().contains("Local mode — demo data, not for real use."));
        assertTrue(browser().get("/no-such-page").body().contains("Local mode — demo data, not for real use."));
    }
}
