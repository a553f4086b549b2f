package org.assure.actions;

/** What an entry in an action's history records (action_update.kind). The names are stored: never change one. */
public enum UpdateKind {
    CREATED("Action written"), PROGRESS("Progress update"), DONE("Marked as done"), VERIFIED("Verified"), SENT_BACK("Not verified"),
    WITHDRAWN("Withdrawn"), DUE_DATE_REQUESTED("New due date asked for"), DUE_DATE_ACCEPTED("New due date accepted"),
    DUE_DATE_REFUSED("New due date refused"), VERIFIER_NAMED("Verifier named"), PROPOSAL("Owner and due date proposed"),
    ACCEPTED("Accepted by the partnership");

    private final String label;

    UpdateKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
