package org.assure.jobs;

import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.CurrentUser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the runner has done, for the jobs page: each node's last run (one row per node, rewritten by
 * every run), the runs that did something (kept four weeks) and the keyed pieces done. The runner
 * writes a row per run only when the run did something, so 30-second runs that find nothing leave
 * nothing behind but their node's "last run".
 */
@Singleton
class DueWorkHistory {
    /** How long the log of runs is kept; {@link HistoryPruning} deletes older runs once a day. */
    static final Duration KEPT = Duration.ofDays(28);
    static final int MAX_RUN_SUMMARY = 2000;
    private final DueWorkTables.NodeRuns nodes;
    private final DueWorkTables.Runs runs;
    private final DueWorkTables.DoneKeys done;
    private final AccessPolicy access;

    DueWorkHistory(DueWorkTables.NodeRuns nodes, DueWorkTables.Runs runs, DueWorkTables.DoneKeys done, AccessPolicy access) {
        this.access = access;
        this.nodes = nodes;
        this.runs = runs;
        this.done = done;
    }

    /** Each statement on its own: a lost log row must not undo the node's "last run", nor the reverse. */
    void record(DueWorkRunner.Run run) {
        String summary = clip(run.summary());
        nodes.upsert(run.node(), run.startedAt(), run.finishedAt(), summary, run.failures());
        if (run.didSomething()) {
            runs.save(new DueWorkTables.Run(null, run.node(), run.startedAt(), run.finishedAt(), summary, run.failures()));
        }
    }

    /** Deletes runs, and nodes not heard of, older than {@link #KEPT}; says how many runs went. */
    long prune(Instant now) {
        Instant before = now.minus(KEPT);
        nodes.deleteFinishedBefore(before);
        return runs.deleteStartedBefore(before);
    }

    /** Every node's last run, the latest first. */
    List<DueWorkTables.NodeRun> lastRuns() {
        return nodes.findNewestFirst();
    }

    List<DueWorkTables.Run> recentRuns(int limit) {
        return runs.findRecent(limit);
    }

    /** Pieces done for the whole installation or for the admin's partnership; never another partnership's. */
    List<DueWorkTables.Done> recentlyDone(CurrentUser admin, int limit) {
        access.requireAdmin(admin);
        return done.findRecent(admin.partnershipId(), limit);
    }

    private static String clip(String summary) {
        return summary.length() <= MAX_RUN_SUMMARY ? summary : summary.substring(0, MAX_RUN_SUMMARY - 1) + "…";
    }
}
