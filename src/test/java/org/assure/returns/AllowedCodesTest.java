package org.assure.returns;

import org.assure.banks.BankModel;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the bank's ratings and options are taken for questions with set answers, however the form is crafted. */
class AllowedCodesTest {
    private static final BankModel.Question RATED = CompletionRulesTest.question("rated", BankModel.QuestionType.RATING, true, null);
    private static final BankModel.Question BOARDING = CompletionRulesTest.question("boarding", BankModel.QuestionType.YES_NO, true, null);
    private static final List<BankModel.Option> OPTIONS = List.of(new BankModel.Option("HEAD", "Head"), new BankModel.Option("DEPUTY", "Deputy"));
    private static final BankModel.Question ONE = new BankModel.Question("one", "One", null, null, List.of(),
            BankModel.QuestionType.SINGLE_CHOICE, true, null, List.of(), List.of(), null, null, OPTIONS);
    private static final BankModel.Question COVER = new BankModel.Question("cover", "Cover", null, null, List.of(),
            BankModel.QuestionType.MULTIPLE_CHOICE, true, null, List.of(), List.of(), null, null, OPTIONS);
    private static final BankModel.Section SECTION = new BankModel.Section("s", "S", null, null, List.of(RATED, BOARDING, ONE, COVER));

    /** What reading this posted field gives for the question: its error, or null when it is taken. */
    private static String posted(BankModel.Question q, String... values) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put(q.key(), List.of(values));
        form.put(q.key() + "-version", List.of("-1"));
        AnswerInput input = SectionForm.parse(form, SECTION).answers().get(q.key());
        AnswerInput.Parsed parsed = input.parse(q, CompletionRulesTest.SCALE, "question 2");
        if (!parsed.ok()) {
            assertEquals(q.key(), parsed.field(), "the error is on the question's own field");
            assertNull(parsed.value(), "nothing is stored for a refused answer");
        }
        return parsed.error();
    }

    @Test
    void aRatingMustBeOneOfTheScales() {
        assertNull(posted(RATED, "RED"));
        assertNull(posted(RATED, " NA "));
        assertNull(posted(RATED, ""), "choosing nothing is for the completion rules, not a made-up rating");
        assertNull(posted(RATED, "GREEN", "GREEN"), "the same rating twice is one rating");
        assertEquals("Select one of the ratings shown for question 2", posted(RATED, "TOTALLY_MADE_UP"));
        assertEquals("Select one of the ratings shown for question 2", posted(RATED, "R".repeat(41)), "an overlong value is just another unknown");
        assertEquals("Select one of the ratings shown for question 2", posted(RATED, "red"), "codes are exact");
        assertEquals("Select one of the ratings shown for question 2", posted(RATED, "<script>alert(1)</script>"));
        assertEquals("Select one of the ratings shown for question 2", posted(RATED, "GREEN' OR '1'='1"));
        assertEquals("Select only one rating for question 2", posted(RATED, "GREEN", "RED"));
        assertEquals("Select only one rating for question 2", posted(RATED, "", "RED", "MADE_UP"));
    }

    @Test
    void notApplicableIsRefusedWhereTheQuestionDoesNotOfferIt() {
        BankModel.Question statutory = new BankModel.Question("statutory", "A requirement on every school", null, null, List.of(),
                BankModel.QuestionType.RATING, true, null, List.of(), List.of(), null, null, List.of(), null, true, false, false);
        assertEquals(List.of("GREEN", "RED"), statutory.ratings(CompletionRulesTest.SCALE).stream().map(BankModel.Rating::code).toList(),
                "the form offers no not-applicable radio");
        assertEquals("Not applicable is not an answer to question 2: it is a requirement for everyone asked it. Select a rating",
                AllowedCodes.refusal(statutory, CompletionRulesTest.SCALE, input("NA"), "question 2"), "a crafted post is refused");
        assertNull(AllowedCodes.refusal(statutory, CompletionRulesTest.SCALE, input("RED"), "question 2"));
    }

    private static AnswerInput input(String rating) {
        return new AnswerInput(rating, List.of(), "", "", "", "", "", AnswerInput.NEW, false);
    }

    @Test
    void yesNoAndSingleChoiceTakeOneOfTheirAnswers() {
        assertNull(posted(BOARDING, "YES"));
        assertNull(posted(BOARDING, "NO"));
        assertEquals("Select yes or no for question 2", posted(BOARDING, "MAYBE"));
        assertEquals("Select yes or no for question 2", posted(BOARDING, "yes"));
        assertEquals("Select only one answer for question 2", posted(BOARDING, "YES", "NO"));
        assertNull(posted(ONE, "HEAD"));
        assertEquals("Select one of the options shown for question 2", posted(ONE, "GREEN"), "a rating is not an option");
        assertEquals("Select one of the options shown for question 2", posted(ONE, "X".repeat(5000)));
        assertEquals("Select only one option for question 2", posted(ONE, "HEAD", "DEPUTY"));
    }

    @Test
    void multipleChoiceTakesOnlyTheOptions() {
        assertNull(posted(COVER, "HEAD", "DEPUTY"));
        assertNull(posted(COVER, "HEAD", "HEAD"));
        assertEquals("Select only the options shown for question 2", posted(COVER, "HEAD", "MADE_UP"));
        assertEquals("Select only the options shown for question 2", posted(COVER, "HEAD,DEPUTY"), "a comma does not smuggle two codes in one");
        assertEquals("Select only the options shown for question 2", posted(COVER, "D".repeat(41)));
    }

    @Test
    void aDuplicatedOptionIsStoredOnce() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("cover", List.of("HEAD", "HEAD", "DEPUTY"));
        form.put("cover-version", List.of("-1"));
        AnswerInput input = SectionForm.parse(form, SECTION).answers().get("cover");
        AnswerInput.Parsed parsed = input.parse(COVER, CompletionRulesTest.SCALE, "question 4");
        assertTrue(parsed.ok());
        assertEquals("HEAD,DEPUTY", parsed.value().value());
    }
}
