package org.assure.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where tests keep their data. Once per JVM it picks the MySQL-protocol server: Testcontainers MySQL 8
 * where Docker runs, else the server named by ASSURE_TEST_MYSQL_URL (the local MariaDB in CI here);
 * without either, tests use H2. Every application context gets a database of its own, so test
 * classes never see each other's rows, and the databases are dropped when the JVM ends.
 */
public final class TestDatabases {
    public enum Kind { H2, MYSQL }

    private static final String SERVER_URL = System.getenv("ASSURE_TEST_MYSQL_URL");
    private static final String SERVER_USER = System.getenv().getOrDefault("ASSURE_TEST_MYSQL_USER", "root");
    private static final String SERVER_PASSWORD = System.getenv().getOrDefault("ASSURE_TEST_MYSQL_PASSWORD", "");
    private static final List<String> CREATED = new ArrayList<>();
    private static MySQLContainer<?> container;
    private static Boolean docker;

    private TestDatabases() {
    }

    /**
     * The tag of web tests whose features query with hand-written SQL: the build runs them a second time on H2 (the
     * README's run mode) after the whole suite ran on the MySQL-protocol server, because the two accept different SQL.
     */
    public static final String BOTH_DATABASES = "both-databases";

    /** Set (to H2) by the build's second run of the {@link #BOTH_DATABASES} tests. */
    private static final String FORCED = System.getProperty("assure.test.database");

    /** The database web tests run on: MySQL-protocol when one is available, else H2; H2 in the build's H2 run. */
    public static Map<String, String> forContext() {
        if ("H2".equalsIgnoreCase(FORCED)) {
            return h2();
        }
        return mysql().orElseGet(TestDatabases::h2);
    }

    public static Kind defaultKind() {
        return mysqlAvailable() ? Kind.MYSQL : Kind.H2;
    }

    public static Map<String, String> of(Kind kind) {
        return kind == Kind.H2 ? h2() : mysql().orElseThrow();
    }

    public static Map<String, String> h2() {
        return datasource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE", "sa", "", "org.h2.Driver");
    }

    public static synchronized boolean mysqlAvailable() {
        return SERVER_URL != null && !SERVER_URL.isBlank() || dockerAvailable();
    }

    /** A fresh, empty database on the MySQL-protocol server, if there is one. */
    public static synchronized Optional<Map<String, String>> mysql() {
        if (dockerAvailable()) {
            if (container == null) {
                container = new MySQLContainer<>("mysql:8.4").withUsername("root").withPassword("test");
                container.start();
            }
            String base = container.getJdbcUrl().replaceAll("/[^/?]*(\\?.*)?$", "/");
            return Optional.of(freshDatabase(base, "root", "test"));
        }
        if (SERVER_URL == null || SERVER_URL.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(freshDatabase(SERVER_URL.endsWith("/") ? SERVER_URL : SERVER_URL + "/", SERVER_USER, SERVER_PASSWORD));
    }

    private static boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error e) {
                docker = false;
            }
        }
        return docker;
    }

    private static Map<String, String> freshDatabase(String serverUrl, String user, String password) {
        String name = "assure_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl + ": " + e.getMessage(), e);
        }
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(serverUrl, user, password)));
        }
        CREATED.add(name);
        String driver = serverUrl.startsWith("jdbc:mariadb:") ? "org.mariadb.jdbc.Driver" : "com.mysql.cj.jdbc.Driver";
        return datasource(serverUrl + name, user, password, driver);
    }

    private static void dropAll(String serverUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            for (String name : CREATED) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException ignored) {
            // The server may already be gone at JVM exit; CI's next run uses new names anyway.
        }
    }

    private static Map<String, String> datasource(String url, String user, String password, String driver) {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", password);
        properties.put("datasources.default.driver-class-name", driver);
        properties.put("datasources.default.maximum-pool-size", "5");
        return properties;
    }
}
