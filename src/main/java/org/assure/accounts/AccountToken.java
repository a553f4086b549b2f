package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A one-time emailed link: an invitation or a password reset. */
@MappedEntity("account_token")
record AccountToken(@Id String tokenHash, long accountId, String purpose, Instant createdAt, Instant expiresAt,
                    @Nullable Instant usedAt) {
    static final String INVITATION = "INVITATION";
    static final String PASSWORD_RESET = "PASSWORD_RESET";

    boolean isUsable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
