package org.assure.cycles;

import org.assure.notify.Message;

/**
 * Tells an organisation's leads that a cycle is open for it, what it is and when it is due. {@code invited}: the
 * lead has not yet accepted their invitation (sent separately, with its one-time link), so must do that first.
 */
public record CycleOpenedEmail(String partnershipName, String cycleName, String organisationName, String bankName,
                               String deadline, String startPath, boolean invited) implements Message {

    public CycleOpenedEmail(String partnershipName, String cycleName, String organisationName, String bankName,
                            String deadline, String startPath) {
        this(partnershipName, cycleName, organisationName, bankName, deadline, startPath, false);
    }

    @Override
    public String template() {
        return "cycle-opened";
    }
}
