package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.jobs.DueWorkRunner;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SessionHousekeepingTest extends WebTest {
    @Inject
    SessionHousekeeping housekeeping;
    @Inject
    DueWorkRunner runner;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void housekeepingDeletesIdleSessionsOnly() {
        var p = fixtures.partnership();
        Fixtures.Person idle = fixtures.admin(p);
        Fixtures.Person active = fixtures.admin(p);
        signedIn(idle);
        TestBrowser activeBrowser = signedIn(active);
        clock.advance(Duration.ofMinutes(20));
        assertEquals(200, activeBrowser.get("/").status(), "activity keeps a session");
        clock.advance(Duration.ofMinutes(15));

        String said = housekeeping.deleteIdleSessions();

        assertTrue(said.matches("[1-9]\\d* idle sessions?, \\d+ expired kept forms? and \\d+ ended request counters? deleted"), said);
        assertEquals(0, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + idle.id()), "35 idle minutes: deleted");
        assertEquals(1, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + active.id()), "15 idle minutes: kept");
        assertEquals(200, activeBrowser.get("/").status());
    }

    @Test
    void theRunnerDoesItOnceAnHour() {
        var p = fixtures.partnership();
        Fixtures.Person idle = fixtures.admin(p);
        Fixtures.Person active = fixtures.admin(p);
        signedIn(idle);
        clock.advance(Duration.ofMinutes(31));
        toOneMinuteIntoTheNextHour();
        signedIn(active);

        DueWorkRunner.Run run = runner.runOnce();

        assertEquals(1, run.of(SessionHousekeeping.NAME).done(), run.summary());
        assertTrue(run.summary().matches("(?s).*session-housekeeping: 1 done \\([1-9]\\d* idle sessions?, \\d+ expired kept forms? and \\d+ ended request counters? deleted\\).*"),
                run.summary());
        assertEquals(0, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + idle.id()), "over 30 minutes idle: deleted");
        assertEquals(1, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + active.id()), "just signed in: kept");

        signedIn(idle);
        clock.advance(Duration.ofMinutes(40));
        assertEquals(0, runner.runOnce().of(SessionHousekeeping.NAME).done(), "once an hour");
        assertEquals(1, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + idle.id()), "so 40 idle minutes wait");

        clock.advance(Duration.ofMinutes(20));
        assertEquals(1, runner.runOnce().of(SessionHousekeeping.NAME).done(), "the next hour");
        assertEquals(0, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + idle.id()));
    }

    /** Moves the clock to a minute past the next hour, so the test's minutes all fall in one hour's slot. */
    private void toOneMinuteIntoTheNextHour() {
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(61))));
    }

    private int count(String sql) {
        return transactions.executeRead(status -> {
            try (var rs = status.getConnection().createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
