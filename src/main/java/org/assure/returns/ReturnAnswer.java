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
}
