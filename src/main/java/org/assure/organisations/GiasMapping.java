package org.assure.organisations;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * GIAS vocabulary to ours. The category decides which duty a school answers under (Section 175 or
 * 157), so a type we do not recognise is refused rather than guessed (doc/adr/0008).
 */
final class GiasMapping {
    private static final Set<String> MAINTAINED = Set.of("community school", "voluntary aided school",
            "voluntary controlled school", "foundation school", "local authority nursery school");
    // Maintained special schools and pupil referral units answer under Section 175; special and
    // alternative-provision academies and free schools are academies, so they answer under Section 157
    // like every other academy (doc/adr/0023).
    private static final Set<String> SPECIAL = Set.of("community special school", "foundation special school");
    private static final Set<String> PRU = Set.of("pupil referral unit");
    private static final Set<String> ACADEMY = Set.of("university technical college", "studio schools");
    // Non-maintained special schools are run by charities, not local authorities: independent, like
    // "other independent special school", rather than SPECIAL (whose duty label is Section 175).
    private static final Set<String> INDEPENDENT = Set.of("other independent school", "other independent special school",
            "non-maintained special school");
    private static final Set<String> FE_COLLEGE = Set.of("further education", "sixth form centres");

    private GiasMapping() {
    }

    /** TypeOfEstablishment (name) to a category. Every "Academy …" and "Free schools …" type is an academy, special and alternative provision ones included. */
    static Optional<SchoolCategory> category(String type) {
        String t = normal(type);
        if (SPECIAL.contains(t)) {
            return Optional.of(SchoolCategory.SPECIAL);
        }
        if (PRU.contains(t)) {
            return Optional.of(SchoolCategory.PRU);
        }
        if (MAINTAINED.contains(t)) {
            return Optional.of(SchoolCategory.MAINTAINED);
        }
        if (ACADEMY.contains(t) || t.startsWith("academy") || t.startsWith("free school")) {
            return Optional.of(SchoolCategory.ACADEMY);
        }
        if (INDEPENDENT.contains(t)) {
            return Optional.of(SchoolCategory.INDEPENDENT);
        }
        if (FE_COLLEGE.contains(t)) {
            return Optional.of(SchoolCategory.FE_COLLEGE);
        }
        return Optional.empty();
    }

    /** PhaseOfEducation (name): GIAS's words are our labels, except the two middle phases, which are one here. */
    static Optional<Phase> phase(String phase) {
        String p = normal(phase);
        if (p.equals("middle deemed primary") || p.equals("middle deemed secondary")) {
            return Optional.of(Phase.MIDDLE);
        }
        return Stream.of(Phase.values()).filter(v -> v != Phase.MIDDLE && normal(v.label()).equals(p)).findFirst();
    }

    /**
     * Boarders (name) or BoardingEstablishment (name) says there are boarders: any value except empty
     * ones and negatives ("No boarders", "Not applicable", "Not collected"…).
     */
    static boolean boarding(String boarders, String boardingEstablishment) {
        return saysYes(boarders) || saysYes(boardingEstablishment);
    }

    private static boolean saysYes(String value) {
        String v = normal(value);
        return !(v.isEmpty() || v.equals("no") || v.startsWith("no ") || v.startsWith("not ") || v.startsWith("does not"));
    }

    static boolean earlyYears(String nurseryProvision, Phase phase) {
        return phase == Phase.NURSERY || normal(nurseryProvision).equals("has nursery classes");
    }

    /** "Mrs Chloë Shah"; GIAS writes "Not applicable" where a head has no title. */
    static String headName(String title, String first, String last) {
        return Stream.of(normal(title).equals("not applicable") ? "" : title, first, last)
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    static String normal(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
