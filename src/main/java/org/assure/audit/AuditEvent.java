package org.assure.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One recorded change: who ({@code accountId}, null for Assure itself), when, to which thing ({@code entityType}
 * and {@code entityId}), what ({@code action}, and for actions about a part of the thing its {@code subjectKey}),
 * and its fields before and after (null where there was nothing: a new answer has no before).
 * Kinds and actions are their stored codes; readers compare with {@link #is}.
 */
public record AuditEvent(long id, long partnershipId, @Nullable Long accountId, Instant at, String entityType, long entityId,
                         String action, @Nullable String subjectKey, @Nullable AuditFields before, @Nullable AuditFields after) {

    public boolean is(AuditAction a) {
        return a.kind().code().equals(entityType) && a.code().equals(action);
    }

    /** This action about this subject (an answer to one question). */
    public boolean is(AuditAction a, String subject) {
        return is(a) && subject.equals(subjectKey);
    }
}
