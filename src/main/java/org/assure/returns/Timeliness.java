package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.kernel.Dates;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The one rule of lateness. A return is late when its first submission came after the deadline, or when it
 * has never been submitted and the deadline has passed. A submission the partnership sent back for changes
 * is as late as it first was: resubmitting after the deadline does not make it late, since the partnership asked.
 */
final class Timeliness {
    private Timeliness() {
    }

    /** The deadline has passed (England's date): returns are still accepted until any final deadline, but late. */
    static boolean pastDeadline(LocalDate deadline, LocalDate today) {
        return today.isAfter(deadline);
    }

    static boolean late(LocalDate deadline, LocalDate today, @Nullable Instant firstSubmittedAt) {
        return firstSubmittedAt == null ? pastDeadline(deadline, today) : pastDeadline(deadline, Dates.dateOf(firstSubmittedAt));
    }
}
