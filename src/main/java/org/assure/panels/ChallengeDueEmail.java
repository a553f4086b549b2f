package org.assure.panels;

import org.assure.notify.Message;

/**
 * About one unanswered challenge: a reminder to the organisation's leads three days before it is due, or (overdue) a
 * notice the day after, to the leads and the partnership's admins. {@code wording}: the challenge as the panel put it.
 */
public record ChallengeDueEmail(String organisationName, String panelName, String kind, String wording, String dueOn, boolean overdue,
                                String challengesPath) implements Message {
    @Override
    public String template() {
        return overdue ? "challenge-overdue" : "challenge-reminder";
    }
}
