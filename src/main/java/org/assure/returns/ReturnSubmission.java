package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One submission of a return with its declaration; returnedAt and the reason are set if the partnership sent it back. */
@MappedEntity("return_submission")
public record ReturnSubmission(@Id @GeneratedValue @Nullable Long id,
                               long returnId,
                               int submissionNumber,
                               String reference,
                               String declaredName,
                               String declaredRole,
                               boolean forGoverningBoard,
                               long submittedBy,
                               Instant submittedAt,
                               boolean late,
                               @Nullable Instant returnedAt,
                               @Nullable Long returnedBy,
                               @Nullable String returnReason) {

    ReturnSubmission returned(long by, Instant at, String reason) {
        return new ReturnSubmission(id, returnId, submissionNumber, reference, declaredName, declaredRole, forGoverningBoard,
                submittedBy, submittedAt, late, at, by, reason);
    }
}
