package org.assure.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** One named person of the partnership in one role, with the address escalations go to. */
@MappedEntity("partnership_officer")
public record PartnershipOfficer(@Id @GeneratedValue @Nullable Long id,
                                 long partnershipId,
                                 OfficerRole role,
                                 String name,
                                 String email,
                                 Instant createdAt,
                                 Instant updatedAt,
                                 @Version int version) {

    PartnershipOfficer with(OfficerRole newRole, String newName, String newEmail, Instant now) {
        return new PartnershipOfficer(id, partnershipId, newRole, newName, newEmail, createdAt, now, version);
    }
}
