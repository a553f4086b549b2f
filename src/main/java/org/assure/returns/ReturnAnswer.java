package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One saved answer. The version is compared by hand against the version the form carried (see
 * SectionSaving), so it is a plain column, not Micronaut Data's @Version.
 */
@MappedEntity("return_answer")
public record ReturnAnswer(@Id @GeneratedValue @Nullable Long id,
                           long returnId,
                           String questionKey,
                           @Nullable String rating,
                           @Nullable String answerValue,
                           @Nullable String evidence,
                           @Nullable String naReason,
                           boolean carriedForward,
                           int version,
                           @Nullable Long updatedBy,
                           Instant updatedAt) {

    /** Has an answer: a rating, or a value for the other types (evidence alone does not answer a question). */
    public boolean answered() {
        return rating != null || answerValue != null;
    }

    /** What a person sees as the answer, to compare and to show in the history. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        if (rating != null) s.append(rating);
        if (answerValue != null) s.append(answerValue);
        if (evidence != null && !evidence.isBlank()) s.append(" | evidence: ").append(evidence);
        if (naReason != null && !naReason.isBlank()) s.append(" | reason: ").append(naReason);
        return s.toString();
    }
}
