package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A posted rating must be one the bank's scale has: a made-up one is refused on its field, never stored, never a 500. */
@MicronautTest(transactional = false)
class AnswerCodesWebTest extends ReturnWebTest {
    @Inject
    ReturnRepositories.Answers answers;

    /** The leadership section complete and valid, except the first question rated {@code rating}. */
    private static List<Map.Entry<String, String>> completeWith(String page, String... ratings) {
        List<Map.Entry<String, String>> all = form(page, "complete", "true", "action", "continue");
        for (String k : LEADERSHIP) {
            if (k.equals("governance-accountability")) {
                for (String r : ratings) {
                    all.add(Map.entry(k, r));
                }
            } else {
                all.add(Map.entry(k, k.equals("local-arrangements") ? "NA" : "GREEN"));
            }
            all.add(Map.entry(k + "-evidence", "Evidence for " + k));
        }
        all.add(Map.entry("local-arrangements-reason", "We are not in that area"));
        return all;
    }

    private boolean stored(long returnId, String key) {
        return answers.findByReturnId(returnId).stream().anyMatch(a -> a.questionKey().equals(key));
    }

    @Test
    void aMadeUpRatingDoesNotCompleteTheSectionAndIsNotStored() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var refused = lead.postRepeated(s.section(), completeWith(lead.get(s.section()).body(), "TOTALLY_MADE_UP"));
        assertEquals(422, refused.status(), refused.body());
        assertContains(refused.body(), "href=\"#governance-accountability\">Select one of the ratings shown for question 1",
                "id=\"governance-accountability-error\"", "Your other answers have been saved",
                "Evidence for governance-accountability</textarea>");
        assertFalse(refused.body().contains("TOTALLY_MADE_UP"), "the made-up value is not offered back as if it were a rating");
        assertFalse(stored(s.returnId(), "governance-accountability"), "nothing is stored for the refused rating");
        assertTrue(stored(s.returnId(), "governor-training"), "the other answers are saved");
        String tasks = lead.get(s.path()).body();
        assertContains(tasks, "You have completed 0 of", "In progress");
    }

    @Test
    void overlongEmptyAndDuplicatedRatingsAreRefusedOnTheField() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        for (List<String> ratings : List.of(List.of("R".repeat(41)), List.of("G".repeat(5_000)), List.of("GREEN", "RED"),
                List.of("green"), List.of("GREEN\u0000"), List.of("<b>RED</b>"))) {
            var refused = lead.postRepeated(s.section(), completeWith(lead.get(s.section()).body(), ratings.toArray(String[]::new)));
            assertEquals(422, refused.status(), ratings + ": " + refused.body());
            assertContains(refused.body(), "href=\"#governance-accountability\">Select ");
            assertFalse(stored(s.returnId(), "governance-accountability"), ratings::toString);
        }
        // an empty rating is no rating: completing says to choose one, as for a question left alone
        var empty = lead.postRepeated(s.section(), completeWith(lead.get(s.section()).body(), ""));
        assertEquals(422, empty.status());
        assertContains(empty.body(), "href=\"#governance-accountability\">Select a rating for question 1");
        // the same rating twice is one rating, and the section completes
        var twice = lead.postRepeated(s.section(), completeWith(lead.get(s.section()).body(), "AMBER", "AMBER"));
        assertEquals(303, twice.status(), twice.body());
        assertContains(lead.get(s.path()).body(), "You have completed 1 of");
        assertEquals("AMBER", answers.findByReturnId(s.returnId()).stream().filter(a -> a.questionKey().equals("governance-accountability"))
                .findFirst().orElseThrow().rating());
    }

    @Test
    void aYesOrNoQuestionTakesOnlyYesOrNo() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String path = s.path() + "/sections/local-extras";
        for (var posted : List.of(List.of("MAYBE"), List.of("yes"), List.of("Y".repeat(41)), List.of("YES", "NO"))) {
            List<Map.Entry<String, String>> f = form(lead.get(path).body(), "action", "later");
            posted.forEach(v -> f.add(Map.entry("has-early-years", v)));
            var refused = lead.postRepeated(path, f);
            assertEquals(422, refused.status(), posted + ": " + refused.body());
            assertContains(refused.body(), "href=\"#has-early-years\">Select ");
            assertFalse(stored(s.returnId(), "has-early-years"), posted::toString);
        }
        assertEquals(303, lead.postRepeated(path, form(lead.get(path).body(), "has-early-years", "NO", "action", "later")).status());
        assertTrue(stored(s.returnId(), "has-early-years"));
    }

    @Test
    void theConflictPagesChoicesAreCheckedToo() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var resolve = lead.postRepeated(s.section() + "/resolve", form(lead.get(s.section()).body(),
                "governance-accountability-choice", "mine", "governance-accountability", "MADE_UP"));
        assertEquals(422, resolve.status(), resolve.body());
        assertFalse(stored(s.returnId(), "governance-accountability"));
    }
}
