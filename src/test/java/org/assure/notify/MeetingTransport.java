package org.assure.notify;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for SMTP in tests of concurrent drains (when {@link #ENABLED} is set): counts what is sent, by
 * subject, and makes the first {@code n} sends wait for each other, so that that many drains are certainly
 * sending at the same moment.
 */
@Singleton
@Replaces(SmtpMailTransport.class)
@Requires(property = MeetingTransport.ENABLED, value = "true")
class MeetingTransport implements MailTransport {
    static final String ENABLED = "assure.test.meeting-transport";
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private volatile CountDownLatch meeting = new CountDownLatch(0);

    /** The next {@code sends} sends wait until all of them have begun. */
    void meet(int sends) {
        meeting = new CountDownLatch(sends);
    }

    int sent(String subject) {
        return sent.getOrDefault(subject, new AtomicInteger()).get();
    }

    @Override
    public void send(String recipient, String subject, String body) {
        sent.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
        CountDownLatch latch = meeting;
        latch.countDown();
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) { // only on failure: the other drain never sent anything
                throw new IllegalStateException("the other drain did not send");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
