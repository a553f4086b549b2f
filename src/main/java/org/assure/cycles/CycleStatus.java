package org.assure.cycles;

/** A cycle is edited while DRAFT, collects returns while OPEN, and is kept for reference once CLOSED and ARCHIVED. */
public enum CycleStatus {
    DRAFT("Draft"), OPEN("Open"), CLOSED("Closed"), ARCHIVED("Archived");

    private final String label;

    CycleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
