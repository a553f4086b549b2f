package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class ReturnRepositories {
    private ReturnRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Returns extends CrudRepository<AuditReturn, Long> {
        List<AuditReturn> findByCycleIdOrderById(long cycleId);

        List<AuditReturn> findByPartnershipId(long partnershipId);

        Optional<AuditReturn> findByCycleIdAndOrganisationId(long cycleId, long organisationId);

        List<AuditReturn> findByOrganisationIdInOrderById(Collection<Long> organisationIds);

        @Query("SELECT id FROM audit_return WHERE id = :id FOR UPDATE")
        Optional<Long> lockById(long id);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Answers extends CrudRepository<ReturnAnswer, Long> {
        List<ReturnAnswer> findByReturnId(long returnId);

        List<ReturnAnswer> findByReturnIdIn(List<Long> returnIds);

        /** Writes only if nobody wrote since this version was read; 0 rows means they did. */
        @Query("UPDATE return_answer SET rating = :rating, answer_value = :value, evidence = :evidence, na_reason = :reason, "
                + "carried_forward = FALSE, version = version + 1, updated_by = :by, updated_at = :at WHERE id = :id AND version = :version")
        int updateIfVersion(long id, @Nullable String rating, @Nullable String value, @Nullable String evidence, @Nullable String reason,
                            long by, Instant at, int version);

        /** A carried-forward answer checked and kept as it is; 0 rows if someone changed it since it was shown. */
        @Query("UPDATE return_answer SET carried_forward = FALSE, version = version + 1, updated_by = :by, updated_at = :at "
                + "WHERE id = :id AND version = :version AND carried_forward = TRUE")
        int confirm(long id, long by, Instant at, int version);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Sections extends CrudRepository<ReturnSection, Long> {
        List<ReturnSection> findByReturnId(long returnId);

        Optional<ReturnSection> findByReturnIdAndSectionKey(long returnId, String sectionKey);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Submissions extends CrudRepository<ReturnSubmission, Long> {
        List<ReturnSubmission> findByReturnIdOrderBySubmissionNumber(long returnId);

        Optional<ReturnSubmission> findByReturnIdAndSubmissionNumber(long returnId, int submissionNumber);

        /** Every submission of these returns, in order (a chair's dashboard). */
        List<ReturnSubmission> findByReturnIdInOrderBySubmissionNumber(Collection<Long> returnIds);

        /** The first submissions of these returns: lateness is judged by them. */
        List<ReturnSubmission> findByReturnIdInAndSubmissionNumber(Collection<Long> returnIds, int submissionNumber);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface SubmittedAnswers extends CrudRepository<SubmittedAnswer, Long> {
        List<SubmittedAnswer> findBySubmissionId(long submissionId);
    }
}
