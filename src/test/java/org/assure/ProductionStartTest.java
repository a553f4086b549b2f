package org.assure;

import io.micronaut.context.ApplicationContext;
import org.assure.accounts.AccountService;
import org.assure.demo.DemoData;
import org.assure.partnerships.PartnershipService;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Starting the application as production does: the "prod" environment alone, no test configuration. */
class ProductionStartTest {
    private static final String REFUSAL = "Assure refuses to start in production";

    private static ApplicationContext startProduction(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .environments("prod")
                .deduceEnvironment(false)
                .properties(properties)
                .start();
    }

    @Test
    void withoutItsSettingsProductionRefusesToStartAndSaysWhy() {
        var error = assertThrows(RuntimeException.class, () -> startProduction(Map.of()).close());
        String message = messages(error);
        assertTrue(message.contains(REFUSAL), message);
        for (String variable : List.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD",
                "ASSURE_SIGNING_SECRET", "ASSURE_BASE_URL", "ASSURE_SMTP_HOST")) {
            assertTrue(message.contains(variable), variable + " named in: " + message);
        }
    }

    @Test
    void theRefusalComesBeforeAnyAttemptToReachTheDatabase() {
        // A complete-looking database at a closed port: were the datasource or Flyway first, this would be a connection error.
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:mysql://127.0.0.1:" + closedPort() + "/assure");
        properties.put("datasources.default.username", "assure");
        properties.put("datasources.default.password", "database-password");
        properties.put("assure.base-url", "https://assure.example.org");
        properties.put("assure.smtp.host", "smtp.example.org");
        properties.put("assure.signing-secret", "too short");
        var error = assertThrows(RuntimeException.class, () -> startProduction(properties).close());
        String message = messages(error);
        assertTrue(message.contains(REFUSAL + ": ASSURE_SIGNING_SECRET must be set"), message);
        assertFalse(message.contains("Communications link failure") || message.contains("Connection refused"), message);
    }

    @Test
    void startsOnMySqlWithoutDemoDataAndCreatesTheFirstAdministratorOnlyOnce() throws SQLException {
        Optional<Map<String, String>> server = TestDatabases.mysql();
        assumeTrue(server.isPresent(), "no MySQL-protocol test database (set ASSURE_TEST_MYSQL_URL or run Docker)");
        Map<String, String> db = server.get();
        // Production needs a database password; the test server's root may have none, so use an account of our own.
        String user = "assure_prod_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String rootUrl = db.get("datasources.default.url");
        String database = rootUrl.substring(rootUrl.lastIndexOf('/') + 1);
        execute(db, "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        try {
            execute(db, "GRANT ALL PRIVILEGES ON " + database + ".* TO '" + user + "'@'%'");
            Map<String, Object> properties = new HashMap<>();
            // The production driver (Connector/J) whatever the test server; it speaks to MariaDB too.
            properties.put("datasources.default.url", rootUrl.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
            properties.put("datasources.default.username", user);
            properties.put("datasources.default.password", password);
            properties.put("assure.signing-secret", "production-test-secret-0123456789abcdef");
            properties.put("assure.base-url", "https://assure.example.org");
            properties.put("assure.smtp.host", "127.0.0.1");
            properties.put("assure.smtp.port", String.valueOf(closedPort()));
            properties.put("assure.jobs.interval", "24h");
            properties.put("assure.admin.email", "First.Admin@Partnership.example");
            properties.put("assure.admin.password", "first admin password");
            properties.put("assure.admin.partnership-name", "Eastshire Safeguarding Children Partnership");

            try (ApplicationContext context = startProduction(properties)) {
                assertFalse(context.containsBean(DemoData.class), "no demo seeding in production");
                PartnershipService partnerships = context.getBean(PartnershipService.class);
                assertTrue(partnerships.findByName(DemoData.PARTNERSHIP).isEmpty(), "no demo partnership");
                assertEquals(Optional.of("Eastshire Safeguarding Children Partnership"), partnerships.soleName());
                AccountService accounts = context.getBean(AccountService.class);
                long partnershipId = partnerships.findByName("Eastshire Safeguarding Children Partnership").orElseThrow().id();
                assertEquals(1, accounts.countAccounts(partnershipId), "only the first admin");
                assertTrue(accounts.signIn("first.admin@partnership.example", "first admin password").isPresent(),
                        "the first admin signs in with the configured password");
            }

            properties.put("assure.admin.email", "second.admin@partnership.example");
            properties.put("assure.admin.partnership-name", "Another Partnership");
            try (ApplicationContext context = startProduction(properties)) {
                PartnershipService partnerships = context.getBean(PartnershipService.class);
                AccountService accounts = context.getBean(AccountService.class);
                assertEquals(Optional.of("Eastshire Safeguarding Children Partnership"), partnerships.soleName(), "no second partnership");
                assertFalse(accounts.exists("second.admin@partnership.example"), "no second first admin on restart");
                assertTrue(accounts.exists("first.admin@partnership.example"));
            }
        } finally {
            execute(db, "DROP USER '" + user + "'@'%'");
        }
    }

    private static void execute(Map<String, String> db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.get("datasources.default.url"), db.get("datasources.default.username"),
                db.get("datasources.default.password"))) {
            c.createStatement().execute(sql);
        }
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
