package org.assure.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestClock;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The V9 migration and the runner's queries on H2 (local mode) and on the MySQL-protocol server: the done-key
 * lookup (an IN list, 500 keys at a time), the key insert that finds another node's key, the per-node upsert,
 * partnership scoping and pruning; and two runs at once, whose once-only rests on each database's locking.
 */
class DueWorkQueriesOnBothDatabasesTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void recordsAndQueriesWork(TestDatabases.Kind kind) {
        try (ApplicationContext context = start(kind)) {
            DueWorkRunner runner = context.getBean(DueWorkRunner.class);
            CountingWork work = context.getBean(CountingWork.class);
            DueWorkHistory history = context.getBean(DueWorkHistory.class);
            DueWorkTables.DoneKeys doneKeys = context.getBean(DueWorkTables.DoneKeys.class);
            @SuppressWarnings("unchecked") TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            Instant now = context.getBean(TestClock.class).instant();

            List<String> many = keys(600);
            many.forEach(k -> work.plan(k, now.minus(Duration.ofHours(1))));
            assertEquals(600, runner.runOnce().of(CountingWork.NAME).done());
            DueWorkRunner.Run again = runner.runOnce();
            assertEquals(0, again.of(CountingWork.NAME).done());
            assertEquals(0, again.of(CountingWork.NAME).doneElsewhere(), "all 600 found done by the lookup");
            assertTrue(many.stream().allMatch(k -> work.started(k) == 1));

            // Another node records a key after this run looked it up: the insert finds it, and the work is left alone.
            work.clear();
            String early = "early-" + Fixtures.next();
            String late = "late-" + Fixtures.next();
            work.plan(early, now.minus(Duration.ofMinutes(2)), null, () -> tx.execute(
                    TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
                        doneKeys.save(new DueWorkTables.Done(late, CountingWork.NAME, null, "counting " + late, now, now, "other-node", null));
                        return null;
                    }));
            work.plan(late, now.minus(Duration.ofMinutes(1)));
            DueWorkRunner.Run raced = runner.runOnce();
            assertEquals(1, raced.of(CountingWork.NAME).done());
            assertEquals(1, raced.of(CountingWork.NAME).doneElsewhere());
            assertEquals(0, work.started(late), "done by the other node, not again here");
            assertEquals(0, raced.failures());

            // One last-run row per node, rewritten by each run.
            List<DueWorkTables.NodeRun> nodes = history.lastRuns();
            assertEquals(1, nodes.size());
            assertEquals("node-" + kind, nodes.get(0).node());
            assertTrue(nodes.get(0).summary().contains("counting: 1 done (counted " + early + "), 1 done by another run meanwhile"),
                    nodes.get(0).summary());

            // A partnership's pieces are its own; installation-wide ones are everyone's.
            work.clear();
            String ours = "ours-" + Fixtures.next();
            String theirs = "theirs-" + Fixtures.next();
            work.plan(ours, now, 1001L, () -> { });
            work.plan(theirs, now, 1002L, () -> { });
            runner.runOnce();
            List<String> seen = history.recentlyDone(new org.assure.access.CurrentUser(1, 1001L, "P", "admin@people.test", "Admin", java.util.Set.of(org.assure.access.Roles.ADMIN), java.util.Set.of()), 1000).stream().map(DueWorkTables.Done::workKey).toList();
            assertTrue(seen.contains(ours));
            assertTrue(seen.contains(early), "installation-wide");
            assertFalse(seen.contains(theirs), "never another partnership's");
            assertEquals("counted " + ours, doneKeys.findById(ours).orElseThrow().summary());

            // The log of runs keeps four weeks.
            var runs = context.getBean(DueWorkTables.Runs.class);
            runs.save(new DueWorkTables.Run(null, "gone", now.minus(Duration.ofDays(29)), now.minus(Duration.ofDays(29)), "old", 0));
            long before = runs.count();
            assertEquals(1, history.prune(now));
            assertEquals(before - 1, runs.count());
            assertFalse(history.recentRuns(10).isEmpty());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void twoRunsAtOnceDoEachPieceOnce(TestDatabases.Kind kind) throws Exception {
        try (ApplicationContext context = start(kind)) {
            DueWorkRunner runner = context.getBean(DueWorkRunner.class);
            CountingWork work = context.getBean(CountingWork.class);
            Instant now = context.getBean(TestClock.class).instant();
            List<String> keys = keys(40);
            keys.forEach(k -> work.plan(k, now.minusSeconds(1)));
            work.meetAtDue(new CyclicBarrier(3));

            List<DueWorkRunner.Run> runs = Concurrently.times(3, runner::runOnce);

            assertTrue(keys.stream().allMatch(k -> work.started(k) == 1), "every piece started once");
            assertEquals(40, runs.stream().mapToInt(r -> r.of(CountingWork.NAME).done()).sum());
            assertEquals(0, runs.stream().mapToInt(DueWorkRunner.Run::failures).sum());
        }
    }

    private static ApplicationContext start(TestDatabases.Kind kind) {
        Assumptions.assumeTrue(kind == TestDatabases.Kind.H2 || TestDatabases.mysqlAvailable(),
                "no MySQL-protocol server: set ASSURE_TEST_MYSQL_URL or run Docker");
        Map<String, Object> properties = new HashMap<>(TestDatabases.of(kind));
        properties.put(CountingWork.ENABLED, "true");
        properties.put("assure.jobs.node-name", "node-" + kind);
        return ApplicationContext.run(properties, "test");
    }

    private static List<String> keys(int n) {
        int run = Fixtures.next();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("both-" + run + ":piece-" + i);
        }
        return keys;
    }
}
