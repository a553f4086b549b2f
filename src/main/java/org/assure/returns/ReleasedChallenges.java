package org.assure.returns;

/**
 * A port the panels feature fills: how many of a panel's challenges have been put to the organisation about a return,
 * so the task list can link to them without the returns feature knowing panels. Drafts never count: before release the
 * organisation must not learn that a challenge exists.
 */
public interface ReleasedChallenges {
    int released(long partnershipId, long returnId);
}
