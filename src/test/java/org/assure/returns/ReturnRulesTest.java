package org.assure.returns;

import org.assure.banks.BankModel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.assure.returns.ReturnLifecycle.Event.RETURNED_FOR_CHANGES;
import static org.assure.returns.ReturnLifecycle.Event.SAVED;
import static org.assure.returns.ReturnLifecycle.Event.SUBMITTED;

/** The return's lifecycle, lateness and the typed section form, without an application. */
class ReturnRulesTest {
    private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    @Test
    void theLifecycleMovesAReturnOnlyWhereItMayGo() {
        assertEquals(Optional.of(ReturnStatus.IN_PROGRESS), ReturnLifecycle.next(ReturnStatus.NOT_STARTED, SAVED));
        assertEquals(Optional.of(ReturnStatus.IN_PROGRESS), ReturnLifecycle.next(ReturnStatus.IN_PROGRESS, SAVED));
        assertEquals(Optional.of(ReturnStatus.SUBMITTED), ReturnLifecycle.next(ReturnStatus.IN_PROGRESS, SUBMITTED));
        assertEquals(Optional.of(ReturnStatus.RETURNED), ReturnLifecycle.next(ReturnStatus.SUBMITTED, RETURNED_FOR_CHANGES));
        assertEquals(Optional.of(ReturnStatus.RETURNED), ReturnLifecycle.next(ReturnStatus.RETURNED, SAVED), "stays returned while it is fixed");
        assertEquals(Optional.of(ReturnStatus.SUBMITTED), ReturnLifecycle.next(ReturnStatus.RETURNED, SUBMITTED));
        assertEquals(Optional.empty(), ReturnLifecycle.next(ReturnStatus.SUBMITTED, SAVED), "a submitted return is read-only");
        assertEquals(Optional.empty(), ReturnLifecycle.next(ReturnStatus.SUBMITTED, SUBMITTED));
        assertEquals(Optional.empty(), ReturnLifecycle.next(ReturnStatus.IN_PROGRESS, RETURNED_FOR_CHANGES), "only a submission goes back");
        assertEquals(Optional.empty(), ReturnLifecycle.next(ReturnStatus.NOT_STARTED, SUBMITTED));
        for (ReturnStatus s : ReturnStatus.values()) {
            assertEquals(s != ReturnStatus.SUBMITTED, s.editable(), s.name());
        }
    }

    @Test
    void lateMeansFirstSubmittedAfterTheDeadlineOrStillOutstandingAfterIt() {
        assertFalse(Timeliness.late(DEADLINE, DEADLINE, null), "outstanding on the deadline day");
        assertTrue(Timeliness.late(DEADLINE, DEADLINE.plusDays(1), null), "outstanding the day after");
        assertFalse(Timeliness.late(DEADLINE, DEADLINE.plusDays(20), at(DEADLINE, 23)), "submitted late in the evening of the deadline, London time");
        assertTrue(Timeliness.late(DEADLINE, DEADLINE.plusDays(20), at(DEADLINE.plusDays(1), 0)));
        // British Summer Time: midnight starting 1 July in London is still 30 June in UTC; London's date decides
        assertTrue(Timeliness.late(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 9), at(LocalDate.of(2026, 7, 1), 0)));
        assertTrue(Timeliness.pastDeadline(DEADLINE, DEADLINE.plusDays(1)));
        assertFalse(Timeliness.pastDeadline(DEADLINE, DEADLINE));
    }

    private static final BankModel.Question RATED = CompletionRulesTest.question("rated", BankModel.QuestionType.RATING, true, null);
    private static final BankModel.Question COVER = new BankModel.Question("cover", "Cover", null, null, List.of(),
            BankModel.QuestionType.MULTIPLE_CHOICE, false, null, List.of(), List.of(), null, null,
            List.of(new BankModel.Option("HEAD", "Head"), new BankModel.Option("DEPUTY", "Deputy")));
    private static final BankModel.Question PUPILS = CompletionRulesTest.question("pupils", BankModel.QuestionType.NUMBER, false, null);
    private static final BankModel.Question REVIEWED = CompletionRulesTest.question("reviewed", BankModel.QuestionType.DATE, false, null);
    private static final BankModel.Section SECTION = new BankModel.Section("s", "S", null, null, List.of(RATED, COVER, PUPILS, REVIEWED));

    @Test
    void aPostedSectionFormIsReadIntoTypedAnswersForTheQuestionsThatWereOnThePage() {
        Map<String, List<String>> posted = new LinkedHashMap<>();
        posted.put("rated", List.of(" RED "));
        posted.put("rated-evidence", List.of("Audit found gaps"));
        posted.put("rated-version", List.of("3"));
        posted.put("cover", List.of("HEAD", "DEPUTY", " "));
        posted.put("cover-version", List.of("-1"));
        posted.put("pupils", List.of("12"));
        posted.put("complete", List.of("true"));
        posted.put("action", List.of("later"));
        SectionForm form = SectionForm.parse(posted, SECTION);
        assertEquals(List.of("rated", "cover"), List.copyOf(form.answers().keySet()), "pupils' version field was not posted: it was not on the page");
        assertEquals("RED", form.answers().get("rated").rating());
        assertEquals(3, form.answers().get("rated").version());
        assertEquals(List.of("HEAD", "DEPUTY"), form.answers().get("cover").values());
        assertTrue(form.complete());
        assertEquals(SectionForm.Next.LATER, form.next());
        posted.put("rated-version", List.of("not a number"));
        posted.remove("action");
        assertEquals(AnswerInput.NEW, SectionForm.parse(posted, SECTION).answers().get("rated").version());
        assertEquals(SectionForm.Next.CONTINUE, SectionForm.parse(posted, SECTION).next());
    }

    @Test
    void typedInputIsCheckedByTheQuestionsType() {
        var notANumber = new AnswerInput("", List.of("lots"), "", "", "", "", "", 0, false).parse(PUPILS, CompletionRulesTest.SCALE, "question 3");
        assertEquals("Question 3 must be a number, like 12 or 3.5", notANumber.error());
        assertEquals("pupils", notANumber.field());
        var impossible = new AnswerInput("", List.of(), "", "", "31", "2", "2025", 0, false).parse(REVIEWED, CompletionRulesTest.SCALE, "question 4");
        assertEquals("Question 4 must be a real date", impossible.error());
        assertEquals("reviewed-day", impossible.field());
        var noMonth = new AnswerInput("", List.of(), "", "", "3", "", "2025", 0, false).parse(REVIEWED, CompletionRulesTest.SCALE, "question 4");
        assertEquals("Question 4 must include a month", noMonth.error());
        var date = new AnswerInput("", List.of(), "", "", "1", "9", "2025", 0, false).parse(REVIEWED, CompletionRulesTest.SCALE, "question 4");
        assertEquals("2025-09-01", date.value().value());
        var rating = new AnswerInput("RED", List.of(), " gaps ", "why", "", "", "", 0, false).parse(RATED, CompletionRulesTest.SCALE, "question 1");
        assertEquals(new AnswerInput.Value("RED", null, "gaps", null), rating.value(), "a reason is kept only for not applicable");
        var cover = new AnswerInput("", List.of("HEAD", "DEPUTY"), "ignored", "", "", "", "", 0, false).parse(COVER, CompletionRulesTest.SCALE, "question 2");
        assertEquals(new AnswerInput.Value(null, "HEAD,DEPUTY", null, null), cover.value(), "evidence is kept only for ratings");
    }
}
