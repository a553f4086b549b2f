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

/** Who changed what, when, from what to what; written in the transaction of the change itself. */
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

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(long partnershipId, @Nullable Long accountId, String entityType, long entityId, String action,
                       @Nullable String before, @Nullable String after) {
        events.save(new AuditEvent(null, partnershipId, accountId, clock.instant(), entityType, entityId, action, before, after));
    }

    /** One of several changes made together to the same thing (a section's answers). */
    public record Change(String action, @Nullable String before, @Nullable String after) {
    }

    /**
     * Records several changes to one thing in one statement. A section save changes up to a dozen answers, and
     * an insert per audit row was a third of a save's statements (doc/benchmarks.md, deadline day); Micronaut
     * Data does not batch inserts with generated ids on MySQL, so this one is written out by hand.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordAll(long partnershipId, @Nullable Long accountId, String entityType, long entityId, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO audit_event (partnership_id, account_id, at, entity_type, entity_id, action, before_value, after_value) VALUES "
                + String.join(", ", Collections.nCopies(changes.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"));
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
                statement.setString(++i, entityType);
                statement.setLong(++i, entityId);
                statement.setString(++i, c.action());
                statement.setString(++i, c.before());
                statement.setString(++i, c.after());
            }
            return statement.executeUpdate();
        });
    }

    @Transactional
    public List<AuditEvent> history(long partnershipId, String entityType, long entityId) {
        return events.findByPartnershipIdAndEntityTypeAndEntityIdOrderById(partnershipId, entityType, entityId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Events extends CrudRepository<AuditEvent, Long> {
        List<AuditEvent> findByPartnershipIdAndEntityTypeAndEntityIdOrderById(long partnershipId, String entityType, long entityId);
    }
}
