package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import jakarta.mail.MessagingException;

/**
 * Hands one email to the mail server. The outbox sender's only view of SMTP, so tests can stand in for it.
 * The sender calls the four-argument form; a stand-in that only counts or holds emails may implement the
 * plain-text form alone.
 */
interface MailTransport {
    void send(String recipient, String subject, String body) throws MessagingException;

    /** The text part and, when {@code html} is not null, an HTML alternative to it. */
    default void send(String recipient, String subject, String body, @Nullable String html) throws MessagingException {
        send(recipient, subject, body);
    }
}
