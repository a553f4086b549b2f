package org.assure.exports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.kernel.AssureSettings;
import org.assure.kernel.Dates;
import org.assure.kernel.Refusal;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * A cycle's exports (issue 14, ADRs 0042 and 0047), one mechanism for every {@link ExportKind}, each written by its
 * {@link ExportWriter}: a POST queues a job, an executor thread writes the file into
 * {@code <data dir>/exports/} while the job's row counts the rows written, and the job's page links the file when it
 * is ready. A second request while one is queued or running finds that one. Housekeeping ({@link ExportHousekeeping})
 * deletes files after a day and picks up jobs a stopped process left queued.
 */
@Singleton
public class Exports {
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    private final ExportJobs jobs;
    private final Map<ExportKind, ExportWriter> writers = new EnumMap<>(ExportKind.class);
    private final CycleLookup cycles;
    private final ExecutorService executor;
    private final Path folder;
    private final Clock clock;

    Exports(ExportJobs jobs, List<ExportWriter> writers, CycleLookup cycles, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
            AssureSettings settings, Clock clock) {
        this.jobs = jobs;
        writers.forEach(w -> this.writers.put(w.kind(), w));
        for (ExportKind kind : ExportKind.values()) {
            if (!this.writers.containsKey(kind)) {
                throw new IllegalStateException("No writer for the " + kind + " export");
            }
        }
        this.cycles = cycles;
        this.executor = executor;
        this.folder = Path.of(settings.dataDir(), "exports");
        this.clock = clock;
    }

    /** What the export page shows. */
    public record JobView(long id, long cycleId, String cycleName, String title, String kindLabel, String status, long rowsWritten,
                          long rowsExpected, int percent, boolean ready, boolean failed, boolean expired, String requestedBy,
                          String requestedAt, @Nullable String finishedAt, @Nullable String download, @Nullable String size) {
    }

    /** Starts an export of a cycle of the admin's partnership, or finds the one of that kind under way; returns the job id. */
    public long start(CurrentUser admin, long cycleId, ExportKind kind) {
        CycleTerms cycle = cycle(admin, cycleId);
        long expected = writers.get(kind).rowsExpected(admin.partnershipId(), cycle);
        var created = jobs.insert(admin.partnershipId(), cycleId, kind.name(), expected, admin.accountId(), clock.instant());
        if (created.isEmpty()) {
            return jobs.active(cycleId, kind.name()).map(ExportJobs.Job::id)
                    .orElseGet(() -> start(admin, cycleId, kind)); // it finished between the two reads: start a new one
        }
        long id = created.get();
        executor.execute(() -> run(id));
        return id;
    }

    public JobView page(CurrentUser admin, long jobId) {
        ExportJobs.Job job = job(admin, jobId);
        return view(job, cycles.terms(job.cycleId()).name());
    }

    /** The cycle's exports, newest first, for the cycle page. */
    public List<JobView> ofCycle(CurrentUser admin, long cycleId) {
        CycleTerms cycle = cycle(admin, cycleId);
        return jobs.ofCycle(cycleId).stream().map(j -> view(j, cycle.name())).toList();
    }

    /** A ready file and the name it is downloaded as. */
    record Download(Path file, String name) {
    }

    /**
     * The ready file of a job, its taking recorded in the audit trail; 404 when the job is not the partnership's, not
     * ready, or its file is gone.
     */
    Download download(CurrentUser admin, long jobId) {
        ExportJobs.Job job = job(admin, jobId);
        Path file = job.fileName() == null ? null : folder.resolve(job.fileName());
        if (job.status() != ExportJobs.Status.READY || file == null || !Files.isRegularFile(file)) {
            throw Refusal.notFound("Export");
        }
        jobs.downloaded(job, admin.accountId());
        return new Download(file, "cycle-" + job.cycleId() + "-" + kindOf(job).fileWord() + "-" + job.id() + ".xlsx");
    }

    /** Runs a queued job once: whoever claims it writes it; a job already taken is left alone. */
    void run(long jobId) {
        if (!jobs.claim(jobId, clock.instant())) {
            return;
        }
        ExportJobs.Job job = jobs.find(jobId).orElseThrow();
        Path part = null;
        try {
            Files.createDirectories(folder);
            CycleTerms cycle = cycles.terms(job.cycleId());
            ExportWriter writer = writers.get(kindOf(job));
            String name = "export-" + job.id() + ".xlsx";
            part = folder.resolve(name + ".part");
            long written;
            try (OutputStream out = Files.newOutputStream(part)) {
                written = writer.write(job.partnershipId(), cycle, out, n -> jobs.progress(jobId, n));
            }
            Path file = folder.resolve(name);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            jobs.ready(jobId, written, name, Files.size(file), clock.instant());
        } catch (IOException | RuntimeException e) {
            LOG.error("Export {} failed", jobId, e);
            jobs.failed(jobId, "The export could not be written: " + e.getClass().getSimpleName(), clock.instant());
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // housekeeping deletes what is left
                }
            }
        }
    }

    /** Runs a job housekeeping found queued with nobody running it. */
    void resume(long jobId) {
        executor.execute(() -> run(jobId));
    }

    Path folder() {
        return folder;
    }

    private static ExportKind kindOf(ExportJobs.Job job) {
        return ExportKind.valueOf(job.kind());
    }

    private CycleTerms cycle(CurrentUser admin, long cycleId) {
        return cycles.find(admin.partnershipId(), cycleId).orElseThrow(() -> Refusal.notFound("Cycle"));
    }

    private ExportJobs.Job job(CurrentUser admin, long jobId) {
        return jobs.find(jobId).filter(j -> j.partnershipId() == admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Export"));
    }

    private static JobView view(ExportJobs.Job j, String cycleName) {
        int percent = j.rowsExpected() == 0 ? (j.status() == ExportJobs.Status.READY ? 100 : 0)
                : (int) Math.min(100, j.rowsWritten() * 100 / j.rowsExpected());
        boolean ready = j.status() == ExportJobs.Status.READY;
        String label = switch (j.status()) {
            case QUEUED -> "Waiting to start";
            case RUNNING -> "Being written";
            case READY -> "Ready";
            case FAILED -> "Failed";
            case EXPIRED -> "Deleted after a day";
        };
        ExportKind kind = kindOf(j);
        return new JobView(j.id(), j.cycleId(), cycleName, kind.title(), kind.title().substring("Export of the ".length()), label,
                j.rowsWritten(), j.rowsExpected(), percent, ready, j.status() == ExportJobs.Status.FAILED,
                j.status() == ExportJobs.Status.EXPIRED, j.requestedByName(), Dates.moment(j.requestedAt()),
                j.finishedAt() == null ? null : Dates.moment(j.finishedAt()), ready ? "/exports/" + j.id() + ".xlsx" : null,
                j.fileBytes() == null ? null : String.format("%.1f MB", j.fileBytes() / 1_048_576.0));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
