package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The only way the application sends email: a row written inside the caller's transaction, delivered
 * later by the sender job, so an email exists exactly when its event committed and survives SMTP outages.
 */
@Singleton
public class Outbox {
    private final OutboxRepository emails;
    private final Clock clock;

    Outbox(OutboxRepository emails, Clock clock) {
        this.emails = emails;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void send(@Nullable Long partnershipId, String recipient, String subject, String body) {
        Instant now = clock.instant();
        emails.save(new OutboxEmail(null, partnershipId, recipient, subject, body, now, now, 0, null, null));
    }

    /** The newest emails of a partnership, for the admin page that stands in for SMTP in local mode. */
    @Transactional
    public List<OutboxEmail> recent(long partnershipId) {
        return emails.findTop200ByPartnershipIdOrderByIdDesc(partnershipId);
    }
}
