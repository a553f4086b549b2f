package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("account")
public record Account(@Id @GeneratedValue @Nullable Long id,
                      long partnershipId,
                      String email,
                      String displayName,
                      @Nullable String passwordHash,
                      int failedSignIns,
                      @Nullable Instant lockedUntil,
                      @Nullable Instant disabledAt,
                      @Nullable Instant lastSignInAt,
                      Instant createdAt) {

    public static Account invited(long partnershipId, String email, String displayName, Instant now) {
        return new Account(null, partnershipId, normaliseEmail(email), displayName.strip(), null, 0, null, null, null, now);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Invited but not yet set a password. */
    public boolean isPending() {
        return passwordHash == null;
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
