package org.assure.panels;

/** Stored by name: never rename a constant. */
public enum CaseOutcome {
    ASSURED("Assured"), PARTLY_ASSURED("Partly assured"), NOT_ASSURED("Not assured");

    private final String label;

    CaseOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
