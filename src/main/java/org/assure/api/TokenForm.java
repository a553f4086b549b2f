package org.assure.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The new-token form: a name, an expiry date and which returns the token may read (ALL or MODERATED). */
@Serdeable
public record TokenForm(@Nullable String name, @Nullable String expiryDay, @Nullable String expiryMonth, @Nullable String expiryYear,
                        @Nullable String returns) {
    public static final int NAME_MAX = 100;
    public static final String ALL = "ALL";
    public static final String MODERATED = "MODERATED";

    static TokenForm empty() {
        return new TokenForm("", "", "", "", "");
    }
}
