package org.assure.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.kernel.SigningKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assure.access.CurrentUser;

/**
 * Sessions live in the database: they survive restarts, work on every node, end at once on sign-out,
 * and expire after the idle time. last_seen is written at most once a minute to spare the database.
 */
@Singleton
class Sessions {
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private final AccountRepositories.Sessions sessions;
    private final AccountRepositories.AccountRoles roles;
    private final AccountRepositories.Memberships memberships;
    private final Duration idle;
    private final Clock clock;

    Sessions(AccountRepositories.Sessions sessions, AccountRepositories.AccountRoles roles,
             AccountRepositories.Memberships memberships,
             @Value("${assure.session.idle-minutes}") int idleMinutes, Clock clock) {
        this.sessions = sessions;
        this.roles = roles;
        this.memberships = memberships;
        this.idle = Duration.ofMinutes(idleMinutes);
        this.clock = clock;
    }

    /** Starts a session and returns the token for the cookie; only its hash is stored. */
    @Transactional
    String start(long accountId) {
        String token = SigningKey.randomToken();
        Instant now = clock.instant();
        sessions.save(new WebSession(SigningKey.hash(token), accountId, now, now));
        return token;
    }

    @Transactional
    void end(String token) {
        sessions.deleteById(SigningKey.hash(token));
    }

    @Transactional
    void endAll(long accountId) {
        sessions.deleteByAccountId(accountId);
    }

    @Transactional
    Optional<Authentication> authenticate(String token) {
        String hash = SigningKey.hash(token);
        Instant now = clock.instant();
        var found = sessions.findView(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var view = found.get();
        if (view.disabledAt() != null || view.lastSeenAt().plus(idle).isBefore(now)) {
            sessions.deleteById(hash);
            return Optional.empty();
        }
        if (view.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            sessions.touch(hash, now);
        }
        List<String> roleNames = roles.findByAccountId(view.accountId()).stream().map(AccountRole::role).toList();
        List<Long> organisationIds = memberships.findByAccountId(view.accountId()).stream()
                .map(AccountOrganisation::organisationId).toList();
        return Optional.of(CurrentUser.authentication(view.email(), roleNames, view.accountId(), view.partnershipId(),
                view.partnershipName(), view.displayName(), organisationIds));
    }

    /** Housekeeping: idle rows would otherwise pile up for people who never sign out. Says how many went. */
    @Transactional
    long deleteIdle() {
        return sessions.deleteIdleSince(clock.instant().minus(idle));
    }
}
