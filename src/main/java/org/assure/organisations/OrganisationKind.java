package org.assure.organisations;

public enum OrganisationKind {
    AGENCY("Agency"),
    SCHOOL("School or college");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
