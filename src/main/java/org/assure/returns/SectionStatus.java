package org.assure.returns;

public enum SectionStatus {
    NOT_STARTED("Not started"), IN_PROGRESS("In progress"), COMPLETED("Completed");

    private final String label;

    SectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
