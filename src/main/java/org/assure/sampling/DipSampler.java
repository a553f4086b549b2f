package org.assure.sampling;

import io.micronaut.core.annotation.Nullable;
import org.assure.kernel.Dates;
import org.assure.sampling.DipSample.Exclusion;
import org.assure.sampling.DipSample.Replacement;
import org.assure.sampling.DipSample.Ticket;
import org.assure.sampling.SampleOptions.Stratify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The dip sample (issue 12, ADR 0031): verifiable, not just random. Pure: no database, no clock, no beans.
 *
 * <p>The published recipe, which anyone can follow with a spreadsheet or any SHA-256 tool:
 * <ol>
 *   <li><b>Ticket.</b> Take the text {@code seed + ":" + URN} (the seed exactly as the record shows it, a colon,
 *   the URN; no spaces, no line end), encode it as UTF-8 and hash it with SHA-256. The ticket is the first 16
 *   hexadecimal digits of the hash (its first 8 bytes), written in lowercase, read as an unsigned 64-bit number.
 *   Because every ticket has 16 digits, ordering the tickets as text orders them as numbers. Example: seed
 *   {@code 7 12 19 33 41 58}, URN {@code 100001}: hash the text {@code 7 12 19 33 41 58:100001}.</li>
 *   <li><b>Picks.</b> The schools with the lowest tickets. Stratified by phase or category, the sample size is
 *   shared between strata in proportion to their numbers of eligible schools: each gets the whole part of
 *   {@code size × stratum / eligible}, the rest go one each to the largest fractional parts; then, when the size
 *   is at least the number of strata, a stratum left with none takes one from the stratum furthest above its
 *   exact share. Ties (between strata) go to the stratum whose lowest ticket is lower. Each stratum's picks are
 *   its lowest tickets. Fewer eligible than the size: all are picked.</li>
 *   <li><b>Fingerprint.</b> The eligible schools' URNs sorted ascending as text (for the six-digit URNs, the
 *   same as numerically), joined by {@code "\n"} (no line end after the last), encoded as UTF-8, SHA-256, in
 *   lowercase hex. It shows the list was frozen before the seed could be known to favour anyone.</li>
 *   <li><b>Replacement.</b> A picked school withdrawn (closed, say) is replaced by the next lowest ticket not
 *   picked before, in the same stratum when stratified.</li>
 * </ol>
 *
 * <p>Exclusion window: "not sampled in the last N academic years" counts the academic year of the draw (1
 * September to 31 August) as the first, so with N = 3 a school sampled at any time in 2024/25 is left out of
 * draws up to 31 August 2027 (the last day of the third academic year) and eligible from 1 September 2027: no
 * school is sampled more than once every three years.
 */
public final class DipSampler {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Comparator<Ticket> LOWEST = Comparator.comparing(Ticket::ticket).thenComparing(Ticket::urn);

    static final String SAMPLED_WITHIN = "sampled within the window on ";
    static final String GOING_TO_PANEL = "already going to the panel for non-completion";
    static final String NOT_SUBMITTED = "not submitted";
    static final String NO_URN = "no URN recorded, so it cannot have a ticket";

    private DipSampler() {
    }

    /**
     * Draws a sample from {@code population} on {@code drawnOn} with {@code seed} (stripped of surrounding spaces,
     * as the record shows it). Throws {@link IllegalArgumentException} for a blank seed or two eligible schools
     * with the same URN (a data error to fix, not to sample around).
     */
    public static DipSample draw(List<SampleCandidate> population, SampleOptions options, String seed, LocalDate drawnOn) {
        String s = requireText(seed, "a seed");
        LocalDate windowStart = exclusionWindowStart(drawnOn, options.exclusionYears());
        List<Ticket> eligible = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        Set<String> urns = new HashSet<>();
        for (SampleCandidate c : population) {
            List<String> reasons = reasons(c, options, windowStart);
            if (!reasons.isEmpty()) {
                excluded.add(new Exclusion(c.organisationId(), c.urn(), c.name(), reasons));
                continue;
            }
            String urn = c.urn().strip();
            if (!urns.add(urn)) {
                throw new IllegalArgumentException("two eligible schools have URN " + urn);
            }
            eligible.add(new Ticket(c.organisationId(), urn, c.name(), stratum(c, options.stratify()), ticket(s, urn)));
        }
        eligible.sort(LOWEST);
        excluded.sort(Comparator.comparing((Exclusion e) -> e.urn() == null ? "" : e.urn().strip(),
                Comparator.comparing((String u) -> u.isEmpty()).thenComparing(Comparator.naturalOrder())).thenComparing(Exclusion::name));
        List<Ticket> picks = pick(eligible, options.sampleSize(), options.stratify() != Stratify.NONE);
        return new DipSample(method(options, s, windowStart, eligible), s, drawnOn, options,
                fingerprint(eligible.stream().map(Ticket::urn).toList()), eligible, excluded, picks, List.of(),
                message(population.size(), eligible.size(), options.sampleSize()));
    }

    /** Recomputes the record's fingerprint, tickets, picks and replacements from its seed and eligible list. */
    public static SampleVerification verify(DipSample record) {
        List<String> differences = new ArrayList<>();
        Set<String> urns = new HashSet<>();
        List<Ticket> recomputed = new ArrayList<>();
        for (Ticket t : record.eligible()) {
            if (!urns.add(t.urn())) {
                differences.add("URN " + t.urn() + " is in the eligible list twice.");
            }
            String expected = ticket(record.seed(), t.urn());
            if (!expected.equals(t.ticket())) {
                differences.add("URN " + t.urn() + ": the ticket should be " + expected + ", the record says " + t.ticket() + ".");
            }
            recomputed.add(new Ticket(t.organisationId(), t.urn(), t.name(), t.stratum(), expected));
        }
        String fingerprint = fingerprint(record.eligible().stream().map(Ticket::urn).toList());
        if (!fingerprint.equals(record.fingerprint())) {
            differences.add("The eligible list's fingerprint should be " + fingerprint + ", the record says " + record.fingerprint() + ".");
        }
        record.excluded().stream().filter(e -> e.urn() != null && urns.contains(e.urn().strip()))
                .forEach(e -> differences.add("URN " + e.urn().strip() + " is both eligible and left out."));
        recomputed.sort(LOWEST);
        List<Ticket> current = new ArrayList<>(pick(recomputed, record.options().sampleSize(), record.stratified()));
        Set<Long> everPicked = new HashSet<>(current.stream().map(Ticket::organisationId).toList());
        for (Replacement r : record.replacements()) {
            if (!current.removeIf(t -> t.organisationId() == r.withdrawn().organisationId())) {
                differences.add("URN " + r.withdrawn().urn() + " was replaced but was not among the picks then.");
                continue;
            }
            Ticket next = next(recomputed, everPicked, record.stratified() ? r.withdrawn().stratum() : null);
            Long expected = next == null ? null : next.organisationId();
            Long actual = r.by() == null ? null : r.by().organisationId();
            if (!Objects.equals(expected, actual)) {
                differences.add("URN " + r.withdrawn().urn() + " should have been replaced by "
                        + (next == null ? "no school" : "URN " + next.urn()) + ", the record says "
                        + (r.by() == null ? "no school" : "URN " + r.by().urn()) + ".");
            }
            if (next != null) {
                current.add(next);
                everPicked.add(next.organisationId());
            }
        }
        List<String> expectedPicks = current.stream().sorted(LOWEST).map(Ticket::urn).toList();
        List<String> recordedPicks = record.picks().stream().sorted(LOWEST).map(Ticket::urn).toList();
        if (!expectedPicks.equals(recordedPicks)) {
            differences.add("The picks should be URNs " + String.join(", ", expectedPicks) + "; the record has "
                    + (recordedPicks.isEmpty() ? "none" : String.join(", ", recordedPicks)) + ".");
        }
        return new SampleVerification(differences.isEmpty(), differences);
    }

    /**
     * Withdraws a picked school (closed, withdrawn, ...) and puts in its place the next lowest ticket not picked
     * before, from the same stratum when stratified; if none is left, the replacement records that and the sample
     * is one short. Throws {@link IllegalArgumentException} for a blank reason or a school not among the picks.
     */
    public static DipSample replace(DipSample record, long pickedOrganisationId, String reason) {
        String why = requireText(reason, "a reason");
        Ticket withdrawn = record.picks().stream().filter(t -> t.organisationId() == pickedOrganisationId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("organisation " + pickedOrganisationId + " is not among the picks"));
        Set<Long> everPicked = new HashSet<>(record.picks().stream().map(Ticket::organisationId).toList());
        record.replacements().forEach(r -> everPicked.add(r.withdrawn().organisationId()));
        Ticket by = next(record.eligible(), everPicked, record.stratified() ? withdrawn.stratum() : null);
        List<Ticket> picks = new ArrayList<>(record.picks());
        picks.remove(withdrawn);
        if (by != null) {
            picks.add(by);
        }
        picks.sort(LOWEST);
        List<Replacement> replacements = new ArrayList<>(record.replacements());
        replacements.add(new Replacement(withdrawn, why, by));
        return new DipSample(record.method(), record.seed(), record.drawnOn(), record.options(), record.fingerprint(),
                record.eligible(), record.excluded(), picks, replacements, record.message());
    }

    /** A seed for "the app draws": 20 hexadecimal digits (80 bits) from a SecureRandom, shown before it is used. */
    public static String drawSeed() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** The ticket: the first 16 hex digits (lowercase) of SHA-256 of the UTF-8 text {@code seed + ":" + urn}. */
    public static String ticket(String seed, String urn) {
        return HEX.formatHex(sha256(seed + ":" + urn), 0, 8);
    }

    /** SHA-256 (lowercase hex) of the URNs sorted ascending as text and joined by "\n". */
    public static String fingerprint(List<String> urns) {
        return HEX.formatHex(sha256(String.join("\n", urns.stream().sorted().toList())));
    }

    /**
     * The first day a school may have been sampled on and still be left out of a draw on {@code drawnOn}: 1
     * September of the academic year {@code years - 1} before the draw's; null when {@code years} is 0.
     */
    public static @Nullable LocalDate exclusionWindowStart(LocalDate drawnOn, int years) {
        if (years <= 0) {
            return null;
        }
        int academicYear = drawnOn.getMonthValue() >= 9 ? drawnOn.getYear() : drawnOn.getYear() - 1;
        return LocalDate.of(academicYear - (years - 1), 9, 1);
    }

    private static List<String> reasons(SampleCandidate c, SampleOptions options, @Nullable LocalDate windowStart) {
        List<String> reasons = new ArrayList<>();
        if (c.urn() == null || c.urn().isBlank()) {
            reasons.add(NO_URN);
        }
        if (windowStart != null && c.lastSampledOn() != null && !c.lastSampledOn().isBefore(windowStart)) {
            reasons.add(SAMPLED_WITHIN + Dates.date(c.lastSampledOn()));
        }
        if (options.excludeGoingToPanel() && c.goingToPanel()) {
            reasons.add(GOING_TO_PANEL);
        }
        if (options.onlySubmitted() && !c.submitted()) {
            reasons.add(NOT_SUBMITTED);
        }
        return reasons;
    }

    private static String stratum(SampleCandidate c, Stratify stratify) {
        return switch (stratify) {
            case NONE -> "";
            case PHASE -> c.phase() == null || c.phase().isBlank() ? "Phase not recorded" : c.phase().strip();
            case CATEGORY -> c.category() == null || c.category().isBlank() ? "Category not recorded" : c.category().strip();
        };
    }

    /** The picks from tickets sorted lowest first. */
    static List<Ticket> pick(List<Ticket> lowestFirst, int size, boolean stratified) {
        if (size >= lowestFirst.size()) {
            return List.copyOf(lowestFirst);
        }
        if (!stratified) {
            return List.copyOf(lowestFirst.subList(0, size));
        }
        // Strata in the order of their lowest ticket, which is also how ties between them are broken.
        Map<String, List<Ticket>> strata = new LinkedHashMap<>();
        lowestFirst.forEach(t -> strata.computeIfAbsent(t.stratum(), k -> new ArrayList<>()).add(t));
        List<List<Ticket>> groups = new ArrayList<>(strata.values());
        int[] allocation = allocate(groups.stream().mapToInt(List::size).toArray(), size);
        List<Ticket> picks = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            picks.addAll(groups.get(i).subList(0, allocation[i]));
        }
        picks.sort(LOWEST);
        return List.copyOf(picks);
    }

    /**
     * Shares {@code size} (less than the total) between strata of the given sizes: largest remainder, then at least
     * one each when the size allows. Ties go to the earlier stratum.
     */
    static int[] allocate(int[] sizes, int size) {
        long total = IntStream.of(sizes).asLongStream().sum();
        int k = sizes.length;
        int[] allocation = new int[k];
        long[] remainder = new long[k];
        int given = 0;
        for (int i = 0; i < k; i++) {
            allocation[i] = (int) (size * (long) sizes[i] / total);
            remainder[i] = size * (long) sizes[i] % total;
            given += allocation[i];
        }
        List<Integer> byRemainder = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -remainder[i]).thenComparing(i -> i)).toList();
        for (int j = 0; j < size - given; j++) {
            allocation[byRemainder.get(j)]++;
        }
        if (size >= k) {
            List<Integer> empty = IntStream.range(0, k).filter(i -> allocation[i] == 0).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> -sizes[i]).thenComparing(i -> i)).toList();
            for (int i : empty) {
                int donor = -1;
                long furthest = Long.MIN_VALUE;
                for (int j = 0; j < k; j++) {
                    long above = allocation[j] * total - size * (long) sizes[j];
                    if (allocation[j] >= 2 && above > furthest) {
                        donor = j;
                        furthest = above;
                    }
                }
                allocation[donor]--;
                allocation[i]++;
            }
        }
        return allocation;
    }

    private static @Nullable Ticket next(List<Ticket> eligible, Set<Long> everPicked, @Nullable String stratum) {
        return eligible.stream().filter(t -> !everPicked.contains(t.organisationId()))
                .filter(t -> stratum == null || stratum.equals(t.stratum())).min(LOWEST).orElse(null);
    }

    private static @Nullable String message(int population, int eligible, int size) {
        if (eligible == 0) {
            return population == 0 ? "There are no schools to sample."
                    : "No school is eligible: all " + population + " were left out, each for the reason shown.";
        }
        if (eligible < size) {
            return "Only " + eligible + (eligible == 1 ? " school is" : " schools are") + " eligible, fewer than the "
                    + size + " asked for, so " + (eligible == 1 ? "it is" : "all " + eligible + " are") + " picked.";
        }
        return null;
    }

    private static String method(SampleOptions o, String seed, @Nullable LocalDate windowStart, List<Ticket> eligible) {
        StringBuilder m = new StringBuilder("The population was every school in the cycle")
                .append(o.onlySubmitted() ? " whose return was submitted. " : ". ");
        List<String> out = new ArrayList<>();
        if (windowStart != null) {
            out.add("schools sampled on or after " + Dates.date(windowStart) + " (in this academic year"
                    + (o.exclusionYears() == 1 ? "" : " or the " + (o.exclusionYears() == 2 ? "one" : o.exclusionYears() - 1) + " before it")
                    + ", academic years running from 1 September to 31 August)");
        }
        if (o.excludeGoingToPanel()) {
            out.add("schools already going to the panel for non-completion");
        }
        if (!out.isEmpty()) {
            m.append("Left out: ").append(String.join(", and ", out)).append(". ");
        }
        m.append("The eligible list was frozen before the draw: its fingerprint is the SHA-256 of the eligible schools' URNs, "
                + "sorted ascending, one per line. Each eligible school's ticket is the first 16 hexadecimal digits of the "
                + "SHA-256 hash of the seed, a colon and its URN");
        if (!eligible.isEmpty()) {
            String urn = eligible.stream().map(Ticket::urn).sorted().findFirst().orElseThrow();
            m.append(" (for URN ").append(urn).append(", the hash of \"").append(seed).append(':').append(urn).append("\")");
        }
        m.append(", read as a number. ");
        if (o.sampleSize() >= eligible.size()) {
            m.append("No more schools were eligible than the ").append(o.sampleSize()).append(" asked for, so every eligible school was picked.");
        } else if (o.stratify() == Stratify.NONE) {
            m.append("The ").append(o.sampleSize()).append(" schools with the lowest tickets were picked.");
        } else {
            String by = o.stratify() == Stratify.PHASE ? "phase" : "category";
            m.append("The ").append(o.sampleSize()).append(" places were shared between the schools' ").append(by)
                    .append("s in proportion to their numbers of eligible schools (largest remainder; at least one each where the "
                            + "sample size allows), and each ").append(by).append("'s places went to its lowest tickets.");
        }
        return m.toString();
    }

    private static String requireText(@Nullable String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is needed");
        }
        return text.strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
