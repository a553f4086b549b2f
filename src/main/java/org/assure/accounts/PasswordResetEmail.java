package org.assure.accounts;

import org.assure.notify.Message;

/** A one-time link to choose a new password, valid for an hour. */
public record PasswordResetEmail(String resetPath) implements Message {
    @Override
    public String template() {
        return "password-reset";
    }

    /** Its link sets the account's password: whoever reads it can become the recipient. */
    @Override
    public boolean carriesSecret() {
        return true;
    }
}
