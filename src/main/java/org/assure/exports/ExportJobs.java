package org.assure.exports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import io.micronaut.data.exceptions.DataAccessException;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.SqlParams;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The export_job table. Every method is its own short transaction: a job's progress is written while its file is being
 * written, and the page that shows it reads it from another request, so nothing here may wait for the export to end.
 */
@Singleton
class ExportJobs {
    /** A job's columns and the name of who asked for it (an account of the same partnership, kept when it is closed). */
    private static final String SELECT = "SELECT j.id, j.partnership_id, j.cycle_id, j.kind, j.status, j.rows_expected, j.rows_written, "
            + "j.file_name, j.file_bytes, j.failure, j.requested_by, a.display_name, j.requested_at, j.started_at, j.finished_at "
            + "FROM export_job j LEFT JOIN account a ON a.id = j.requested_by AND a.partnership_id = j.partnership_id";
    private final JdbcOperations jdbc;
    private final AuditTrail audit;

    ExportJobs(JdbcOperations jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    enum Status { QUEUED, RUNNING, READY, FAILED, EXPIRED }

    record Job(long id, long partnershipId, long cycleId, String kind, Status status, long rowsExpected, long rowsWritten,
               @Nullable String fileName, @Nullable Long fileBytes, @Nullable String failure, long requestedBy, String requestedByName,
               Instant requestedAt,
               @Nullable Instant startedAt, @Nullable Instant finishedAt) {
    }

    static String activeKey(long cycleId, String kind) {
        return "cycle-" + cycleId + ":" + kind;
    }

    /** The queued or running job for this cycle and kind, if any. */
    @Transactional
    Optional<Job> active(long cycleId, String kind) {
        return one(SELECT + " WHERE j.active_key = ?", activeKey(cycleId, kind));
    }

    /**
     * A new queued job, or empty when one for the cycle and kind is already queued or running (the unique active_key,
     * so two requests at the same moment make one job, not two).
     */
    @Transactional
    Optional<Long> insert(long partnershipId, long cycleId, String kind, long rowsExpected, long requestedBy, Instant now) {
        if (active(cycleId, kind).isPresent()) {
            return Optional.empty();
        }
        try (PreparedStatement s = jdbc.getConnection().prepareStatement("INSERT INTO export_job (partnership_id, cycle_id, kind, status, "
                + "active_key, rows_expected, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, partnershipId);
            s.setLong(2, cycleId);
            s.setString(3, kind);
            s.setString(4, Status.QUEUED.name());
            s.setString(5, activeKey(cycleId, kind));
            s.setLong(6, rowsExpected);
            s.setLong(7, requestedBy);
            s.setTimestamp(8, Timestamp.from(now));
            s.executeUpdate();
            long id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            audit.record(partnershipId, requestedBy, ExportAudit.STARTED, id, null, AuditFields.of("kind", kind, "cycleId", String.valueOf(cycleId)));
            return Optional.of(id);
        } catch (SQLException e) {
            throw new DataAccessException("Could not record the export job", e);
        }
    }

    @Transactional
    Optional<Job> find(long id) {
        return one(SELECT + " WHERE j.id = ?", id);
    }

    @Transactional
    List<Job> ofCycle(long cycleId) {
        return many(SELECT + " WHERE j.cycle_id = ? ORDER BY j.id DESC", cycleId);
    }

    /** Someone took a copy of the job's file away: recorded, as the file holds the cycle's data. */
    @Transactional
    void downloaded(Job job, long accountId) {
        audit.record(job.partnershipId(), accountId, ExportAudit.DOWNLOADED, job.id(), null,
                AuditFields.of("kind", job.kind(), "cycleId", String.valueOf(job.cycleId())));
    }

    /** Takes a queued job for running; false when another runner took it first (or it is not queued). */
    @Transactional
    boolean claim(long id, Instant now) {
        return update("UPDATE export_job SET status = 'RUNNING', started_at = ? WHERE id = ? AND status = 'QUEUED'", Timestamp.from(now), id) == 1;
    }

    @Transactional
    void progress(long id, long rowsWritten) {
        update("UPDATE export_job SET rows_written = ? WHERE id = ?", rowsWritten, id);
    }

    @Transactional
    void ready(long id, long rowsWritten, String fileName, long bytes, Instant now) {
        update("UPDATE export_job SET status = 'READY', active_key = NULL, rows_written = ?, file_name = ?, file_bytes = ?, finished_at = ? "
                + "WHERE id = ?", rowsWritten, fileName, bytes, Timestamp.from(now), id);
    }

    @Transactional
    void failed(long id, String failure, Instant now) {
        update("UPDATE export_job SET status = 'FAILED', active_key = NULL, failure = ?, finished_at = ? WHERE id = ?",
                failure.length() > 500 ? failure.substring(0, 500) : failure, Timestamp.from(now), id);
    }

    /** Jobs queued before {@code before} and never started: the process that was to run them stopped. */
    @Transactional
    List<Job> queuedBefore(Instant before) {
        return many(SELECT + " WHERE j.status = 'QUEUED' AND j.requested_at < ?", Timestamp.from(before));
    }

    /** Jobs running since before {@code before}: their process stopped mid-file (an export takes seconds, not hours). */
    @Transactional
    List<Job> runningSince(Instant before) {
        return many(SELECT + " WHERE j.status = 'RUNNING' AND j.started_at < ?", Timestamp.from(before));
    }

    @Transactional
    List<Job> readyBefore(Instant before) {
        return many(SELECT + " WHERE j.status = 'READY' AND j.finished_at < ?", Timestamp.from(before));
    }

    @Transactional
    void expired(long id) {
        update("UPDATE export_job SET status = 'EXPIRED' WHERE id = ? AND status = 'READY'", id);
    }

    private int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, s -> {
            SqlParams.bind(s, 1, Arrays.asList(args));
            return s.executeUpdate();
        });
    }

    private Optional<Job> one(String sql, Object... args) {
        List<Job> jobs = many(sql, args);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    private List<Job> many(String sql, Object... args) {
        return jdbc.prepareStatement(sql, s -> {
            SqlParams.bind(s, 1, Arrays.asList(args));
            List<Job> jobs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jobs.add(job(r));
                }
            }
            return jobs;
        });
    }

    private static Job job(ResultSet r) throws SQLException {
        long bytes = r.getLong("file_bytes");
        Long fileBytes = r.wasNull() ? null : bytes;
        return new Job(r.getLong("id"), r.getLong("partnership_id"), r.getLong("cycle_id"), r.getString("kind"), Status.valueOf(r.getString("status")),
                r.getLong("rows_expected"), r.getLong("rows_written"), r.getString("file_name"), fileBytes, r.getString("failure"),
                r.getLong("requested_by"), r.getString("display_name") == null ? "An account since removed" : r.getString("display_name"),
                instant(r.getTimestamp("requested_at")), instant(r.getTimestamp("started_at")),
                instant(r.getTimestamp("finished_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
