package org.assure.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.audit.AuditTrail;

import java.time.Clock;
import java.time.Instant;

/**
 * The lockout's count, kept so that concurrent attempts cannot outrun it (doc/adr/0021). Each password check,
 * at sign-in or when changing a password, first takes one of the account's {@link SignInPolicy#maxFailures()}
 * checks in a single conditional UPDATE, committed before the slow hash is computed; a right password gives
 * the count back. So however many attempts arrive at once, at most that many passwords are checked before the
 * account locks.
 */
@Singleton
class SignInAttempts {
    private final AccountRepositories.Accounts accounts;
    private final SignInPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    SignInAttempts(AccountRepositories.Accounts accounts, SignInPolicy policy, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a password may be checked now; if so the check already counts as a failure. */
    @Transactional
    boolean claim(long accountId) {
        return accounts.claimPasswordCheck(accountId, policy.maxFailures(), clock.instant()) == 1;
    }

    /** A wrong password: the attempt that used the last check locks the account. */
    @Transactional
    void wrong(Account account) {
        Instant now = clock.instant();
        if (accounts.lockWhenExhausted(account.id(), policy.maxFailures(), now.plus(policy.lockDuration())) == 1) {
            audit.record(account.partnershipId(), account.id(), AccountAudit.LOCKED, account.id(), null, null);
        }
    }

    /** A right password: the claimed check is given back. */
    @Transactional
    void right(long accountId) {
        accounts.clearFailedSignIns(accountId);
    }
}
