package org.assure.exports;

import jakarta.inject.Singleton;
import org.assure.jobs.DuePiece;
import org.assure.jobs.DueWork;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Exports' housekeeping on the due-work runner, once an hour: files older than a day are deleted (their jobs say so),
 * a job left queued by a process that stopped is run, and one left running by a stopped process is marked failed.
 */
@Singleton
class ExportHousekeeping implements DueWork {
    static final Duration KEPT = Duration.ofDays(1);
    static final Duration STUCK = Duration.ofHours(1);
    static final Duration FORGOTTEN = Duration.ofMinutes(10);
    private final ExportJobs jobs;
    private final Exports exports;
    private final Clock clock;

    ExportHousekeeping(ExportJobs jobs, Exports exports, Clock clock) {
        this.jobs = jobs;
        this.exports = exports;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "exports";
    }

    @Override
    public List<DuePiece> due(Instant now) {
        return List.of(DuePiece.hourly("exports-housekeeping", now, "delete exports older than a day, restart forgotten ones", () -> tidy(now)));
    }

    String tidy(Instant now) {
        int deleted = 0;
        for (ExportJobs.Job job : jobs.readyBefore(now.minus(KEPT))) {
            if (job.fileName() != null) {
                Exports.delete(exports.folder().resolve(job.fileName()));
            }
            jobs.expired(job.id());
            deleted++;
        }
        int failed = 0;
        for (ExportJobs.Job job : jobs.runningSince(now.minus(STUCK))) {
            jobs.failed(job.id(), "The export stopped before it was finished (the service restarted). Start it again.", clock.instant());
            failed++;
        }
        int resumed = 0;
        for (ExportJobs.Job job : jobs.queuedBefore(now.minus(FORGOTTEN))) {
            exports.resume(job.id());
            resumed++;
        }
        int stray = deleteStray(now.minus(KEPT));
        return deleted + " deleted, " + failed + " marked failed, " + resumed + " restarted, " + stray + " stray files removed";
    }

    /** Files of the folder no job points at any more (a half-written ".part" of a stopped process), older than a day. */
    private int deleteStray(Instant before) {
        Path folder = exports.folder();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.part")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Exports.delete(f);
                    n++;
                }
            }
        } catch (IOException e) {
            return n;
        }
        return n;
    }
}
