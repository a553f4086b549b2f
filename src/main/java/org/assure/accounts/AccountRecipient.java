package org.assure.accounts;

import org.assure.notify.Recipient;

/** People an email can be for whom the accounts feature keeps; {@link AccountRecipientResolver} finds them. */
public sealed interface AccountRecipient extends Recipient {

    /** One account of the partnership, invited or signed up; nobody once it is disabled. */
    record Account(long accountId) implements AccountRecipient {
    }

    /** An organisation's leads who have signed up (an invited lead has not yet said the address works). */
    record OrganisationLeads(long organisationId) implements AccountRecipient {
    }

    /** The partnership's admins who have signed up and are not disabled. */
    record PartnershipAdmins() implements AccountRecipient {
    }

    static Account account(long accountId) {
        return new Account(accountId);
    }

    static OrganisationLeads leadsOf(long organisationId) {
        return new OrganisationLeads(organisationId);
    }

    static PartnershipAdmins partnershipAdmins() {
        return new PartnershipAdmins();
    }
}
