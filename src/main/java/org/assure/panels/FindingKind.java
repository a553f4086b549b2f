package org.assure.panels;

/** Stored by name: never rename a constant. */
public enum FindingKind {
    STRENGTH("Strength"), AREA_TO_IMPROVE("Area to improve");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
