package org.assure.notify;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends CrudRepository<OutboxEmail, Long> {
    List<OutboxEmail> findTop200ByPartnershipIdOrderByIdDesc(Long partnershipId);

    Optional<OutboxEmail> findByIdAndPartnershipId(Long id, Long partnershipId);

    /** Unsent and due; the caller's pageable sorts by id so the oldest go first. */
    List<OutboxEmail> findBySentAtIsNullAndRefusedAtIsNullAndNextAttemptAtLessThanEquals(Instant now, Pageable pageable);

    @Query("UPDATE outbox_email SET attempts = attempts + 1, last_error = :error, refused_at = :at WHERE id = :id AND sent_at IS NULL")
    void markRefused(long id, String error, Instant at);

    List<OutboxEmail> findByPartnershipIdAndIdIn(long partnershipId, java.util.Collection<Long> ids);

    /** 1 if this caller claimed the row, 0 if it is sent or another caller claimed it first. */
    @Query("UPDATE outbox_email SET next_attempt_at = :until WHERE id = :id AND sent_at IS NULL AND next_attempt_at <= :now")
    long claim(long id, Instant now, Instant until);

    @Query("UPDATE outbox_email SET sent_at = :at WHERE id = :id AND sent_at IS NULL")
    void markSent(long id, Instant at);

    /** The content of a sent email that carried a secret; who, subject, kind, status and times stay. */
    @Query("UPDATE outbox_email SET body = NULL, html_body = NULL WHERE id = :id AND carries_secret = TRUE AND sent_at IS NOT NULL")
    void purgeSecret(long id);

    List<OutboxEmail> findTop50ByCarriesSecretTrueAndSentAtIsNullOrderByIdDesc();

    @Query("UPDATE outbox_email SET attempts = attempts + 1, last_error = :error, next_attempt_at = :nextAttemptAt WHERE id = :id")
    void recordFailure(long id, String error, Instant nextAttemptAt);
}
