package org.assure.partnerships;

import jakarta.inject.Singleton;
import org.assure.notify.Addressee;
import org.assure.notify.RecipientResolver;

import java.util.List;

/** Resolves {@link OfficerRecipient}s to the officers of the sending partnership only. */
@Singleton
class OfficerRecipientResolver implements RecipientResolver<OfficerRecipient> {
    private final PartnershipOfficers officers;

    OfficerRecipientResolver(PartnershipOfficers officers) {
        this.officers = officers;
    }

    @Override
    public Class<OfficerRecipient> kind() {
        return OfficerRecipient.class;
    }

    @Override
    public List<Addressee> resolve(long partnershipId, OfficerRecipient recipient) {
        return officers.holding(partnershipId, recipient.role()).stream().map(o -> new Addressee(o.name(), o.email())).toList();
    }
}
