package org.assure.returns;

import org.assure.notify.Message;

/** Tells the partnership that a return came in: who submitted it, the declaration, and whether it was late. */
public record ReturnSubmittedNotice(String submitterName, String organisationName, String cycleName, boolean late,
                                    String declaredName, String declaredRole, String submittedAt, String reference,
                                    String printPath) implements Message {
    @Override
    public String template() {
        return "return-submitted-notice";
    }
}
