package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;
import org.assure.banks.BankModel.Requirement;
import org.assure.kernel.FormErrors;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of completing a section, without an application. */
class CompletionRulesTest {
    /** Green needs nothing more; Red needs evidence; Not applicable needs a reason. */
    static final BankModel.Scale SCALE = new BankModel.Scale("rag", "RAG", List.of(
            new BankModel.Rating("GREEN", "Green", "Met", "#00703c", true, Requirement.OPTIONAL, false, false, Requirement.NONE),
            new BankModel.Rating("RED", "Red", "Not met", "#d4351c", false, Requirement.REQUIRED, true, false, Requirement.NONE),
            new BankModel.Rating("NA", "Not applicable", "Does not apply", "#505a5f", false, Requirement.NONE, false, true, Requirement.REQUIRED)));

    static BankModel.Question question(String key, BankModel.QuestionType type, boolean required, @Nullable BankModel.Condition showWhen) {
        return new BankModel.Question(key, "Text of " + key, null, null, List.of(), type, required, null, List.of(), List.of(), null,
                showWhen, List.of());
    }

    static ReturnAnswer answer(String key, @Nullable String rating, @Nullable String value, @Nullable String evidence, @Nullable String reason,
                               boolean carried) {
        return new ReturnAnswer(1L, 1, key, rating, value, evidence, reason, carried, 0, null, Instant.EPOCH);
    }

    private static final BankModel.Question RATED = question("rated", BankModel.QuestionType.RATING, true, null);
    private static final BankModel.Question OPTIONAL_TEXT = question("notes", BankModel.QuestionType.LONG_TEXT, false, null);
    private static final BankModel.Question WHEN = question("when", BankModel.QuestionType.DATE, true, null);
    private static final BankModel.Question BOARDING = question("boarding", BankModel.QuestionType.YES_NO, true, null);
    private static final BankModel.Question ONLY_IF_BOARDING = question("boarders", BankModel.QuestionType.RATING, true,
            new BankModel.Condition("boarding", List.of("YES")));
    private static final BankModel.Section SECTION = new BankModel.Section("s", "Section", null, null,
            List.of(RATED, OPTIONAL_TEXT, WHEN, BOARDING, ONLY_IF_BOARDING));

    private static FormErrors check(Set<String> unparsed, ReturnAnswer... answers) {
        Map<String, ReturnAnswer> stored = new HashMap<>();
        for (ReturnAnswer a : answers) {
            stored.put(a.questionKey(), a);
        }
        return CompletionRules.check(SECTION, SCALE, stored, unparsed);
    }

    private static ReturnAnswer[] allGood() {
        return new ReturnAnswer[]{answer("rated", "GREEN", null, null, null, false), answer("when", null, "2025-09-01", null, null, false),
                answer("boarding", null, "NO", null, null, false)};
    }

    @Test
    void aSectionWithEveryRequiredAnswerIsComplete() {
        assertTrue(check(Set.of(), allGood()).isEmpty());
    }

    @Test
    void aRequiredQuestionWithoutAnAnswerStopsIt() {
        FormErrors errors = check(Set.of(), answer("when", null, "2025-09-01", null, null, false), answer("boarding", null, "NO", null, null, false));
        assertEquals(List.of(new FormErrors.FieldError("rated", "Select a rating for question 1")), errors.getAll());
        FormErrors noDate = check(Set.of(), answer("rated", "GREEN", null, null, null, false), answer("boarding", null, "NO", null, null, false));
        assertEquals(List.of(new FormErrors.FieldError("when-day", "Answer question 3")), noDate.getAll(), "a date's error is on its day box");
    }

    @Test
    void evidenceAloneDoesNotAnswerARating() {
        FormErrors errors = check(Set.of(), answer("rated", null, null, "Our policy", null, false),
                answer("when", null, "2025-09-01", null, null, false), answer("boarding", null, "NO", null, null, false));
        assertEquals("Select a rating for question 1", errors.message("rated"));
    }

    @Test
    void anAnswerCarriedForwardMustBeCheckedFirst() {
        FormErrors errors = check(Set.of(), answer("rated", "GREEN", null, null, null, true),
                answer("when", null, "2025-09-01", null, null, false), answer("boarding", null, "NO", null, null, false));
        assertEquals("Check the answer carried forward to question 1, then confirm it or change it", errors.message("rated-confirm"));
    }

    @Test
    void aRatingThatNeedsEvidenceNeedsIt() {
        FormErrors errors = check(Set.of(), answer("rated", "RED", null, "  ", null, false),
                answer("when", null, "2025-09-01", null, null, false), answer("boarding", null, "NO", null, null, false));
        assertEquals("Give evidence for question 1 (rated Red)", errors.message("rated-evidence"));
        assertTrue(check(Set.of(), answer("rated", "RED", null, "Action plan agreed", null, false),
                answer("when", null, "2025-09-01", null, null, false), answer("boarding", null, "NO", null, null, false)).isEmpty());
    }

    @Test
    void notApplicableNeedsAReason() {
        FormErrors errors = check(Set.of(), answer("rated", "NA", null, null, null, false),
                answer("when", null, "2025-09-01", null, null, false), answer("boarding", null, "NO", null, null, false));
        assertEquals("Say why question 1 does not apply", errors.message("rated-reason"));
    }

    @Test
    void aConditionalQuestionCountsOnlyOnceItIsAskedAndIsNumberedAsShown() {
        assertTrue(check(Set.of(), allGood()).isEmpty(), "not asked while boarding is No");
        FormErrors errors = check(Set.of(), answer("rated", "GREEN", null, null, null, false),
                answer("when", null, "2025-09-01", null, null, false), answer("boarding", null, "YES", null, null, false));
        assertEquals("Select a rating for question 5", errors.message("boarders"));
    }

    @Test
    void aQuestionWhoseInputWasRefusedKeepsThatErrorOnly() {
        FormErrors errors = check(Set.of("when"), answer("rated", "GREEN", null, null, null, false), answer("boarding", null, "NO", null, null, false));
        assertTrue(errors.isEmpty(), errors.getAll().toString());
    }

    @Test
    void errorsComeInPageOrder() {
        FormErrors errors = check(Set.of(), answer("rated", "RED", null, null, null, false));
        assertEquals(List.of("rated-evidence", "when-day", "boarding"), errors.getAll().stream().map(FormErrors.FieldError::field).toList());
    }
}
