package org.assure.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An audit_event row as stored: fields as JSON text. Only {@link AuditTrail} reads and writes it. */
@MappedEntity("audit_event")
record AuditRow(@Id @GeneratedValue @Nullable Long id, long partnershipId, @Nullable Long accountId, Instant at,
                String entityType, long entityId, String action, @Nullable String subjectKey,
                @Nullable String beforeFields, @Nullable String afterFields) {

    AuditEvent event() {
        return new AuditEvent(id, partnershipId, accountId, at, entityType, entityId, action, subjectKey,
                AuditFields.fromJson(beforeFields), AuditFields.fromJson(afterFields));
    }
}
