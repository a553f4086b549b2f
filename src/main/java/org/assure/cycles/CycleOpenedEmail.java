package org.assure.cycles;

import org.assure.notify.Message;

/** Tells an organisation's named contacts that a cycle is open for it, what it is and when it is due. */
public record CycleOpenedEmail(String partnershipName, String cycleName, String organisationName, String bankName,
                               String deadline, String startPath) implements Message {
    @Override
    public String template() {
        return "cycle-opened";
    }
}
