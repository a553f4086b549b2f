package org.assure.returns;

import org.assure.notify.Message;

/** The submitter's receipt: the reference to quote, and a link to the printable copy. */
public record ReturnSubmittedReceipt(String organisationName, String cycleName, String reference, boolean late,
                                     String printPath) implements Message {
    @Override
    public String template() {
        return "return-submitted-receipt";
    }
}
