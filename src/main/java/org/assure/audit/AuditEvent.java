package org.assure.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("audit_event")
public record AuditEvent(@Id @GeneratedValue @Nullable Long id, long partnershipId, @Nullable Long accountId,
                         Instant at, String entityType, long entityId, String action,
                         @Nullable String beforeValue, @Nullable String afterValue) {
}
