package org.assure.actions;

/** Where an action came from: an answer of a return, an area to improve agreed at a panel, or the partnership. */
public enum ActionSource {
    QUESTION("From an answer"), PANEL("From a panel"), PARTNERSHIP("Added by the partnership");

    private final String label;

    ActionSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
