package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import jakarta.mail.MessagingException;

/**
 * Hands one email to the mail server: its plain-text part and, if it has one, its HTML part. The outbox
 * sender's only view of SMTP, so tests can stand in for it.
 */
interface MailTransport {
    void send(String recipient, String subject, String body, @Nullable String html) throws MessagingException;
}
