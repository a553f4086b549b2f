package org.assure.accounts;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("web_session")
record WebSession(@Id String tokenHash, long accountId, Instant createdAt, Instant lastSeenAt) {
}
