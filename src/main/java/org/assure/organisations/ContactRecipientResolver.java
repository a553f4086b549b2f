package org.assure.organisations;

import jakarta.inject.Singleton;
import org.assure.notify.Addressee;
import org.assure.notify.RecipientResolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Many at once: the contacts of all their organisations in one query (a thousand organisations a query). */
    @Override
    public Map<ContactRecipient, List<Addressee>> resolveAll(long partnershipId, Collection<ContactRecipient> recipients) {
        List<Long> ids = recipients.stream().map(ContactRecipient::organisationId).distinct().toList();
        Map<ContactRecipient, List<Addressee>> byRole = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            for (OrganisationContact c : contacts.findOfOrganisations(partnershipId, ids.subList(from, Math.min(ids.size(), from + 1000)))) {
                byRole.computeIfAbsent(new ContactRecipient(c.organisationId(), c.role()), k -> new ArrayList<>()).add(new Addressee(c.name(), c.email()));
            }
        }
        Map<ContactRecipient, List<Addressee>> found = new LinkedHashMap<>();
        recipients.forEach(r -> found.put(r, List.copyOf(byRole.getOrDefault(r, List.of()))));
        return found;
    }
}
