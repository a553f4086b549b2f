package org.assure.audit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assure.access.Role;
import org.assure.accounts.AccountAudit;
import org.assure.accounts.AccountService;
import org.assure.banks.BankAudit;
import org.assure.cycles.CycleAudit;
import org.assure.organisations.OrganisationAudit;
import org.assure.returns.ReturnAudit;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V10 on H2 and on the MySQL-protocol server: a database migrated to the version before it gets audit rows as the
 * code of that time wrote them (prose), then the application starts, migrates, and reads them typed, and the
 * return's history page shows them in words.
 */
class TypedAuditMigrationOnBothDatabasesTest {
    private static final String HOSTILE_REASON = "Please add the <script>alert(1)</script> minutes";

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void oldProseRowsComeOutTypedAndTheHistoryPageReadsThem(TestDatabases.Kind kind) throws SQLException {
        Assumptions.assumeTrue(kind == TestDatabases.Kind.H2 || TestDatabases.mysqlAvailable(),
                "no MySQL-protocol server: set ASSURE_TEST_MYSQL_URL or run Docker");
        Map<String, Object> database = new HashMap<>(TestDatabases.of(kind));
        String url = (String) database.get("datasources.default.url");
        String user = (String) database.get("datasources.default.username");
        String password = (String) database.get("datasources.default.password");

        Flyway flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load();
        MigrationVersion before = versionBefore(flyway, MigrationVersion.fromVersion("10"));
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(before).load().migrate();

        Old old;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            old = insertOldRows(c);
        }

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, database, "test")) {
            AuditTrail audit = server.getApplicationContext().getBean(AuditTrail.class);
            checkReturn(audit.history(old.partnership(), ReturnAudit.KIND, old.returnId()), old);
            checkOthers(audit, old);
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT before_value FROM audit_event"), "the prose columns are gone");
            }

            String email = "migration.admin" + Fixtures.next() + "@people.test";
            server.getApplicationContext().getBean(AccountService.class).createActive(old.partnership(), "Ada Admin", email, Fixtures.PASSWORD,
                    List.of(Role.PARTNERSHIP_ADMIN), List.of());
            TestBrowser admin = new TestBrowser(server.getURI());
            assertEquals(303, admin.signIn(email, Fixtures.PASSWORD).status());
            var page = admin.get("/returns/" + old.returnId() + "/history");
            assertEquals(200, page.status(), page.body());
            String history = page.body();
            for (String expected : List.of("Olive Oldrow", ">Assure<", "3 answers from AR-000009-1 (Schools audit 2024)",
                    "Answer: The governing board (or proprietor) takes strategic responsibility",
                    "Amber — Partly met – action needed\nEvidence: Minutes of March",
                    "Green — Fully met\nEvidence: Minutes &lt;b&gt;of&lt;/b&gt; April\nand May",
                    "Carried-forward answer confirmed: ", "Section “Leadership and governance” in progress",
                    "Section “Leadership and governance” completed", ">Not started<", ">In progress<", ">Completed<",
                    "Section “The designated safeguarding lead and deputies” assigned", "Ann Assignee", "Nobody",
                    "Return status", ">Submitted<", old.reference() + " by Dee Esel, DSL", ">Returned for changes<",
                    "Please add the &lt;script&gt;alert(1)&lt;/script&gt; minutes", ">No<",
                    "GREEN | evidence: a | evidence: b", "Red — Not met – immediate action", "Something else")) {
                assertTrue(history.contains(expected), () -> "Expected «" + expected + "» in:\n" + history);
            }
            assertFalse(history.contains("<script>alert(1)"), "escaped");
        }
    }

    /** The latest migration before this one, whichever it is on this branch (8 here; a V9 may land from elsewhere). */
    private static MigrationVersion versionBefore(Flyway flyway, MigrationVersion version) {
        return Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(version) < 0).max(Comparator.naturalOrder()).orElseThrow();
    }

    private record Old(long partnership, long returnId, long organisation, long cycle, long account, long olive, long importId,
                       long draft, String reference) {
    }

    private void checkReturn(List<AuditEvent> events, Old old) {
        assertEquals(16, events.size(), events::toString);
        expect(events.get(0), "carried forward", null, null, Map.of("answers", "3", "reference", "AR-000009-1", "cycle", "Schools audit 2024"));
        assertNull(events.get(0).accountId());
        expect(events.get(1), "answer", "governance-accountability", null, Map.of("rating", "AMBER", "evidence", "Minutes of March"));
        expect(events.get(2), "answer", "governance-accountability", Map.of("rating", "AMBER", "evidence", "Minutes of March"),
                Map.of("rating", "GREEN", "evidence", "Minutes <b>of</b> April\nand May"));
        assertEquals(old.olive(), events.get(2).accountId());
        expect(events.get(3), "answer", "has-boarding", null, Map.of("value", "NO"));
        expect(events.get(4), "confirmed", "safeguarding-governor", Map.of("rating", "GREEN"), Map.of("rating", "GREEN"));
        expect(events.get(5), "section status", "leadership", Map.of("status", "NOT_STARTED"), Map.of("status", "IN_PROGRESS"));
        expect(events.get(6), "section status", "leadership", Map.of("status", "IN_PROGRESS"), Map.of("status", "COMPLETED"));
        expect(events.get(7), "section assigned", "dsl", null, Map.of("assigneeName", "Ann Assignee"));
        expect(events.get(8), "section assigned", "dsl", Map.of("assigneeName", "Ann Assignee"), null);
        expect(events.get(9), "status", null, Map.of("status", "NOT_STARTED"), Map.of("status", "IN_PROGRESS"));
        expect(events.get(10), "submitted", null, null,
                Map.of("reference", old.reference(), "declaredName", "Dee Esel", "declaredRole", "DSL", "late", "false"));
        expect(events.get(11), "status", null, Map.of("status", "IN_PROGRESS"), Map.of("status", "SUBMITTED"));
        expect(events.get(12), "returned for changes", null, Map.of("reference", old.reference()), Map.of("reason", HOSTILE_REASON));
        expect(events.get(13), "status", null, Map.of("status", "SUBMITTED"), Map.of("status", "RETURNED"));
        expect(events.get(14), "answer", "governance-accountability", Map.of("text", "GREEN | evidence: a | evidence: b"), Map.of("rating", "RED"));
        expect(events.get(15), "something else", null, Map.of("text", "x"), null);
        assertTrue(events.get(1).is(ReturnAudit.ANSWER, "governance-accountability"), "the codes are the typed actions'");
        assertTrue(events.get(6).is(ReturnAudit.SECTION_STATUS, "leadership"));
        assertTrue(events.get(12).is(ReturnAudit.RETURNED_FOR_CHANGES));
    }

    private void checkOthers(AuditTrail audit, Old old) {
        var organisation = audit.history(old.partnership(), OrganisationAudit.KIND, old.organisation());
        expect(organisation.get(0), "created", null, null, Map.of("name", "Old School", "phase", "Primary", "category", "Maintained school", "urn", "123456"));
        expect(organisation.get(1), "updated", null, Map.of("name", "Old School", "dsl", ""),
                Map.of("name", "New School", "dsl", "Dee Esel (dsl@old.test)"));
        expect(organisation.get(2), "archived", null, Map.of("status", "ACTIVE"), Map.of("status", "ARCHIVED"));
        assertTrue(organisation.get(2).is(OrganisationAudit.ARCHIVED));

        var cycle = audit.history(old.partnership(), CycleAudit.KIND, old.cycle());
        expect(cycle.get(0), "created", null, null, Map.of("name", "Old cycle", "bank", "section-175", "bankVersion", "2025", "audience", "TYPES",
                "kinds", "SCHOOL", "categories", "MAINTAINED", "sectors", "", "opensOn", "2026-09-01", "deadline", "2026-10-01"));
        expect(cycle.get(1), "open", null, Map.of("status", "DRAFT"), Map.of("status", "OPEN"));
        assertTrue(cycle.get(1).is(CycleAudit.OPENED));
        expect(cycle.get(2), "organisation added", null, null, Map.of("organisationName", "Old School"));

        var account = audit.history(old.partnership(), AccountAudit.KIND, old.account());
        expect(account.get(0), "invited", null, null, Map.of("email", "new@old.test", "role", "CONTRIBUTOR"));
        expect(account.get(1), "locked", null, null, null);
        assertTrue(account.get(1).is(AccountAudit.LOCKED));

        expect(audit.history(old.partnership(), OrganisationAudit.IMPORT_KIND, old.importId()).get(0), "applied", null, null,
                Map.of("file", "gias.csv", "created", "3", "updated", "1", "archived", "0", "unchanged", "2", "refused", "0"));
        expect(audit.history(old.partnership(), BankAudit.DRAFT_KIND, old.draft()).get(0), "uploaded", null, null,
                Map.of("file", "demo.xlsx", "bank", "demo", "version", "2026"));
    }

    private static void expect(AuditEvent e, String action, String subject, Map<String, String> before, Map<String, String> after) {
        assertEquals(action, e.action(), e::toString);
        assertEquals(subject, e.subjectKey(), e::toString);
        assertEquals(before, e.before() == null ? null : e.before().values(), e::toString);
        assertEquals(after, e.after() == null ? null : e.after().values(), e::toString);
    }

    /** The rows the application wrote before V10, in its own words; ids from the database, never assumed. */
    private static Old insertOldRows(Connection c) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-09-15T10:00:00Z"));
        long p = insert(c, "INSERT INTO partnership (name, created_at) VALUES (?, ?)", "Old Partnership " + Fixtures.next(), now);
        long school = insert(c, "INSERT INTO organisation (partnership_id, kind, name, phase, category, urn, created_at, updated_at) "
                + "VALUES (?, 'SCHOOL', 'Old School', 'PRIMARY', 'MAINTAINED', ?, ?, ?)", p, String.valueOf(300000 + Fixtures.next()), now, now);
        long olive = insert(c, "INSERT INTO account (partnership_id, email, display_name, created_at) VALUES (?, ?, 'Olive Oldrow', ?)",
                p, "olive" + Fixtures.next() + "@old.test", now);
        long invited = insert(c, "INSERT INTO account (partnership_id, email, display_name, created_at) VALUES (?, ?, 'New Person', ?)",
                p, "new" + Fixtures.next() + "@old.test", now);
        long cycle = insert(c, "INSERT INTO audit_cycle (partnership_id, name, bank_key, bank_version, audience_mode, audience_kinds, "
                + "audience_categories, opens_on, deadline, status, created_at, updated_at) VALUES (?, 'Old cycle', 'section-175', '2025', 'TYPES', "
                + "'SCHOOL', 'MAINTAINED', ?, ?, 'OPEN', ?, ?)", p, java.sql.Date.valueOf("2026-09-01"), java.sql.Date.valueOf("2026-10-01"), now, now);
        long ret = insert(c, "INSERT INTO audit_return (partnership_id, cycle_id, organisation_id, status, created_at) VALUES (?, ?, ?, 'RETURNED', ?)",
                p, cycle, school, now);
        insert(c, "INSERT INTO return_answer (return_id, question_key, rating, evidence, updated_at) VALUES (?, 'governance-accountability', 'RED', NULL, ?)",
                ret, now);
        insert(c, "INSERT INTO return_answer (return_id, question_key, rating, updated_at) VALUES (?, 'safeguarding-governor', 'GREEN', ?)", ret, now);
        insert(c, "INSERT INTO return_answer (return_id, question_key, answer_value, updated_at) VALUES (?, 'has-boarding', 'NO', ?)", ret, now);
        String reference = "AR-%06d-1".formatted(ret);
        insert(c, "INSERT INTO return_submission (return_id, submission_number, reference, declared_name, declared_role, for_governing_board, "
                + "submitted_by, submitted_at, late, returned_at, returned_by, return_reason) VALUES (?, 1, ?, 'Dee Esel', 'DSL', TRUE, ?, ?, FALSE, ?, ?, ?)",
                ret, reference, olive, now, now, olive, HOSTILE_REASON);
        long importId = insert(c, "INSERT INTO organisation_import (partnership_id, account_id, file_name, content, created_at, applied_at) "
                + "VALUES (?, ?, 'gias.csv', ?, ?, ?)", p, olive, new byte[]{1}, now, now);
        long draft = insert(c, "INSERT INTO bank_draft (partnership_id, account_id, bank_key, version, file_name, yaml, created_at) "
                + "VALUES (?, ?, 'demo', '2026', 'demo.xlsx', 'bank: demo', ?)", p, olive, now);

        Object[][] rows = {
                {"return", ret, null, "carried forward", null, "3 answers from AR-000009-1 (Schools audit 2024)"},
                {"return", ret, olive, "answer governance-accountability", null, "AMBER | evidence: Minutes of March"},
                {"return", ret, olive, "answer governance-accountability", "AMBER | evidence: Minutes of March", "GREEN | evidence: Minutes <b>of</b> April\nand May"},
                {"return", ret, olive, "answer has-boarding", null, "NO"},
                {"return", ret, olive, "confirmed safeguarding-governor", "GREEN", "GREEN"},
                {"return", ret, olive, "section leadership in progress", "NOT_STARTED", "IN_PROGRESS"},
                {"return", ret, olive, "section leadership completed", "IN_PROGRESS", "COMPLETED"},
                {"return", ret, olive, "section dsl assigned", null, "Ann Assignee"},
                {"return", ret, olive, "section dsl assigned", "Ann Assignee", null},
                {"return", ret, olive, "status", "NOT_STARTED", "IN_PROGRESS"},
                {"return", ret, olive, "submitted", null, reference + " by Dee Esel, DSL"},
                {"return", ret, olive, "status", "IN_PROGRESS", "SUBMITTED"},
                {"return", ret, olive, "returned for changes", reference, HOSTILE_REASON},
                {"return", ret, olive, "status", "SUBMITTED", "RETURNED"},
                {"return", ret, olive, "answer governance-accountability", "GREEN | evidence: a | evidence: b", "RED"},
                {"return", ret, olive, "something else", "x", null},
                {"organisation", school, olive, "created", null, "Name: Old School; Phase: Primary; Category: Maintained school; URN: 123456"},
                {"organisation", school, olive, "updated", "Name: Old School; Designated safeguarding lead: ",
                        "Name: New School; Designated safeguarding lead: Dee Esel (dsl@old.test)"},
                {"organisation", school, olive, "archived", "Active", "Archived"},
                {"cycle", cycle, olive, "created", null, "Name: Old cycle; Bank: section-175/2025; Audience: kinds [SCHOOL] categories [MAINTAINED] "
                        + "sectors []; Opens: 2026-09-01; Deadline: 2026-10-01"},
                {"cycle", cycle, olive, "open", "Draft", "Open"},
                {"cycle", cycle, olive, "organisation added", null, "Old School"},
                {"account", invited, olive, "invited", null, "new@old.test as Contributor"},
                {"account", invited, invited, "locked", null, null},
                {"organisation_import", importId, olive, "applied", null, "gias.csv: 3 created, 1 updated, 0 archived, 2 unchanged, 0 refused"},
                {"bank_draft", draft, olive, "uploaded", null, "demo.xlsx: demo version 2026"},
        };
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (partnership_id, account_id, at, entity_type, entity_id, action, "
                + "before_value, after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] row : rows) {
                s.setLong(1, p);
                if (row[2] == null) {
                    s.setNull(2, Types.BIGINT);
                } else {
                    s.setLong(2, (Long) row[2]);
                }
                s.setTimestamp(3, now);
                s.setString(4, (String) row[0]);
                s.setLong(5, (Long) row[1]);
                s.setString(6, (String) row[3]);
                s.setString(7, (String) row[4]);
                s.setString(8, (String) row[5]);
                s.executeUpdate();
            }
        }
        return new Old(p, ret, school, cycle, invited, olive, importId, draft, reference);
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
