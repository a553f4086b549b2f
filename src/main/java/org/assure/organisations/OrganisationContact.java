package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("organisation_contact")
public record OrganisationContact(@Id @GeneratedValue @Nullable Long id,
                                  long organisationId,
                                  ContactRole role,
                                  String name,
                                  @Nullable String email,
                                  @Nullable String phone) {
}
