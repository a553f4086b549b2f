package org.assure.chasing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.assure.chasing.ChasedCycles.Chased;
import org.assure.jobs.DueWorkRunner;
import org.assure.notify.Outbox;
import org.assure.notify.OutboxEmail;
import org.assure.notify.OutboxSender;
import org.assure.testsupport.MailServerWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chase emails through a real SMTP conversation: GreenMail down for a simulated hour and then up (each email
 * delivered once), and a server that refuses an address for good (marked refused, not retried, listed on the
 * chasing page). Nothing listens on the SMTP port until a test starts a server there.
 */
@MicronautTest(transactional = false)
class ChaseDeliveryWebTest extends MailServerWebTest {
    @Inject
    ChasedCycles chased;
    @Inject
    Outbox outbox;
    @Inject
    OutboxSender sender;
    @Inject
    DueWorkRunner runner;

    private RefusingSmtpServer refusing;

    @AfterEach
    void stopRefusingServer() {
        if (refusing != null) {
            refusing.close();
            refusing = null;
        }
    }

    private List<OutboxEmail> reminders(Chased c) {
        return outbox.recent(c.p().id()).stream().filter(e -> e.subject().startsWith("Reminder:")).toList();
    }

    private long receivedBy(String address, String subject) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).contains(address) && subject(m).equals(subject)).count();
    }

    @Test
    void emailsQueuedWhileTheServerIsDownForAnHourAreEachDeliveredOnceWhenItIsBack() {
        Chased c = chased.cycle();
        assertEquals(2, chased.runOn(c, c.deadline().minusDays(28)).sent(), "the lead's account and the DSL");
        List<OutboxEmail> queued = reminders(c);
        assertEquals(2, queued.size());

        Instant backAt = clock.instant().plus(Duration.ofHours(1));
        int drains = 0;
        while (clock.instant().isBefore(backAt)) {
            sender.sendDue();
            clock.advance(Duration.ofMinutes(1));
            drains++;
        }
        assertEquals(60, drains, "a drain a minute, as the due-work runner would");
        assertTrue(reminders(c).stream().allMatch(e -> e.sentAt() == null && e.refusedAt() == null), "nothing sent, nothing given up");
        assertTrue(reminders(c).stream().allMatch(e -> e.attempts() > 1), "each tried again and again: " + reminders(c));
        String failing = signedIn(c.admin()).get("/cycles/" + c.cycleId() + "/chasing").body();
        assertTrue(failing.contains("Failing, still trying"), failing);

        startMailServer();
        clock.advance(Duration.ofHours(1)); // the longest wait between attempts: every email is due again
        runner.runOnce();
        runner.runOnce();
        clock.advance(Duration.ofHours(2));
        runner.runOnce();

        for (OutboxEmail e : reminders(c)) {
            assertNotNull(e.sentAt(), e.recipient() + " delivered");
            assertEquals(1, receivedBy(e.recipient(), e.subject()), "one email for " + e.recipient());
        }
        for (OutboxEmail e : outbox.recent(c.p().id())) {
            assertEquals(1, receivedBy(e.recipient(), e.subject()), "every email of the partnership once: " + e.recipient() + " " + e.subject());
        }
        assertEquals(2, chased.messages(c).size(), "the chase itself was written once");
        String page = signedIn(c.admin()).get("/cycles/" + c.cycleId() + "/chasing").body();
        assertEquals(2, page.split("Delivered to the mail server", -1).length - 1, page);
        assertTrue(!page.contains("Failing, still trying") && !page.contains("Not sent or refused"), page);
    }

    @Test
    void anAddressRefusedForGoodIsMarkedNotRetriedAndListedForTheAdmin() {
        refusing = new RefusingSmtpServer(smtpPort);
        Chased c = chased.cycle();
        assertEquals(2, chased.runOn(c, c.deadline().minusDays(28)).sent());
        String dsl = chased.messages(c).stream().map(ChasingRepositories.ChaseMessage::recipientEmail).filter(a -> a.startsWith("dsl"))
                .findFirst().orElseThrow();
        refusing.refuse(dsl);

        sender.sendDue();
        OutboxEmail refused = reminders(c).stream().filter(e -> e.recipient().equals(dsl)).findFirst().orElseThrow();
        assertNotNull(refused.refusedAt(), "marked refused");
        assertNull(refused.sentAt());
        assertEquals(1, refused.attempts());
        assertTrue(refused.lastError().contains("550"), refused.lastError());
        OutboxEmail taken = reminders(c).stream().filter(e -> !e.recipient().equals(dsl)).findFirst().orElseThrow();
        assertNotNull(taken.sentAt(), "the other address is not held back");

        clock.advance(Duration.ofHours(3));
        sender.sendDue();
        runner.runOnce();
        assertEquals(List.of(dsl), refusing.refusals(), "asked once: a permanent refusal is not retried");
        long toTheLead = outbox.recent(c.p().id()).stream().filter(e -> e.recipient().equals(taken.recipient())).count();
        assertEquals(2, toTheLead, "the cycle's opening and the reminder");
        assertEquals(java.util.Collections.nCopies(2, taken.recipient()), refusing.delivered(), "each taken once; nothing for the refused address");
        assertEquals(1, reminders(c).stream().filter(e -> e.recipient().equals(dsl)).findFirst().orElseThrow().attempts());

        String page = signedIn(c.admin()).get("/cycles/" + c.cycleId() + "/chasing").body();
        int problems = page.indexOf("Not sent or refused");
        int sent = page.indexOf("<h2 class=\"govuk-heading-m\">Sent</h2>");
        assertTrue(problems > 0 && sent > problems, page);
        String listed = page.substring(problems, sent);
        assertTrue(listed.contains("Refused by the mail server:") && listed.contains("550") && listed.contains(c.school().name()), listed);
        assertEquals(1, listed.split("Refused by the mail server", -1).length - 1, "only the refused address: " + listed);
        assertTrue(page.substring(sent).contains("Delivered to the mail server"), page);
    }

    private static List<String> to(MimeMessage m) {
        try {
            Address[] all = m.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
