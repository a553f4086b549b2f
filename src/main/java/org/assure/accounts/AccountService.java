package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.notify.Notifications;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Dates;
import org.assure.kernel.SigningKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.assure.kernel.Refusal;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.access.Role;
import org.assure.kernel.Text;

/** The accounts feature's entrance: sign-in with lockout, passwords, invitations and resets. */
@Singleton
public class AccountService {
    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);

    private final AccountRepositories.Accounts accounts;
    private final AccountRepositories.AccountRoles roles;
    private final AccountRepositories.Memberships memberships;
    private final AccountRepositories.Tokens tokens;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final OrganisationService organisations;
    private final SignInPolicy policy;
    private final Clock clock;
    private final String dummyHash;
    private final AccessPolicy access;

    AccountService(AccountRepositories.Accounts accounts, AccountRepositories.AccountRoles roles,
                   AccountRepositories.Memberships memberships, AccountRepositories.Tokens tokens, Sessions sessions,
                   PasswordHasher hasher, Notifications notifications, AuditTrail audit, OrganisationService organisations,
                   SignInPolicy policy, Clock clock, AccessPolicy access) {
        this.access = access;
        this.accounts = accounts;
        this.roles = roles;
        this.memberships = memberships;
        this.tokens = tokens;
        this.sessions = sessions;
        this.hasher = hasher;
        this.notifications = notifications;
        this.audit = audit;
        this.organisations = organisations;
        this.policy = policy;
        this.clock = clock;
        this.dummyHash = hasher.hash(SigningKey.randomToken());
    }

    /**
     * Checks an email and password and starts a session. Unknown email, wrong password, locked and
     * not-yet-activated accounts all fail the same way and take the same time, so the answer never
     * tells whether an email has an account.
     */
    @Transactional
    public Optional<String> signIn(String email, String password) {
        Instant now = clock.instant();
        Optional<Account> found = accounts.findByEmail(Account.normaliseEmail(email));
        if (found.isEmpty() || found.get().isPending() || found.get().disabledAt() != null || found.get().isLocked(now)) {
            hasher.matches(password, dummyHash);
            return Optional.empty();
        }
        Account account = found.get();
        if (!hasher.matches(password, account.passwordHash())) {
            if (account.failedSignIns() + 1 >= policy.maxFailures()) {
                accounts.lock(account.id(), now.plus(policy.lockDuration()));
                audit.record(account.partnershipId(), account.id(), AccountAudit.LOCKED, account.id(), null, null);
            } else {
                accounts.addFailedSignIn(account.id());
            }
            return Optional.empty();
        }
        accounts.recordSignIn(account.id(), now);
        return Optional.of(sessions.start(account.id()));
    }

    public void signOut(String sessionToken) {
        sessions.end(sessionToken);
    }

    /** Changes the password and ends every other session of the account; returns the new session's token. */
    @Transactional
    public Optional<String> changePassword(CurrentUser user, String currentPassword, String newPassword) {
        Account account = accounts.findById(user.accountId()).orElseThrow();
        if (!hasher.matches(currentPassword, account.passwordHash())) {
            return Optional.empty();
        }
        accounts.setPassword(account.id(), hasher.hash(newPassword));
        sessions.endAll(account.id());
        audit.record(account.partnershipId(), account.id(), AccountAudit.PASSWORD_CHANGED, account.id(), null, null);
        return Optional.of(sessions.start(account.id()));
    }

    @Transactional
    public List<AccountSummary> list(CurrentUser admin) {
        Instant now = clock.instant();
        return accounts.findByPartnershipIdOrderByDisplayName(admin.partnershipId()).stream()
                .map(a -> new AccountSummary(a.id(), a.displayName(), a.email(),
                        roles.findByAccountId(a.id()).stream().map(r -> Role.valueOf(r.role()).label()).sorted().toList(),
                        memberships.findByAccountId(a.id()).stream()
                                .map(m -> organisations.findInPartnership(admin.partnershipId(), m.organisationId()).map(Organisation::name).orElse("?"))
                                .sorted().toList(),
                        a.isPending() ? "Invited" : a.isLocked(now) ? "Locked" : a.disabledAt() != null ? "Disabled" : "Active"))
                .toList();
    }

    public record AccountSummary(long id, String name, String email, List<String> roles, List<String> organisations,
                                 String status) {
    }

    /** Validates an invitation beyond the form's own rules: the role, the organisation, a free email. */
    @Transactional
    public FormErrors checkInvitation(CurrentUser admin, AccountForms.InviteForm form, FormErrors errors) {
        Role role = parseRole(form.role());
        if (form.role() != null && !form.role().isBlank() && role == null) {
            errors.add("role", "Select a role");
        }
        if (role != null && role.belongsToOrganisation()) {
            Long organisationId = Text.parseId(form.organisationId());
            if (organisationId == null || organisations.findInPartnership(admin.partnershipId(), organisationId).isEmpty()) {
                errors.add("organisationId", "Select the organisation this person works for");
            }
        }
        if (form.email() != null && accounts.findByEmail(Account.normaliseEmail(form.email())).isPresent()) {
            errors.add("email", "There is already an account with this email address");
        }
        return errors;
    }

    /** Creates the account without a password and emails a one-time link to set one; {@code admin} is whoever invites. */
    @Transactional
    public long invite(CurrentUser admin, String name, String email, Role role, @Nullable Long organisationId) {
        Instant now = clock.instant();
        Account account = accounts.save(Account.invited(admin.partnershipId(), email, name, now));
        roles.save(new AccountRole(null, account.id(), role.name()));
        if (role.belongsToOrganisation() && organisationId != null) {
            organisations.findInPartnership(admin.partnershipId(), organisationId).orElseThrow();
            memberships.save(new AccountOrganisation(null, account.id(), organisationId));
        }
        sendInvitation(admin, account, role);
        audit.record(admin.partnershipId(), admin.accountId(), AccountAudit.INVITED, account.id(), null,
                AuditFields.of(AccountAudit.EMAIL, account.email(), AccountAudit.ROLE, role.name()));
        return account.id();
    }

    /** A new link for someone whose invitation expired or went astray; earlier links stop working. */
    @Transactional
    public void reinvite(CurrentUser admin, long accountId) {
        Account account = accounts.findByIdAndPartnershipId(accountId, admin.partnershipId())
                .filter(Account::isPending)
                .orElseThrow(() -> Refusal.notFound("Invitation"));
        Role role = roles.findByAccountId(accountId).stream().map(r -> Role.valueOf(r.role())).findFirst().orElse(Role.CONTRIBUTOR);
        sendInvitation(admin, account, role);
        audit.record(admin.partnershipId(), admin.accountId(), AccountAudit.INVITATION_RESENT, accountId, null, null);
    }

    private void sendInvitation(CurrentUser admin, Account account, Role role) {
        Instant now = clock.instant();
        String token = issueToken(account.id(), AccountToken.INVITATION, now, INVITATION_LIFETIME);
        notifications.send(admin.partnershipId(), new InvitationEmail(admin.name(), admin.partnershipName(), role.label(),
                "/invitations/" + token, Dates.moment(now.plus(INVITATION_LIFETIME))), AccountRecipient.account(account.id()));
    }

    /** Emails a reset link when the address has an active account; says nothing either way. */
    @Transactional
    public void requestPasswordReset(String email) {
        Instant now = clock.instant();
        accounts.findByEmail(Account.normaliseEmail(email)).filter(a -> !a.isPending() && a.disabledAt() == null).ifPresent(account -> {
            String token = issueToken(account.id(), AccountToken.PASSWORD_RESET, now, RESET_LIFETIME);
            notifications.send(account.partnershipId(), new PasswordResetEmail("/password-reset/" + token), AccountRecipient.account(account.id()));
        });
    }

    /** Whether a link can still be used, so the page can say so before asking for a password. */
    @Transactional
    public boolean isUsable(String token, String purpose) {
        return tokens.findById(SigningKey.hash(token)).filter(t -> t.purpose().equals(purpose) && t.isUsable(clock.instant())).isPresent();
    }

    /** Sets the password through a one-time link; false when the link is unknown, used or expired. */
    @Transactional
    public boolean setPasswordWithToken(String token, String purpose, String newPassword) {
        Instant now = clock.instant();
        String hash = SigningKey.hash(token);
        Optional<AccountToken> found = tokens.findById(hash).filter(t -> t.purpose().equals(purpose) && t.isUsable(now));
        // markUsed only succeeds once, so two browsers racing on the same link cannot both use it.
        if (found.isEmpty() || tokens.markUsed(hash, now) != 1) {
            return false;
        }
        Account account = accounts.findById(found.get().accountId()).orElseThrow();
        accounts.setPassword(account.id(), hasher.hash(newPassword));
        sessions.endAll(account.id());
        audit.record(account.partnershipId(), account.id(),
                purpose.equals(AccountToken.INVITATION) ? AccountAudit.INVITATION_ACCEPTED : AccountAudit.PASSWORD_RESET, account.id(), null, null);
        return true;
    }

    private String issueToken(long accountId, String purpose, Instant now, Duration lifetime) {
        // Only the newest link of each kind works: older ones are marked used.
        tokens.retire(accountId, purpose, now);
        String token = SigningKey.randomToken();
        tokens.save(new AccountToken(SigningKey.hash(token), accountId, purpose, now, now.plus(lifetime), null));
        return token;
    }

    /** Creates an account that can sign in at once: the production first admin and the local demo people. */
    @Transactional
    public long createActive(long partnershipId, String name, String email, String password, Collection<Role> accountRoles,
                             Collection<Long> organisationIds) {
        Instant now = clock.instant();
        Account account = accounts.save(new Account(null, partnershipId, Account.normaliseEmail(email), name,
                hasher.hash(password), 0, null, null, null, now));
        accountRoles.forEach(r -> roles.save(new AccountRole(null, account.id(), r.name())));
        organisationIds.forEach(o -> memberships.save(new AccountOrganisation(null, account.id(), o)));
        return account.id();
    }

    @Transactional
    public boolean exists(String email) {
        return accounts.findByEmail(Account.normaliseEmail(email)).isPresent();
    }

    /** Someone who can work on an organisation's returns: its leads and contributors, signed up or still invited. */
    public record Colleague(long id, String name, String email, boolean lead, boolean pending) {
    }

    /** The organisation's leads and contributors (not disabled), by name. */
    @Transactional
    public List<Colleague> colleagues(long partnershipId, long organisationId) {
        List<Colleague> found = new java.util.ArrayList<>();
        for (Account a : accounts.findMembersOf(organisationId, partnershipId)) {
            List<String> held = roles.findByAccountId(a.id()).stream().map(AccountRole::role).toList();
            boolean lead = held.contains(Role.ORGANISATION_LEAD.name());
            if (a.disabledAt() == null && (lead || held.contains(Role.CONTRIBUTOR.name()))) {
                found.add(new Colleague(a.id(), a.displayName(), a.email(), lead, a.isPending()));
            }
        }
        return found;
    }

    /**
     * A lead invites a colleague to help with their organisation's returns: a contributor of that
     * organisation only. Refuses an email that already has an account (it may belong to anyone).
     */
    @Transactional
    public Optional<Colleague> inviteContributor(CurrentUser lead, String name, String email, long organisationId) {
        access.require(lead, Action.ASSIGN, Target.organisation(lead.partnershipId(), organisationId), "Organisation");
        if (accounts.findByEmail(Account.normaliseEmail(email)).isPresent()) {
            return Optional.empty();
        }
        Account invited = accounts.findById(invite(lead, name, email, Role.CONTRIBUTOR, organisationId)).orElseThrow();
        return Optional.of(new Colleague(invited.id(), invited.displayName(), invited.email(), false, true));
    }

    /** The name of an account of the partnership, to say who did something; empty if unknown. */
    @Transactional
    public String nameOf(long partnershipId, long accountId) {
        return accounts.findByIdAndPartnershipId(accountId, partnershipId).map(Account::displayName).orElse("");
    }

    @Transactional
    public long countAccounts(long partnershipId) {
        return accounts.countByPartnershipId(partnershipId);
    }

    static @Nullable Role parseRole(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
