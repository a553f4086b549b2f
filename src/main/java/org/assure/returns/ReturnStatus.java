package org.assure.returns;

/** Where one organisation's return stands; {@link ReturnLifecycle} says how it moves between these. */
public enum ReturnStatus {
    NOT_STARTED("Not started"), IN_PROGRESS("In progress"), SUBMITTED("Submitted"), RETURNED("Returned for changes");

    private final String label;

    ReturnStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the organisation may change its answers in this status (the cycle and its deadlines aside). */
    public boolean editable() {
        return this != SUBMITTED;
    }
}
