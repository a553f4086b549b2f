package org.assure.access;

import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in person, as every controller and service sees them. Controllers take it as a parameter. */
public record CurrentUser(long accountId, long partnershipId, String partnershipName, String email, String name,
                          Set<String> roles, Set<Long> organisationIds) {

    private static final String ACCOUNT_ID = "accountId";
    private static final String PARTNERSHIP_ID = "partnershipId";
    private static final String PARTNERSHIP_NAME = "partnershipName";
    private static final String NAME = "name";
    private static final String ORGANISATION_IDS = "organisationIds";

    /** What a session's authentication carries, so that {@link #from} can read the person back on every request. */
    public static Authentication authentication(String email, List<String> roles, long accountId, long partnershipId,
                                                String partnershipName, String name, List<Long> organisationIds) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ACCOUNT_ID, accountId);
        attributes.put(PARTNERSHIP_ID, partnershipId);
        attributes.put(PARTNERSHIP_NAME, partnershipName);
        attributes.put(NAME, name);
        attributes.put(ORGANISATION_IDS, organisationIds);
        return Authentication.build(email, roles, attributes);
    }

    public static CurrentUser from(Authentication authentication) {
        var attributes = authentication.getAttributes();
        List<?> organisations = (List<?>) attributes.getOrDefault(ORGANISATION_IDS, List.of());
        return new CurrentUser(
                ((Number) attributes.get(ACCOUNT_ID)).longValue(),
                ((Number) attributes.get(PARTNERSHIP_ID)).longValue(),
                (String) attributes.get(PARTNERSHIP_NAME),
                authentication.getName(),
                (String) attributes.get(NAME),
                Set.copyOf(authentication.getRoles()),
                organisations.stream().map(o -> ((Number) o).longValue()).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** Whether this person may act for the organisation: admins for any in their partnership, others for their own. */
    public boolean actsFor(long organisationId) {
        return organisationIds.contains(organisationId);
    }
}
