package org.assure.panels;

/** Stored by name: never rename a constant. */
public enum PanelKind {
    ASSURANCE("Assurance panel"), SCRUTINY_DAY("Section 11 scrutiny day");

    private final String label;

    PanelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
