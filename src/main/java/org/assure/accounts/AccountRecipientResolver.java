package org.assure.accounts;

import jakarta.inject.Singleton;
import org.assure.access.Role;
import org.assure.notify.Addressee;
import org.assure.notify.RecipientResolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Resolves {@link AccountRecipient}s, only ever among the partnership's own accounts. */
@Singleton
class AccountRecipientResolver implements RecipientResolver<AccountRecipient> {
    private final AccountRepositories.Accounts accounts;

    AccountRecipientResolver(AccountRepositories.Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<AccountRecipient> kind() {
        return AccountRecipient.class;
    }

    @Override
    public List<Addressee> resolve(long partnershipId, AccountRecipient recipient) {
        List<Account> found;
        if (recipient instanceof AccountRecipient.Account one) {
            found = accounts.findByIdAndPartnershipId(one.accountId(), partnershipId).filter(a -> a.disabledAt() == null).stream().toList();
        } else if (recipient instanceof AccountRecipient.OrganisationLeads leads) {
            // two queries, not one per member: the organisation's people, and who of the partnership leads
            Set<Long> partnershipLeads = accounts.findWithRole(partnershipId, Role.ORGANISATION_LEAD.name()).stream()
                    .map(Account::id).collect(Collectors.toSet());
            found = accounts.findMembersOf(leads.organisationId(), partnershipId).stream().filter(this::signedUp)
                    .filter(a -> partnershipLeads.contains(a.id())).toList();
        } else if (recipient instanceof AccountRecipient.PartnershipAdmins) {
            found = accounts.findWithRole(partnershipId, Role.PARTNERSHIP_ADMIN.name()).stream().filter(this::signedUp).toList();
        } else {
            throw new IllegalArgumentException("Unknown kind of account recipient: " + recipient);
        }
        return found.stream().map(a -> new Addressee(a.displayName(), a.email())).toList();
    }

    /**
     * Many at once, as {@link #resolve} answers each: the accounts named by id in one query; every organisation's
     * leads in three (the partnership's leads, the organisations' memberships, those accounts), whatever their number.
     */
    @Override
    public Map<AccountRecipient, List<Addressee>> resolveAll(long partnershipId, Collection<AccountRecipient> recipients) {
        Map<AccountRecipient, List<Addressee>> found = new LinkedHashMap<>();
        List<Long> ids = recipients.stream().filter(r -> r instanceof AccountRecipient.Account).map(r -> ((AccountRecipient.Account) r).accountId())
                .distinct().toList();
        List<Long> organisations = recipients.stream().filter(r -> r instanceof AccountRecipient.OrganisationLeads)
                .map(r -> ((AccountRecipient.OrganisationLeads) r).organisationId()).distinct().toList();
        Map<Long, Account> byId = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            accounts.findByPartnershipIdAndIdIn(partnershipId, chunk).forEach(a -> byId.put(a.id(), a));
        }
        Map<Long, List<Account>> leadsByOrganisation = new HashMap<>();
        if (!organisations.isEmpty()) {
            Set<Long> partnershipLeads = accounts.findWithRole(partnershipId, Role.ORGANISATION_LEAD.name()).stream()
                    .map(Account::id).collect(Collectors.toSet());
            List<AccountRepositories.Membership> memberships = new ArrayList<>();
            for (List<Long> chunk : chunks(organisations)) {
                memberships.addAll(accounts.membershipsOf(chunk, partnershipId));
            }
            Map<Long, Account> members = new HashMap<>();
            for (List<Long> chunk : chunks(memberships.stream().map(AccountRepositories.Membership::accountId)
                    .filter(partnershipLeads::contains).distinct().toList())) {
                accounts.findByPartnershipIdAndIdIn(partnershipId, chunk).forEach(a -> members.put(a.id(), a));
            }
            for (AccountRepositories.Membership m : memberships) {
                Account a = members.get(m.accountId());
                if (a != null && signedUp(a)) {
                    leadsByOrganisation.computeIfAbsent(m.organisationId(), k -> new ArrayList<>()).add(a);
                }
            }
            // in the order resolve gives them: by name, then id
            leadsByOrganisation.values().forEach(l -> l.sort(Comparator.comparing(Account::displayName).thenComparing(Account::id)));
        }
        for (AccountRecipient recipient : recipients) {
            if (found.containsKey(recipient)) {
                continue;
            }
            List<Account> people;
            if (recipient instanceof AccountRecipient.Account one) {
                Account a = byId.get(one.accountId());
                people = a == null || a.disabledAt() != null ? List.of() : List.of(a);
            } else if (recipient instanceof AccountRecipient.OrganisationLeads leads) {
                people = leadsByOrganisation.getOrDefault(leads.organisationId(), List.of());
            } else {
                found.put(recipient, resolve(partnershipId, recipient));
                continue;
            }
            found.put(recipient, people.stream().map(a -> new Addressee(a.displayName(), a.email())).toList());
        }
        return found;
    }

    /** Ids a query at a time: a cycle of thousands of organisations stays within any server's limits. */
    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
        return chunks;
    }

    private boolean signedUp(Account a) {
        return !a.isPending() && a.disabledAt() == null;
    }
}
