package org.assure.actions;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * An action's status and the moves between them, all in one place. "Not verified" is not a status: it is the move from
 * awaiting verification back to in progress, with a reason. Overdue is not a status either: it is worked out from the
 * due date ({@link #overdue}), so it can never disagree with it.
 */
public enum ActionStatus {
    /** A panel's area to improve, waiting for the organisation's owner and date and the partnership's acceptance. */
    PROPOSED("Proposed", "grey"),
    NOT_STARTED("Not started", "grey"),
    IN_PROGRESS("In progress", "light-blue"),
    AWAITING_VERIFICATION("Done – awaiting verification", "blue"),
    VERIFIED("Verified", "green"),
    WITHDRAWN("Withdrawn", "grey");

    private final String label;
    private final String colour;

    ActionStatus(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The GOV.UK tag colour the status is shown in ("govuk-tag--" + colour). */
    public String colour() {
        return colour;
    }

    /** Where an action may go from here. */
    public Set<ActionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(NOT_STARTED, WITHDRAWN);
            case NOT_STARTED -> EnumSet.of(IN_PROGRESS, AWAITING_VERIFICATION, WITHDRAWN);
            case IN_PROGRESS -> EnumSet.of(AWAITING_VERIFICATION, WITHDRAWN);
            // verified, or not verified: back to in progress with the reason
            case AWAITING_VERIFICATION -> EnumSet.of(VERIFIED, IN_PROGRESS, WITHDRAWN);
            case VERIFIED, WITHDRAWN -> EnumSet.noneOf(ActionStatus.class);
        };
    }

    public boolean canMoveTo(ActionStatus to) {
        return next().contains(to);
    }

    /** Finished with: verified or withdrawn. */
    public boolean closed() {
        return this == VERIFIED || this == WITHDRAWN;
    }

    /** Still the organisation's to do: not closed, not waiting for the partnership to verify it, not a proposal. */
    public boolean owed() {
        return !closed() && this != AWAITING_VERIFICATION;
    }

    /** Progress can be reported, completion claimed and a new date asked for while the action is being worked on. */
    public boolean workable() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }

    /** Overdue: still owed and its due date before today. */
    public boolean overdue(LocalDate dueOn, LocalDate today) {
        return owed() && this != PROPOSED && dueOn.isBefore(today);
    }
}
