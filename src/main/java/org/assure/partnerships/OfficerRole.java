package org.assure.partnerships;

/** The partnership's named people whom escalation ladders can name by role. */
public enum OfficerRole {
    SAFEGUARDING_EXECUTIVE("Safeguarding executive member"),
    INDEPENDENT_SCRUTINEER("Independent scrutineer"),
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
