package org.assure.accounts;

import org.assure.notify.Message;

/** Tells a person their password was changed (by them, or through a reset link), with where to reset it if not. */
public record PasswordChangedEmail(String changedAt, String resetPath) implements Message {
    @Override
    public String template() {
        return "password-changed";
    }
}
