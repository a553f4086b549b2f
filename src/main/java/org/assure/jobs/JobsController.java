package org.assure.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Partnership admins see what the due-work runner did: when it last ran, on which node, the recent
 * runs that did something, and the pieces done lately. Runs serve every partnership, so they are
 * shown installation-wide (their summaries are counts, never names); a piece done for one
 * partnership is shown to that partnership's admins only.
 */
@Controller("/jobs")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class JobsController {
    static final int RUNS_SHOWN = 20;
    static final int PIECES_SHOWN = 50;
    private final DueWorkHistory history;
    private final Clock clock;
    private final Duration interval;

    JobsController(DueWorkHistory history, Clock clock, @Value("${assure.jobs.interval}") Duration interval) {
        this.history = history;
        this.clock = clock;
        this.interval = interval;
    }

    /** The page; "late" when no run has finished for two intervals plus the longest a run may take. */
    @Get
    MutableHttpResponse<?> page(CurrentUser admin) {
        List<DueWorkTables.NodeRun> nodes = history.lastRuns();
        Instant now = clock.instant();
        boolean late = !nodes.isEmpty()
                && nodes.get(0).finishedAt().isBefore(now.minus(interval.multipliedBy(2)).minus(DueWorkRunner.LONGEST_RUN));
        return Forms.page("jobs/jobs", Model.of("lastRuns", nodes.stream().map(JobsPage.LastRun::of).toList())
                .with("late", late)
                .with("every", JobsPage.every(interval))
                .with("runs", history.recentRuns(RUNS_SHOWN).stream().map(JobsPage.LoggedRun::of).toList())
                .with("pieces", history.recentlyDone(admin, PIECES_SHOWN).stream().map(JobsPage.DonePiece::of).toList())
                .with("kept", JobsPage.words(DueWorkHistory.KEPT)));
    }
}
