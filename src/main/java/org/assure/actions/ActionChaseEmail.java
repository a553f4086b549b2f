package org.assure.actions;

import org.assure.notify.Message;

/**
 * A reminder before an action's due date, or an escalation step after it, about one action of one organisation.
 * {@code words} are the step's own words (or the reminder's); {@code when} is already in words ("in 3 days, on
 * 9 March 2027", "15 days ago, on 9 March 2027"). Two templates: {@code action-reminder} and {@code action-overdue}.
 */
public record ActionChaseEmail(String partnershipName, String organisationName, String what, String ownerName, String ownerRole,
                               String subjectLine, String words, boolean reminder, String status, String when, String actionPath)
        implements Message {
    @Override
    public String template() {
        return reminder ? "action-reminder" : "action-overdue";
    }
}
