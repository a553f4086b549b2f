package org.assure.web;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface FormSubmissionRepository extends CrudRepository<FormSubmission, String> {
    /** Only a claim still running is finished, so a late second answer can never overwrite the first. */
    @Query("UPDATE form_submission SET location = :location WHERE claim_key = :claimKey AND location IS NULL")
    long finish(String claimKey, String location);

    @Query("DELETE FROM form_submission WHERE claim_key = :claimKey AND location IS NULL")
    long release(String claimKey);

    @Query("SELECT COUNT(*) FROM form_submission WHERE signed_in = FALSE")
    long countAnonymous();

    @Query("DELETE FROM form_submission WHERE claimed_at < :before")
    long deleteClaimedBefore(Instant before);
}
