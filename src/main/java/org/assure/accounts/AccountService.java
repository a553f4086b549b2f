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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.assure.kernel.Refusal;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.access.Role;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;

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
    private final SignInAttempts attempts;
    private final RequestThrottle throttle;
    private final Clock clock;
    private final String dummyHash;
    private final AccessPolicy access;

    AccountService(AccountRepositories.Accounts accounts, AccountRepositories.AccountRoles roles,
                   AccountRepositories.Memberships memberships, AccountRepositories.Tokens tokens, Sessions sessions,
                   PasswordHasher hasher, Notifications notifications, AuditTrail audit, OrganisationService organisations,
                   SignInPolicy policy, SignInAttempts attempts, RequestThrottle throttle, Clock clock, AccessPolicy access) {
        this.access = access;
        this.attempts = attempts;
        this.throttle = throttle;
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
     * Checks an email and password and starts a session. Unknown email, wrong password, locked, deactivated and
     * not-yet-activated accounts all fail the same way and take the same time, so the answer never tells whether
     * an email has an account. Not one transaction: the check taken before hashing commits at once, so concurrent
     * attempts see it ({@link SignInAttempts}).
     */
    public Optional<String> signIn(String email, String password) {
        Optional<Account> found = accounts.findBySignInEmail(Account.normaliseEmail(email));
        if (found.isEmpty() || found.get().isPending() || found.get().isDeactivated() || !attempts.claim(found.get().id())) {
            hasher.matches(password, dummyHash);
            return Optional.empty();
        }
        Account account = found.get();
        if (!hasher.matches(password, account.passwordHash())) {
            attempts.wrong(account);
            return Optional.empty();
        }
        return Optional.of(startSession(account.id()));
    }

    private String startSession(long accountId) {
        accounts.recordSignIn(accountId, clock.instant());
        return sessions.start(accountId);
    }

    public void signOut(String sessionToken) {
        sessions.end(sessionToken);
    }

    /** What is wrong with a new password for this person, on the field {@code field}; none when it will do. */
    public FormErrors checkNewPassword(String email, @Nullable String password, String field, FormErrors errors) {
        if (!errors.has(field)) {
            PasswordRules.problem(password, email).ifPresent(problem -> errors.add(field, problem));
        }
        return errors;
    }

    /**
     * Changes the password and ends every other session of the account; the value is the new session's token.
     * Guesses of the current password count against the same lockout as sign-in, so a borrowed session cannot
     * try passwords without limit.
     */
    public Validated<String> changePassword(CurrentUser user, String currentPassword, String newPassword) {
        Account account = accounts.findByIdAndPartnershipId(user.accountId(), user.partnershipId()).orElseThrow(() -> Refusal.notFound("Account"));
        if (!attempts.claim(account.id())) {
            hasher.matches(currentPassword, dummyHash);
            return Validated.invalid(FormErrors.none().add("currentPassword", TOO_MANY_GUESSES));
        }
        if (!hasher.matches(currentPassword, account.passwordHash())) {
            attempts.wrong(account);
            return Validated.invalid(FormErrors.none().add("currentPassword", "Your current password is not right"));
        }
        attempts.right(account.id());
        replacePassword(account, newPassword, AccountAudit.PASSWORD_CHANGED);
        return Validated.valid(sessions.start(account.id()));
    }

    static final String TOO_MANY_GUESSES = "You have entered a wrong password too many times. Wait 15 minutes, then try again";

    /** Sets the password, ends every session and tells the person by email, so a change they did not make is noticed. */
    @Transactional
    void replacePassword(Account account, String newPassword, AccountAudit action) {
        accounts.setPassword(account.id(), hasher.hash(newPassword));
        sessions.endAll(account.id());
        audit.record(account.partnershipId(), account.id(), action, account.id(), null, null);
        notifications.send(account.partnershipId(), new PasswordChangedEmail(Dates.moment(clock.instant()), "/password-reset"),
                AccountRecipient.account(account.id()));
    }

    @Transactional
    public List<AccountSummary> list(CurrentUser admin) {
        access.requireAdmin(admin);
        Instant now = clock.instant();
        return accounts.findByPartnershipIdOrderByDisplayName(admin.partnershipId()).stream()
                .map(a -> new AccountSummary(a.id(), a.displayName(), a.email(),
                        roles.findByAccountId(a.id()).stream().map(r -> Role.valueOf(r.role()).label()).sorted().toList(),
                        memberships.findByAccountId(a.id()).stream()
                                .map(m -> organisations.findInPartnership(admin.partnershipId(), m.organisationId()).map(Organisation::name).orElse("?"))
                                .sorted().toList(),
                        status(a, now)))
                .toList();
    }

    /** As the users page says it; an invitation to an address taken elsewhere is "Invited" like any other. */
    private static String status(Account a, Instant now) {
        return a.isDeactivated() ? DEACTIVATED : a.isPending() ? "Invited" : a.isLocked(now) ? "Locked" : "Active";
    }

    static final String DEACTIVATED = "Deactivated";
    static final int MAX_ORGANISATIONS_PER_PERSON = 200;

    public record AccountSummary(long id, String name, String email, List<String> roles, List<String> organisations,
                                 String status) {
    }

    /** Validates an invitation beyond the form's own rules: the role, the organisation, an address new to the partnership. */
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
        // Only this partnership's own accounts: whether the address has an account elsewhere is not its business (ADR 0021).
        if (form.email() != null && hasAccountHere(admin.partnershipId(), form.email())) {
            errors.add("email", "There is already an account with this email address");
        }
        return errors;
    }

    private boolean hasAccountHere(long partnershipId, String email) {
        return accounts.findByPartnershipIdAndEmail(partnershipId, Account.normaliseEmail(email)).isPresent();
    }

    /**
     * Creates the account without a password and emails a one-time link to set one; {@code admin} is whoever
     * invites. An address that already signs in to another partnership's account gets an account here that can
     * never sign in, and the same email, whose link explains; the partnership sees an invitation like any other.
     */
    @Transactional
    public long invite(CurrentUser admin, String name, String email, Role role, @Nullable Long organisationId) {
        Instant now = clock.instant();
        boolean takenElsewhere = accounts.findBySignInEmail(Account.normaliseEmail(email)).isPresent();
        Account account = accounts.save(Account.invited(admin.partnershipId(), email, name, takenElsewhere, now));
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
        access.requireAdmin(admin);
        Account account = accounts.findByIdAndPartnershipId(accountId, admin.partnershipId())
                .filter(Account::isPending)
                .filter(a -> !a.isDeactivated())
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

    /**
     * Emails a reset link when the address has an active account; says nothing either way. False when too many
     * links were asked for, from this address or for this email, in the hour: counted whether or not the
     * account exists, so the refusal tells nothing either.
     */
    @Transactional
    public boolean requestPasswordReset(String email, String clientAddress) {
        String address = Account.normaliseEmail(email);
        // the client first: one client asking for many emails then adds one row per request it is allowed, no more
        if (!throttle.allow("reset-client", clientAddress, policy.resetsPerClientPerHour(), Duration.ofHours(1))
                || !throttle.allow("reset-email", address, policy.resetsPerEmailPerHour(), Duration.ofHours(1))) {
            return false;
        }
        Instant now = clock.instant();
        accounts.findBySignInEmail(address).filter(a -> !a.isPending() && !a.isDeactivated()).ifPresent(account -> {
            String token = issueToken(account.id(), AccountToken.PASSWORD_RESET, now, RESET_LIFETIME);
            notifications.send(account.partnershipId(), new PasswordResetEmail("/password-reset/" + token), AccountRecipient.account(account.id()));
        });
        return true;
    }

    /** What an emailed link can do now, so its page can say so before asking for a password. */
    public enum LinkState { USABLE, EXPIRED, ADDRESS_HAS_ANOTHER_ACCOUNT }

    @Transactional
    public LinkState linkState(String token, String purpose) {
        Optional<Account> account = tokenAccount(token, purpose, clock.instant());
        if (account.isEmpty()) {
            return LinkState.EXPIRED;
        }
        return account.get().canNeverSignIn() ? LinkState.ADDRESS_HAS_ANOTHER_ACCOUNT : LinkState.USABLE;
    }

    /** The email of the person a usable link is for, to check a new password against it. */
    @Transactional
    public Optional<String> linkEmail(String token, String purpose) {
        return tokenAccount(token, purpose, clock.instant()).map(Account::email);
    }

    private Optional<Account> tokenAccount(String token, String purpose, Instant now) {
        return tokens.findById(SigningKey.hash(token))
                .filter(t -> t.purpose().equals(purpose) && t.isUsable(now))
                .flatMap(t -> accounts.findById(t.accountId()))
                .filter(a -> !a.isDeactivated());
    }

    /** Sets the password through a one-time link; false when the link is unknown, used, expired or cannot be accepted. */
    @Transactional
    public boolean setPasswordWithToken(String token, String purpose, String newPassword) {
        Instant now = clock.instant();
        String hash = SigningKey.hash(token);
        Optional<Account> found = tokenAccount(token, purpose, now).filter(a -> !a.canNeverSignIn());
        // markUsed only succeeds once, so two browsers racing on the same link cannot both use it.
        if (found.isEmpty() || tokens.markUsed(hash, now) != 1) {
            return false;
        }
        Account account = found.get();
        if (purpose.equals(AccountToken.INVITATION)) {
            accounts.setPassword(account.id(), hasher.hash(newPassword));
            sessions.endAll(account.id());
            audit.record(account.partnershipId(), account.id(), AccountAudit.INVITATION_ACCEPTED, account.id(), null, null);
        } else {
            replacePassword(account, newPassword, AccountAudit.PASSWORD_RESET);
        }
        return true;
    }

    /** One person as the admin's page about them shows them: what they hold, and what can be changed. */
    public record UserDetails(long id, String name, String email, String status, boolean pending, boolean deactivated,
                              boolean self, List<String> roles, List<Long> organisationIds, List<String> organisationNames) {
    }

    @Transactional
    public UserDetails user(CurrentUser admin, long accountId) {
        Account a = ownAccount(admin, accountId);
        List<Long> organisationIds = memberships.findByAccountId(a.id()).stream().map(AccountOrganisation::organisationId).sorted().toList();
        return new UserDetails(a.id(), a.displayName(), a.email(), status(a, clock.instant()), a.isPending(), a.isDeactivated(),
                a.id() == admin.accountId(), roleNames(a.id()), organisationIds,
                organisationIds.stream().map(o -> organisations.findInPartnership(admin.partnershipId(), o).map(Organisation::name).orElse("?"))
                        .sorted().toList());
    }

    private Account ownAccount(CurrentUser admin, long accountId) {
        access.requireAdmin(admin);
        return accounts.findByIdAndPartnershipId(accountId, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Person"));
    }

    private List<String> roleNames(long accountId) {
        return roles.findByAccountId(accountId).stream().map(AccountRole::role).sorted().toList();
    }

    /**
     * Replaces a person's roles and organisations. Takes effect at their next request (sessions read roles each time).
     * The partnership keeps an active admin: the change is refused if it would take the role from the last one.
     */
    @Transactional
    public FormErrors changeAccess(CurrentUser admin, long accountId, List<String> roleValues, List<String> organisationValues) {
        lockPartnership(admin);
        Account account = ownAccount(admin, accountId);
        FormErrors errors = FormErrors.none();
        java.util.Set<Role> chosen = java.util.EnumSet.noneOf(Role.class);
        for (String value : roleValues) {
            Role role = parseRole(value);
            if (role == null) {
                errors.add("roles", "Select the roles from the list");
                break;
            }
            chosen.add(role);
        }
        if (errors.isEmpty() && chosen.isEmpty()) {
            errors.add("roles", "Select at least one role");
        }
        java.util.Set<Long> organisationIds = new java.util.TreeSet<>();
        // each is looked up: a forged form with thousands of them is refused before any query
        List<String> distinct = organisationValues.stream().distinct().toList();
        if (distinct.size() > MAX_ORGANISATIONS_PER_PERSON) {
            errors.add("organisations", "Select at most " + MAX_ORGANISATIONS_PER_PERSON + " organisations");
        }
        for (String value : errors.has("organisations") ? List.<String>of() : distinct) {
            Long id = Text.parseId(value);
            if (id == null || organisations.findInPartnership(admin.partnershipId(), id).isEmpty()) {
                errors.add("organisations", "Select the organisations from the list");
                break;
            }
            organisationIds.add(id);
        }
        boolean actsForOne = chosen.stream().anyMatch(Role::belongsToOrganisation);
        if (!errors.has("organisations") && actsForOne && organisationIds.isEmpty()) {
            errors.add("organisations", "Select the organisation this person works for: leads, contributors and chairs need one");
        }
        if (!errors.has("organisations") && !chosen.isEmpty() && !actsForOne && !organisationIds.isEmpty()) {
            errors.add("organisations", "Only leads, contributors and chairs work for an organisation: untick the organisations or add one of those roles");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        List<String> before = roleNames(accountId);
        List<Long> beforeOrganisations = memberships.findByAccountId(accountId).stream().map(AccountOrganisation::organisationId).sorted().toList();
        boolean losesAdmin = before.contains(Role.PARTNERSHIP_ADMIN.name()) && !chosen.contains(Role.PARTNERSHIP_ADMIN);
        if (losesAdmin && isActiveAdmin(account) && accounts.countActiveAdmins(admin.partnershipId()) <= 1) {
            return errors.add("roles", account.displayName() + " is the only active partnership admin. Make someone else an admin first");
        }
        List<String> after = chosen.stream().map(Role::name).sorted().toList();
        if (after.equals(before) && List.copyOf(organisationIds).equals(beforeOrganisations)) {
            return errors;
        }
        before.stream().filter(r -> !after.contains(r)).forEach(r -> roles.deleteByAccountIdAndRole(accountId, r));
        after.stream().filter(r -> !before.contains(r)).forEach(r -> roles.save(new AccountRole(null, accountId, r)));
        beforeOrganisations.stream().filter(o -> !organisationIds.contains(o)).forEach(o -> memberships.deleteByAccountIdAndOrganisationId(accountId, o));
        organisationIds.stream().filter(o -> !beforeOrganisations.contains(o))
                .forEach(o -> memberships.save(new AccountOrganisation(null, accountId, o)));
        audit.record(admin.partnershipId(), admin.accountId(), AccountAudit.ACCESS_CHANGED, accountId,
                AuditFields.of(AccountAudit.ROLES, String.join(",", before), AccountAudit.ORGANISATIONS, joinIds(beforeOrganisations)),
                AuditFields.of(AccountAudit.ROLES, String.join(",", after), AccountAudit.ORGANISATIONS, joinIds(organisationIds)));
        return errors;
    }

    private static String joinIds(Collection<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /**
     * The first statement of a change that must leave the partnership an active admin. First, because on MySQL a
     * transaction's reads see the snapshot of its first plain read: a lock taken after one would still count
     * admins as they were before the change that held it.
     */
    private void lockPartnership(CurrentUser admin) {
        access.requireAdmin(admin);
        accounts.lockPartnership(admin.partnershipId());
    }

    private boolean isActiveAdmin(Account account) {
        return !account.isPending() && !account.isDeactivated() && roleNames(account.id()).contains(Role.PARTNERSHIP_ADMIN.name());
    }

    /**
     * Takes someone's access away at once: their sessions end (so their next request is signed out), they cannot
     * sign in or reset their password, and their outstanding invitation or reset links stop working. An admin
     * cannot deactivate themselves, and the last active admin cannot be deactivated: checked with the
     * partnership locked, so two admins deactivating each other at once cannot both succeed.
     */
    @Transactional
    public void deactivate(CurrentUser admin, long accountId) {
        lockPartnership(admin);
        Account account = ownAccount(admin, accountId);
        String back = "/users/" + accountId;
        if (account.id() == admin.accountId()) {
            throw Refusal.conflict("You cannot deactivate your own account. Ask another partnership admin.").backTo(back, "Back to " + account.displayName());
        }
        Account current = account;
        if (current.isDeactivated()) {
            return; // already done, by this admin a moment ago or by another: the same outcome
        }
        if (isActiveAdmin(current) && accounts.countActiveAdmins(admin.partnershipId()) <= 1) {
            throw Refusal.conflict(current.displayName() + " is the only active partnership admin, so cannot be deactivated. "
                    + "Make someone else an admin first.").backTo(back, "Back to " + current.displayName());
        }
        Instant now = clock.instant();
        accounts.deactivate(accountId, now);
        sessions.endAll(accountId);
        tokens.retireAll(accountId, now);
        audit.record(admin.partnershipId(), admin.accountId(), AccountAudit.DEACTIVATED, accountId, null, null);
    }

    /** Gives access back. Someone invited but never signed up needs the invitation sent again: their old link died. */
    @Transactional
    public void reactivate(CurrentUser admin, long accountId) {
        ownAccount(admin, accountId);
        if (accounts.reactivate(accountId) == 1) {
            audit.record(admin.partnershipId(), admin.accountId(), AccountAudit.REACTIVATED, accountId, null, null);
        }
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
        String address = Account.normaliseEmail(email);
        Account account = accounts.save(new Account(null, partnershipId, address, address, name,
                hasher.hash(password), 0, null, null, null, now));
        accountRoles.forEach(r -> roles.save(new AccountRole(null, account.id(), r.name())));
        organisationIds.forEach(o -> memberships.save(new AccountOrganisation(null, account.id(), o)));
        return account.id();
    }

    /** Whether anyone can sign in with this address, in any partnership: for start-up and tests, never shown to an admin. */
    @Transactional
    public boolean exists(String email) {
        return accounts.findBySignInEmail(Account.normaliseEmail(email)).isPresent();
    }

    /** Whether the partnership has an account (signed up or invited) for this address; other partnerships' are not its business (ADR 0021). */
    @Transactional
    public boolean existsInPartnership(long partnershipId, String email) {
        return accounts.findByPartnershipIdAndEmail(partnershipId, Account.normaliseEmail(email)).isPresent();
    }

    /** The partnership's account (signed up or invited) with this address, if any: an action's owner, when they use Assure. */
    @Transactional
    public Optional<Long> accountIdInPartnership(long partnershipId, String email) {
        return accounts.findByPartnershipIdAndEmail(partnershipId, Account.normaliseEmail(email)).map(Account::id);
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
     * organisation only. Refuses an email that already has an account in the partnership; one that has an account
     * elsewhere is invited like any other (ADR 0021).
     */
    @Transactional
    public Optional<Colleague> inviteContributor(CurrentUser lead, String name, String email, long organisationId) {
        access.require(lead, Action.ASSIGN, Target.organisation(lead.partnershipId(), organisationId), "Organisation");
        if (hasAccountHere(lead.partnershipId(), email)) {
            return Optional.empty();
        }
        Account invited = accounts.findById(invite(lead, name, email, Role.CONTRIBUTOR, organisationId)).orElseThrow();
        return Optional.of(new Colleague(invited.id(), invited.displayName(), invited.email(), false, true));
    }

    /** Someone who can sit on a panel, with the organisations their account is linked to (for conflicts of interest). */
    public record PanelPerson(long id, String name, String email, boolean pending, Set<Long> organisationIds) {
    }

    /** The partnership's active (or invited) accounts holding a role, by name: who can sit on or moderate a panel. */
    @Transactional
    public List<PanelPerson> withRole(long partnershipId, Role role) {
        return people(accounts.findWithRole(partnershipId, role.name()).stream().filter(a -> a.disabledAt() == null).toList());
    }

    /** These accounts of the partnership (another partnership's ids find nothing), with their organisations. */
    @Transactional
    public List<PanelPerson> people(long partnershipId, Collection<Long> accountIds) {
        return accountIds.isEmpty() ? List.of() : people(accounts.findByPartnershipIdAndIdIn(partnershipId, accountIds));
    }

    private List<PanelPerson> people(List<Account> found) {
        Map<Long, Set<Long>> organisationsOf = new HashMap<>();
        if (!found.isEmpty()) {
            memberships.findByAccountIdIn(found.stream().map(Account::id).toList())
                    .forEach(m -> organisationsOf.computeIfAbsent(m.accountId(), k -> new HashSet<>()).add(m.organisationId()));
        }
        return found.stream().sorted(java.util.Comparator.comparing(Account::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(a -> new PanelPerson(a.id(), a.displayName(), a.email(), a.isPending(), Set.copyOf(organisationsOf.getOrDefault(a.id(), Set.of()))))
                .toList();
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
