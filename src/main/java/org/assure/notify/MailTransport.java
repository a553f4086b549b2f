package org.assure.notify;

import jakarta.mail.MessagingException;

/** Hands one plain-text email to the mail server. The outbox sender's only view of SMTP, so tests can stand in for it. */
interface MailTransport {
    void send(String recipient, String subject, String body) throws MessagingException;
}
