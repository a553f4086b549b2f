package org.assure.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class SessionHousekeepingTest extends WebTest {
    @Inject
    SessionHousekeeping housekeeping;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void theHourlyJobDeletesIdleSessionsOnlyUnderItsShedLock() {
        var p = fixtures.partnership();
        Fixtures.Person idle = fixtures.admin(p);
        Fixtures.Person active = fixtures.admin(p);
        signedIn(idle);
        TestBrowser activeBrowser = signedIn(active);
        clock.advance(Duration.ofMinutes(20));
        assertEquals(200, activeBrowser.get("/").status(), "activity keeps a session");
        clock.advance(Duration.ofMinutes(15));

        housekeeping.deleteIdleSessions();

        assertEquals(0, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + idle.id()), "35 idle minutes: deleted");
        assertEquals(1, count("SELECT COUNT(*) FROM web_session WHERE account_id = " + active.id()), "15 idle minutes: kept");
        assertEquals(1, count("SELECT COUNT(*) FROM shedlock WHERE name = 'delete-idle-sessions'"));
        assertEquals(200, activeBrowser.get("/").status());
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
