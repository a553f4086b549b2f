package org.assure.organisations;

/** Phase of education, in the words of the DfE's register of schools (GIAS). */
public enum Phase {
    NURSERY("Nursery"),
    PRIMARY("Primary"),
    MIDDLE("Middle"),
    SECONDARY("Secondary"),
    ALL_THROUGH("All-through"),
    SIXTEEN_PLUS("16 plus"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
