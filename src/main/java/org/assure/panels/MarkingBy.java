package org.assure.panels;

/** Stored by name: never rename a constant. */
public enum MarkingBy {
    SECTION("Per section"), QUESTION("Per question");

    private final String label;

    MarkingBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
