package org.assure.notify;

import org.assure.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V12 on H2 and on the MySQL-protocol server: emails written before it that hold a one-time link are marked as
 * carrying a secret, and those already sent lose their content at once; other emails are untouched.
 */
class OutboxSecretsMigrationOnBothDatabasesTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void oldEmailsWithOneTimeLinksAreMarkedAndTheSentOnesForgotten(TestDatabases.Kind kind) throws SQLException {
        Assumptions.assumeTrue(kind == TestDatabases.Kind.H2 || TestDatabases.mysqlAvailable(),
                "no MySQL-protocol server: set ASSURE_TEST_MYSQL_URL or run Docker");
        Map<String, String> database = TestDatabases.of(kind);
        String url = database.get("datasources.default.url");
        String user = database.get("datasources.default.username");
        String password = database.get("datasources.default.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(MigrationVersion.fromVersion("11"))
                .load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long sentInvitation = insert(c, "Dear Nia,\nSet your password: http://localhost:8080/invitations/SentToken123456789\n",
                    "<a href=\"http://localhost:8080/invitations/SentToken123456789\">Set</a>", true);
            long waitingReset = insert(c, "Reset it: http://localhost:8080/password-reset/WaitingToken123456789\n", null, false);
            long sentNotice = insert(c, "Your return: http://localhost:8080/returns/12\n", "<p>Your return</p>", true);
            long waitingNotice = insert(c, "Self-assessment open\n", null, false);

            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

            Row invitation = read(c, sentInvitation);
            assertTrue(invitation.secret());
            assertNull(invitation.body(), "a sent invitation's link is forgotten");
            assertNull(invitation.html());
            assertNull(invitation.kind(), "older rows have no kind");
            Row reset = read(c, waitingReset);
            assertTrue(reset.secret());
            assertTrue(reset.body().contains("/password-reset/WaitingToken123456789"), "kept until it is sent");
            Row notice = read(c, sentNotice);
            assertFalse(notice.secret());
            assertEquals("Your return: http://localhost:8080/returns/12\n", notice.body());
            assertEquals("<p>Your return</p>", notice.html());
            assertFalse(read(c, waitingNotice).secret());
            assertEquals("Self-assessment open\n", read(c, waitingNotice).body());
        }
    }

    private record Row(String body, String html, String kind, boolean secret) {
    }

    private static long insert(Connection c, String body, String html, boolean sent) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));
        try (PreparedStatement st = c.prepareStatement("INSERT INTO outbox_email (partnership_id, recipient, subject, body, html_body, "
                + "created_at, next_attempt_at, attempts, sent_at) VALUES (NULL, 'someone@people.test', 'Subject', ?, ?, ?, ?, 0, ?)",
                new String[]{"id"})) {
            st.setString(1, body);
            st.setString(2, html);
            st.setTimestamp(3, now);
            st.setTimestamp(4, now);
            st.setTimestamp(5, sent ? now : null);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Row read(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT body, html_body, kind, carries_secret FROM outbox_email WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
            }
        }
    }
}
