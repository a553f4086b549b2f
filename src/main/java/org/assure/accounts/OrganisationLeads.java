package org.assure.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.CurrentUser;
import org.assure.access.Role;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who can act for each organisation as its lead, and making someone a lead by invitation: what opening a
 * cycle needs so that it reaches people who can sign in (ADR 0025). Invitations go through
 * {@link AccountService#invite}, the one way an account is invited.
 */
@Singleton
public class OrganisationLeads {
    private final AccountRepositories.Accounts accounts;
    private final AccountRepositories.Memberships memberships;
    private final AccountRepositories.Tokens tokens;
    private final AccountService service;
    private final AccessPolicy access;
    private final Clock clock;

    OrganisationLeads(AccountRepositories.Accounts accounts, AccountRepositories.Memberships memberships,
                      AccountRepositories.Tokens tokens, AccountService service, AccessPolicy access, Clock clock) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.tokens = tokens;
        this.service = service;
        this.access = access;
        this.clock = clock;
    }

    /** A lead of an organisation: signed up, or invited and not yet accepted. */
    public record Lead(long accountId, String name, String email, boolean signedUp) {
    }

    /** The leads (signed up or invited; never disabled) of every organisation of the partnership, in two queries. */
    @Transactional
    public Map<Long, List<Lead>> byOrganisation(long partnershipId) {
        Map<Long, Account> leads = accounts.findWithRole(partnershipId, Role.ORGANISATION_LEAD.name()).stream()
                .filter(a -> a.disabledAt() == null)
                .collect(Collectors.toMap(Account::id, a -> a, (a, b) -> a));
        if (leads.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Lead>> found = new HashMap<>();
        for (AccountOrganisation m : memberships.findByAccountIdIn(leads.keySet())) {
            Account a = leads.get(m.accountId());
            found.computeIfAbsent(m.organisationId(), o -> new java.util.ArrayList<>())
                    .add(new Lead(a.id(), a.displayName(), a.email(), !a.isPending()));
        }
        return found;
    }

    /**
     * Invites someone as the organisation's lead (one-time link by email). Empty when the address already has
     * an account in this partnership: an existing account is never given a new organisation without an admin
     * deciding so. An address with an account elsewhere is invited like any other (ADR 0021).
     */
    @Transactional
    public Optional<Lead> invite(CurrentUser admin, String name, String email, long organisationId) {
        access.requireAdmin(admin);
        if (service.existsInPartnership(admin.partnershipId(), email)) {
            return Optional.empty();
        }
        long id = service.invite(admin, name, email, Role.ORGANISATION_LEAD, organisationId);
        return Optional.of(new Lead(id, name.strip(), Account.normaliseEmail(email), false));
    }

    /**
     * Sends an invited lead a new link when their last one can no longer be used (it expired), so that an
     * email telling them about a cycle never points at a dead link; true when a new one was sent.
     */
    @Transactional
    public boolean renewLapsedInvitation(CurrentUser admin, long accountId) {
        access.requireAdmin(admin);
        Optional<Account> account = accounts.findByIdAndPartnershipId(accountId, admin.partnershipId())
                .filter(a -> a.isPending() && a.disabledAt() == null);
        if (account.isEmpty() || tokens.countUsable(accountId, AccountToken.INVITATION, clock.instant()) > 0) {
            return false;
        }
        service.reinvite(admin, accountId);
        return true;
    }
}
