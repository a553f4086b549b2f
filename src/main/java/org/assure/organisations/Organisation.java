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

    /**
     * The name as lists and drop-downs show it: schools often share a name ("St Mary's C of E Primary"),
     * so a school's URN goes beside it, and an agency's sector (agencies have no register number).
     */
    public String label() {
        if (isSchool()) {
            return urn == null || urn.isBlank() ? name : name + " (URN " + urn + ")";
        }
        return sector == null ? name : name + " (" + sector.label() + ")";
    }

    /** This row with new details; the version stays as read, so the update fails if someone saved in between. */
    Organisation with(OrganisationDetails d, Instant now) {
        return new Organisation(id, partnershipId, kind, d.name(), d.sector(), d.phase(), d.category(), d.urn(),
                d.trustName(), d.localAuthority(), d.postcode(), d.hasBoarding(), d.hasEarlyYears(), d.parentId(),
                archivedAt, version, createdAt, now);
    }

    Organisation withArchivedAt(@Nullable Instant archived, Instant now) {
        return new Organisation(id, partnershipId, kind, name, sector, phase, category, urn, trustName, localAuthority,
                postcode, hasBoarding, hasEarlyYears, parentId, archived, version, createdAt, now);
    }

    Organisation withVersion(int expected) {
        return new Organisation(id, partnershipId, kind, name, sector, phase, category, urn, trustName, localAuthority,
                postcode, hasBoarding, hasEarlyYears, parentId, archivedAt, expected, createdAt, updatedAt);
    }
}
