package org.assure.chasing;

import io.micronaut.context.ApplicationContext;
import org.assure.chasing.ChasedCycles.Chased;
import org.assure.chasing.ChasingRepositories.ChaseMessage;
import org.assure.jobs.DueWorkRunner;
import org.assure.notify.Outbox;
import org.assure.notify.OutboxEmail;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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
 * Two application nodes on one database chasing the same cycle at the same moment, first by the chasing run itself
 * (the unique chase key decides) and then by their due-work runners (the daily piece decides): every email is written
 * once, with one outbox row, and the loser leaves nothing behind.
 */
class ChasingAcrossNodesTest {
    private static final int SCHOOLS = 6;

    @Test
    void twoNodesChasingOneCycleAtOnceWriteEachEmailOnce() throws Exception {
        Map<String, Object> database = new HashMap<>(TestDatabases.forContext());
        try (ApplicationContext nodeA = start(database, "node-a"); ApplicationContext nodeB = start(database, "node-b")) {
            ChasedCycles onA = nodeA.getBean(ChasedCycles.class);
            ChasedCycles onB = nodeB.getBean(ChasedCycles.class);
            Chased c = onA.cycle(SCHOOLS);
            // one lead for every school: a cap high enough that nothing is held, so each run owes the same emails
            ChasingRules defaults = ChasingRules.defaults(c.cycleId());
            nodeA.getBean(RulesStore.class).save(c.p().id(), new ChasingRules(c.cycleId(), defaults.reminderDays(), 14, defaults.notMetThreshold(),
                    List.of(), defaults.schoolLadder(), defaults.agencyLadder(), true), c.admin().id());

            LocalDate first = c.deadline().minusDays(28);
            onA.advanceTo(first);
            onB.advanceTo(first);
            CycleTerms cycle = nodeA.getBean(CycleLookup.class).terms(c.cycleId());
            CyclicBarrier together = new CyclicBarrier(2);
            List<Object> runs = Concurrently.all(List.<Callable<Object>>of(() -> runAt(together, nodeA, cycle, first),
                    () -> runAt(together, nodeB, cycle, first)));
            int sent = runs.stream().filter(r -> r instanceof ChaseOutcome).mapToInt(r -> ((ChaseOutcome) r).sent()).sum();
            assertEquals(SCHOOLS * 2, sent, "one run wrote them all, the other nothing (or it rolled back): " + runs);
            assertWrittenOnce(nodeA, c, SCHOOLS * 2);

            LocalDate second = c.deadline().minusDays(14);
            onA.advanceTo(second);
            onB.advanceTo(second);
            DueWorkRunner runnerA = nodeA.getBean(DueWorkRunner.class);
            DueWorkRunner runnerB = nodeB.getBean(DueWorkRunner.class);
            List<DueWorkRunner.Run> pieces = Concurrently.all(List.<Callable<DueWorkRunner.Run>>of(runnerA::runOnce, runnerB::runOnce));
            assertEquals(2, pieces.stream().mapToInt(r -> r.of("chasing") == null ? 0 : r.of("chasing").done()).sum(), "yesterday's and today's piece, each on one node: " + pieces);
            assertWrittenOnce(nodeA, c, SCHOOLS * 4);

            runnerA.runOnce();
            runnerB.runOnce();
            assertEquals(new ChaseOutcome(0, 0, 0), nodeB.getBean(ChaseRun.class).run(cycle, second), "all written already");
            assertWrittenOnce(nodeA, c, SCHOOLS * 4);
        }
    }

    /** Both runs start together; the loser of the race on a chase key fails and rolls back, which is the point. */
    private static Object runAt(CyclicBarrier together, ApplicationContext node, CycleTerms cycle, LocalDate day) throws Exception {
        together.await();
        try {
            return node.getBean(ChaseRun.class).run(cycle, day);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** This many chase messages under distinct keys, each with its own reminder in the outbox, and no reminder without one. */
    private static void assertWrittenOnce(ApplicationContext node, Chased c, int expected) {
        List<ChaseMessage> written = node.getBean(ChasedCycles.class).messages(c);
        assertEquals(expected, written.size(), written.toString());
        assertEquals(expected, written.stream().map(ChaseMessage::chaseKey).distinct().count());
        assertTrue(written.stream().allMatch(ChaseMessage::sent));
        List<OutboxEmail> reminders = node.getBean(Outbox.class).recent(c.p().id()).stream().filter(e -> e.subject().startsWith("Reminder:")).toList();
        assertEquals(expected, reminders.size(), "one outbox email a chase message");
        Set<Long> kept = written.stream().map(ChaseMessage::outboxId).collect(Collectors.toSet());
        assertEquals(kept, reminders.stream().map(OutboxEmail::id).collect(Collectors.toSet()), "each message keeps its own email's id");
    }

    private static ApplicationContext start(Map<String, Object> database, String node) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("assure.jobs.node-name", node);
        return ApplicationContext.run(properties, "test");
    }
}
