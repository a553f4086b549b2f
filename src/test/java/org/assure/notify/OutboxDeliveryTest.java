package org.assure.notify;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.assure.jobs.DueWorkRunner;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.MailServerWebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery through a real SMTP conversation with GreenMail. The SMTP port is a free one found at start;
 * GreenMail listens there only while a test wants the server up, so "down" is a closed port.
 */
@MicronautTest(transactional = false)
class OutboxDeliveryTest extends MailServerWebTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxSender sender;
    @Inject
    DueWorkRunner runner;
    @Inject
    OutboxRepository emails;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    Notifications notifications;

    @Test
    void deliversAnEmailQueuedInACommittedTransaction() throws Exception {
        startMailServer();
        Partnership p = fixtures.partnership();
        String to = "invitee" + Fixtures.next() + "@school.test";
        String body = """
                Dear Zoë,

                Chloé Brontë has invited you to %s on Assure as organisation lead.

                Set your password to start:
                http://assure.test/invitations/abc123

                The link works once and expires on 9 June 2025 at 10:00am.
                """.formatted(p.name());
        queue(p, to, "You have been invited to " + p.name() + " – “Section 11”", body);

        OutboxSender.Run run = sender.sendDue();

        assertTrue(run.sent() >= 1, "sent: " + run);
        MimeMessage received = receivedBy(to);
        assertEquals(to, received.getAllRecipients()[0].toString());
        assertEquals("assure@assure.test", ((jakarta.mail.internet.InternetAddress) received.getFrom()[0]).getAddress());
        assertEquals("You have been invited to " + p.name() + " – “Section 11”", received.getSubject());
        assertTrue(received.getContentType().toUpperCase().contains("UTF-8"), received.getContentType());
        assertTrue(received.getMessageID().endsWith("@assure.test>"), "Message-ID in the sender's domain: " + received.getMessageID());
        String text = ((String) received.getContent()).replace("\r\n", "\n");
        assertEquals(body.strip(), text.strip(), "UTF-8 text intact (SMTP may drop the final line break)");
        OutboxEmail row = newest(p);
        assertNotNull(row.sentAt());
        assertEquals(0, row.attempts());
    }

    @Test
    void anEmailFromItsTemplatesArrivesAsPlainTextWithAnHtmlAlternative() throws Exception {
        startMailServer();
        Partnership p = fixtures.partnership();
        String to = "reset" + Fixtures.next() + "@school.test";
        transactions.executeWrite(status -> notifications.send(p.id(), new org.assure.accounts.PasswordResetEmail("/password-reset/abc123"),
                Recipient.person("Zoë Brontë", to)));

        sender.sendDue();

        MimeMessage received = receivedBy(to);
        assertEquals("Reset your Assure password", received.getSubject());
        assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());
        Multipart parts = (Multipart) received.getContent();
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertTrue(text.getContentType().toUpperCase().contains("UTF-8"), text.getContentType());
        String plain = ((String) text.getContent()).replace("\r\n", "\n");
        assertTrue(plain.startsWith("Dear Zoë Brontë,\n"), plain);
        assertTrue(plain.contains("\nhttp://assure.test/password-reset/abc123\n"), plain);
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertTrue(html.getContentType().toUpperCase().contains("UTF-8"), html.getContentType());
        String markup = (String) html.getContent();
        assertTrue(markup.contains("<html lang=\"en-GB\">") && markup.contains("Dear Zoë Brontë,"), markup);
        assertTrue(markup.contains("href=\"http://assure.test/password-reset/abc123\""), markup);
        OutboxEmail row = newest(p);
        assertNotNull(row.sentAt());
        assertNull(row.body(), "a reset link is forgotten once delivered (ADR 0020)");
        assertNull(row.htmlBody());
    }

    @Test
    void keepsMailWhileTheServerIsDownAndDeliversItLater() throws Exception {
        Partnership p = fixtures.partnership();
        String to = "later" + Fixtures.next() + "@agency.test";
        queue(p, to, "Reminder", "Your return is due.");

        sender.sendDue();

        OutboxEmail failed = newest(p);
        assertNull(failed.sentAt(), "not sent");
        assertEquals(1, failed.attempts());
        assertNotNull(failed.lastError());
        assertFalse(failed.lastError().isBlank());
        assertTrue(failed.lastError().length() <= OutboxSender.MAX_ERROR_LENGTH);
        assertTrue(failed.nextAttemptAt().isAfter(clock.instant()), "next attempt is in the future");
        assertTrue(failed.nextAttemptAt().isBefore(clock.instant().plus(Duration.ofMinutes(2))), "first retry after about a minute");

        sender.sendDue();
        assertEquals(1, newest(p).attempts(), "not retried before its time");

        clock.advance(Duration.ofMinutes(2));
        startMailServer();
        sender.sendDue();

        assertEquals("Your return is due.", ((String) receivedBy(to).getContent()).strip());
        OutboxEmail sent = newest(p);
        assertNotNull(sent.sentAt());
        assertEquals(1, sent.attempts(), "one failed attempt before it went");
    }

    @Test
    void oneBadAddressDoesNotHoldBackTheRest() throws Exception {
        startMailServer();
        Partnership p = fixtures.partnership();
        String good = "good" + Fixtures.next() + "@agency.test";
        queue(p, "not an address", "First", "Goes nowhere");
        queue(p, good, "Second", "Arrives");

        sender.sendDue();

        List<OutboxEmail> rows = outbox.recent(p.id());
        OutboxEmail second = rows.get(0);
        OutboxEmail first = rows.get(1);
        assertNull(first.sentAt());
        assertEquals(1, first.attempts());
        assertNotNull(first.lastError());
        assertNotNull(second.sentAt());
        assertEquals("Second", receivedBy(good).getSubject());
    }

    @Test
    void aRolledBackTransactionLeavesNoEmail() {
        Partnership p = fixtures.partnership();
        transactions.executeWrite(status -> {
            outbox.send(p.id(), "rolled.back@agency.test", "Never", "Never sent");
            status.setRollbackOnly();
            return null;
        });
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            outbox.send(p.id(), "failed@agency.test", "Never", "Never sent");
            throw new IllegalStateException("the event failed");
        }));
        assertTrue(outbox.recent(p.id()).isEmpty());
    }

    @Test
    void sendingNeedsTheCallersTransaction() {
        Partnership p = fixtures.partnership();
        assertThrows(RuntimeException.class, () -> outbox.send(p.id(), "x@agency.test", "No", "No transaction"));
        assertTrue(outbox.recent(p.id()).isEmpty());
    }

    @Test
    void theDueWorkRunnerSendsItAndSaysSo() throws Exception {
        startMailServer();
        Partnership p = fixtures.partnership();
        String to = "scheduled" + Fixtures.next() + "@agency.test";
        queue(p, to, "From the job", "Sent by the due-work runner");

        DueWorkRunner.Run run = runner.runOnce();

        assertEquals("From the job", receivedBy(to).getSubject());
        assertNotNull(newest(p).sentAt());
        // Other tests of this class may leave a failing email behind, so the counts may be higher.
        assertTrue(run.summary().matches("(?s).*outbox: [1-9]\\d* sent.*"), run.summary());

        runner.runOnce();
        assertEquals(1, greenMail.getReceivedMessagesForDomain(to).length, "sent once");
    }

    private void queue(Partnership p, String to, String subject, String body) {
        transactions.executeWrite(status -> {
            outbox.send(p.id(), to, subject, body);
            return null;
        });
    }

    private OutboxEmail newest(Partnership p) {
        return emails.findById(outbox.recent(p.id()).get(0).id()).orElseThrow();
    }

    private MimeMessage receivedBy(String to) {
        assertTrue(greenMail.waitForIncomingEmail(5000, 1), "some email arrived");
        MimeMessage[] messages = greenMail.getReceivedMessagesForDomain(to);
        assertEquals(1, messages.length, "one email for " + to);
        return messages[0];
    }
}
