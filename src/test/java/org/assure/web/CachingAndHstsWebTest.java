package org.assure.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9, item 10: nothing answered to a signed-in person is cached, downloads included; HSTS where production turns it on. */
@MicronautTest(transactional = false)
@Property(name = "assure.strict-transport-security", value = "true")
class CachingAndHstsWebTest extends WebTest {

    @Test
    void downloadsForSomeoneSignedInAreNeverCached() {
        TestBrowser admin = signedIn(fixtures.admin(fixtures.partnership()));
        var xlsx = admin.get("/banks/section-175/2025/export.xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.header("Content-Type").contains("spreadsheetml"), xlsx.header("Content-Type"));
        assertEquals("no-store", xlsx.header("Cache-Control"));
        assertEquals("no-store", admin.get("/").header("Cache-Control"));
    }

    @Test
    void publicFilesMayBeCachedAndEveryAnswerCarriesHsts() {
        var css = browser().get("/static/assure.css");
        assertEquals(200, css.status());
        assertNotEquals("no-store", css.header("Cache-Control"));
        assertEquals(SecurityHeadersFilter.STRICT_TRANSPORT_SECURITY, css.header("Strict-Transport-Security"));
        assertEquals(SecurityHeadersFilter.STRICT_TRANSPORT_SECURITY, browser().get("/sign-in").header("Strict-Transport-Security"));
    }
}
