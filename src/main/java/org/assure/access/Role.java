package org.assure.access;

/** The roles a person can hold in a partnership. Names match {@link Roles}. */
public enum Role {
    PARTNERSHIP_ADMIN("Partnership admin", false),
    ORGANISATION_LEAD("Organisation lead", true),
    CONTRIBUTOR("Contributor", true),
    PANEL_MEMBER("Panel member", false),
    ESCALATION_CONTACT("Chair or escalation contact", true),
    BOARD_VIEWER("Board viewer", false);

    private final String label;
    private final boolean belongsToOrganisation;

    Role(String label, boolean belongsToOrganisation) {
        this.label = label;
        this.belongsToOrganisation = belongsToOrganisation;
    }

    public String label() {
        return label;
    }

    /** Whether someone in this role acts for an organisation, so must be linked to one. */
    public boolean belongsToOrganisation() {
        return belongsToOrganisation;
    }
}
