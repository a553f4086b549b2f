package org.assure.panels;

/** Stored by name: never rename a constant. */
public enum CaseReason {
    NON_COMPLETION("Did not complete"), NON_COMPLIANCE("Not compliant"), DIP_SAMPLE("Dip sample"), SCRUTINY_DAY("Scrutiny day"), BY_HAND("Added by the partnership");

    private final String label;

    CaseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
