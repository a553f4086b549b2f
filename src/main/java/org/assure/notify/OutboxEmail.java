package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An email waiting for (or done with) SMTP delivery. Written in the same transaction as its event.
 * {@code body} is the plain-text part; {@code htmlBody} the HTML part, absent from emails written before
 * there was one. {@code kind} is the message's template name (absent from emails written before V12).
 * An email that {@code carriesSecret} (a one-time link) is never shown to admins, and its body and HTML
 * part are set to null once it is sent: only what is needed to deliver it is kept, and only until then.
 */
@MappedEntity("outbox_email")
public record OutboxEmail(@Id @GeneratedValue @Nullable Long id,
                          @Nullable Long partnershipId,
                          String recipient,
                          String subject,
                          @Nullable String body,
                          @Nullable String htmlBody,
                          Instant createdAt,
                          Instant nextAttemptAt,
                          int attempts,
                          @Nullable Instant sentAt,
                          @Nullable String lastError,
                          @Nullable String kind,
                          boolean carriesSecret,
                          @Nullable Instant refusedAt) {

    /** The mail server refused the address for good (a permanent 5xx): not retried. */
    public boolean refused() {
        return refusedAt != null;
    }

    /** Sent and, since it carried a secret, emptied of its content. */
    public boolean purged() {
        return carriesSecret && body == null;
    }
}
