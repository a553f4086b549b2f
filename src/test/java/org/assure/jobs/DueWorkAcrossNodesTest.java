package org.assure.jobs;

import io.micronaut.context.ApplicationContext;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestClock;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application nodes on one database, running at the same moment with ShedLock out of the picture
 * (runOnce is called directly): each piece is still done once, by one node or the other.
 */
class DueWorkAcrossNodesTest {

    @Test
    void twoNodesOnOneDatabaseDoEachPieceOnce() throws Exception {
        Map<String, Object> database = new HashMap<>(TestDatabases.forContext());
        database.put(CountingWork.ENABLED, "true");
        try (ApplicationContext nodeA = start(database, "node-a"); ApplicationContext nodeB = start(database, "node-b")) {
            CountingWork onA = nodeA.getBean(CountingWork.class);
            CountingWork onB = nodeB.getBean(CountingWork.class);
            Instant now = nodeA.getBean(TestClock.class).instant();
            List<String> keys = new ArrayList<>();
            int run = Fixtures.next();
            for (int i = 0; i < 40; i++) {
                keys.add("nodes-" + run + ":piece-" + i);
            }
            for (CountingWork work : List.of(onA, onB)) {
                keys.forEach(k -> work.plan(k, now.minusSeconds(1)));
            }
            CyclicBarrier together = new CyclicBarrier(2);
            onA.meetAtDue(together);
            onB.meetAtDue(together);

            DueWorkRunner runnerA = nodeA.getBean(DueWorkRunner.class);
            DueWorkRunner runnerB = nodeB.getBean(DueWorkRunner.class);
            List<DueWorkRunner.Run> runs = Concurrently.all(List.<Callable<DueWorkRunner.Run>>of(runnerA::runOnce, runnerB::runOnce));

            for (String key : keys) {
                assertEquals(1, onA.started(key) + onB.started(key), key + " started once, on one node");
            }
            assertEquals(40, runs.stream().mapToInt(r -> r.of(CountingWork.NAME).done()).sum());
            assertEquals(Set.of("node-a", "node-b"), runs.stream().map(DueWorkRunner.Run::node).collect(Collectors.toSet()));
            Set<String> lastRunOf = nodeB.getBean(DueWorkHistory.class).lastRuns().stream()
                    .map(DueWorkTables.NodeRun::node).collect(Collectors.toSet());
            assertEquals(Set.of("node-a", "node-b"), lastRunOf, "each node's last run, on either node's page");

            onA.meetAtDue(null);
            onB.meetAtDue(null);
            assertEquals(0, runnerA.runOnce().of(CountingWork.NAME).done());
            assertEquals(0, runnerB.runOnce().of(CountingWork.NAME).done());
            assertTrue(keys.stream().allMatch(k -> onA.started(k) + onB.started(k) == 1));
        }
    }

    private static ApplicationContext start(Map<String, Object> database, String node) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("assure.jobs.node-name", node);
        return ApplicationContext.run(properties, "test");
    }
}
