package org.assure.notify;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxSenderTest {

    @Test
    void retriesAfterOneMinuteThenDoublingUpToAnHour() {
        assertEquals(Duration.ofMinutes(1), OutboxSender.backoff(1));
        assertEquals(Duration.ofMinutes(2), OutboxSender.backoff(2));
        assertEquals(Duration.ofMinutes(4), OutboxSender.backoff(3));
        assertEquals(Duration.ofMinutes(32), OutboxSender.backoff(6));
        assertEquals(Duration.ofHours(1), OutboxSender.backoff(7));
        assertEquals(Duration.ofHours(1), OutboxSender.backoff(5000), "no overflow, however long it fails");
    }

    @Test
    void errorsAreOneLineWithTheirCausesAndAtMost1000Characters() {
        var error = new MessagingException("Could not connect", new ConnectException("Connection refused"));
        assertEquals("Could not connect – Connection refused", OutboxSender.describe(error));
        String longError = OutboxSender.describe(new MessagingException("x".repeat(5000)));
        assertEquals(1000, longError.length());
        assertTrue(longError.endsWith("…"));
        assertEquals("NullPointerException", OutboxSender.describe(new NullPointerException()));
    }

    @Test
    void aServerThatCannotBeReachedEndsTheRunButABadAddressDoesNot() {
        assertTrue(OutboxSender.serverUnreachable(new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException("refused", new java.io.IOException("x"), "mail.test", 25, 10000))));
        assertTrue(OutboxSender.serverUnreachable(new MessagingException("x", new ConnectException("refused"))));
        assertFalse(OutboxSender.serverUnreachable(new jakarta.mail.internet.AddressException("Missing final '@domain'")));
        assertFalse(OutboxSender.serverUnreachable(new jakarta.mail.SendFailedException("550 no such user")));
    }

    @Test
    void onlyLinksIntoThisSiteBecomeClickable() {
        var parts = OutboxEntry.bodyParts("Open http://assure.test/invitations/abc now.\nNot https://evil.example/x or http://assure.test.evil/x",
                "http://assure.test");
        assertEquals(3, parts.size());
        assertEquals(new OutboxEntry.BodyPart("Open ", false), parts.get(0));
        assertEquals(new OutboxEntry.BodyPart("http://assure.test/invitations/abc", true), parts.get(1));
        assertFalse(parts.get(2).link());
        assertTrue(parts.get(2).text().startsWith(" now.\nNot https://evil.example/x"));
        assertEquals(new OutboxEntry.BodyPart("http://assure.test/x", true),
                OutboxEntry.bodyParts("Go to http://assure.test/x.", "http://assure.test").get(1), "a full stop ends the link");
    }
}
