package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** Sends through the SMTP server of {@code assure.smtp.*} with Jakarta Mail. The session is built once. */
@Singleton
class SmtpMailTransport implements MailTransport {
    /** Bounds every network step, so a server that accepts a connection and then stalls cannot hold the job. */
    static final int TIMEOUT_MILLIS = 10_000;
    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;

    SmtpMailTransport(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host() == null ? "" : settings.host().strip());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.auth", String.valueOf(hasCredentials(settings)));
        // With starttls on, refuse to send in clear text if the server does not offer it.
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        // Message-IDs take their domain from here rather than from this machine's name (often "localhost").
        p.put("mail.from", settings.from() == null ? "" : settings.from());
        return p;
    }

    @Override
    public void send(String recipient, String subject, String body) throws MessagingException {
        send(recipient, subject, body, null);
    }

    @Override
    public void send(String recipient, String subject, String body, @Nullable String html) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        if (html == null) {
            message.setText(body, StandardCharsets.UTF_8.name());
        } else {
            message.setContent(alternatives(body, html));
        }
        message.setSentDate(Date.from(clock.instant()));
        if (hasCredentials(settings)) {
            Transport.send(message, settings.username(), settings.password());
        } else {
            Transport.send(message);
        }
    }

    /** The text part first and the HTML part last: mail clients show the last alternative they can. */
    private static MimeMultipart alternatives(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(plain);
        alternatives.addBodyPart(rich);
        return alternatives;
    }

    private static boolean hasCredentials(SmtpSettings settings) {
        return settings.username() != null && !settings.username().isBlank();
    }
}
