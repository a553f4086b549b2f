package org.assure.chasing;

import org.assure.notify.Message;

/** To the safeguarding executive: a panel found a return "not assured", the escalation's non-compliance step. */
public record NotAssuredEmail(String partnershipName, String organisationName, String cycleName, String panelName, String summary,
                              String returnPath) implements Message {
    @Override
    public String template() {
        return "chase-not-assured";
    }
}
