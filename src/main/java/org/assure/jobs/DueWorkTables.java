package org.assure.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The runner's three tables (V9 migration). Only {@link DueWorkRunner} and {@link DueWorkHistory} use them. */
final class DueWorkTables {
    private DueWorkTables() {
    }

    /** A keyed piece that was done. */
    @MappedEntity("due_work_done")
    record Done(@Id String workKey, String source, @Nullable Long partnershipId, String description, Instant dueAt,
                Instant doneAt, String node, @Nullable String summary) {
    }

    /** The last run of one node. */
    @MappedEntity("due_work_node")
    record NodeRun(@Id String node, Instant startedAt, Instant finishedAt, String summary, int failures) {
    }

    /** A run that did something. */
    @MappedEntity("due_work_run")
    record Run(@Id @GeneratedValue @Nullable Long id, String node, Instant startedAt, Instant finishedAt, String summary,
               int failures) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface DoneKeys extends CrudRepository<Done, String> {
        /** Which of these keys are done (the runner asks {@value DueWorkRunner#KEYS_PER_QUERY} at a time). */
        @Query("SELECT work_key FROM due_work_done WHERE work_key IN (:keys)")
        List<String> findDone(Collection<String> keys);

        @Query("UPDATE due_work_done SET summary = :summary WHERE work_key = :workKey")
        void recordSummary(String workKey, @Nullable String summary);

        @Query("""
                SELECT * FROM due_work_done WHERE partnership_id IS NULL OR partnership_id = :partnershipId
                ORDER BY done_at DESC, work_key LIMIT :limit""")
        List<Done> findRecent(long partnershipId, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface NodeRuns extends CrudRepository<NodeRun, String> {
        @Query("""
                INSERT INTO due_work_node (node, started_at, finished_at, summary, failures)
                VALUES (:node, :startedAt, :finishedAt, :summary, :failures)
                ON DUPLICATE KEY UPDATE started_at = :startedAt, finished_at = :finishedAt, summary = :summary, failures = :failures""")
        void upsert(String node, Instant startedAt, Instant finishedAt, String summary, int failures);

        @Query("SELECT * FROM due_work_node ORDER BY finished_at DESC, node")
        List<NodeRun> findNewestFirst();

        @Query("DELETE FROM due_work_node WHERE finished_at < :before")
        void deleteFinishedBefore(Instant before);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Runs extends CrudRepository<Run, Long> {
        @Query("SELECT * FROM due_work_run ORDER BY started_at DESC, id DESC LIMIT :limit")
        List<Run> findRecent(int limit);

        @Query("DELETE FROM due_work_run WHERE started_at < :before")
        long deleteStartedBefore(Instant before);
    }
}
