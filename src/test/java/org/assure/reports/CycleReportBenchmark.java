package org.assure.reports;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.JdbcBatch;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark, not a test (issue 14: "the composite report page for a cycle of 2,000 returns renders in under 1 s"):
 * the whole page, named and anonymised, asked for over HTTP by a signed-in admin, as a browser would, against a cycle of
 * 2,000 schools on the Section 175/157 2026 bank (every question answered). Run it as doc/benchmarks.md says. The rows
 * are written straight to the tables, so the first view also counts the cycle's tallies (ADR 0048) once; it is timed
 * on its own.
 * Arguments (optional): returns (2000), requests per page (20).
 * <p>
 * The cycle opened 60 days ago with its deadline 20 days ago: 1,500 returns were submitted on time over the 40 days
 * before it, 300 late, 200 are outstanding (100 of them with an extension). Ratings are spread 75 % Green, 14 % Amber,
 * 5 % Red, 6 % not applicable; schools are spread over phases and categories; every fifth school has two actions; every
 * twentieth a moderated panel case marked by two members per section. Rows are written with JDBC batches.
 */
public final class CycleReportBenchmark {
    private static final long BASE = 1_000_000;

    private CycleReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int returns = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Object> properties = new HashMap<>(TestDatabases.of(TestDatabases.Kind.MYSQL));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            ApplicationContext context = server.getApplicationContext();
            Fixtures fixtures = context.getBean(Fixtures.class);
            Partnership partnership = fixtures.partnership();
            Fixtures.Person admin = fixtures.admin(partnership);
            Fixtures.Person markerA = fixtures.person(partnership, org.assure.access.Role.PANEL_MEMBER);
            Fixtures.Person markerB = fixtures.person(partnership, org.assure.access.Role.PANEL_MEMBER);
            BankModel.Version bank = context.getBean(QuestionBanks.class).get("section-175", "2026");
            long setUp = System.nanoTime();
            long answers = fill(properties, partnership.id(), admin.id(), markerA.id(), markerB.id(), returns, bank);
            System.out.printf("%,d returns, %,d submitted answers; set up in %.1f s%n", returns, answers, (System.nanoTime() - setUp) / 1e9);

            TestBrowser browser = new TestBrowser(server.getURI());
            if (browser.signIn(admin.email(), Fixtures.PASSWORD).status() != 303) {
                throw new IllegalStateException("could not sign in");
            }
            // the rows were written straight to the tables, as a cycle from before the tallies: the first view counts them once
            long first = System.nanoTime();
            check(browser.get("/cycles/" + BASE + "/report"), "first view");
            System.out.printf("first view, counting the cycle's tallies from its answers: %.0f ms%n", (System.nanoTime() - first) / 1e6);
            for (String path : List.of("/cycles/" + BASE + "/report", "/cycles/" + BASE + "/report/anonymised")) {
                for (int i = 0; i < 3; i++) { // warm up: templates compiled, statements prepared, JIT
                    check(browser.get(path), path);
                }
                double[] ms = new double[requests];
                int bytes = 0;
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    TestBrowser.Page page = browser.get(path);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    check(page, path);
                    bytes = page.body().length();
                }
                Arrays.sort(ms);
                System.out.printf("%s: %d requests, median %.0f ms, 90th percentile %.0f ms, slowest %.0f ms (page %,d characters)%n", path,
                        requests, ms[requests / 2], ms[(int) Math.ceil(requests * 0.9) - 1], ms[requests - 1], bytes);
            }
            // the figures alone, without drawing the page: how much of the time is the database's
            CycleReport reports = context.getBean(CycleReport.class);
            CurrentUser user = new CurrentUser(admin.id(), partnership.id(), partnership.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
            for (boolean anonymised : new boolean[]{false, true}) {
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    reports.report(user, BASE, anonymised, null);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("figures only (%s): median %.0f ms, slowest %.0f ms%n", anonymised ? "anonymised" : "named", ms[requests / 2], ms[requests - 1]);
            }
        }
    }

    private static void check(TestBrowser.Page page, String path) {
        if (page.status() != 200) {
            throw new IllegalStateException(path + " answered " + page.status() + ": " + page.body());
        }
    }

    private static String rating(long r, int q) {
        long h = (r * 31 + q * 17) % 100; // deterministic spread
        return h < 75 ? "GREEN" : h < 89 ? "AMBER" : h < 94 ? "RED" : "NA";
    }

    private static long fill(Map<String, Object> db, long partnershipId, long adminId, long markerA, long markerB, int returns,
                             BankModel.Version bank) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate opened = today.minusDays(60);
        LocalDate deadline = today.minusDays(20);
        Timestamp now = Timestamp.from(Instant.now());
        String[] phases = {"PRIMARY", "PRIMARY", "PRIMARY", "SECONDARY", "NURSERY", "ALL_THROUGH", "SIXTEEN_PLUS", "MIDDLE"};
        String[] categories = {"MAINTAINED", "ACADEMY", "ACADEMY", "INDEPENDENT", "SPECIAL", "PRU", "FE_COLLEGE"};
        String[] actionStatuses = {"NOT_STARTED", "IN_PROGRESS", "AWAITING_VERIFICATION", "VERIFIED", "VERIFIED"};
        String[] outcomes = {"ASSURED", "PARTLY_ASSURED", "NOT_ASSURED", "ASSURED"};
        List<String> questions = new ArrayList<>();
        bank.sections().forEach(s -> s.questions().forEach(q -> questions.add(q.key())));
        long answers = 0;
        try (Connection c = DriverManager.getConnection((String) db.get("datasources.default.url"), (String) db.get("datasources.default.username"),
                (String) db.get("datasources.default.password"))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                s.execute("INSERT INTO audit_cycle (id, partnership_id, name, bank_key, bank_version, audience_mode, opens_on, deadline, status, "
                        + "opened_at, created_at, updated_at) VALUES (" + BASE + ", " + partnershipId + ", 'Benchmark round', 'section-175', '2026', "
                        + "'TYPES', '" + Date.valueOf(opened) + "', '" + Date.valueOf(deadline) + "', 'OPEN', '" + now + "', '" + now + "', '" + now + "')");
                s.execute("INSERT INTO panel (id, partnership_id, cycle_id, name, kind, meets_on, place, marks_due_on, marking_by, moderator_id, "
                        + "created_by, created_at) VALUES (" + BASE + ", " + partnershipId + ", " + BASE + ", 'Benchmark panel', 'ASSURANCE', '"
                        + Date.valueOf(today) + "', 'Room 1', '" + Date.valueOf(today) + "', 'SECTION', " + adminId + ", " + adminId + ", '" + now + "')");
            }
            try (JdbcBatch organisation = new JdbcBatch(c, "INSERT INTO organisation (id, partnership_id, kind, name, phase, category, urn, "
                    + "local_authority, postcode, created_at, updated_at) VALUES (?, ?, 'SCHOOL', ?, ?, ?, ?, 'Benchshire', 'BE1 1AA', ?, ?)");
                 JdbcBatch ret = new JdbcBatch(c, "INSERT INTO audit_return (id, partnership_id, cycle_id, organisation_id, status, created_at, "
                         + "submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 JdbcBatch submission = new JdbcBatch(c, "INSERT INTO return_submission (id, return_id, submission_number, reference, declared_name, "
                         + "declared_role, for_governing_board, submitted_by, submitted_at, late) VALUES (?, ?, 1, ?, 'Head Teacher', 'Headteacher', TRUE, ?, ?, ?)");
                 JdbcBatch answer = new JdbcBatch(c, "INSERT INTO return_submission_answer (submission_id, question_key, rating, evidence) VALUES (?, ?, ?, ?)");
                 JdbcBatch extension = new JdbcBatch(c, "INSERT INTO return_extension (partnership_id, return_id, new_deadline, reason, created_by, "
                         + "created_at) VALUES (?, ?, ?, 'Headteacher on leave', ?, ?)");
                 JdbcBatch action = new JdbcBatch(c, "INSERT INTO action_item (partnership_id, organisation_id, cycle_id, return_id, bank_key, "
                         + "bank_version, question_key, source, what, owner_name, owner_role, owner_email, due_on, status, created_by, created_at, "
                         + "updated_at) VALUES (?, ?, ?, ?, 'section-175', '2026', ?, 'QUESTION', 'Refresh the training log', 'Dee Esel', 'DSL', "
                         + "'dsl@bench.test', ?, ?, ?, ?, ?)");
                 JdbcBatch panelCase = new JdbcBatch(c, "INSERT INTO panel_case (id, partnership_id, panel_id, cycle_id, return_id, organisation_id, "
                         + "reason, detail, submission_id, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, 'CHOSEN', 'bench', ?, ?, ?)");
                 JdbcBatch marking = new JdbcBatch(c, "INSERT INTO case_marking (id, partnership_id, case_id, account_id, submitted_at) VALUES (?, ?, ?, ?, ?)");
                 JdbcBatch mark = new JdbcBatch(c, "INSERT INTO case_mark (partnership_id, marking_id, item_key, self_rating, panel_rating, agrees) "
                         + "VALUES (?, ?, ?, 'GREEN', ?, ?)");
                 JdbcBatch moderation = new JdbcBatch(c, "INSERT INTO case_moderation (partnership_id, case_id, outcome, moderated_by, moderated_at) "
                         + "VALUES (?, ?, ?, ?, ?)")) {
                for (int r = 1; r <= returns; r++) {
                    long id = BASE + r;
                    organisation.add(id, partnershipId, String.format("Bench School %05d", r), phases[r % phases.length],
                            categories[r % categories.length], String.valueOf(500000 + r), now, now);
                    boolean outstanding = r > returns - returns / 10;
                    boolean late = !outstanding && r > returns - returns / 4;
                    Timestamp submittedAt = Timestamp.from(outstanding ? now.toInstant()
                            : (late ? deadline.plusDays(1 + r % 19) : opened.plusDays(20 + r % 40)).atTime(10, r % 60).toInstant(ZoneOffset.UTC));
                    ret.add(id, partnershipId, BASE, id, outstanding ? "IN_PROGRESS" : "SUBMITTED", now, outstanding ? null : submittedAt);
                    if (outstanding && r % 2 == 0) {
                        extension.add(partnershipId, id, Date.valueOf(today.plusDays(7)), adminId, now);
                    }
                    if (!outstanding) {
                        submission.add(id, id, "BENCH-" + r, adminId, submittedAt, late);
                        for (int q = 0; q < questions.size(); q++) {
                            answer.add(id, questions.get(q), rating(r, q), "Seen on the visit: policy, training log and record " + q + ".");
                            answers++;
                        }
                    }
                    if (r % 5 == 0) {
                        for (int a = 0; a < 2; a++) {
                            action.add(partnershipId, id, BASE, id, questions.get((r + a) % questions.size()), Date.valueOf(today.plusDays(r % 90 - 30)),
                                    actionStatuses[(r + a) % actionStatuses.length], adminId, now, now);
                        }
                    }
                    if (r % 20 == 0 && !outstanding) {
                        panelCase.add(id, partnershipId, BASE, BASE, id, id, id, adminId, now);
                        long[] markers = {markerA, markerB};
                        for (int m = 0; m < 2; m++) {
                            long markingId = id * 2 + m;
                            marking.add(markingId, partnershipId, id, markers[m], now);
                            for (BankModel.Section section : bank.sections()) {
                                boolean agrees = (r + m + section.key().length()) % 4 != 0;
                                mark.add(partnershipId, markingId, section.key(), agrees ? "GREEN" : "AMBER", agrees);
                            }
                        }
                        moderation.add(partnershipId, id, outcomes[(r / 20) % outcomes.length], adminId, now);
                    }
                }
            }
            c.commit();
        }
        return answers;
    }
}
