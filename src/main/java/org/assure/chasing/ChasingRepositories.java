package org.assure.chasing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The chasing tables (V19) and their repositories. */
final class ChasingRepositories {
    private ChasingRepositories() {
    }

    @MappedEntity("chasing_rules")
    record RulesRow(@Id long cycleId, long partnershipId, String reminderDays, int weeklyCap, @Nullable Integer notMetThreshold,
                    String criticalQuestions, @Nullable Long updatedBy, Instant updatedAt, int version) {
    }

    @MappedEntity("ladder_step")
    record StepRow(@Id @GeneratedValue @Nullable Long id, long cycleId, long partnershipId, String audience, int position, int days,
                   String countedFrom, String recipients, String subject, String body, boolean addsToPanelList, boolean formalRequest) {
    }

    @MappedEntity("return_extension")
    record Extension(@Id @GeneratedValue @Nullable Long id, long partnershipId, long returnId, LocalDate newDeadline, String reason,
                     long createdBy, Instant createdAt) {
    }

    @MappedEntity("return_pause")
    record Pause(@Id @GeneratedValue @Nullable Long id, long partnershipId, long returnId, String reason, @Nullable LocalDate pausedUntil,
                 long createdBy, Instant createdAt, @Nullable Long endedBy, @Nullable Instant endedAt) {

        /** In force on this day: not ended, and not past its until date. */
        boolean activeOn(LocalDate day) {
            return endedAt == null && (pausedUntil == null || !day.isAfter(pausedUntil));
        }
    }

    @MappedEntity("chase_message")
    record ChaseMessage(@Id @GeneratedValue @Nullable Long id, long partnershipId, long cycleId, long returnId, long organisationId,
                        String chaseKey, String kind, int step, String recipientRole, @Nullable String recipientName,
                        @Nullable String recipientEmail, String status, @Nullable String reason, @Nullable Long outboxId, LocalDate dueOn,
                        Instant createdAt) {
        static final String SENT = "SENT";
        static final String NOT_SENT = "NOT_SENT";
        /** Held back by the weekly cap: sent (the row updated) by the first run the cap allows. */
        static final String HELD = "HELD";

        boolean held() {
            return HELD.equals(status);
        }

        boolean sent() {
            return SENT.equals(status);
        }
    }

    @io.micronaut.core.annotation.Introspected
    record KeyStatus(String chaseKey, String status) {
    }

    @MappedEntity("assurance_panel_list")
    record PanelListEntry(@Id @GeneratedValue @Nullable Long id, long partnershipId, long cycleId, long organisationId, long returnId,
                          String reason, String detail, Instant addedAt) {
    }

    @MappedEntity("escalation_response")
    record Response(@Id @GeneratedValue @Nullable Long id, long partnershipId, long returnId, long accountId, String response,
                    Instant createdAt) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Rules extends CrudRepository<RulesRow, Long> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Steps extends CrudRepository<StepRow, Long> {
        List<StepRow> findByCycleIdOrderByPosition(long cycleId);

        void deleteByCycleId(long cycleId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Extensions extends CrudRepository<Extension, Long> {
        List<Extension> findByReturnIdInOrderById(Collection<Long> returnIds);

        List<Extension> findByReturnIdOrderById(long returnId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Pauses extends CrudRepository<Pause, Long> {
        List<Pause> findByReturnIdInOrderById(Collection<Long> returnIds);

        List<Pause> findByReturnIdOrderById(long returnId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Messages extends CrudRepository<ChaseMessage, Long> {
        List<ChaseMessage> findByCycleIdOrderByIdDesc(long cycleId);

        List<ChaseMessage> findByReturnIdOrderByIdDesc(long returnId);

        /** The cycle's messages not (yet) sent: recorded as not sent, or held by the cap. */
        long countByCycleIdAndStatusNotEqual(long cycleId, String status);

        /** The keys already written for a cycle, with their status: what a run must not write again. */
        @Query(value = "SELECT chase_key, status FROM chase_message WHERE cycle_id = :cycleId", readOnly = true)
        List<KeyStatus> keysOfCycle(long cycleId);

        Optional<ChaseMessage> findByChaseKey(String chaseKey);

        /** Emails sent to each address from the cycle since this moment, for the weekly cap. */
        @Query(value = "SELECT recipient_email FROM chase_message WHERE cycle_id = :cycleId AND status = 'SENT' AND created_at > :since",
                readOnly = true)
        List<String> sentSince(long cycleId, Instant since);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface PanelList extends CrudRepository<PanelListEntry, Long> {
        List<PanelListEntry> findByCycleIdOrderById(long cycleId);

        long countByCycleId(long cycleId);

        Optional<PanelListEntry> findByCycleIdAndOrganisationIdAndReason(long cycleId, long organisationId, String reason);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Responses extends CrudRepository<Response, Long> {
        List<Response> findByReturnIdOrderByIdDesc(long returnId);

        List<Response> findByReturnIdInOrderByIdDesc(Collection<Long> returnIds);
    }
}
