package org.assure.jobs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.notify.Outbox;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner with a test source whose pieces count their runs. Nothing here waits on time: only on latches and barriers. */
@MicronautTest(transactional = false)
class DueWorkRunnerTest extends WebTest {
    @Inject
    DueWorkRunner runner;
    @Inject
    CountingWork work;
    @Inject
    DueWorkTables.Runs runs;
    @Inject
    DueWorkTables.DoneKeys doneKeys;
    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(CountingWork.ENABLED, "true");
        return properties;
    }

    @BeforeEach
    void clearPlan() {
        work.clear();
    }

    @Test
    void runningTwiceDoesEachPieceOnce() {
        Instant now = clock.instant();
        List<String> keys = keys(3);
        work.plan(keys.get(0), now.minus(Duration.ofDays(1)));
        work.plan(keys.get(1), now.minus(Duration.ofMinutes(1)));
        work.plan(keys.get(2), now);

        DueWorkRunner.Run first = runner.runOnce();
        DueWorkRunner.Run second = runner.runOnce();

        for (String key : keys) {
            assertEquals(1, work.started(key), key);
            assertEquals(1, work.finished(key), key);
        }
        assertEquals(3, first.of(CountingWork.NAME).done());
        assertEquals(0, second.of(CountingWork.NAME).done());
        assertEquals(0, second.of(CountingWork.NAME).doneElsewhere(), "skipped by the one query, not by a failed insert");
        assertTrue(first.summary().contains("counting: 3 done"), first.summary());
    }

    @Test
    void twoRunsAtOnceDoEachPieceOnce() throws Exception {
        Instant now = clock.instant();
        List<String> keys = keys(30);
        keys.forEach(k -> work.plan(k, now.minusSeconds(1)));
        work.meetAtDue(new CyclicBarrier(2));

        List<DueWorkRunner.Run> both = Concurrently.times(2, runner::runOnce);
        work.meetAtDue(null);

        for (String key : keys) {
            assertEquals(1, work.started(key), key + " started once");
        }
        int done = both.stream().mapToInt(r -> r.of(CountingWork.NAME).done()).sum();
        assertEquals(keys.size(), done, "every piece done by one run or the other");
        both.forEach(r -> assertEquals(0, r.of(CountingWork.NAME).failed(), r.summary()));
        assertEquals(0, runner.runOnce().of(CountingWork.NAME).done(), "nothing left");
    }

    @Test
    void aPieceDueWhileTheAppWasDownIsCaughtUpAtTheNextRun() {
        Instant dueAt = clock.instant().plus(Duration.ofDays(1));
        String key = keys(1).get(0);
        work.plan(key, dueAt);

        runner.runOnce();
        assertEquals(0, work.started(key), "not due yet");

        clock.advance(Duration.ofDays(3)); // the app was down when it fell due: no run saw that moment
        DueWorkRunner.Run catchUp = runner.runOnce();

        assertEquals(1, work.started(key));
        assertEquals(1, catchUp.of(CountingWork.NAME).done());
        runner.runOnce();
        assertEquals(1, work.started(key), "and only once");
    }

    @Test
    void aFailingPieceIsRetriedAtTheNextRunAndDoesNotStopTheOthers() {
        Instant now = clock.instant();
        List<String> keys = keys(3);
        work.plan(keys.get(0), now.minusSeconds(30));
        work.planFailing(keys.get(1), now.minusSeconds(20), 1);
        work.plan(keys.get(2), now.minusSeconds(10));

        DueWorkRunner.Run first = runner.runOnce();

        assertEquals(2, first.of(CountingWork.NAME).done());
        assertEquals(1, first.of(CountingWork.NAME).failed());
        assertTrue(first.summary().contains("counting: 2 done, 1 failed, to be tried again"), first.summary());
        assertEquals(1, first.failures());
        assertEquals(1, work.started(keys.get(2)), "the piece after the failure ran");
        assertEquals(0, work.finished(keys.get(1)));

        DueWorkRunner.Run second = runner.runOnce();

        assertEquals(1, second.of(CountingWork.NAME).done(), "the failed piece, retried");
        assertEquals(2, work.started(keys.get(1)));
        assertEquals(1, work.finished(keys.get(1)));
        assertEquals(1, work.started(keys.get(0)));
        assertEquals(1, work.started(keys.get(2)));
        assertEquals(0, runner.runOnce().of(CountingWork.NAME).done());
    }

    @Test
    void aPieceFailingOnADuplicateKeyOfItsOwnIsAFailureNotWorkDoneElsewhere() {
        Instant now = clock.instant();
        List<String> keys = keys(2);
        work.plan(keys.get(0), now);
        runner.runOnce();
        var existing = doneKeys.findById(keys.get(0)).orElseThrow();
        work.plan(keys.get(1), now, null, () -> doneKeys.save(existing)); // the feature's own insert clashes

        DueWorkRunner.Run run = runner.runOnce();

        assertEquals(1, run.of(CountingWork.NAME).failed());
        assertEquals(0, run.of(CountingWork.NAME).doneElsewhere());
        assertTrue(doneKeys.findById(keys.get(1)).isEmpty(), "rolled back, to be tried again");
    }

    @Test
    void whatAFailedPieceWroteIsRolledBackWithItsKey() {
        Partnership p = fixtures.partnership();
        String key = keys(1).get(0);
        String to = "reminder" + Fixtures.next() + "@school.test";
        var fails = new java.util.concurrent.atomic.AtomicBoolean(true);
        work.plan(key, clock.instant(), p.id(), () -> {
            outbox.send(p.id(), to, "Reminder", "Your return is due."); // joins the piece's transaction
            if (fails.get()) {
                throw new IllegalStateException("failed after queueing the email");
            }
        });

        assertEquals(1, runner.runOnce().of(CountingWork.NAME).failed());
        assertTrue(emailsTo(p, to).isEmpty(), "the email went with the rollback");

        fails.set(false);
        assertEquals(1, runner.runOnce().of(CountingWork.NAME).done());
        runner.runOnce();
        assertEquals(1, emailsTo(p, to).size(), "queued once, by the run that recorded the key");
    }

    @Test
    void aSourceThatCannotSayWhatIsDueDoesNotStopTheOthers() {
        Instant hour = alignToANewHour();
        work.failToSayWhatIsDue(true);

        DueWorkRunner.Run run = runner.runOnce();

        assertTrue(run.of(CountingWork.NAME).unavailable());
        assertEquals(1, run.of("session-housekeeping").done(), "another source's piece for " + hour);
        assertTrue(run.summary().contains("counting: could not say what is due (see the application log)"), run.summary());
        assertEquals(1, run.failures());
    }

    @Test
    void anEveryRunPieceRunsAtEveryRunAndOnlyBusyRunsAreLogged() {
        alignToANewHour();
        runner.runOnce(); // this hour's housekeeping (and today's pruning) out of the way
        var sent = new java.util.concurrent.atomic.AtomicInteger();
        work.planEveryRun("drain", clock.instant(), () -> sent.getAndIncrement() == 0 ? "2 sent" : "");
        long logged = runs.count();

        DueWorkRunner.Run busy = runner.runOnce();
        DueWorkRunner.Run idle = runner.runOnce();

        assertEquals(2, work.started("drain"), "at every run");
        assertEquals("counting: 2 sent", busy.summary());
        assertTrue(busy.didSomething());
        assertEquals("nothing due", idle.summary());
        assertFalse(idle.didSomething());
        assertEquals(logged + 1, runs.count(), "the busy run is logged, the idle one is not");
        assertEquals(1, count("SELECT COUNT(*) FROM due_work_node WHERE node = '" + runner.node() + "'"), "one last-run row per node");
        assertEquals("nothing due", text("SELECT summary FROM due_work_node WHERE node = '" + runner.node() + "'"));
    }

    @Test
    void theRunnerPrunesItsLogOfRunsOnceADay() {
        Instant now = clock.instant();
        runs.save(new DueWorkTables.Run(null, "old-node", now.minus(Duration.ofDays(35)), now.minus(Duration.ofDays(35)), "old", 0));
        runs.save(new DueWorkTables.Run(null, "recent-node", now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(20)), "recent", 0));
        clock.advance(Duration.ofDays(1)); // a day whose pruning is not done yet

        DueWorkRunner.Run run = runner.runOnce();

        assertEquals(1, run.of(HistoryPruning.NAME).done(), run.summary());
        assertEquals(0, count("SELECT COUNT(*) FROM due_work_run WHERE node = 'old-node'"));
        assertEquals(1, count("SELECT COUNT(*) FROM due_work_run WHERE node = 'recent-node'"));
        assertEquals(0, runner.runOnce().of(HistoryPruning.NAME).done(), "once a day");
    }

    @Test
    void theScheduledRunTakesItsShedLock() {
        runner.scheduled();
        assertEquals(1, count("SELECT COUNT(*) FROM shedlock WHERE name = 'due-work'"));
    }

    @Test
    void piecesAndSourcesCheckWhatTheyAreGiven() {
        DueWork outbox = source("outbox");
        assertThrows(() -> new DueWorkRunner(List.of(outbox, source("outbox")), null, null, null, clock, "node"));
        assertThrows(() -> new DueWorkRunner(List.of(source("x".repeat(61))), null, null, null, clock, "node"));
        assertEquals("node", new DueWorkRunner(List.of(outbox), null, null, null, clock, " node ").node());

        Instant now = clock.instant();
        DuePiece.Work nothing = () -> "";
        assertThrows(() -> DuePiece.once("", now, "x", nothing));
        assertThrows(() -> DuePiece.once("k".repeat(201), now, "x", nothing));
        assertThrows(() -> DuePiece.once("k", now, " ", nothing));
        assertThrows(() -> DuePiece.once("k", null, "x", nothing));
        assertTrue(DuePiece.everyRun(now, "drain", nothing).isEveryRun());
        assertEquals(7L, DuePiece.once("k", now, "x", nothing).forPartnership(7).partnershipId());
    }

    private static DueWork source(String name) {
        return new DueWork() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<DuePiece> due(Instant now) {
                return List.of();
            }
        };
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, call);
    }

    /** Moves the clock a minute into the next hour, so that the hour's housekeeping is due and the test stays inside that hour. */
    private Instant alignToANewHour() {
        Instant now = clock.instant();
        Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        clock.advance(Duration.between(now, next.plus(Duration.ofMinutes(1))));
        return next;
    }

    private List<org.assure.notify.OutboxEmail> emailsTo(Partnership p, String to) {
        return outbox.recent(p.id()).stream().filter(e -> e.recipient().equals(to)).toList();
    }

    private static List<String> keys(int n) {
        int run = Fixtures.next();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("test-" + run + ":piece-" + i);
        }
        return keys;
    }

    private int count(String sql) {
        return Integer.parseInt(text(sql));
    }

    private String text(String sql) {
        return transactions.executeRead(status -> {
            try (var rs = status.getConnection().createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
