package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * One organisation's return in a cycle: the aggregate's root. Its status moves only through
 * {@link ReturnLifecycle}; answers, sections and submissions hang off its id.
 */
@MappedEntity("audit_return")
public record AuditReturn(@Id @GeneratedValue @Nullable Long id,
                          long partnershipId,
                          long cycleId,
                          long organisationId,
                          ReturnStatus status,
                          Instant createdAt,
                          @Nullable Instant lastActivityAt,
                          @Nullable Instant submittedAt,
                          @Version int version) {

    AuditReturn moved(ReturnStatus next, Instant now, boolean activity) {
        return new AuditReturn(id, partnershipId, cycleId, organisationId, next, createdAt, activity ? now : lastActivityAt,
                next == ReturnStatus.SUBMITTED ? now : submittedAt, version);
    }
}
