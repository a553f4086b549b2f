package org.assure.accounts;

import org.assure.notify.Message;

/** A one-time link to set a password for a new account; {@code role} is the role's label. */
public record InvitationEmail(String inviterName, String partnershipName, String role, String invitationPath,
                              String expires) implements Message {
    @Override
    public String template() {
        return "invitation";
    }

    /** Its link sets the account's password: whoever reads it can become the recipient. */
    @Override
    public boolean carriesSecret() {
        return true;
    }
}
