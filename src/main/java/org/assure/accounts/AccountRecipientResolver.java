package org.assure.accounts;

import jakarta.inject.Singleton;
import org.assure.access.Role;
import org.assure.notify.Addressee;
import org.assure.notify.RecipientResolver;

import java.util.List;

/** Resolves {@link AccountRecipient}s, only ever among the partnership's own accounts. */
@Singleton
class AccountRecipientResolver implements RecipientResolver<AccountRecipient> {
    private final AccountRepositories.Accounts accounts;
    private final AccountRepositories.AccountRoles roles;

    AccountRecipientResolver(AccountRepositories.Accounts accounts, AccountRepositories.AccountRoles roles) {
        this.accounts = accounts;
        this.roles = roles;
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
            found = accounts.findMembersOf(leads.organisationId(), partnershipId).stream().filter(this::signedUp)
                    .filter(a -> roles.findByAccountId(a.id()).stream().anyMatch(r -> r.role().equals(Role.ORGANISATION_LEAD.name())))
                    .toList();
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
