package org.assure.jobs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.kernel.Dates;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /jobs page: partnership admins only; the runner's runs are installation-wide, a partnership's pieces are its own. */
@MicronautTest(transactional = false)
class JobsPageTest extends WebTest {
    @Inject
    DueWorkRunner runner;
    @Inject
    CountingWork work;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(CountingWork.ENABLED, "true");
        properties.put("assure.jobs.node-name", "app-node-1");
        return properties;
    }

    @BeforeEach
    void clearPlan() {
        work.clear();
    }

    @Test
    void anAdminSeesWhenTheRunnerLastRanAndWhatItDid() {
        Partnership p = fixtures.partnership();
        Partnership other = fixtures.partnership();
        String ours = "reminder:ours-" + Fixtures.next();
        String theirs = "reminder:theirs-" + Fixtures.next();
        work.plan(ours, clock.instant().minus(Duration.ofHours(2)), p.id(), () -> { });
        work.plan(theirs, clock.instant().minus(Duration.ofHours(2)), other.id(), () -> { });
        work.planFailing("reminder:failing-" + Fixtures.next(), clock.instant(), 5);
        clock.advance(Duration.ofHours(1)); // a new hour, so housekeeping is due too

        DueWorkRunner.Run run = runner.runOnce();
        TestBrowser admin = signedIn(fixtures.admin(p));
        var page = admin.get("/jobs");

        assertEquals(200, page.status());
        String html = page.body();
        assertTrue(html.contains("Scheduled jobs"));
        assertTrue(html.contains(Dates.moment(run.finishedAt())), "when it last ran, in words:\n" + html);
        assertTrue(html.contains("on app-node-1"));
        assertTrue(html.contains("counting: 2 done, 1 failed, to be tried again"), html);
        assertTrue(html.contains("1 failed"));
        assertTrue(html.contains("session housekeeping"), "an installation-wide piece");
        assertTrue(html.contains("counting " + ours), "this partnership's piece");
        assertFalse(html.contains("counting " + theirs), "never another partnership's");
        assertTrue(html.contains("shown to the admins of every partnership"), "says the runs are installation-wide");
        assertTrue(admin.get("/").body().contains("href=\"/jobs\">Jobs</a>"), "in the admin's navigation");

        TestBrowser otherAdmin = signedIn(fixtures.admin(other));
        String theirPage = otherAdmin.get("/jobs").body();
        assertTrue(theirPage.contains("counting " + theirs));
        assertFalse(theirPage.contains("counting " + ours));
    }

    @Test
    void aLongSilenceIsFlagged() {
        runner.runOnce();
        TestBrowser admin = signedIn(fixtures.admin(fixtures.partnership()));
        assertFalse(admin.get("/jobs").body().contains("No run has finished since"));

        clock.advance(Duration.ofDays(3)); // the scheduled runs (every 24 hours in tests) stopped
        assertTrue(signedIn(fixtures.admin(fixtures.partnership())).get("/jobs").body().contains("No run has finished since"));
        runner.runOnce();
    }

    @Test
    void timesAreInWords() {
        assertEquals("every 30 seconds", JobsPage.every(Duration.ofSeconds(30)));
        assertEquals("every minute", JobsPage.every(Duration.ofMinutes(1)));
        assertEquals("every 90 seconds", JobsPage.every(Duration.ofSeconds(90)));
        assertEquals("every day", JobsPage.every(Duration.ofHours(24)));
        assertEquals("4 weeks", JobsPage.words(DueWorkHistory.KEPT));
        var start = clock.instant();
        assertEquals("under a second", JobsPage.took(start, start.plusMillis(400)));
        assertEquals("1 second", JobsPage.took(start, start.plusSeconds(1)));
        assertEquals("2 minutes 5 seconds", JobsPage.took(start, start.plusSeconds(125)));
    }

    @Test
    void onlyPartnershipAdminsMayLook() {
        Partnership p = fixtures.partnership();
        TestBrowser lead = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, fixtures.agency(p)));
        assertEquals(403, lead.get("/jobs").status());
        assertFalse(lead.get("/").body().contains("href=\"/jobs\""), "not in a lead's navigation");
        assertEquals(403, signedIn(fixtures.person(p, Role.BOARD_VIEWER)).get("/jobs").status());

        var anonymous = browser().get("/jobs");
        assertEquals(303, anonymous.status());
        assertTrue(anonymous.location().startsWith("/sign-in"), anonymous.location());
    }
}
