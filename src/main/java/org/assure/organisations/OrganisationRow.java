package org.assure.organisations;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A line of the organisation list. */
@Introspected
public record OrganisationRow(long id, OrganisationKind kind, String name, @Nullable String urn, @Nullable Sector sector,
                              @Nullable Phase phase, @Nullable SchoolCategory category, @Nullable String trustName,
                              @Nullable String parentName, @Nullable Instant archivedAt) {

    public boolean isArchived() {
        return archivedAt != null;
    }

    /** What kind of organisation, in the list's words: the school category or the agency sector. */
    public String type() {
        if (kind == OrganisationKind.SCHOOL) {
            return category == null ? kind.label() : category.label();
        }
        return sector == null ? kind.label() : sector.label();
    }
}
