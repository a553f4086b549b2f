package org.assure.exports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
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
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * A cycle's exports (issue 14, ADR 0042): a POST queues a job, an executor thread writes the file into
 * {@code <data dir>/exports/} while the job's row counts the rows written, and the job's page links the file when it
 * is ready. A second request while one is queued or running finds that one. Housekeeping ({@link ExportHousekeeping})
 * deletes files after a day and picks up jobs a stopped process left queued.
 */
@Singleton
public class Exports {
    static final String ANSWERS = "ANSWERS";
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    private final ExportJobs jobs;
    private final AnswerPages pages;
    private final CycleLookup cycles;
    private final QuestionBanks banks;
    private final ExecutorService executor;
    private final Path folder;
    private final Clock clock;

    Exports(ExportJobs jobs, AnswerPages pages, CycleLookup cycles, QuestionBanks banks, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
            AssureSettings settings, Clock clock) {
        this.jobs = jobs;
        this.pages = pages;
        this.cycles = cycles;
        this.banks = banks;
        this.executor = executor;
        this.folder = Path.of(settings.dataDir(), "exports");
        this.clock = clock;
    }

    /** What the export page shows. */
    public record JobView(long id, long cycleId, String cycleName, String status, long rowsWritten, long rowsExpected, int percent,
                          boolean ready, boolean failed, boolean expired, String requestedAt, @Nullable String finishedAt,
                          @Nullable String download, @Nullable String size) {
    }

    /** Starts the answers export of a cycle of the admin's partnership, or finds the one under way; returns the job id. */
    public long startAnswers(CurrentUser admin, long cycleId) {
        CycleTerms cycle = cycle(admin, cycleId);
        long expected = pages.returns(admin.partnershipId(), cycleId) * new AnswersWorkbook(bank(cycle)).rowsPerReturn();
        var created = jobs.insert(admin.partnershipId(), cycleId, ANSWERS, expected, admin.accountId(), clock.instant());
        if (created.isEmpty()) {
            return jobs.active(cycleId, ANSWERS).map(ExportJobs.Job::id)
                    .orElseGet(() -> startAnswers(admin, cycleId)); // it finished between the two reads: start a new one
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

    /** The ready file of a job; 404 when the job is not the partnership's, not ready, or its file is gone. */
    public Path file(CurrentUser admin, long jobId) {
        ExportJobs.Job job = job(admin, jobId);
        Path file = job.fileName() == null ? null : folder.resolve(job.fileName());
        if (job.status() != ExportJobs.Status.READY || file == null || !Files.isRegularFile(file)) {
            throw Refusal.notFound("Export");
        }
        return file;
    }

    String downloadName(CurrentUser admin, long jobId) {
        ExportJobs.Job job = job(admin, jobId);
        return "cycle-" + job.cycleId() + "-answers-" + job.id() + ".xlsx";
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
            AnswersWorkbook workbook = new AnswersWorkbook(bank(cycle));
            String name = "export-" + job.id() + ".xlsx";
            part = folder.resolve(name + ".part");
            long written;
            try (OutputStream out = Files.newOutputStream(part)) {
                written = workbook.write(after -> pages.page(job.partnershipId(), job.cycleId(), after), out, n -> jobs.progress(jobId, n));
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

    private BankModel.Version bank(CycleTerms cycle) {
        return banks.get(cycle.bankKey(), cycle.bankVersion());
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
        return new JobView(j.id(), j.cycleId(), cycleName, label, j.rowsWritten(), j.rowsExpected(), percent, ready,
                j.status() == ExportJobs.Status.FAILED, j.status() == ExportJobs.Status.EXPIRED, Dates.moment(j.requestedAt()),
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
