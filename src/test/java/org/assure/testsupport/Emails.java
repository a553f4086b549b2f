package org.assure.testsupport;

import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionOperations;
import org.assure.notify.Outbox;
import org.assure.notify.OutboxEmail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the application put in the outbox, as a person would read their email. */
@Singleton
public class Emails {
    private final Outbox outbox;
    private final TransactionOperations<Object> transactions;

    Emails(Outbox outbox, TransactionOperations<Object> transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Queues an email as a feature would, inside a transaction. */
    public void send(long partnershipId, String recipient, String subject, String body) {
        transactions.executeWrite(status -> {
            outbox.send(partnershipId, recipient, subject, body);
            return null;
        });
    }

    public List<OutboxEmail> to(long partnershipId, String recipient) {
        return outbox.recent(partnershipId).stream().filter(e -> e.recipient().equalsIgnoreCase(recipient)).toList();
    }

    public OutboxEmail latest(long partnershipId, String recipient) {
        return to(partnershipId, recipient).stream().findFirst()
                .orElseThrow(() -> new AssertionError("No email to " + recipient));
    }

    /** The path of the first link to this site in the email, e.g. /invitations/abc. */
    public static String linkPath(OutboxEmail email, String prefix) {
        Matcher m = Pattern.compile("http://assure\\.test(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(email.body());
        if (!m.find()) {
            throw new AssertionError("No " + prefix + " link in:\n" + email.body());
        }
        return m.group(1);
    }
}
