package org.assure.banks;

import org.assure.banks.BankModel.QuestionType;
import org.assure.banks.BankModel.Version;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The banks this repository ships load under every rule and have the content the product promises. */
class ShippedBanksTest {
    static LoadedBanks shipped() {
        return BankLoader.load(BankFiles.fromDirectory(Path.of("question-banks")));
    }

    @Test
    void everyShippedBankLoads() {
        LoadedBanks banks = shipped();
        assertTrue(banks.versions().size() >= 4, "section-11 and section-175, two versions each");
    }

    @Test
    void section11HasTwoVersionsOfAtLeastFiftyRatingQuestions() {
        List<Version> versions = shipped().byBank().get("section-11").stream().map(LoadedBanks.LoadedVersion::version).toList();
        assertEquals(List.of("2018", "2023"), versions.stream().map(Version::version).toList());
        for (Version v : versions) {
            assertTrue(v.questions().stream().filter(q -> q.type() == QuestionType.RATING).count() >= 50, v.id());
            assertEquals(List.of("AGENCY"), v.audience().kinds(), v.id());
            assertTrue(v.sections().size() >= 9, v.id() + ": the 8 standards and the voice of the child");
            assertTrue(v.questions().stream().filter(q -> q.type() == QuestionType.RATING)
                    .allMatch(q -> q.hint() != null && q.evidencePrompt() != null && q.guidance() != null), v.id());
        }
    }

    @Test
    void section175HasTwoVersionsOfAtLeastEightyQuestionsWithConditions() {
        List<Version> versions = shipped().byBank().get("section-175").stream().map(LoadedBanks.LoadedVersion::version).toList();
        assertEquals(List.of("2024", "2025"), versions.stream().map(Version::version).toList());
        for (Version v : versions) {
            assertTrue(v.questions().size() >= 80, v.id());
            assertTrue(v.questions().stream().anyMatch(q -> q.showWhen() != null && q.showWhen().question().equals("has-boarding")), v.id());
            assertTrue(v.questions().stream().anyMatch(q -> q.showWhen() != null && q.showWhen().question().equals("has-early-years")), v.id());
            assertTrue(v.questions().stream().filter(q -> q.type() == QuestionType.RATING).allMatch(q -> !q.references().isEmpty()), v.id());
        }
    }

    @Test
    void theDefaultScaleIsRagWithEvidenceForEveryRatingButNotApplicable() {
        var scale = shipped().find("section-175", "2025").orElseThrow().version().scale();
        assertEquals(List.of("GREEN", "AMBER", "RED", "NA"), scale.ratings().stream().map(BankModel.Rating::code).toList());
        scale.ratings().forEach(r -> assertEquals(r.notApplicable() ? BankModel.Requirement.NONE : BankModel.Requirement.REQUIRED, r.evidence(), r.code()));
        assertEquals(BankModel.Requirement.REQUIRED, scale.rating("NA").orElseThrow().reason());
    }

    /** KCSIE 2025's changes as the files make them; the comparison must list exactly these. */
    @Test
    void theComparisonOfTheSection175VersionsListsExactlyTheChangesTheFilesMake() {
        LoadedBanks banks = shipped();
        List<Version> versions = banks.byBank().get("section-175").stream().map(LoadedBanks.LoadedVersion::version).toList();
        var c = BankComparison.compare(versions, versions.get(0), versions.get(1));
        assertEquals(List.of("online-misinformation", "genai-product-safety", "cyber-security-standards", "kinship-care"),
                afterKeys(c, BankComparison.Kind.ADDED));
        assertEquals(List.of("safeguarding-definition"), beforeKeys(c, BankComparison.Kind.REMOVED));
        assertEquals(List.of("attendance-policy", "absence-follow-up"), afterKeys(c, BankComparison.Kind.REWORDED));
        assertEquals(List.of("elective-home-education"), afterKeys(c, BankComparison.Kind.MOVED));
        assertEquals(List.of("attendance-support"), afterKeys(c, BankComparison.Kind.RENAMED));
        assertEquals(List.of("persistent-absence"), beforeKeys(c, BankComparison.Kind.RENAMED));
        assertEquals(List.of("lettings-assurance"), afterKeys(c, BankComparison.Kind.MERGED));
        assertEquals(List.of("lettings-safeguarding-clauses", "lettings-provider-checks"), beforeKeys(c, BankComparison.Kind.MERGED));
        assertEquals(List.of("filtering-in-place", "monitoring-in-place", "filtering-monitoring-review"), afterKeys(c, BankComparison.Kind.SPLIT));
        assertEquals(List.of("filtering-monitoring"), beforeKeys(c, BankComparison.Kind.SPLIT));
        assertEquals(11, c.changes().size(), "nothing else is reported");
        assertEquals(versions.get(1).questions().size() - 4 - 2 - 1 - 1 - 1 - 3, c.unchanged());
    }

    private static List<String> afterKeys(BankComparison.Comparison c, BankComparison.Kind kind) {
        return c.of(kind).stream().flatMap(ch -> ch.after().stream()).map(BankComparison.QuestionRef::key).sorted(byFileOrder(c.to())).toList();
    }

    private static List<String> beforeKeys(BankComparison.Comparison c, BankComparison.Kind kind) {
        return c.of(kind).stream().flatMap(ch -> ch.before().stream()).map(BankComparison.QuestionRef::key).sorted(byFileOrder(c.from())).toList();
    }

    private static java.util.Comparator<String> byFileOrder(Version v) {
        List<String> order = v.questions().stream().map(BankModel.Question::key).toList();
        return java.util.Comparator.comparingInt(order::indexOf);
    }
}
