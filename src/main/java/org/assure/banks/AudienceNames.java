package org.assure.banks;

import org.assure.organisations.OrganisationKind;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The words a bank's audience may use: the organisation kinds, school categories and agency sectors. */
final class AudienceNames {
    static final Set<String> KINDS = names(OrganisationKind.values());
    static final Set<String> CATEGORIES = names(SchoolCategory.values());
    static final Set<String> SECTORS = names(Sector.values());

    private AudienceNames() {
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
