package org.assure.web;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A form kept from a post that arrived after its session ended; see {@link PendingForms}. */
@MappedEntity("pending_form")
record PendingForm(@Id String tokenHash, String path, byte[] body, Instant createdAt, String clientAddress, int bodyBytes) {
}
