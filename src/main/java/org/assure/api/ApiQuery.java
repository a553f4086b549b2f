package org.assure.api;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A list call's paging and filters, read from its query string: {@code page} (from 1), {@code size} (1 to 500),
 * {@code cycle} (a cycle id) and {@code changedSince} (an ISO-8601 instant, e.g. 2026-09-01T00:00:00Z).
 */
record ApiQuery(int page, int size, @Nullable Long cycle, @Nullable Instant changedSince) {
    static final int MAX_SIZE = 500;
    static final int DEFAULT_SIZE = 100;

    /** A query string that cannot be read: the caller gets a 400 with this message. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static ApiQuery read(@Nullable String page, @Nullable String size, @Nullable String cycle, @Nullable String changedSince) {
        int p = number(page, "page", 1, 1, Integer.MAX_VALUE / MAX_SIZE);
        int s = number(size, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        Long c = null;
        if (cycle != null && !cycle.isBlank()) {
            try {
                c = Long.parseLong(cycle.strip());
            } catch (NumberFormatException e) {
                throw new Invalid("cycle must be a cycle id (a whole number)");
            }
        }
        Instant since = null;
        if (changedSince != null && !changedSince.isBlank()) {
            try {
                since = Instant.parse(changedSince.strip());
            } catch (DateTimeParseException e) {
                throw new Invalid("changedSince must be an ISO-8601 instant, e.g. 2026-09-01T00:00:00Z");
            }
        }
        return new ApiQuery(p, s, c, since);
    }

    private static int number(@Nullable String value, String name, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new Invalid(name + " must be a whole number from " + min + " to " + max);
    }

    int offset() {
        return (page - 1) * size;
    }

    /** The link to the next page: the same filters, the page after. */
    String next(String path) {
        StringBuilder link = new StringBuilder(path).append("?page=").append(page + 1).append("&size=").append(size);
        if (cycle != null) {
            link.append("&cycle=").append(cycle);
        }
        if (changedSince != null) {
            link.append("&changedSince=").append(URLEncoder.encode(changedSince.toString(), StandardCharsets.UTF_8));
        }
        return link.toString();
    }
}
