package org.assure.returns;

/**
 * Published in the transaction of a submission, so a feature that reacts to it (chasing's non-compliance
 * check) commits with it or not at all. Listeners must not fail for reasons of their own.
 */
public record ReturnSubmitted(long partnershipId, long cycleId, long returnId, long organisationId, long submissionId) {
}
