package org.assure.sampling;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * One school of the population a dip sample is drawn from, as the sampler needs it. Phase and category are the
 * labels the record shows (the organisations feature's own words), so sampling does not depend on its insides.
 *
 * @param lastSampledOn the day it was last picked for a dip sample, or null if never
 * @param goingToPanel  already going to the panel for non-completion
 * @param submitted     its return for the cycle is submitted
 */
public record SampleCandidate(long organisationId, @Nullable String urn, String name, @Nullable String phase,
                              @Nullable String category, @Nullable LocalDate lastSampledOn, boolean goingToPanel,
                              boolean submitted) {
}
