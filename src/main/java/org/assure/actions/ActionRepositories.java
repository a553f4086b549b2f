package org.assure.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The action plan tables (V26) and their repositories. Every finder that takes an id from a request also takes the partnership. */
final class ActionRepositories {
    private ActionRepositories() {
    }

    @MappedEntity("action_item")
    record Item(@Id @GeneratedValue @Nullable Long id, long partnershipId, long organisationId, @Nullable Long cycleId, @Nullable Long returnId,
                @Nullable String bankKey, @Nullable String bankVersion, @Nullable String sectionKey, @Nullable String questionKey,
                ActionSource source, @Nullable Long panelCaseId, @Nullable Long findingId, @Nullable String sourceReason, String what,
                String ownerName, String ownerRole, String ownerEmail, @Nullable Long ownerAccountId, LocalDate dueOn,
                @Nullable String successMeasure, ActionStatus status, @Nullable String completionEvidence, @Nullable Long verifierAccountId,
                long createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant closedAt, @Version int version) {

        Item moved(ActionStatus to, Instant at) {
            return new Item(id, partnershipId, organisationId, cycleId, returnId, bankKey, bankVersion, sectionKey, questionKey, source, panelCaseId,
                    findingId, sourceReason, what, ownerName, ownerRole, ownerEmail, ownerAccountId, dueOn, successMeasure, to, completionEvidence,
                    verifierAccountId, createdBy, createdAt, at, to.closed() ? at : closedAt, version);
        }

        Item done(String evidence, Instant at) {
            return new Item(id, partnershipId, organisationId, cycleId, returnId, bankKey, bankVersion, sectionKey, questionKey, source, panelCaseId,
                    findingId, sourceReason, what, ownerName, ownerRole, ownerEmail, ownerAccountId, dueOn, successMeasure,
                    ActionStatus.AWAITING_VERIFICATION, evidence, verifierAccountId, createdBy, createdAt, at, closedAt, version);
        }

        Item due(LocalDate newDue, Instant at) {
            return new Item(id, partnershipId, organisationId, cycleId, returnId, bankKey, bankVersion, sectionKey, questionKey, source, panelCaseId,
                    findingId, sourceReason, what, ownerName, ownerRole, ownerEmail, ownerAccountId, newDue, successMeasure, status,
                    completionEvidence, verifierAccountId, createdBy, createdAt, at, closedAt, version);
        }

        Item verifier(@Nullable Long accountId, Instant at) {
            return new Item(id, partnershipId, organisationId, cycleId, returnId, bankKey, bankVersion, sectionKey, questionKey, source, panelCaseId,
                    findingId, sourceReason, what, ownerName, ownerRole, ownerEmail, ownerAccountId, dueOn, successMeasure, status,
                    completionEvidence, accountId, createdBy, createdAt, at, closedAt, version);
        }

        /** The same area to improve, whose finding row a re-confirmed moderation wrote again under a new id. */
        Item finding(long newFindingId, Instant at) {
            return new Item(id, partnershipId, organisationId, cycleId, returnId, bankKey, bankVersion, sectionKey, questionKey, source, panelCaseId,
                    newFindingId, sourceReason, what, ownerName, ownerRole, ownerEmail, ownerAccountId, dueOn, successMeasure, status,
                    completionEvidence, verifierAccountId, createdBy, createdAt, at, closedAt, version);
        }

        Item owner(String name, String role, String email, @Nullable Long accountId, LocalDate newDue, Instant at) {
            return new Item(id, partnershipId, organisationId, cycleId, returnId, bankKey, bankVersion, sectionKey, questionKey, source, panelCaseId,
                    findingId, sourceReason, what, name, role, email, accountId, newDue, successMeasure, status, completionEvidence,
                    verifierAccountId, createdBy, createdAt, at, closedAt, version);
        }
    }

    @MappedEntity("action_update")
    record Update(@Id @GeneratedValue @Nullable Long id, long partnershipId, long actionId, UpdateKind kind, @Nullable String note,
                  @Nullable ActionStatus fromStatus, @Nullable ActionStatus toStatus, @Nullable Long accountId, String person, LocalDate happenedOn,
                  Instant recordedAt) {
    }

    @MappedEntity("action_due_change")
    record DueChange(@Id @GeneratedValue @Nullable Long id, long partnershipId, long actionId, LocalDate fromDueOn, LocalDate toDueOn, String reason,
                     long requestedBy, Instant requestedAt, @Nullable Long decidedBy, @Nullable Instant decidedAt, @Nullable Boolean accepted,
                     @Nullable String decisionNote, @Version int version) {

        boolean pending() {
            return decidedAt == null;
        }

        DueChange decided(long by, Instant at, boolean accept, String note) {
            return new DueChange(id, partnershipId, actionId, fromDueOn, toDueOn, reason, requestedBy, requestedAt, by, at, accept, note, version);
        }
    }

    @MappedEntity("action_chase")
    record Chase(@Id @GeneratedValue @Nullable Long id, long partnershipId, long actionId, long organisationId, String chaseKey, String kind,
                 int step, String recipientRole, @Nullable String recipientName, @Nullable String recipientEmail, String status,
                 @Nullable String reason, @Nullable Long outboxId, LocalDate dueOn, Instant createdAt) {
        static final String SENT = "SENT";
        static final String NOT_SENT = "NOT_SENT";
        /** Held back by the weekly cap: sent (the row updated) by the first run the cap allows. */
        static final String HELD = "HELD";

        Chase sent(long outbox, Instant at) {
            return new Chase(id, partnershipId, actionId, organisationId, chaseKey, kind, step, recipientRole, recipientName, recipientEmail, SENT,
                    null, outbox, dueOn, at);
        }
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Items extends CrudRepository<Item, Long> {
        Optional<Item> findByIdAndPartnershipId(long id, long partnershipId);

        List<Item> findByReturnIdOrderById(long returnId);

        List<Item> findByPartnershipIdAndOrganisationIdOrderById(long partnershipId, long organisationId);

        Optional<Item> findByFindingId(long findingId);

        List<Item> findByPartnershipIdAndPanelCaseIdOrderById(long partnershipId, long panelCaseId);

        /** An organisation's actions on one bank, for carrying the open ones into its next cycle. */
        List<Item> findByPartnershipIdAndOrganisationIdAndBankKeyOrderById(long partnershipId, long organisationId, String bankKey);

        List<Item> findByPartnershipIdAndOrganisationIdInOrderById(long partnershipId, Collection<Long> organisationIds);

        List<Item> findByPartnershipIdAndStatusInOrderById(long partnershipId, Collection<ActionStatus> statuses);

        List<Item> findByPartnershipIdAndVerifierAccountIdAndStatusOrderById(long partnershipId, long verifierAccountId, ActionStatus status);

        List<Item> findByIdIn(Collection<Long> ids);

        /** The partnerships with an action a chasing run may owe something for: open, and due within these days. */
        @Query(value = "SELECT DISTINCT partnership_id FROM action_item WHERE status IN ('NOT_STARTED', 'IN_PROGRESS') "
                + "AND due_on BETWEEN :from AND :until", readOnly = true)
        List<Long> partnershipsChased(LocalDate from, LocalDate until);

        /** A partnership's actions in these statuses due within these days, for a chasing run (one read, on the status index). */
        List<Item> findByPartnershipIdAndStatusInAndDueOnBetweenOrderById(long partnershipId, Collection<ActionStatus> statuses, LocalDate from,
                                                                          LocalDate until);

        /** A cycle's actions in these statuses due before this day: the chasing page's overdue actions. */
        List<Item> findByPartnershipIdAndCycleIdAndStatusInAndDueOnLessThanOrderById(long partnershipId, long cycleId,
                                                                                  Collection<ActionStatus> statuses, LocalDate before);

        /** Holds the action's row until the transaction ends, so two moves of one action run one after the other. */
        @Query("SELECT id FROM action_item WHERE id = :id FOR UPDATE")
        Optional<Long> lockById(long id);

        /** Holds the return's row, so two posts adding the same action to one return cannot both miss each other. */
        @Query("SELECT id FROM audit_return WHERE id = :returnId FOR UPDATE")
        Optional<Long> lockReturn(long returnId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Updates extends CrudRepository<Update, Long> {
        List<Update> findByActionIdOrderById(long actionId);

        List<Update> findByActionIdInOrderById(Collection<Long> actionIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface DueChanges extends CrudRepository<DueChange, Long> {
        List<DueChange> findByActionIdOrderById(long actionId);

        /** Requests waiting for the partnership's decision. */
        List<DueChange> findByPartnershipIdAndDecidedAtIsNull(long partnershipId);

        Optional<DueChange> findByIdAndActionIdAndPartnershipId(long id, long actionId, long partnershipId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Chases extends CrudRepository<Chase, Long> {
        List<Chase> findByActionIdOrderById(long actionId);

        List<Chase> findByActionIdAndPartnershipIdOrderById(long actionId, long partnershipId);

        /** What earlier runs wrote for a batch of actions: the keys a run must not write again. */
        List<Chase> findByActionIdIn(Collection<Long> actionIds);

        /** Emails sent to each address about the partnership's actions since this moment, for the weekly cap. */
        @Query(value = "SELECT recipient_email FROM action_chase WHERE partnership_id = :partnershipId AND status = 'SENT' AND created_at > :since",
                readOnly = true)
        List<String> sentSince(long partnershipId, Instant since);
    }
}
