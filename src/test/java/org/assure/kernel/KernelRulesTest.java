package org.assure.kernel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one date input, date formats and email check every feature uses. */
class KernelRulesTest {
    @Test
    void aDateInputIsReadTheOneWay() {
        assertEquals(LocalDate.of(2026, 3, 27), new DateInput("27", "3", "2026").read().date());
        assertEquals(LocalDate.of(2026, 3, 7), new DateInput(" 07 ", "03", " 2026").read().date());
        assertEquals(DateInput.Problem.BLANK, new DateInput("", " ", null).read().problem());
        assertEquals(DateInput.Problem.NO_DAY, new DateInput("", "3", "2026").read().problem());
        assertEquals(DateInput.Problem.NO_MONTH, new DateInput("1", "", "2026").read().problem());
        assertEquals(DateInput.Problem.NO_YEAR, new DateInput("1", "3", "").read().problem());
        assertEquals(DateInput.Problem.NOT_REAL, new DateInput("31", "2", "2026").read().problem());
        assertEquals(DateInput.Problem.NOT_REAL, new DateInput("1", "March", "2026").read().problem());
        for (String year : List.of("26", "02026", "1899", "2101", "-2026")) {
            assertEquals(DateInput.Problem.YEAR, new DateInput("1", "3", year).read().problem(), year);
        }
        assertEquals(LocalDate.of(1900, 1, 1), new DateInput("1", "1", "1900").read().date());
    }

    @Test
    void dateErrorsAreWordedTheGovUkWay() {
        FormErrors errors = FormErrors.none();
        assertNull(new DateInput("", "", "").read("deadline", "deadline", true, errors));
        assertEquals("Enter the deadline", errors.message("deadline"));
        assertNull(new DateInput("", "", "").read("final", "final deadline", false, FormErrors.none()), "blank and optional: no error");
        FormErrors more = FormErrors.none();
        new DateInput("1", "", "2026").read("opens", "opening date", true, more);
        assertEquals("Opening date must include a month", more.message("opens"));
        assertEquals("Question 3 must be a real date, with a four-digit year", DateInput.message(DateInput.Problem.YEAR, "question 3"));
    }

    @Test
    void datesAndMomentsAreWrittenInEnglandsWay() {
        assertEquals("3 March 2026", Dates.date(LocalDate.of(2026, 3, 3)));
        assertEquals("", Dates.dateOrBlank(null));
        assertEquals("3 March 2026 at 2:05pm", Dates.moment(Instant.parse("2026-03-03T14:05:00Z")), "GMT in winter");
        assertEquals("1 July 2026 at 9:00am", Dates.moment(Instant.parse("2026-07-01T08:00:00Z")), "BST in summer");
        assertEquals(LocalDate.of(2026, 7, 1), Dates.dateOf(Instant.parse("2026-06-30T23:30:00Z")), "just after midnight in London");
    }

    @Test
    void anEmailAddressIsCheckedTheOneWay() {
        for (String ok : List.of("name@example.org", " first.last+tag@school.sch.uk ", "a@b.co")) {
            assertTrue(EmailAddress.valid(ok), ok);
        }
        for (String bad : List.of("", "name", "name@", "@example.org", "name@example", "two words@example.org", "a@b@c.org",
                "x".repeat(250) + "@e.org")) {
            assertFalse(EmailAddress.valid(bad), bad);
        }
        assertFalse(EmailAddress.valid(null));
    }

    @Test
    void typedTextIsCleanedTheOneWay() {
        assertNull(Text.clean("   "));
        assertEquals("x", Text.clean(" x "));
        assertEquals(12L, Text.parseId(" 12 "));
        assertNull(Text.parseId("12; DROP TABLE"));
        assertNull(Text.parseEnum(DateInput.Problem.class, "nothing"));
        assertEquals(DateInput.Problem.YEAR, Text.parseEnum(DateInput.Problem.class, " YEAR "));
    }

    @Test
    void aRefusalCarriesItsKindReasonAndWayBack() {
        Refusal r = Refusal.conflict("Closed").backTo("/cycles/3", "Back to the cycle");
        assertEquals(409, r.kind().status());
        assertEquals("Closed", r.getMessage());
        assertEquals(new Refusal.Link("/cycles/3", "Back to the cycle"), r.back());
        assertEquals("Return not found", Refusal.notFound("Return").getMessage());
        assertTrue(Refusal.forbidden("No").is(Refusal.Kind.FORBIDDEN));
    }
}
