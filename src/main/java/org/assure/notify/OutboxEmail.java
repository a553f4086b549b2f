package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An email waiting for (or done with) SMTP delivery. Written in the same transaction as its event.
 * {@code body} is the plain-text part; {@code htmlBody} the HTML part, absent from emails written before
 * there was one.
 */
@MappedEntity("outbox_email")
public record OutboxEmail(@Id @GeneratedValue @Nullable Long id,
                          @Nullable Long partnershipId,
                          String recipient,
                          String subject,
                          String body,
                          @Nullable String htmlBody,
                          Instant createdAt,
                          Instant nextAttemptAt,
                          int attempts,
                          @Nullable Instant sentAt,
                          @Nullable String lastError) {
}
