package org.assure.returns;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a return needs to know of its cycle: the bank it answers, its deadlines and whether it is open.
 * The cycles feature provides them through {@link CycleLookup}, so returns do not depend on cycles.
 */
public record CycleTerms(long id, long partnershipId, String name, String bankKey, String bankVersion, LocalDate opensOn,
                         LocalDate deadline, @Nullable LocalDate finalDeadline, boolean open, String statusLabel) {
}
