package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** An agency or a school in a partnership. Agencies have a sector; schools a phase, category and URN. */
@MappedEntity("organisation")
public record Organisation(@Id @GeneratedValue @Nullable Long id,
                           long partnershipId,
                           OrganisationKind kind,
                           String name,
                           @Nullable Sector sector,
                           @Nullable Phase phase,
                           @Nullable SchoolCategory category,
                           @Nullable String urn,
                           @Nullable String trustName,
                           @Nullable String localAuthority,
                           @Nullable String postcode,
                           boolean hasBoarding,
                           boolean hasEarlyYears,
                           @Nullable Long parentId,
                           @Nullable Instant archivedAt,
                           @Version int version,
                           Instant createdAt,
                           Instant updatedAt) {

    public boolean isSchool() {
        return kind == OrganisationKind.SCHOOL;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }
}
