package org.assure.notify;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The developer mail page does not exist in production: not refused, not registered. Started as production
 * starts (the "prod" environment alone, MySQL through Connector/J), even with {@code assure.local-mode} forced
 * on, since a mistaken setting must not bring back a page that shows one-time links. Without Docker or
 * {@code ASSURE_TEST_MYSQL_URL} it is skipped, as production cannot start on H2.
 */
class DeveloperMailInProductionTest {

    @Test
    void inProductionTheDeveloperMailRouteIsNotRegistered() throws SQLException {
        Optional<Map<String, String>> server = TestDatabases.mysql();
        assumeTrue(server.isPresent(), "no MySQL-protocol test database (set ASSURE_TEST_MYSQL_URL or run Docker)");
        Map<String, String> db = server.get();
        // Production needs a database password; the test server's root may have none, so use an account of our own.
        String user = "assure_dev_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String rootUrl = db.get("datasources.default.url");
        String database = rootUrl.substring(rootUrl.lastIndexOf('/') + 1);
        execute(db, "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        try {
            execute(db, "GRANT ALL PRIVILEGES ON " + database + ".* TO '" + user + "'@'%'");
            Map<String, Object> properties = new HashMap<>();
            properties.put("datasources.default.url", rootUrl.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
            properties.put("datasources.default.username", user);
            properties.put("datasources.default.password", password);
            properties.put("assure.signing-secret", "production-test-secret-0123456789abcdef");
            properties.put("assure.base-url", "https://assure.example.org");
            // Production requires a mail server; local mode forced on shows the page does not hang on that alone.
            properties.put("assure.smtp.host", "127.0.0.1");
            properties.put("assure.smtp.port", String.valueOf(closedPort()));
            properties.put("assure.local-mode", "true");
            properties.put("assure.jobs.interval", "24h");
            properties.put("micronaut.server.port", "-1");
            try (ApplicationContext context = ApplicationContext.builder().environments("prod").deduceEnvironment(false)
                    .properties(properties).start()) {
                assertFalse(context.containsBean(DeveloperMailController.class));
                Router router = context.getBean(Router.class);
                assertTrue(router.route(HttpMethod.GET, "/dev/mail").isEmpty(), "no route at all");
                assertTrue(router.route(HttpMethod.GET, "/outbox").isPresent(), "while the rest is there");
                EmbeddedServer http = context.getBean(EmbeddedServer.class).start();
                try {
                    TestBrowser anyone = new TestBrowser(http.getURI());
                    assertEquals(200, anyone.get("/sign-in").status(), "the application answers");
                    var devMail = anyone.get("/dev/mail");
                    assertEquals(404, devMail.status(), devMail.body());
                    assertTrue(devMail.body().contains("Page not found"), "the page of any unknown address: " + devMail.body());
                } finally {
                    http.stop();
                }
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
