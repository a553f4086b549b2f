package org.assure.sampling;

import org.assure.sampling.DipSample.Replacement;
import org.assure.sampling.DipSample.Ticket;
import org.assure.sampling.SampleOptions.Stratify;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dip sample's rules without an application context: window, strata, tickets, replacement, fairness. */
class DipSamplerTest {
    private static final LocalDate DRAWN = LocalDate.of(2026, 10, 15);
    private static final String SEED = "7 12 19 33 41 58";

    private static SampleCandidate school(int n) {
        return school(n, "Primary", "Academy", null);
    }

    private static SampleCandidate school(int n, String phase, String category, LocalDate lastSampled) {
        return new SampleCandidate(n, String.valueOf(100000 + n), "School " + n, phase, category, lastSampled, false, true);
    }

    private static List<SampleCandidate> schools(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(DipSamplerTest::school).toList();
    }

    private static List<String> urns(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::urn).sorted().toList();
    }

    /** The recipe as a person would follow it, written without the sampler's code. */
    private static String independentTicket(String seed, String urn) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest((seed + ":" + urn).getBytes(StandardCharsets.UTF_8));
        BigInteger first8 = new BigInteger(1, java.util.Arrays.copyOf(hash, 8));
        return String.format("%016x", first8);
    }

    @Test
    void theTicketIsThePublishedRecipe() throws Exception {
        // printf '7 12 19 33 41 58:100001' | sha256sum -> d95fc3c8bb402231b8de...
        assertEquals("d95fc3c8bb402231", DipSampler.ticket(SEED, "100001"));
        for (SampleCandidate c : schools(30)) {
            assertEquals(independentTicket(SEED, c.urn()), DipSampler.ticket(SEED, c.urn()));
        }
        DipSample sample = DipSampler.draw(schools(30), SampleOptions.of(5), SEED, DRAWN);
        for (Ticket t : sample.eligible()) {
            assertEquals(independentTicket(SEED, t.urn()), t.ticket());
        }
        List<String> lowest = new ArrayList<>();
        for (SampleCandidate c : schools(30)) {
            lowest.add(independentTicket(SEED, c.urn()) + " " + c.urn());
        }
        Collections.sort(lowest, Comparator.comparing((String s) -> new BigInteger(s.substring(0, 16), 16)));
        assertEquals(lowest.subList(0, 5).stream().map(s -> s.substring(17)).sorted().toList(), urns(sample.picks()),
                "the five lowest tickets, read as unsigned numbers");
        assertTrue(sample.method().contains("\"7 12 19 33 41 58:100001\""), sample.method());
    }

    @Test
    void theFingerprintIsTheSortedUrnsOneALine() {
        // printf '100001\n100002\n100010' | sha256sum
        assertEquals("c1bfe06add9907448fc4c5bf67dbb1d26daf33dd58a191843f17c949647243f2",
                DipSampler.fingerprint(List.of("100010", "100001", "100002")));
        List<SampleCandidate> three = List.of(school(10), school(1), school(2));
        assertEquals("c1bfe06add9907448fc4c5bf67dbb1d26daf33dd58a191843f17c949647243f2",
                DipSampler.draw(three, SampleOptions.of(5), SEED, DRAWN).fingerprint());
    }

    @Test
    void theWindowStartsOnTheFirstSeptemberOfTheThirdAcademicYearCountingThisOne() {
        assertEquals(LocalDate.of(2024, 9, 1), DipSampler.exclusionWindowStart(DRAWN, 3));
        assertEquals(LocalDate.of(2024, 9, 1), DipSampler.exclusionWindowStart(LocalDate.of(2027, 8, 31), 3));
        assertEquals(LocalDate.of(2025, 9, 1), DipSampler.exclusionWindowStart(LocalDate.of(2027, 9, 1), 3));
        assertEquals(LocalDate.of(2026, 9, 1), DipSampler.exclusionWindowStart(DRAWN, 1));
        assertNull(DipSampler.exclusionWindowStart(DRAWN, 0));

        List<SampleCandidate> pop = List.of(school(1, "Primary", "Academy", LocalDate.of(2024, 9, 1)),
                school(2, "Primary", "Academy", LocalDate.of(2024, 8, 31)), school(3));
        DipSample sample = DipSampler.draw(pop, SampleOptions.of(5), SEED, DRAWN);
        assertEquals(List.of("100002", "100003"), urns(sample.eligible()), "31 August 2024 ended the academic year before the window");
        assertEquals(1, sample.excluded().size());
        assertEquals("sampled within the window on 1 September 2024", sample.excluded().get(0).reason());
    }

    @Test
    void aSchoolSampledInAnAcademicYearIsLeftOutUntilTheLastDayOfTheThirdAndBackTheNextDay() {
        List<SampleCandidate> sampledFirstDay = List.of(school(1, "Primary", "Academy", LocalDate.of(2024, 9, 1)));
        List<SampleCandidate> sampledLastDay = List.of(school(1, "Primary", "Academy", LocalDate.of(2025, 8, 31)));
        for (List<SampleCandidate> pop : List.of(sampledFirstDay, sampledLastDay)) {
            assertEquals(0, DipSampler.draw(pop, SampleOptions.of(1), SEED, LocalDate.of(2027, 8, 31)).eligible().size(),
                    "31 August 2027 is the last day of the third academic year (2024/25, 2025/26, 2026/27)");
            assertEquals(1, DipSampler.draw(pop, SampleOptions.of(1), SEED, LocalDate.of(2027, 9, 1)).eligible().size());
        }
        SampleOptions noWindow = new SampleOptions(1, false, 0, true, Stratify.NONE);
        assertEquals(1, DipSampler.draw(sampledLastDay, noWindow, SEED, LocalDate.of(2025, 9, 1)).eligible().size());
        SampleOptions oneYear = new SampleOptions(1, false, 1, true, Stratify.NONE);
        assertEquals(1, DipSampler.draw(sampledLastDay, oneYear, SEED, LocalDate.of(2025, 9, 1)).eligible().size());
        assertEquals(0, DipSampler.draw(sampledLastDay, oneYear, SEED, LocalDate.of(2025, 8, 31)).eligible().size());
    }

    @Test
    void everyExcludedSchoolSaysWhy() {
        List<SampleCandidate> pop = List.of(
                new SampleCandidate(1, "100001", "Panel already", "Primary", "Academy", null, true, true),
                new SampleCandidate(2, "100002", "Not in", "Primary", "Academy", null, false, false),
                new SampleCandidate(3, "100003", "All three", "Primary", "Academy", LocalDate.of(2025, 1, 6), true, false),
                new SampleCandidate(4, " ", "No URN", "Primary", "Academy", null, false, true),
                school(5));
        DipSample sample = DipSampler.draw(pop, new SampleOptions(5, true, 3, true, Stratify.NONE), SEED, DRAWN);
        Map<String, String> why = sample.excluded().stream().collect(Collectors.toMap(e -> e.name(), e -> e.reason()));
        assertEquals(Map.of("Panel already", "already going to the panel for non-completion",
                "Not in", "not submitted",
                "All three", "sampled within the window on 6 January 2025; already going to the panel for non-completion; not submitted",
                "No URN", "no URN recorded, so it cannot have a ticket"), why);
        assertEquals(List.of("100005"), urns(sample.eligible()));

        DipSample everyone = DipSampler.draw(pop.subList(0, 2), new SampleOptions(5, false, 3, false, Stratify.NONE), SEED, DRAWN);
        assertEquals(2, everyone.eligible().size(), "going to panel and not submitted count only when chosen");
    }

    @Test
    void theSameSeedAndListGiveTheSamePicksInAnyOrder() {
        List<SampleCandidate> pop = new ArrayList<>(schools(40));
        DipSample first = DipSampler.draw(pop, SampleOptions.of(8), SEED, DRAWN);
        Collections.shuffle(pop, new Random(42));
        DipSample again = DipSampler.draw(pop, SampleOptions.of(8), "  " + SEED + " ", DRAWN);
        assertEquals(first, again, "the whole record, tickets, picks and fingerprint, is the same");
        assertEquals(8, first.picks().size());

        DipSample other = DipSampler.draw(pop, SampleOptions.of(8), "7 12 19 33 41 59", DRAWN);
        assertEquals(first.fingerprint(), other.fingerprint(), "the list is the same");
        assertNotEquals(urns(first.picks()), urns(other.picks()), "another seed, other picks");
    }

    @Test
    void stratifiedPicksAreProportionalWithAtLeastOneEach() {
        assertArrayEquals(new int[]{2, 1, 1}, DipSampler.allocate(new int[]{20, 10, 10}, 4));
        assertArrayEquals(new int[]{3, 2}, DipSampler.allocate(new int[]{15, 10}, 5));
        // 6 of 33: shares 3.64, 1.82, 0.36, 0.18 -> 4, 2, 0, 0 -> each empty stratum takes one from the furthest above its share
        assertArrayEquals(new int[]{3, 1, 1, 1}, DipSampler.allocate(new int[]{20, 10, 2, 1}, 6));
        assertArrayEquals(new int[]{2, 0, 0}, DipSampler.allocate(new int[]{30, 5, 5}, 2), "fewer places than strata: proportion alone");
        assertArrayEquals(new int[]{1, 0}, DipSampler.allocate(new int[]{5, 5}, 1), "a tie goes to the stratum with the lower lowest ticket");

        List<SampleCandidate> pop = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i -> pop.add(school(i, "Primary", "Academy", null)));
        IntStream.rangeClosed(21, 30).forEach(i -> pop.add(school(i, "Secondary", "Maintained", null)));
        IntStream.rangeClosed(31, 32).forEach(i -> pop.add(school(i, "Special", "Academy", null)));
        pop.add(school(33, null, "Independent", null));
        DipSample byPhase = DipSampler.draw(pop, new SampleOptions(6, false, 3, true, Stratify.PHASE), SEED, DRAWN);
        Map<String, Long> perPhase = byPhase.picks().stream().collect(Collectors.groupingBy(Ticket::stratum, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("Primary", 3L, "Secondary", 1L, "Special", 1L, "Phase not recorded", 1L), perPhase);
        for (String phase : perPhase.keySet()) {
            List<String> lowestInPhase = byPhase.eligible().stream().filter(t -> t.stratum().equals(phase))
                    .sorted(Comparator.comparing(Ticket::ticket)).limit(perPhase.get(phase)).map(Ticket::urn).sorted().toList();
            assertEquals(lowestInPhase, byPhase.picks().stream().filter(t -> t.stratum().equals(phase)).map(Ticket::urn).sorted().toList(),
                    "each phase's places go to its lowest tickets");
        }
        assertTrue(byPhase.method().contains("phases in proportion"), byPhase.method());
        assertTrue(DipSampler.verify(byPhase).matches());

        DipSample byCategory = DipSampler.draw(pop, new SampleOptions(11, false, 3, true, Stratify.CATEGORY), SEED, DRAWN);
        Map<String, Long> perCategory = byCategory.picks().stream().collect(Collectors.groupingBy(Ticket::stratum, Collectors.counting()));
        // 11 of 33: Academy 22 -> 7.33, Maintained 10 -> 3.33, Independent 1 -> 0.33: 7, 3, 1 (the largest remainders tie; lowest ticket first)
        assertEquals(11, byCategory.picks().size());
        assertEquals(1L, perCategory.get("Independent"), "at least one even from a stratum of one");
        assertEquals(Map.of("Academy", 7L, "Maintained", 3L, "Independent", 1L), perCategory);
    }

    @Test
    void verifyRecomputesTheRecordAndSaysWhatDiffers() {
        DipSample sample = DipSampler.draw(schools(20), SampleOptions.of(5), SEED, DRAWN);
        SampleVerification ok = DipSampler.verify(sample);
        assertTrue(ok.matches(), ok.differences().toString());

        Ticket first = sample.eligible().get(0);
        List<Ticket> tampered = new ArrayList<>(sample.eligible());
        tampered.set(0, new Ticket(first.organisationId(), first.urn(), first.name(), first.stratum(), "0000000000000000"));
        SampleVerification badTicket = DipSampler.verify(withEligible(sample, tampered));
        assertFalse(badTicket.matches());
        assertTrue(badTicket.differences().get(0).startsWith("URN " + first.urn() + ": the ticket should be " + first.ticket()), badTicket.differences().toString());

        Ticket notPicked = sample.eligible().get(10);
        List<Ticket> swapped = new ArrayList<>(sample.picks().subList(1, 5));
        swapped.add(notPicked);
        DipSample swappedPicks = new DipSample(sample.method(), sample.seed(), sample.drawnOn(), sample.options(), sample.fingerprint(),
                sample.eligible(), sample.excluded(), swapped, List.of(), null);
        assertFalse(DipSampler.verify(swappedPicks).matches());

        DipSample otherSeed = new DipSample(sample.method(), "1 2 3", sample.drawnOn(), sample.options(), sample.fingerprint(),
                sample.eligible(), sample.excluded(), sample.picks(), List.of(), null);
        assertFalse(DipSampler.verify(otherSeed).matches());

        DipSample shortList = withEligible(sample, sample.eligible().subList(0, 19));
        assertTrue(DipSampler.verify(shortList).differences().stream().anyMatch(d -> d.startsWith("The eligible list's fingerprint")));
    }

    private static DipSample withEligible(DipSample s, List<Ticket> eligible) {
        return new DipSample(s.method(), s.seed(), s.drawnOn(), s.options(), s.fingerprint(), eligible, s.excluded(), s.picks(),
                s.replacements(), s.message());
    }

    @Test
    void aReplacementTakesTheNextTicketNotPickedBeforeAndSaysWhy() {
        DipSample sample = DipSampler.draw(schools(10), SampleOptions.of(3), SEED, DRAWN);
        List<Ticket> order = sample.eligible();
        Ticket closed = sample.picks().get(1);

        DipSample once = DipSampler.replace(sample, closed.organisationId(), "Closed in August");
        assertEquals(List.of(new Replacement(closed, "Closed in August", order.get(3))), once.replacements());
        assertEquals(urns(List.of(order.get(0), order.get(2), order.get(3))), urns(once.picks()));
        assertTrue(DipSampler.verify(once).matches(), DipSampler.verify(once).differences().toString());

        DipSample twice = DipSampler.replace(once, order.get(3).organisationId(), "Withdrawn by the trust");
        assertEquals(order.get(4), twice.replacements().get(1).by(), "the school replaced first is not picked again");
        assertTrue(DipSampler.verify(twice).matches());

        DipSample forged = new DipSample(once.method(), once.seed(), once.drawnOn(), once.options(), once.fingerprint(), once.eligible(),
                once.excluded(), List.of(order.get(0), order.get(2), order.get(7)),
                List.of(new Replacement(closed, "Closed in August", order.get(7))), null);
        assertFalse(DipSampler.verify(forged).matches(), "a replacement must be the next ticket");

        assertThrows(IllegalArgumentException.class, () -> DipSampler.replace(sample, closed.organisationId(), "  "));
        assertThrows(IllegalArgumentException.class, () -> DipSampler.replace(sample, order.get(9).organisationId(), "Closed"));
    }

    @Test
    void aStratifiedReplacementStaysInItsStratumAndMayFindNone() {
        List<SampleCandidate> pop = new ArrayList<>();
        IntStream.rangeClosed(1, 8).forEach(i -> pop.add(school(i, "Primary", "Academy", null)));
        pop.add(school(9, "Special", "Academy", null));
        DipSample sample = DipSampler.draw(pop, new SampleOptions(3, false, 3, true, Stratify.PHASE), SEED, DRAWN);
        Ticket primary = sample.picks().stream().filter(t -> t.stratum().equals("Primary")).findFirst().orElseThrow();
        Ticket replacement = DipSampler.replace(sample, primary.organisationId(), "Closed").replacements().get(0).by();
        assertEquals("Primary", replacement.stratum());

        DipSample special = DipSampler.replace(sample, 9, "Closed");
        assertNull(special.replacements().get(0).by(), "no other special school to take its place");
        assertEquals(2, special.picks().size());
        assertTrue(DipSampler.verify(special).matches());
    }

    @Test
    void tooFewOrNoneEligibleIsSaid() {
        DipSample few = DipSampler.draw(schools(3), SampleOptions.of(5), SEED, DRAWN);
        assertEquals(3, few.picks().size());
        assertEquals("Only 3 schools are eligible, fewer than the 5 asked for, so all 3 are picked.", few.message());
        assertTrue(DipSampler.verify(few).matches());

        List<SampleCandidate> allSampled = List.of(school(1, "Primary", "Academy", LocalDate.of(2025, 10, 1)),
                school(2, "Primary", "Academy", LocalDate.of(2026, 10, 1)));
        DipSample none = DipSampler.draw(allSampled, SampleOptions.of(5), SEED, DRAWN);
        assertEquals(List.of(), none.picks());
        assertEquals(2, none.excluded().size());
        assertEquals("No school is eligible: all 2 were left out, each for the reason shown.", none.message());
        assertEquals("There are no schools to sample.", DipSampler.draw(List.of(), SampleOptions.of(5), SEED, DRAWN).message());
        assertNull(DipSampler.draw(schools(5), SampleOptions.of(5), SEED, DRAWN).message(), "exactly enough");
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DipSampler.draw(schools(3), SampleOptions.of(1), " ", DRAWN));
        assertThrows(IllegalArgumentException.class, () -> SampleOptions.of(0));
        List<SampleCandidate> twins = List.of(school(1), new SampleCandidate(2, "100001", "Twin", null, null, null, false, true));
        assertThrows(IllegalArgumentException.class, () -> DipSampler.draw(twins, SampleOptions.of(1), SEED, DRAWN));
    }

    @Test
    void aDrawnSeedIsTwentyHexDigitsAndNeverTheSame() {
        String seed = DipSampler.drawSeed();
        assertTrue(seed.matches("[0-9a-f]{20}"), seed);
        assertNotEquals(seed, DipSampler.drawSeed());
    }

    @Test
    void overManySeedsEverySchoolIsPickedAboutEquallyOften() {
        List<SampleCandidate> pop = schools(40);
        int seeds = 2000;
        int size = 5;
        Map<String, Integer> counts = new TreeMap<>();
        pop.forEach(c -> counts.put(c.urn(), 0));
        for (int i = 0; i < seeds; i++) {
            DipSampler.draw(pop, SampleOptions.of(size), "seed-" + i, DRAWN).picks().forEach(t -> counts.merge(t.urn(), 1, Integer::sum));
        }
        double expected = seeds * size / 40.0;
        double chiSquare = counts.values().stream().mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
        // 39 degrees of freedom: P(chi-square > 72.05) = 0.001
        assertTrue(chiSquare < 72.05, "chi-square " + chiSquare + " over " + counts);
        assertEquals(seeds * size, counts.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(counts.values().stream().allMatch(c -> c > 0), counts::toString);
    }
}
