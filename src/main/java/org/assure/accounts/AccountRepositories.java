package org.assure.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The accounts feature's tables. Only {@link AccountService} and the session classes use them. */
final class AccountRepositories {
    private AccountRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Accounts extends CrudRepository<Account, Long> {
        /** The account this address signs in to, in whichever partnership: only sign-in and resets may ask. */
        Optional<Account> findBySignInEmail(String signInEmail);

        Optional<Account> findByPartnershipIdAndEmail(long partnershipId, String email);

        Optional<Account> findByIdAndPartnershipId(Long id, long partnershipId);

        List<Account> findByPartnershipIdOrderByDisplayName(long partnershipId);

        long countByPartnershipId(long partnershipId);

        @Query("""
                SELECT a.* FROM account a JOIN account_organisation m ON m.account_id = a.id
                WHERE m.organisation_id = :organisationId AND a.partnership_id = :partnershipId ORDER BY a.display_name, a.id""")
        List<Account> findMembersOf(long organisationId, long partnershipId);

        @Query("""
                SELECT a.* FROM account a JOIN account_role r ON r.account_id = a.id
                WHERE a.partnership_id = :partnershipId AND r.role = :role ORDER BY a.id""")
        List<Account> findWithRole(long partnershipId, String role);

        /** The partnership's accounts among these ids (another partnership's ids find nothing). */
        List<Account> findByPartnershipIdAndIdIn(long partnershipId, java.util.Collection<Long> id);

        /** Who belongs to which of these organisations, among the partnership's accounts: a cycle's leads in one query. */
        @Query("""
                SELECT m.organisation_id AS organisation_id, m.account_id AS account_id FROM account_organisation m
                JOIN account a ON a.id = m.account_id WHERE m.organisation_id IN (:organisationIds) AND a.partnership_id = :partnershipId""")
        List<Membership> membershipsOf(java.util.Collection<Long> organisationIds, long partnershipId);

        /**
         * Takes one of the account's password checks: counts a failure in advance, in one statement, so that
         * concurrent attempts cannot all read the same count (1 when a check may go ahead, 0 when none is left).
         */
        @Query("""
                UPDATE account SET failed_sign_ins = failed_sign_ins + 1
                WHERE id = :id AND failed_sign_ins < :maxFailures AND (locked_until IS NULL OR locked_until <= :now)""")
        long claimPasswordCheck(long id, int maxFailures, Instant now);

        /** Locks the account once its checks are used up; 1 for the attempt that locked it. */
        @Query("UPDATE account SET failed_sign_ins = 0, locked_until = :lockedUntil WHERE id = :id AND failed_sign_ins >= :maxFailures")
        long lockWhenExhausted(long id, int maxFailures, Instant lockedUntil);

        @Query("UPDATE account SET failed_sign_ins = 0 WHERE id = :id")
        void clearFailedSignIns(long id);

        @Query("UPDATE account SET disabled_at = :at WHERE id = :id AND disabled_at IS NULL")
        long deactivate(long id, Instant at);

        @Query("UPDATE account SET disabled_at = NULL, failed_sign_ins = 0, locked_until = NULL WHERE id = :id AND disabled_at IS NOT NULL")
        long reactivate(long id);

        /** The partnership's admins who can act: signed up and not deactivated. */
        @Query("""
                SELECT COUNT(*) FROM account a JOIN account_role r ON r.account_id = a.id
                WHERE a.partnership_id = :partnershipId AND r.role = 'PARTNERSHIP_ADMIN'
                  AND a.disabled_at IS NULL AND a.password_hash IS NOT NULL""")
        long countActiveAdmins(long partnershipId);

        /**
         * Locks the partnership's row until the transaction ends, so that changes which must leave it an active
         * admin (deactivation, role changes) run one at a time: two admins removing each other cannot both succeed.
         */
        @Query("SELECT id FROM partnership WHERE id = :partnershipId FOR UPDATE")
        Optional<Long> lockPartnership(long partnershipId);

        @Query("UPDATE account SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = :at WHERE id = :id")
        void recordSignIn(long id, Instant at);

        @Query("UPDATE account SET password_hash = :passwordHash, failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
        void setPassword(long id, String passwordHash);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface AccountRoles extends CrudRepository<AccountRole, Long> {
        List<AccountRole> findByAccountId(long accountId);

        void deleteByAccountIdAndRole(long accountId, String role);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Memberships extends CrudRepository<AccountOrganisation, Long> {
        List<AccountOrganisation> findByAccountId(long accountId);

        void deleteByAccountIdAndOrganisationId(long accountId, long organisationId);

        List<AccountOrganisation> findByAccountIdIn(java.util.Collection<Long> accountIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Sessions extends CrudRepository<WebSession, String> {
        @Query("""
                SELECT s.token_hash, s.last_seen_at, a.id AS account_id, a.partnership_id, a.email, a.display_name,
                       a.disabled_at, p.name AS partnership_name
                FROM web_session s
                JOIN account a ON a.id = s.account_id
                JOIN partnership p ON p.id = a.partnership_id
                WHERE s.token_hash = :tokenHash""")
        Optional<SessionView> findView(String tokenHash);

        @Query("UPDATE web_session SET last_seen_at = :at WHERE token_hash = :tokenHash")
        void touch(String tokenHash, Instant at);

        @Query("DELETE FROM web_session WHERE account_id = :accountId")
        void deleteByAccountId(long accountId);

        @Query("DELETE FROM web_session WHERE last_seen_at < :before")
        long deleteIdleSince(Instant before);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Tokens extends CrudRepository<AccountToken, String> {
        @Query("UPDATE account_token SET used_at = :at WHERE token_hash = :tokenHash AND used_at IS NULL")
        long markUsed(String tokenHash, Instant at);

        @Query("UPDATE account_token SET used_at = :at WHERE account_id = :accountId AND purpose = :purpose AND used_at IS NULL")
        void retire(long accountId, String purpose, Instant at);

        /** Every outstanding link of the account, of any kind: a deactivated person's invitation or reset dies. */
        @Query("UPDATE account_token SET used_at = :at WHERE account_id = :accountId AND used_at IS NULL")
        long retireAll(long accountId, Instant at);

        @Query("""
                SELECT COUNT(*) FROM account_token
                WHERE account_id = :accountId AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
        long countUsable(long accountId, String purpose, Instant now);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Throttles extends CrudRepository<RequestThrottle.Row, String> {
        /** Counts one request in its bucket; the row stays locked until the transaction ends. */
        @Query("""
                INSERT INTO request_throttle (bucket, window_ends_at, hits) VALUES (:bucket, :windowEndsAt, 1)
                ON DUPLICATE KEY UPDATE hits = hits + 1""")
        void hit(String bucket, Instant windowEndsAt);

        @Query("SELECT hits FROM request_throttle WHERE bucket = :bucket")
        Optional<Integer> hits(String bucket);

        @Query("DELETE FROM request_throttle WHERE window_ends_at <= :now")
        long deleteEnded(Instant now);
    }

    @Introspected
    record Membership(long organisationId, long accountId) {
    }

    @Introspected
    record SessionView(String tokenHash, Instant lastSeenAt, long accountId, long partnershipId, String email,
                       String displayName, @Nullable Instant disabledAt, String partnershipName) {
    }
}
