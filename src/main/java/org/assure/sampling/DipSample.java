package org.assure.sampling;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * The record of one draw: everything a person needs to recompute it by hand (see {@link DipSampler} for the recipe).
 *
 * @param method       the method in plain words, as the record page shows it
 * @param fingerprint  SHA-256 (hex) of the frozen eligible list's URNs, sorted, one per line
 * @param eligible     every eligible school with its ticket, lowest ticket first
 * @param excluded     every school left out, with why
 * @param picks        the schools picked now (replacements included, replaced ones not), lowest ticket first
 * @param replacements each replacement in the order it was made
 * @param message      set when fewer schools were eligible than asked for, or none
 */
public record DipSample(String method, String seed, LocalDate drawnOn, SampleOptions options, String fingerprint,
                        List<Ticket> eligible, List<Exclusion> excluded, List<Ticket> picks,
                        List<Replacement> replacements, @Nullable String message) {

    public DipSample {
        eligible = List.copyOf(eligible);
        excluded = List.copyOf(excluded);
        picks = List.copyOf(picks);
        replacements = List.copyOf(replacements);
    }

    /** An eligible school and its ticket (16 lowercase hex digits); {@code stratum} is "" when not stratified. */
    public record Ticket(long organisationId, String urn, String name, String stratum, String ticket) {
    }

    /** A school left out; {@code reasons} in plain words, e.g. "sampled within the window on 3 October 2025". */
    public record Exclusion(long organisationId, @Nullable String urn, String name, List<String> reasons) {
        public Exclusion {
            reasons = List.copyOf(reasons);
        }

        public String reason() {
            return String.join("; ", reasons);
        }
    }

    /** A picked school withdrawn and the school that took its place, or null when none was left to. */
    public record Replacement(Ticket withdrawn, String reason, @Nullable Ticket by) {
    }

    public boolean stratified() {
        return options.stratify() != SampleOptions.Stratify.NONE;
    }
}
