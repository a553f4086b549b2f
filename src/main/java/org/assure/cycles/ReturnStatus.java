package org.assure.cycles;

/** Where one organisation's return stands. The completion slice moves returns between these. */
public enum ReturnStatus {
    NOT_STARTED("Not started"), IN_PROGRESS("In progress"), SUBMITTED("Submitted"), RETURNED("Returned for changes");

    private final String label;

    ReturnStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
