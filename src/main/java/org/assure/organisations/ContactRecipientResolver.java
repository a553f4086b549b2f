package org.assure.organisations;

import jakarta.inject.Singleton;
import org.assure.notify.Addressee;
import org.assure.notify.RecipientResolver;

import java.util.List;

/** Resolves {@link ContactRecipient}s, only for organisations of the partnership. */
@Singleton
class ContactRecipientResolver implements RecipientResolver<ContactRecipient> {
    private final OrganisationRepository organisations;
    private final ContactRepository contacts;

    ContactRecipientResolver(OrganisationRepository organisations, ContactRepository contacts) {
        this.organisations = organisations;
        this.contacts = contacts;
    }

    @Override
    public Class<ContactRecipient> kind() {
        return ContactRecipient.class;
    }

    @Override
    public List<Addressee> resolve(long partnershipId, ContactRecipient recipient) {
        if (organisations.findByIdAndPartnershipId(recipient.organisationId(), partnershipId).isEmpty()) {
            return List.of();
        }
        return contacts.findByOrganisationIdOrderByRole(recipient.organisationId()).stream()
                .filter(c -> c.role() == recipient.role())
                .map(c -> new Addressee(c.name(), c.email()))
                .toList();
    }
}
