package org.assure.accounts;

import org.assure.notify.Message;

/** A one-time link to choose a new password, valid for an hour. */
public record PasswordResetEmail(String resetPath) implements Message {
    @Override
    public String template() {
        return "password-reset";
    }
}
