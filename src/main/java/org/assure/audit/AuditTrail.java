package org.assure.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** Who changed what, when, from what to what; written in the transaction of the change itself. */
@Singleton
public class AuditTrail {
    private final Events events;
    private final Clock clock;

    AuditTrail(Events events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(long partnershipId, @Nullable Long accountId, String entityType, long entityId, String action,
                       @Nullable String before, @Nullable String after) {
        events.save(new AuditEvent(null, partnershipId, accountId, clock.instant(), entityType, entityId, action, before, after));
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
