package org.assure.notify;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.jobs.DueWorkRunner;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Two drains of the outbox at once (two nodes, or ShedLock bypassed) never send an email twice. The stand-in
 * SMTP server holds the first send of each drain until the other drain is sending too, so both are certainly
 * in flight together: without the claim, the second drain would send the first drain's email again.
 */
@MicronautTest(transactional = false)
class ConcurrentDrainsTest extends WebTest {
    @Inject
    Outbox outbox;
    @Inject
    OutboxSender sender;
    @Inject
    DueWorkRunner runner;
    @Inject
    MeetingTransport smtp;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("assure.smtp.host", "127.0.0.1"); // never reached: MeetingTransport stands in for it
        properties.put(MeetingTransport.ENABLED, "true");
        return properties;
    }

    @Test
    void twoDrainsAtOnceSendEachEmailOnce() throws Exception {
        Partnership p = fixtures.partnership();
        List<String> subjects = queue(p, 2);
        smtp.meet(2);

        List<OutboxSender.Run> runs = Concurrently.all(List.of(sender::sendDue, sender::sendDue));

        subjects.forEach(s -> assertEquals(1, smtp.sent(s), s + " sent once"));
        assertEquals(1, runs.get(0).sent(), "each drain sent one: " + runs);
        assertEquals(1, runs.get(1).sent());
        outbox.recent(p.id()).forEach(e -> assertNotNull(e.sentAt()));
    }

    @Test
    void twoRunnersAtOnceSendEachEmailOnce() throws Exception {
        Partnership p = fixtures.partnership();
        List<String> subjects = queue(p, 5);
        smtp.meet(2);

        List<DueWorkRunner.Run> runs = Concurrently.all(List.of(runner::runOnce, runner::runOnce));

        subjects.forEach(s -> assertEquals(1, smtp.sent(s), s + " sent once"));
        assertEquals(0, runs.get(0).failures() + runs.get(1).failures());
        outbox.recent(p.id()).forEach(e -> assertNotNull(e.sentAt()));
    }

    private List<String> queue(Partnership p, int n) {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String subject = "Reminder " + Fixtures.next();
            subjects.add(subject);
            transactions.executeWrite(status -> {
                outbox.send(p.id(), "lead" + Fixtures.next() + "@agency.test", subject, "Your return is due.");
                return null;
            });
        }
        return subjects;
    }
}
