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
                      @Nullable String signInEmail,
                      String displayName,
                      @Nullable String passwordHash,
                      int failedSignIns,
                      @Nullable Instant lockedUntil,
                      @Nullable Instant disabledAt,
                      @Nullable Instant lastSignInAt,
                      Instant createdAt) {

    /**
     * Invited, without a password yet. {@code addressTakenElsewhere}: the address already signs in to an account of
     * another partnership, so this one never can (no sign-in email); the partnership is not told (ADR 0021).
     */
    public static Account invited(long partnershipId, String email, String displayName, boolean addressTakenElsewhere, Instant now) {
        String address = normaliseEmail(email);
        return new Account(null, partnershipId, address, addressTakenElsewhere ? null : address, displayName.strip(), null, 0,
                null, null, null, now);
    }

    public boolean isDeactivated() {
        return disabledAt != null;
    }

    /** An invitation to an address that has an account in another partnership: it can never be accepted. */
    public boolean canNeverSignIn() {
        return signInEmail == null;
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
