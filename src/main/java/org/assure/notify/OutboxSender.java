package org.assure.notify;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.assure.kernel.AssureSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers due outbox rows. Each row is claimed before its SMTP conversation and marked after it, each
 * in its own short transaction, so one bad address never holds back the rest and nothing is lost: a
 * failure only moves the row's next attempt back (1, 2, 4 … minutes, at most an hour) and it is tried
 * again forever. The claim is what lets two drains run at once (two nodes, or a run beside a test)
 * without sending any email twice. {@link OutboxDueWork} drains the outbox at every due-work run;
 * tests call {@link #sendDue()} directly.
 */
@Singleton
public class OutboxSender {
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final int MAX_ERROR_LENGTH = 1000;
    /**
     * A run stops taking new rows after this long, well inside the due-work runner's lock-at-most-for
     * (10 minutes), so a slow server cannot hold the runner for long.
     */
    static final Duration RUN_BUDGET = Duration.ofMinutes(2);
    /**
     * How long a claimed row is left to the drain that claimed it: far longer than one SMTP conversation
     * (every step times out after 10 seconds). If that node dies mid-send, the row is tried again after this.
     */
    static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final MailTransport transport;
    private final SmtpSettings smtp;
    private final AssureSettings settings;
    private final Clock clock;
    private final int batchSize;

    OutboxSender(Outbox outbox, MailTransport transport, SmtpSettings smtp, AssureSettings settings, Clock clock,
                 @Value("${assure.outbox.batch-size:50}") int batchSize) {
        this.outbox = outbox;
        this.transport = transport;
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** What one run did. */
    public record Run(int sent, int failed) {
        /** "3 sent, 1 failed"; "" when there was nothing to send. */
        public String summary() {
            if (sent == 0 && failed == 0) {
                return "";
            }
            return sent + " sent" + (failed == 0 ? "" : ", " + failed + " failed");
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (smtp.configured()) {
            LOG.info("Email is sent through {}:{} (STARTTLS {}).", smtp.host(), smtp.port(), smtp.starttls() ? "required" : "off");
        } else {
            LOG.info("No SMTP server is configured (ASSURE_SMTP_HOST is empty), so email is not sent: it stays in the outbox, "
                    + "where partnership admins can read it at {}/outbox; invitations and password resets, whose one-time links "
                    + "admins never see, are at {}/dev/mail in local mode.", settings.baseUrl(), settings.baseUrl());
        }
    }

    /**
     * Sends up to one batch of due emails, oldest first. Does nothing without an SMTP host (local mode).
     * Safe beside another drain: each email goes to whichever claims it first.
     */
    public Run sendDue() {
        if (!smtp.configured()) {
            return new Run(0, 0);
        }
        long started = System.nanoTime();
        int sent = 0;
        int failed = 0;
        for (OutboxEmail email : outbox.due(clock.instant(), batchSize)) {
            Instant now = clock.instant();
            if (!outbox.claim(email.id(), now, now.plus(CLAIM))) {
                continue; // another drain took it (and sent it, or is sending it) since this one listed it
            }
            try {
                transport.send(email.recipient(), email.subject(), email.body(), email.htmlBody());
                outbox.markSent(email.id(), clock.instant());
                sent++;
            } catch (Exception e) {
                if (refusedForGood(e)) {
                    // retrying cannot help: the address does not exist or is barred; the chasing page shows it
                    outbox.markRefused(email.id(), describe(e), clock.instant());
                    failed++;
                    LOG.warn("Email {} to {} refused for good: {}", email.id(), email.recipient(), describe(e));
                    continue;
                }
                int attempts = email.attempts() + 1;
                Instant next = clock.instant().plus(backoff(attempts));
                outbox.recordFailure(email.id(), describe(e), next);
                failed++;
                LOG.warn("Email {} to {} failed (attempt {}), next try at {}: {}", email.id(), email.recipient(), attempts, next, describe(e));
                if (serverUnreachable(e)) {
                    // The rest would fail the same way, each after a timeout: leave them for the next run.
                    break;
                }
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(RUN_BUDGET) > 0) {
                break;
            }
        }
        if (sent + failed > 0) {
            LOG.info("Outbox run: {} sent, {} failed", sent, failed);
        }
        return new Run(sent, failed);
    }

    /** The wait before the next attempt after this many failures: 1 minute, doubling, at most an hour. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 10);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** The error and its causes in one line, as the admin page shows it, at most 1000 characters. */
    static String describe(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 5; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (!parts.contains(message)) {
                parts.add(message);
            }
        }
        String text = String.join(" – ", parts).replaceAll("\\s+", " ");
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    /** A 5xx answer to the recipient (RCPT TO): the server will never take this address. Temporary 4xx are retried. */
    static boolean refusedForGood(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException failed && failed.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof jakarta.mail.SendFailedException sendFailed && sendFailed.getNextException() != null
                    && sendFailed.getNextException() != t && refusedForGood(sendFailed.getNextException())) {
                return true;
            }
        }
        return false;
    }

    static boolean serverUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof org.eclipse.angus.mail.util.MailConnectException) {
                return true;
            }
        }
        return false;
    }
}
