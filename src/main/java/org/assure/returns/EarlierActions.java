package org.assure.returns;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * The port through which a return learns the organisation's actions still open from earlier cycles of its bank, without
 * depending on the actions feature (which implements it). The actions are read, never copied: each stays one row.
 */
public interface EarlierActions {
    /** An open action as it was written: the bank version, section and question it came from. */
    record Open(long id, String what, LocalDate dueOn, String status, String statusColour, boolean overdue, long cycleId, String bankVersion,
                @Nullable String sectionKey, @Nullable String questionKey) {
    }

    /** Open (not verified, not withdrawn) actions of the organisation on this bank from cycles other than {@code exceptCycleId}. */
    List<Open> openOn(long partnershipId, long organisationId, String bankKey, long exceptCycleId);
}
