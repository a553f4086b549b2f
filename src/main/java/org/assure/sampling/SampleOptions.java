package org.assure.sampling;

/**
 * What the admin chose for a draw.
 *
 * @param sampleSize          how many schools to pick (at least 1)
 * @param onlySubmitted       leave out schools whose return is not submitted
 * @param exclusionYears      leave out schools sampled in this many academic years, the current one included
 *                            (0: nobody is left out for having been sampled)
 * @param excludeGoingToPanel leave out schools already going to the panel for non-completion
 * @param stratify            pick in proportion to each phase or category, or from the whole list
 */
public record SampleOptions(int sampleSize, boolean onlySubmitted, int exclusionYears, boolean excludeGoingToPanel,
                            Stratify stratify) {
    public static final int DEFAULT_EXCLUSION_YEARS = 3;

    public enum Stratify {
        NONE, PHASE, CATEGORY
    }

    public SampleOptions {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("a sample has at least one school");
        }
        if (exclusionYears < 0) {
            throw new IllegalArgumentException("the exclusion window cannot be negative");
        }
        if (stratify == null) {
            stratify = Stratify.NONE;
        }
    }

    /** The defaults: every school, not sampled in the last 3 academic years, those going to panel left out. */
    public static SampleOptions of(int sampleSize) {
        return new SampleOptions(sampleSize, false, DEFAULT_EXCLUSION_YEARS, true, Stratify.NONE);
    }
}
