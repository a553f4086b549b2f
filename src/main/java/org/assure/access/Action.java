package org.assure.access;

/** What a person asks to do to a thing; {@link AccessPolicy} answers for every role. */
public enum Action {
    /** Open it: a return's task list, an organisation's page. */
    OPEN,
    /** Read all of it: a whole return (print, history, past submissions). */
    VIEW,
    /** Change it: answers in a section. */
    EDIT,
    /** Share out its sections. */
    ASSIGN,
    /** Sign it off and send it to the partnership. */
    SUBMIT,
    /** Send a submitted return back to its organisation. */
    RETURN_FOR_CHANGES,
    /** Read the partnership's reports; of a return, its report (the organisation's lead and chair read their own). */
    READ_REPORTS,
    /** See which audit cycles are in progress and their dates (not their returns). */
    FOLLOW_CYCLES,
    /** Mark a case before a panel, and draft its challenges (a panel member). */
    MARK,
    /** Moderate a case: agree its ratings and outcome, release its challenges (the panel's moderator). */
    MODERATE,
    /** Verify that an action is done, or send it back (the partnership, or the panel member it names; never the action's owner). */
    VERIFY,
    /** Withdraw an action, with a reason (the partnership, or the organisation's lead). */
    WITHDRAW,
    /** Run the partnership: organisations, people, cycles, question banks, emails, scheduled work. */
    ADMINISTER
}
