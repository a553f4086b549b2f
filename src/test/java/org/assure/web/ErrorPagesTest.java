package org.assure.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "test.failing-controller", value = "true")
class ErrorPagesTest extends WebTest {

    @Test
    void anUnexpectedErrorIsAPageWithoutDetails() {
        var page = browser().get("/test-failures/bug");
        assertEquals(500, page.status());
        assertTrue(page.body().contains("Sorry, there is a problem with the service"));
        assertTrue(page.body().contains("govuk-header"));
        assertFalse(page.body().contains("secret internal detail"));
        assertFalse(page.body().contains("Exception"));
    }

    @Test
    void aLostDatabaseIsServiceUnavailable() {
        var page = browser().get("/test-failures/database-down");
        assertEquals(503, page.status());
        assertTrue(page.body().contains("Sorry, the service is unavailable"));
        assertFalse(page.body().contains("Connection is not available"));
    }
}
