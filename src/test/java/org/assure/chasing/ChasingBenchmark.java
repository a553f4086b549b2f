package org.assure.chasing;

import org.assure.testsupport.HeapSampler;
import io.micronaut.context.ApplicationContext;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Dates;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark, not a test (issue 11): the daily chasing run over many open returns, every one of them owing a
 * reminder or a ladder step today, then a second run the same day with nothing new due. Run it as
 * doc/benchmarks.md says. Arguments (optional): partnerships (40), schools per partnership (500).
 * <p>
 * Each partnership has one open cycle on Section 175/157 2025; cycle i's deadline is {@code OFFSETS[i % 7]} days
 * from today, so its returns owe the 28-, 14-, 7- or 1-day reminder, or step 1, 2 or 3 of the schools' ladder,
 * today. What fell due on earlier days is already written (chase_message rows dated the day they were due), as
 * after a year of daily runs. Every school has a DSL, a headteacher and a chair of governors (no safeguarding
 * governor, whom step 2 writes to only if there is one); every second school has a signed-up lead account;
 * every fifth return is in progress (two sections completed, twelve answers) and every tenth has a section
 * delegated to a contributor. Partnerships whose cycle is at step 3 have no assistant director of education
 * (recorded "not sent"; an officer would get 500 emails and the weekly cap would hold 497 of them at every run);
 * the others have one. Fixtures are written with JDBC batches, not through the services.
 */
public final class ChasingBenchmark {
    /** Days from today to each cycle's deadline: the 28-, 14-, 7-, 1-day reminders; ladder steps 1, 2, 3. */
    private static final int[] OFFSETS = {28, 14, 7, 1, -1, -7, -21};
    private static final int[] REMINDERS = {28, 14, 7, 1};
    private static final int[] STEP_DAYS = {1, 7, 21};
    private static final LocalTime SEND_HOUR = LocalTime.of(7, 0);

    private ChasingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int partnerships = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Map<String, Object> properties = new HashMap<>(TestDatabases.of(TestDatabases.Kind.MYSQL));
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            LocalDate today = Dates.today(context.getBean(Clock.class));
            BankModel.Version bank = context.getBean(QuestionBanks.class).get("section-175", "2025");
            long setUp = System.nanoTime();
            Fixtures made = fill(properties, partnerships, schools, today, bank);
            System.out.printf("%,d partnerships, %,d open returns, %,d contacts, %,d accounts, %,d messages already written; set up in %.1f s%n",
                    partnerships, made.returns, made.contacts, made.accounts, made.written, (System.nanoTime() - setUp) / 1e9);

            ChaseRun run = context.getBean(ChaseRun.class);
            CycleLookup cycles = context.getBean(CycleLookup.class);
            System.out.printf("heap in use before (after GC): %d MB, max %d MB%n", HeapSampler.heapAfterGc(), Runtime.getRuntime().maxMemory() >> 20);
            for (String which : List.of("first run (everything due today)", "second run (nothing new due)")) {
                HeapSampler sampler = new HeapSampler();
                sampler.start();
                long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                double dbCpu = serverCpuSeconds();
                long start = System.nanoTime();
                int sent = 0;
                int notSent = 0;
                int held = 0;
                List<CycleTerms> open = cycles.open();
                for (CycleTerms cycle : open) {
                    ChaseOutcome outcome = run.run(cycle, today);
                    sent += outcome.sent();
                    notSent += outcome.notSent();
                    held += outcome.held();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
                dbCpu = serverCpuSeconds() - dbCpu;
                sampler.stop = true;
                sampler.join();
                System.out.printf("%s: %d cycles in %.2f s (CPU: this thread %.2f s, the database server %s): %,d sent, %,d not sent, %,d held; "
                                + "heap peak %d MB, after GC %d MB%n",
                        which, open.size(), seconds, cpuSeconds, dbCpu < 0 ? "not known" : String.format("%.2f s", dbCpu), sent, notSent, held, sampler.peak >> 20, HeapSampler.heapAfterGc());
            }
            System.out.println(counts(properties));
        }
        System.exit(0);
    }

    /**
     * The CPU time the database server has used, from /proc, when its process id is given ({@code -Dbench.db-pid=$(pgrep -x mariadbd)});
     * -1 otherwise. It counts every client's work, so it says something only on a machine where nothing else uses the server.
     */
    private static double serverCpuSeconds() {
        String pid = System.getProperty("bench.db-pid", "");
        if (pid.isBlank()) {
            return -1e9;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.strip(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime + stime, in clock ticks of 1/100 s
        } catch (java.io.IOException | RuntimeException e) {
            return -1e9;
        }
    }

    private static String counts(Map<String, Object> db) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            StringBuilder b = new StringBuilder("rows now:");
            for (String table : List.of("outbox_email", "chase_message", "assurance_panel_list")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    b.append(String.format(" %s %,d", table, rs.getLong(1)));
                }
            }
            return b.toString();
        }
    }

    private static Connection connect(Map<String, Object> db) throws Exception {
        return DriverManager.getConnection((String) db.get("datasources.default.url"), (String) db.get("datasources.default.username"),
                (String) db.get("datasources.default.password"));
    }

    record Fixtures(int returns, int contacts, int accounts, int written) {
    }

    /** Batched inserts, flushed every thousand rows. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;
        int rows;

        Batch(Connection c, String sql) throws Exception {
            statement = c.prepareStatement(sql);
        }

        void add(Object... values) throws Exception {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            rows++;
            if (++pending == 1000) {
                flush();
            }
        }

        void flush() throws Exception {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws Exception {
            flush();
            statement.close();
        }
    }

    private static Fixtures fill(Map<String, Object> db, int partnerships, int schools, LocalDate today, BankModel.Version bank) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        List<BankModel.Section> sections = bank.sections();
        List<String> questionKeys = bank.questions().stream().map(BankModel.Question::key).toList();
        try (Connection c = connect(db)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0"); // the batches flush at different moments; every reference is made
            }
            long organisationId = 0;
            long accountId = 0;
            long returnId = 0;
            try (Batch partnership = new Batch(c, "INSERT INTO partnership (id, name, created_at) VALUES (?, ?, ?)");
                 Batch officer = new Batch(c, "INSERT INTO partnership_officer (partnership_id, role, name, email, created_at, updated_at) "
                         + "VALUES (?, 'ASSISTANT_DIRECTOR_EDUCATION', ?, ?, ?, ?)");
                 Batch cycle = new Batch(c, "INSERT INTO audit_cycle (id, partnership_id, name, bank_key, bank_version, audience_mode, opens_on, "
                         + "deadline, status, opened_at, created_at, updated_at) VALUES (?, ?, ?, 'section-175', '2025', 'TYPES', ?, ?, 'OPEN', ?, ?, ?)")) {
                for (int p = 1; p <= partnerships; p++) {
                    int offset = OFFSETS[(p - 1) % OFFSETS.length];
                    partnership.add(p, "Benchmark Partnership " + p, now);
                    if (offset != -21) {
                        officer.add(p, "Ada Director " + p, "ade" + p + "@bench.test", now, now);
                    }
                    cycle.add(p, p, "Section 175/157 2025 (" + p + ")", Date.valueOf(today.minusDays(90)), Date.valueOf(today.plusDays(offset)),
                            now, now, now);
                }
            }
            int contacts = 0;
            int accounts = 0;
            int written = 0;
            try (Batch organisation = new Batch(c, "INSERT INTO organisation (id, partnership_id, kind, name, phase, category, urn, "
                    + "local_authority, postcode, created_at, updated_at) VALUES (?, ?, 'SCHOOL', ?, 'PRIMARY', 'MAINTAINED', ?, 'Benchshire', "
                    + "'BE1 1AA', ?, ?)");
                 Batch contact = new Batch(c, "INSERT INTO organisation_contact (organisation_id, role, name, email) VALUES (?, ?, ?, ?)");
                 Batch account = new Batch(c, "INSERT INTO account (id, partnership_id, email, display_name, password_hash, created_at) "
                         + "VALUES (?, ?, ?, ?, 'benchmark', ?)");
                 Batch role = new Batch(c, "INSERT INTO account_role (account_id, role) VALUES (?, ?)");
                 Batch member = new Batch(c, "INSERT INTO account_organisation (account_id, organisation_id) VALUES (?, ?)");
                 Batch ret = new Batch(c, "INSERT INTO audit_return (id, partnership_id, cycle_id, organisation_id, status, created_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?)");
                 Batch section = new Batch(c, "INSERT INTO return_section (return_id, section_key, status, assigned_account_id, updated_at) "
                         + "VALUES (?, ?, ?, ?, ?)");
                 Batch answer = new Batch(c, "INSERT INTO return_answer (return_id, question_key, rating, updated_at) VALUES (?, ?, 'GREEN', ?)");
                 Batch message = new Batch(c, "INSERT INTO chase_message (partnership_id, cycle_id, return_id, organisation_id, chase_key, kind, "
                         + "step, recipient_role, recipient_name, recipient_email, status, reason, due_on, created_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int p = 1; p <= partnerships; p++) {
                    LocalDate deadline = today.plusDays(OFFSETS[(p - 1) % OFFSETS.length]);
                    for (int s = 1; s <= schools; s++) {
                        long o = ++organisationId;
                        String tag = p + "-" + s;
                        organisation.add(o, p, "Bench Primary School " + tag, String.valueOf(100000 + s), now, now);
                        String dsl = "dsl" + tag + "@bench.test";
                        String head = "head" + tag + "@bench.test";
                        String chair = "chair" + tag + "@bench.test";
                        contact.add(o, "DSL", "Dee Esel " + tag, dsl);
                        contact.add(o, "HEADTEACHER", "Hedda Teacher " + tag, head);
                        contact.add(o, "CHAIR_OF_GOVERNORS", "Chas Chair " + tag, chair);
                        contacts += 3;
                        String lead = null;
                        if (s % 2 == 0) {
                            long a = ++accountId;
                            lead = "lead" + tag + "@bench.test";
                            account.add(a, p, lead, "Lee Lead " + tag, now);
                            role.add(a, "ORGANISATION_LEAD");
                            member.add(a, o);
                            accounts++;
                        }
                        long r = ++returnId;
                        boolean started = s % 5 == 0;
                        ret.add(r, p, p, o, started ? "IN_PROGRESS" : "NOT_STARTED", now);
                        if (started) {
                            section.add(r, sections.get(0).key(), "COMPLETED", null, now);
                            section.add(r, sections.get(1).key(), "COMPLETED", null, now);
                            for (String q : questionKeys.subList(0, 12)) {
                                answer.add(r, q, now);
                            }
                        }
                        if (s % 10 == 0) {
                            long a = ++accountId;
                            account.add(a, p, "contributor" + tag + "@bench.test", "Cora Contributor " + tag, now);
                            role.add(a, "CONTRIBUTOR");
                            member.add(a, o);
                            accounts++;
                            section.add(r, sections.get(2).key(), "IN_PROGRESS", a, now);
                        }
                        // what fell due before today, written by the runs of those days
                        List<Object[]> earlier = new ArrayList<>();
                        for (int d : REMINDERS) {
                            LocalDate due = deadline.minusDays(d);
                            if (due.isBefore(today)) {
                                earlier.add(new Object[]{"reminder", d, due, "LEAD", dsl});
                                if (lead != null) {
                                    earlier.add(new Object[]{"reminder", d, due, "LEAD", lead});
                                }
                            }
                        }
                        for (int i = 0; i < STEP_DAYS.length; i++) {
                            LocalDate due = deadline.plusDays(STEP_DAYS[i]);
                            if (due.isBefore(today)) {
                                if (i == 0) {
                                    earlier.add(new Object[]{"step", 1, due, "DSL", dsl});
                                    earlier.add(new Object[]{"step", 1, due, "HEADTEACHER", head});
                                } else if (i == 1) {
                                    earlier.add(new Object[]{"step", 2, due, "CHAIR_OF_GOVERNORS", chair});
                                }
                            }
                        }
                        for (Object[] e : earlier) {
                            String address = (String) e[4];
                            String key = "r" + r + ":" + e[0] + ":" + e[1] + ":" + (address == null ? e[3] + ":none" : address);
                            LocalDate due = (LocalDate) e[2];
                            message.add(p, p, r, o, key, ((String) e[0]).toUpperCase(), e[1], e[3], address == null ? null : "Someone",
                                    address, address == null ? "NOT_SENT" : "SENT", address == null ? "Nobody to write to" : null,
                                    Date.valueOf(due), Timestamp.from(due.atTime(SEND_HOUR).atZone(Dates.ZONE).toInstant()));
                            written++;
                        }
                    }
                }
                int returns = ret.rows;
                organisation.close();
                contact.close();
                account.close();
                role.close();
                member.close();
                ret.close();
                section.close();
                answer.close();
                message.close();
                c.commit();
                return new Fixtures(returns, contacts, accounts, written);
            }
        }
    }
}
