package org.assure.returns;

/** The returns feature's port to the cycles feature, which implements it: the terms of a return's cycle. */
public interface CycleLookup {
    /** The cycle's terms; it exists, since every return belongs to one. */
    CycleTerms terms(long cycleId);

    /** The partnership's cycle of this id; empty for another partnership's cycle or none, which callers refuse as not found. */
    java.util.Optional<CycleTerms> find(long partnershipId, long cycleId);

    /** The partnership's cycles that have opened (open, closed or archived; not drafts), newest first: what a panel can be of. */
    java.util.List<CycleTerms> opened(long partnershipId);

    /** Every open cycle of every partnership: what scheduled work (chasing) goes through. */
    java.util.List<CycleTerms> open();
}
