package org.assure.returns;

/**
 * Published in the transaction that sends a submitted return back for changes: the submission no longer stands, so
 * whatever counted it (the report's tallies) stops counting it, committed with the move or not at all.
 */
public record ReturnSentBack(long partnershipId, long cycleId, long returnId, long organisationId, long submissionId) {
}
