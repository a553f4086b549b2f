package org.assure.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import net.javacrumbs.shedlock.support.Utils;
import org.assure.kernel.DatabaseErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one scheduled job (ADR 0016). Every {@code assure.jobs.interval}, on whichever node holds the
 * "due-work" ShedLock row, it asks every {@link DueWork} bean for the pieces due now and does them:
 * keyed pieces first, oldest due first, each at most once ever (its key recorded in the same
 * transaction as its work); then every-run pieces, so that emails the keyed pieces queued go out
 * with the same run's outbox drain. A piece that fails is logged, rolled back and tried again at the
 * next run; it never stops the others. Once-only does not rely on ShedLock: two runs at once, on
 * one node or two, still do each key once. Tests call {@link #runOnce()} directly.
 */
@Singleton
public class DueWorkRunner {
    /**
     * A run starts no new keyed piece after this long: the rest are still due and not done, so the next
     * run catches them up. With the outbox's own budget (2 minutes) a run stays well inside the lock's
     * lockAtMostFor (10 minutes), so a slow run cannot let a second node start beside it.
     */
    static final Duration KEYED_BUDGET = Duration.ofMinutes(3);
    /** The scheduled run's lockAtMostFor: how long a run may hold the lock before another node may start. */
    static final String LOCK_AT_MOST_FOR = "10m";
    static final Duration LONGEST_RUN = Duration.ofMinutes(10);
    /** Done keys are looked up this many at a time: one query for any ordinary run. */
    static final int KEYS_PER_QUERY = 500;
    static final int MAX_PIECE_SUMMARY = 500;
    static final int MAX_NODE = 100;
    static final int MAX_SOURCE_NAME = 60;
    private static final Logger LOG = LoggerFactory.getLogger(DueWorkRunner.class);

    private final List<DueWork> sources;
    private final DueWorkTables.DoneKeys doneKeys;
    private final DueWorkHistory history;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String node;

    DueWorkRunner(List<DueWork> sources, DueWorkTables.DoneKeys doneKeys, DueWorkHistory history,
                  @Named("default") TransactionOperations<Connection> transactions, Clock clock,
                  @Value("${assure.jobs.node-name:}") String nodeName) {
        this.sources = sources.stream().sorted(Comparator.comparing(DueWork::name)).toList();
        Set<String> names = new HashSet<>();
        for (DueWork source : this.sources) {
            String name = source.name();
            if (name == null || name.isBlank() || name.length() > MAX_SOURCE_NAME || !names.add(name)) {
                throw new IllegalStateException("Each DueWork needs a name of its own, 1 to " + MAX_SOURCE_NAME
                        + " characters: " + source.getClass().getName() + " is named '" + name + "'");
            }
        }
        this.doneKeys = doneKeys;
        this.history = history;
        this.transactions = transactions;
        this.clock = clock;
        this.node = clip(nodeName.isBlank() ? Utils.getHostname() : nodeName.strip(), MAX_NODE);
    }

    /**
     * What one source's pieces came to in one run.
     *
     * @param doneSaid what each keyed piece done said it did (also kept with its key)
     * @param said     what each every-run piece said it did, when it did something
     */
    public record SourceRun(String source, int done, int failed, int doneElsewhere, int left, boolean unavailable,
                            List<String> doneSaid, List<String> said) {

        /** Whether this source did, or failed to do, anything this run. */
        public boolean active() {
            return done > 0 || failed > 0 || unavailable || !said.isEmpty();
        }

        /** "session-housekeeping: 1 done (2 idle sessions deleted)", "reminders: 12 done", "outbox: 3 sent, 1 failed". */
        public String line() {
            List<String> parts = new ArrayList<>();
            if (unavailable) {
                parts.add("could not say what is due (see the application log)");
            }
            if (done == 1 && doneSaid.size() == 1) {
                parts.add("1 done (" + doneSaid.get(0) + ")");
            } else if (done > 0) {
                parts.add(done + " done");
            }
            parts.addAll(said);
            if (failed > 0) {
                parts.add(failed + " failed, to be tried again");
            }
            if (left > 0) {
                parts.add(left + " left for the next run");
            }
            if (doneElsewhere > 0) {
                parts.add(doneElsewhere + " done by another run meanwhile");
            }
            return source + ": " + (parts.isEmpty() ? "nothing to do" : String.join(", ", parts));
        }
    }

    /** What one run did. */
    public record Run(String node, Instant startedAt, Instant finishedAt, List<SourceRun> sources) {
        public int failures() {
            return sources.stream().mapToInt(s -> s.failed() + (s.unavailable() ? 1 : 0)).sum();
        }

        public int done() {
            return sources.stream().mapToInt(SourceRun::done).sum();
        }

        /** Whether the run is worth keeping in the log: a piece done or failed, or an every-run piece that did something. */
        public boolean didSomething() {
            return sources.stream().anyMatch(SourceRun::active);
        }

        /** One line per source that did something, or "nothing due". */
        public String summary() {
            List<String> lines = sources.stream().filter(SourceRun::active).map(SourceRun::line).toList();
            return lines.isEmpty() ? "nothing due" : String.join("\n", lines);
        }

        public @Nullable SourceRun of(String source) {
            return sources.stream().filter(s -> s.source().equals(source)).findFirst().orElse(null);
        }
    }

    @Scheduled(fixedDelay = "${assure.jobs.interval}", initialDelay = "${assure.jobs.interval}")
    @SchedulerLock(name = "due-work", lockAtMostFor = LOCK_AT_MOST_FOR)
    void scheduled() {
        runOnce();
    }

    /** One run, as the schedule does it. Safe to call at the same time as other runs, here or on other nodes. */
    public Run runOnce() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<Offered> keyed = new ArrayList<>();
        List<Offered> everyRun = new ArrayList<>();
        for (DueWork source : sources) {
            Tally tally = tallies.computeIfAbsent(source.name(), Tally::new);
            try {
                for (DuePiece piece : source.due(now)) {
                    if (!piece.dueAt().isAfter(now)) {
                        (piece.isEveryRun() ? everyRun : keyed).add(new Offered(tally, piece));
                    }
                }
            } catch (RuntimeException e) {
                tally.unavailable = true;
                LOG.warn("Due work '{}' could not say what is due; its work waits for the next run", source.name(), e);
            }
        }
        keyed.sort(Comparator.comparing((Offered o) -> o.piece().dueAt()).thenComparing(o -> o.piece().key()));
        Set<String> done = doneAmong(keyed.stream().map(o -> o.piece().key()).distinct().toList());
        for (Offered offered : keyed) {
            if (!done.add(offered.piece().key())) {
                continue; // done before this run, or offered twice in it
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(KEYED_BUDGET) > 0) {
                offered.tally().left++;
                continue;
            }
            doOnce(offered.tally(), offered.piece());
        }
        for (Offered offered : everyRun) {
            doEveryRun(offered.tally(), offered.piece());
        }
        Run run = new Run(node, now, clock.instant(), tallies.values().stream().map(Tally::result).toList());
        try {
            history.record(run);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the due-work run of {} (the work itself is done and recorded)", now, e);
        }
        if (run.didSomething()) {
            LOG.info("Due work: {}", run.summary().replace("\n", "; "));
        }
        return run;
    }

    private Set<String> doneAmong(List<String> keys) {
        Set<String> done = new HashSet<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            done.addAll(doneKeys.findDone(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))));
        }
        return done;
    }

    /**
     * The key's row goes in first: a run that looked before this one committed waits on that row (MySQL
     * and H2 alike), then fails on it as a duplicate and leaves the work alone. Had this run rolled back,
     * the waiting run would do the piece instead.
     */
    private void doOnce(Tally tally, DuePiece piece) {
        try {
            String summary = transactions.executeWrite(status -> {
                doneKeys.save(new DueWorkTables.Done(piece.key(), tally.source, piece.partnershipId(), piece.description(),
                        piece.dueAt(), clock.instant(), node, null));
                String said;
                try {
                    said = clip(piece.work().run(), MAX_PIECE_SUMMARY);
                } catch (RuntimeException e) {
                    throw new WorkFailed(e);
                }
                if (!said.isEmpty()) {
                    doneKeys.recordSummary(piece.key(), said);
                }
                return said;
            });
            tally.done++;
            if (!summary.isEmpty()) {
                tally.doneSaid.add(summary);
            }
        } catch (RuntimeException e) {
            Throwable workFailure = workFailure(e);
            if (workFailure != null) {
                tally.failed++;
                LOG.warn("Due work '{}' of {} failed; it will be tried again at the next run", piece.key(), tally.source, workFailure);
            } else if (DatabaseErrors.isDuplicateKey(e)) {
                tally.doneElsewhere++;
            } else {
                tally.failed++;
                LOG.warn("Due work '{}' could not be recorded; it will be tried again at the next run", piece.key(), e);
            }
        }
    }

    private void doEveryRun(Tally tally, DuePiece piece) {
        try {
            String said = clip(piece.work().run(), MAX_PIECE_SUMMARY);
            if (!said.isEmpty()) {
                tally.said.add(said);
            }
        } catch (RuntimeException e) {
            tally.failed++;
            LOG.warn("Due work '{}' of {} failed; it runs again at the next run", piece.description(), tally.source, e);
        }
    }

    /** The work's own exception, if that is what ended the transaction (however the transaction manager wrapped it). */
    private static @Nullable Throwable workFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WorkFailed) {
                return t.getCause();
            }
        }
        return null;
    }

    String node() {
        return node;
    }

    static String clip(@Nullable String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private record Offered(Tally tally, DuePiece piece) {
    }

    /** The work of a piece threw: unlike a failed insert of its key, never a sign that another run did it. */
    private static final class WorkFailed extends RuntimeException {
        WorkFailed(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static final class Tally {
        final String source;
        int done;
        int failed;
        int doneElsewhere;
        int left;
        boolean unavailable;
        final List<String> doneSaid = new ArrayList<>();
        final List<String> said = new ArrayList<>();

        Tally(String source) {
            this.source = source;
        }

        SourceRun result() {
            return new SourceRun(source, done, failed, doneElsewhere, left, unavailable, List.copyOf(doneSaid), List.copyOf(said));
        }
    }
}
