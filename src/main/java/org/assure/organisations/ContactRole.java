package org.assure.organisations;

/** The named people an organisation has; escalation ladders and invitations address them. */
public enum ContactRole {
    LEAD("Safeguarding lead"),
    HEADTEACHER("Headteacher"),
    DSL("Designated safeguarding lead"),
    CHAIR_OF_GOVERNORS("Chair of governors"),
    SAFEGUARDING_GOVERNOR("Safeguarding governor");

    private final String label;

    ContactRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
