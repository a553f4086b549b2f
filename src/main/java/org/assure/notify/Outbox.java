package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.kernel.Refusal;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way the application sends email: a row written inside the caller's transaction, delivered
 * later by the sender (at every due-work run), so an email exists exactly when its event committed and
 * survives SMTP outages.
 */
@Singleton
public class Outbox {
    private final OutboxRepository emails;
    private final JdbcOperations jdbc;
    private final Clock clock;

    Outbox(OutboxRepository emails, JdbcOperations jdbc, Clock clock) {
        this.emails = emails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A plain-text email. Features send through {@link Notifications}, which renders both parts from templates. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void send(@Nullable Long partnershipId, String recipient, String subject, String body) {
        send(partnershipId, recipient, subject, body, null);
    }

    /** An email with a plain-text part and, when {@code html} is given, an HTML alternative to it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void send(@Nullable Long partnershipId, String recipient, String subject, String body, @Nullable String html) {
        send(partnershipId, new Kind(null, false), recipient, subject, body, html);
    }

    /** What kind of message an email is (its template), and whether it carries a secret (see {@link Message#carriesSecret}). */
    record Kind(@Nullable String name, boolean carriesSecret) {
    }

    /** Writes the email; its id, which a feature may keep to follow its delivery. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    long send(@Nullable Long partnershipId, Kind kind, String recipient, String subject, String body, @Nullable String html) {
        Instant now = clock.instant();
        return emails.save(new OutboxEmail(null, partnershipId, recipient, subject, body, html, now, now, 0, null, null,
                kind.name(), kind.carriesSecret(), null)).id();
    }

    /** One email of a batch, rendered. */
    record Draft(Kind kind, String recipient, String subject, String body, @Nullable String html) {
    }

    /**
     * Writes many emails as one JDBC batch (the driver may send it in one go: MariaDB's pipelines it, MySQL
     * Connector/J's rewrites it with {@code rewriteBatchedStatements}); their ids, in order.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    List<Long> sendAll(@Nullable Long partnershipId, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant()); // bound as Micronaut Data binds an Instant
        List<Long> ids = new ArrayList<>(drafts.size());
        try (PreparedStatement insert = jdbc.getConnection().prepareStatement("INSERT INTO outbox_email (partnership_id, recipient, subject, "
                + "body, html_body, created_at, next_attempt_at, attempts, kind, carries_secret) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (Draft d : drafts) {
                if (partnershipId == null) {
                    insert.setNull(1, Types.BIGINT);
                } else {
                    insert.setLong(1, partnershipId);
                }
                insert.setString(2, d.recipient());
                insert.setString(3, d.subject());
                insert.setString(4, d.body());
                insert.setString(5, d.html());
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.setString(8, d.kind().name());
                insert.setBoolean(9, d.kind().carriesSecret());
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot write " + drafts.size() + " emails to the outbox: " + e.getMessage(), e);
        }
        if (ids.size() != drafts.size()) {
            throw new IllegalStateException("The outbox batch gave " + ids.size() + " ids for " + drafts.size() + " emails");
        }
        return ids;
    }

    /** The newest emails of a partnership, for the admin page that stands in for SMTP in local mode. */
    @Transactional
    public List<OutboxEmail> recent(long partnershipId) {
        return emails.findTop200ByPartnershipIdOrderByIdDesc(partnershipId);
    }

    /** One email of the partnership; another partnership's id is "not found", like a missing one. */
    @Transactional
    public OutboxEmail find(long partnershipId, long id) {
        return emails.findByIdAndPartnershipId(id, partnershipId).orElseThrow(() -> Refusal.notFound("Email"));
    }

    @Transactional
    List<OutboxEmail> due(Instant now, int limit) {
        return emails.findBySentAtIsNullAndRefusedAtIsNullAndNextAttemptAtLessThanEquals(now, Pageable.from(0, limit, Sort.of(Sort.Order.asc("id"))));
    }

    /**
     * Takes a due, unsent email for one sending attempt by moving its next attempt to {@code until}; false
     * when another drain got there first. Committed at once, so the other drain's claim sees it.
     */
    @Transactional
    boolean claim(long id, Instant now, Instant until) {
        return emails.claim(id, now, until) == 1;
    }

    /**
     * Marks an email sent and, when it carries a secret, forgets its content in the same transaction: once
     * SMTP has it, nothing here needs the link, so nobody who can read this table can use it.
     */
    @Transactional
    void markSent(long id, Instant at) {
        emails.markSent(id, at);
        emails.purgeSecret(id);
    }

    /** The newest emails with a one-time link still held (not yet delivered), of every partnership: the developer mail page. */
    @Transactional
    List<OutboxEmail> heldSecrets() {
        return emails.findTop50ByCarriesSecretTrueAndSentAtIsNullOrderByIdDesc();
    }

    @Transactional
    void recordFailure(long id, String error, Instant nextAttemptAt) {
        emails.recordFailure(id, error, nextAttemptAt);
    }

    @Transactional
    void markRefused(long id, String error, Instant at) {
        emails.markRefused(id, error, at);
    }

    /** Where each of these emails stands (sent, refused, still trying), for a feature that keeps their ids. */
    @Transactional
    java.util.Map<Long, OutboxEmail> byIds(long partnershipId, java.util.Collection<Long> ids) {
        java.util.Map<Long, OutboxEmail> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            emails.findByPartnershipIdAndIdIn(partnershipId, ids).forEach(e -> found.put(e.id(), e));
        }
        return found;
    }
}
