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
}
