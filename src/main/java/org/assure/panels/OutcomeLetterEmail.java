package org.assure.panels;

import org.assure.notify.Message;

/** To an organisation's leads (and a school's chair of governors): the panel's outcome letter is ready to read, with the link to it. */
public record OutcomeLetterEmail(String partnershipName, String organisationName, String panelName, String outcome, String outcomePath)
        implements Message {
    @Override
    public String template() {
        return "panel-outcome-letter";
    }
}
