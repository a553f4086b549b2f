package org.assure.accounts;

import jakarta.inject.Singleton;
import org.assure.access.Role;
import org.assure.notify.Addressee;
import org.assure.notify.RecipientResolver;

import java.util.List;
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

    private boolean signedUp(Account a) {
        return !a.isPending() && a.disabledAt() == null;
    }
}
