package org.assure.panels;

/** Stored by name: never rename a constant. */
public enum ChallengeKind {
    QUESTION("Challenge question"), EVIDENCE("Request for more evidence");

    private final String label;

    ChallengeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
