package org.assure.exports;

import org.assure.testsupport.HeapSampler;
import org.assure.testsupport.JdbcBatch;
import io.micronaut.context.ApplicationContext;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.testsupport.TestDatabases;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark, not a test (issue 14): the answers export of a cycle of 2,000 returns × 150 questions (300,000 rows),
 * read a page of returns at a time from the database as {@link Exports} does, against a bare SXSSF loop writing the same
 * cells from memory in the same run. Run it as doc/benchmarks.md says, with {@code -Xmx256m}. Arguments (optional):
 * returns (2000), rounds (3).
 * <p>
 * The bank is Section 175/157 2026 cut to its first 150 questions (no shipped version has exactly 150). Every answer is
 * rated and has about 120 characters of evidence; every 50th return has a moderated panel case with agreed ratings per
 * section. Fixtures are written with JDBC batches.
 */
public final class ExportBenchmark {
    private static final int QUESTIONS = 150;

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int returns = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<String, Object> properties = new HashMap<>(TestDatabases.of(TestDatabases.Kind.MYSQL));
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            BankModel.Version bank = cut(context.getBean(QuestionBanks.class).get("section-175", "2026"));
            long setUp = System.nanoTime();
            fill(properties, returns, bank);
            System.out.printf("%,d returns × %d questions = %,d rows; set up in %.1f s%n", returns, QUESTIONS, (long) returns * QUESTIONS,
                    (System.nanoTime() - setUp) / 1e9);
            AnswerPages pages = context.getBean(AnswerPages.class);
            ExportJobs jobs = context.getBean(ExportJobs.class);
            long job = jobs.insert(1, 1, "BENCH", (long) returns * QUESTIONS, 1, Instant.now()).orElseThrow();
            List<String> evidence = new ArrayList<>();
            for (int q = 0; q < QUESTIONS; q++) {
                evidence.add(evidence(q));
            }
            Path out = Files.createTempDirectory("export-bench");
            System.out.printf("heap in use before (after GC): %d MB, max %d MB%n", HeapSampler.heapAfterGc(), Runtime.getRuntime().maxMemory() >> 20);
            for (int round = 1; round <= rounds; round++) {
                HeapSampler sampler = new HeapSampler();
                sampler.start();
                long start = System.nanoTime();
                long rows;
                Path file = out.resolve("export.xlsx");
                try (OutputStream o = Files.newOutputStream(file)) {
                    rows = new AnswersWorkbook(bank).write(after -> pages.page(1, 1, after), o, n -> jobs.progress(job, n));
                }
                double export = (System.nanoTime() - start) / 1e9;
                sampler.stop = true;
                long exportPeak = sampler.peak >> 20;
                long exportBytes = Files.size(file);
                long afterExport = HeapSampler.heapAfterGc();

                sampler = new HeapSampler();
                sampler.start();
                start = System.nanoTime();
                Path bareFile = out.resolve("bare.xlsx");
                try (OutputStream o = Files.newOutputStream(bareFile)) {
                    bare(bank, returns, evidence, o);
                }
                double bare = (System.nanoTime() - start) / 1e9;
                sampler.stop = true;
                System.out.printf("round %d: export %,d rows %.2f s (%.1f MB, peak heap %d MB, after GC %d MB); bare loop %.2f s (%.1f MB, "
                                + "peak heap %d MB, after GC %d MB); ratio %.2f%n", round, rows, export, exportBytes / 1048576.0, exportPeak, afterExport,
                        bare, Files.size(bareFile) / 1048576.0, sampler.peak >> 20, HeapSampler.heapAfterGc(), export / bare);
            }
            System.out.printf("heap in use after (after GC): %d MB%n", HeapSampler.heapAfterGc());
        }
    }

    /** The same cells as the export, written from memory: the floor an export can get to. */
    private static void bare(BankModel.Version bank, int returns, List<String> evidence, OutputStream out) throws Exception {
        AnswersWorkbook cells = new AnswersWorkbook(bank);
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Answers");
            cells.header(workbook, sheet);
            int n = 1;
            for (int r = 1; r <= returns; r++) {
                String organisation = name(r);
                int q = 0;
                for (BankModel.Section section : bank.sections()) {
                    for (BankModel.Question question : section.questions()) {
                        String panel = r % 50 == 0 ? "Amber" : null;
                        cells.row(sheet.createRow(n++), organisation, section.key(), question.key(), "Green", panel, null, evidence.get(q++), null);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static BankModel.Version cut(BankModel.Version v) {
        List<BankModel.Section> sections = new ArrayList<>();
        int left = QUESTIONS;
        for (BankModel.Section s : v.sections()) {
            if (left == 0) {
                break;
            }
            List<BankModel.Question> qs = s.questions().subList(0, Math.min(left, s.questions().size()));
            left -= qs.size();
            sections.add(new BankModel.Section(s.key(), s.title(), s.intro(), s.appliesTo(), qs));
        }
        if (left > 0) {
            throw new IllegalStateException("the bank has fewer than " + QUESTIONS + " questions");
        }
        return new BankModel.Version(v.bank(), v.title(), v.version(), v.guidance(), v.effectiveFrom(), v.audience(), v.scale(), sections);
    }

    private static String name(int r) {
        return String.format("Bench Primary School %05d", r);
    }

    private static String evidence(int q) {
        return "Policy reviewed by governors in September; training log, single central record and audit " + q + " seen on the visit.";
    }

    private static void fill(Map<String, Object> db, int returns, BankModel.Version bank) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate today = LocalDate.now();
        try (Connection c = DriverManager.getConnection((String) db.get("datasources.default.url"), (String) db.get("datasources.default.username"),
                (String) db.get("datasources.default.password"))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                s.execute("INSERT INTO partnership (id, name, created_at) VALUES (1, 'Benchmark Partnership', '" + now + "')");
                s.execute("INSERT INTO audit_cycle (id, partnership_id, name, bank_key, bank_version, audience_mode, opens_on, deadline, status, "
                        + "opened_at, created_at, updated_at) VALUES (1, 1, 'Bench cycle', 'section-175', '2026', 'TYPES', '" + Date.valueOf(today)
                        + "', '" + Date.valueOf(today.plusDays(30)) + "', 'OPEN', '" + now + "', '" + now + "', '" + now + "')");
            }
            try (JdbcBatch organisation = new JdbcBatch(c, "INSERT INTO organisation (id, partnership_id, kind, name, phase, category, urn, local_authority, "
                    + "postcode, created_at, updated_at) VALUES (?, 1, 'SCHOOL', ?, 'PRIMARY', 'MAINTAINED', ?, 'Benchshire', 'BE1 1AA', ?, ?)");
                 JdbcBatch ret = new JdbcBatch(c, "INSERT INTO audit_return (id, partnership_id, cycle_id, organisation_id, status, created_at) "
                         + "VALUES (?, 1, 1, ?, 'SUBMITTED', ?)");
                 JdbcBatch answer = new JdbcBatch(c, "INSERT INTO return_answer (return_id, question_key, rating, evidence, updated_at) VALUES (?, ?, 'GREEN', ?, ?)");
                 JdbcBatch panelCase = new JdbcBatch(c, "INSERT INTO panel_case (id, partnership_id, panel_id, cycle_id, return_id, organisation_id, reason, "
                         + "detail, added_by, added_at) VALUES (?, 1, 1, 1, ?, ?, 'CHOSEN', 'bench', 1, ?)");
                 JdbcBatch moderation = new JdbcBatch(c, "INSERT INTO case_moderation (partnership_id, case_id, outcome) VALUES (1, ?, 'PARTLY_ASSURED')");
                 JdbcBatch agreed = new JdbcBatch(c, "INSERT INTO case_agreed_rating (partnership_id, case_id, item_key, rating) VALUES (1, ?, ?, 'AMBER')")) {
                for (int r = 1; r <= returns; r++) {
                    organisation.add(r, name(r), String.valueOf(100000 + r), now, now);
                    ret.add(r, r, now);
                    int q = 0;
                    for (BankModel.Section s : bank.sections()) {
                        for (BankModel.Question question : s.questions()) {
                            answer.add(r, question.key(), evidence(q++), now);
                        }
                    }
                    if (r % 50 == 0) {
                        panelCase.add(r, r, r, now);
                        moderation.add(r);
                        for (BankModel.Section s : bank.sections()) {
                            agreed.add(r, s.key());
                        }
                    }
                }
            }
            c.commit();
        }
    }
}
