package org.assure.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Collections;
import java.util.List;

/**
 * Who changed what, when, from what to what; written in the transaction of the change itself. Events are typed:
 * a feature's {@link AuditAction}, the subject it concerns when the action has one, and {@link AuditFields} before
 * and after, so readers (the return's history, later escalation, panels and the API) read structure, not prose.
 */
@Singleton
public class AuditTrail {
    private final Events events;
    private final JdbcOperations jdbc;
    private final Clock clock;

    AuditTrail(Events events, JdbcOperations jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One change of a thing as a whole (an action without a subject). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(long partnershipId, @Nullable Long accountId, AuditAction action, long entityId,
                       @Nullable AuditFields before, @Nullable AuditFields after) {
        record(partnershipId, accountId, entityId, new Change(action, null, before, after));
    }

    /** One change of a part of a thing: {@code subjectKey} names it (a question's or a section's key). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(long partnershipId, @Nullable Long accountId, AuditAction action, long entityId, String subjectKey,
                       @Nullable AuditFields before, @Nullable AuditFields after) {
        record(partnershipId, accountId, entityId, new Change(action, subjectKey, before, after));
    }

    private void record(long partnershipId, @Nullable Long accountId, long entityId, Change c) {
        events.save(new AuditRow(null, partnershipId, accountId, clock.instant(), c.action().kind().code(), entityId, c.action().code(),
                c.subjectKey(), AuditFields.toJson(c.before()), AuditFields.toJson(c.after())));
    }

    /** One of several changes made together to the same thing (a section's answers). */
    public record Change(AuditAction action, @Nullable String subjectKey, @Nullable AuditFields before, @Nullable AuditFields after) {
        public Change {
            if (action.hasSubject() && (subjectKey == null || subjectKey.isBlank())) {
                throw new IllegalArgumentException("Audit action " + action.code() + " needs a subject key");
            }
            if (!action.hasSubject() && subjectKey != null) {
                throw new IllegalArgumentException("Audit action " + action.code() + " takes no subject key, given " + subjectKey);
            }
        }

        public Change(AuditAction action, @Nullable AuditFields before, @Nullable AuditFields after) {
            this(action, null, before, after);
        }
    }

    /**
     * Records several changes to one thing in one statement. A section save changes up to a dozen answers, and
     * an insert per audit row was a third of a save's statements (doc/benchmarks.md, deadline day); Micronaut
     * Data does not batch inserts with generated ids on MySQL, so this one is written out by hand.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordAll(long partnershipId, @Nullable Long accountId, long entityId, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO audit_event (partnership_id, account_id, at, entity_type, entity_id, action, subject_key, before_fields, after_fields) VALUES "
                + String.join(", ", Collections.nCopies(changes.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        Timestamp at = Timestamp.from(clock.instant()); // bound as Micronaut Data binds an Instant
        jdbc.prepareStatement(sql, statement -> {
            int i = 0;
            for (Change c : changes) {
                statement.setLong(++i, partnershipId);
                if (accountId == null) {
                    statement.setNull(++i, Types.BIGINT);
                } else {
                    statement.setLong(++i, accountId);
                }
                statement.setTimestamp(++i, at);
                statement.setString(++i, c.action().kind().code());
                statement.setLong(++i, entityId);
                statement.setString(++i, c.action().code());
                statement.setString(++i, c.subjectKey());
                statement.setString(++i, AuditFields.toJson(c.before()));
                statement.setString(++i, AuditFields.toJson(c.after()));
            }
            return statement.executeUpdate();
        });
    }

    /** Every event of one thing, oldest first. */
    @Transactional
    public List<AuditEvent> history(long partnershipId, AuditKind kind, long entityId) {
        return events.findByPartnershipIdAndEntityTypeAndEntityIdOrderById(partnershipId, kind.code(), entityId).stream()
                .map(AuditRow::event).toList();
    }

    /** Whether anything was recorded about any of these things after the moment (a closed cycle's returns, say). */
    @Transactional
    public boolean anyAfter(long partnershipId, AuditKind kind, java.util.Collection<Long> entityIds, java.time.Instant moment) {
        return !entityIds.isEmpty() && events.existsByPartnershipIdAndEntityTypeAndEntityIdInAndAtGreaterThan(partnershipId, kind.code(),
                entityIds, moment);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Events extends CrudRepository<AuditRow, Long> {
        List<AuditRow> findByPartnershipIdAndEntityTypeAndEntityIdOrderById(long partnershipId, String entityType, long entityId);

        boolean existsByPartnershipIdAndEntityTypeAndEntityIdInAndAtGreaterThan(long partnershipId, String entityType,
                                                                              java.util.Collection<Long> entityIds, java.time.Instant at);
    }
}
