package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An answer as it stood when a submission was made. */
@MappedEntity("return_submission_answer")
public record SubmittedAnswer(@Id @GeneratedValue @Nullable Long id,
                              long submissionId,
                              String questionKey,
                              @Nullable String rating,
                              @Nullable String answerValue,
                              @Nullable String evidence,
                              @Nullable String naReason) {

    static SubmittedAnswer of(long submissionId, ReturnAnswer a) {
        return new SubmittedAnswer(null, submissionId, a.questionKey(), a.rating(), a.answerValue(), a.evidence(), a.naReason());
    }

    /** In the shape of a live answer, so the same visibility rules and summaries apply. */
    ReturnAnswer asAnswer(long returnId, Instant at) {
        return new ReturnAnswer(null, returnId, questionKey, rating, answerValue, evidence, naReason, false, 0, null, at);
    }
}
