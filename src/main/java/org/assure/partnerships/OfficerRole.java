package org.assure.partnerships;

/**
 * The partnership's named people whom escalation ladders address by role. Stored by name: never rename a constant.
 * Several people may hold one role (a partnership has three safeguarding executive members, one per partner).
 */
public enum OfficerRole {
    SAFEGUARDING_EXECUTIVE("Safeguarding executive member"),
    INDEPENDENT_SCRUTINEER("Independent scrutineer"),
    /** The partnership's named senior officer for schools: the schools ladder's last step. */
    ASSISTANT_DIRECTOR_EDUCATION("Assistant director of education"),
    BUSINESS_MANAGER("Partnership business manager");

    private final String label;

    OfficerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
