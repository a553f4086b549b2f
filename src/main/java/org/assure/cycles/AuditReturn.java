package org.assure.cycles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** One organisation's return in a cycle. The completion slice adds answers keyed by this id. */
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
}
