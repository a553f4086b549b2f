package org.assure.returns;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The returns feature's port to chasing, which implements it: a return's own deadline when the partnership
 * extended it, and a word on its chasing (extended, paused), so every page that shows a return's status and
 * deadline shows them too, and lateness follows the extended deadline.
 */
public interface ReturnDeadlines {
    /** A return's own terms; {@code note} is e.g. "Deadline extended to 9 March 2027" or "Chasing paused". */
    record Own(LocalDate deadline, @Nullable String note) {
    }

    /** The returns of this cycle that have their own terms (the others follow the cycle's deadline). */
    Map<Long, Own> of(CycleTerms cycle, Collection<Long> returnIds);
}
