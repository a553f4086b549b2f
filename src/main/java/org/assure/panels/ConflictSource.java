package org.assure.panels;

/** Stored by name: never rename a constant. */
public enum ConflictSource {
    OWN("Works for the organisation"), PARENT("Works for its trust or council"), CHILD("Works for an organisation it oversees"), SIBLING("Works for a sister organisation"), DECLARED("Declared by the member"), ADDED("Added by the partnership");

    private final String label;

    ConflictSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
