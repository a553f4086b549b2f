package org.assure.jobs;

import io.micronaut.context.ApplicationContext;
import org.assure.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark, not a test: what a run of the due-work runner costs when it has nothing new to do, with N keys
 * already in due_work_done and K of them offered again by a source (a source offering its past pieces, as
 * "what should have happened by now" does). Each step is a fresh database on the chosen server. Run it as
 * doc/benchmarks.md says. Arguments (optional): H2 or MYSQL (default MYSQL), runs per step (200).
 */
public final class DueWorkRunnerBenchmark {
    private static final int[] DONE = {0, 10_000, 100_000};
    private static final int[] OFFERED = {0, 100, 1_000};

    private DueWorkRunnerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabases.Kind kind = args.length > 0 ? TestDatabases.Kind.valueOf(args[0]) : TestDatabases.Kind.MYSQL;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf("%s, %d idle runs per step%n| done keys | offered again | median | p95 |%n|---|---|---|---|%n", kind, runs);
        for (int done : DONE) {
            Map<String, Object> properties = new HashMap<>(TestDatabases.of(kind));
            properties.put(CountingWork.ENABLED, "true");
            try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
                fill(properties, done);
                DueWorkRunner runner = context.getBean(DueWorkRunner.class);
                CountingWork work = context.getBean(CountingWork.class);
                runner.runOnce(); // this hour's housekeeping and today's pruning, out of the way
                for (int offered : OFFERED) {
                    if (offered > done) {
                        continue;
                    }
                    work.clear();
                    for (int i = 0; i < offered; i++) {
                        work.plan("bench:" + i, Instant.EPOCH);
                    }
                    for (int i = 0; i < 200; i++) {
                        runner.runOnce(); // warm-up: JIT, pool, the server's caches
                    }
                    long[] nanos = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        long start = System.nanoTime();
                        DueWorkRunner.Run run = runner.runOnce();
                        nanos[i] = System.nanoTime() - start;
                        if (run.didSomething()) {
                            throw new IllegalStateException("not idle: " + run.summary());
                        }
                    }
                    Arrays.sort(nanos);
                    System.out.printf("| %,d | %,d | %.2f ms | %.2f ms |%n", done, offered,
                            nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6);
                }
            }
        }
        System.exit(0);
    }

    /** N done keys, "bench:0" … as if the runner had done them over the years. */
    private static void fill(Map<String, Object> db, int n) throws Exception {
        try (Connection c = DriverManager.getConnection((String) db.get("datasources.default.url"),
                (String) db.get("datasources.default.username"), (String) db.get("datasources.default.password"))) {
            c.setAutoCommit(false);
            Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO due_work_done (work_key, source, partnership_id, "
                    + "description, due_at, done_at, node, summary) VALUES (?, 'counting', NULL, 'benchmark', ?, ?, 'bench', 'done')")) {
                List<Integer> pending = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    insert.setString(1, "bench:" + i);
                    insert.setTimestamp(2, at);
                    insert.setTimestamp(3, at);
                    insert.addBatch();
                    pending.add(i);
                    if (pending.size() == 1000) {
                        insert.executeBatch();
                        pending.clear();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }
}
