package org.assure.panels;

import org.assure.notify.Message;

/** To the organisation's leads: the panel has put {@code count} challenges to them, answers due by {@code dueOn}; a link to answer. */
public record ChallengeReleasedEmail(String partnershipName, String organisationName, String panelName, int count, String dueOn,
                                     String challengesPath) implements Message {
    @Override
    public String template() {
        return "challenges-released";
    }
}
