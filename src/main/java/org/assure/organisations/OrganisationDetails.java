package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What describes an organisation, without its identity and bookkeeping: the input to create and update. */
public record OrganisationDetails(OrganisationKind kind,
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
                                  List<Contact> contacts) {

    /** A named person of the organisation. */
    public record Contact(ContactRole role, String name, @Nullable String email, @Nullable String phone) {
    }

    public static OrganisationDetails agency(String name, Sector sector, @Nullable Long parentId, List<Contact> contacts) {
        return new OrganisationDetails(OrganisationKind.AGENCY, name, sector, null, null, null, null, null, null,
                false, false, parentId, contacts);
    }
}
