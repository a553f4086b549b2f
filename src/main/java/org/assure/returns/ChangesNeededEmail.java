package org.assure.returns;

import org.assure.notify.Message;

/** A submission sent back for changes, with the partnership's reason as they wrote it. */
public record ChangesNeededEmail(String partnershipName, String organisationName, String cycleName, String reference,
                                 String reason, String returnPath) implements Message {
    @Override
    public String template() {
        return "changes-needed";
    }
}
