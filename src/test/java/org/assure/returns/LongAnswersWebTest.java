package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 3: a section with far more evidence than anyone writes is refused on that field, quickly, with
 * what was typed kept and every other answer saved; the limit is stated under each box; a section with many
 * fields (Netty's default was 128) saves.
 */
@MicronautTest(transactional = false)
class LongAnswersWebTest extends ReturnWebTest {
    static final String LIMIT_TEXT = "You can enter up to 10,000 characters";
    static final String FIRST = "governance-accountability";
    @Inject
    ReturnRepositories.Answers answers;

    private Map<String, ReturnAnswer> stored(long returnId) {
        return answers.findByReturnId(returnId).stream().collect(Collectors.toMap(ReturnAnswer::questionKey, a -> a));
    }

    /** Every leadership question answered, the first with this evidence. */
    private static List<Map.Entry<String, String>> withEvidence(String page, String evidence) {
        List<Map.Entry<String, String>> all = leadershipComplete(page, "continue");
        all.replaceAll(e -> e.getKey().equals(FIRST + "-evidence") ? Map.entry(e.getKey(), evidence) : e);
        return all;
    }

    @Test
    void aHundredThousandCharactersOfEvidenceAreRefusedOnTheirFieldQuicklyWithTheOtherAnswersSaved() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String page = lead.get(s.section()).body();
        String evidence = "a".repeat(99_990) + " the end";
        long start = System.nanoTime();
        var posted = lead.postRepeated(s.section(), withEvidence(page, evidence));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(422, posted.status(), posted.body().substring(0, Math.min(2000, posted.body().length())));
        assertTrue(millis < 1000, "answered in " + millis + " ms");
        assertContains(posted.body(), "Evidence for question 1 must be 10,000 characters or fewer",
                "href=\"#" + FIRST + "-evidence\"", "id=\"" + FIRST + "-evidence-error\"",
                "Your other answers have been saved, but the section is not complete yet.");
        assertTrue(posted.body().contains(evidence), "what was typed is kept in the box");
        Map<String, ReturnAnswer> saved = stored(s.returnId());
        for (String k : LEADERSHIP) {
            if (k.equals(FIRST)) {
                assertNull(saved.get(k), "the over-long answer is not saved, not even cut short");
            } else {
                assertTrue(saved.containsKey(k) && saved.get(k).answered(), k + " saved");
            }
        }
        assertFalse(row(s.returnId()).status() == ReturnStatus.SUBMITTED);
    }

    @Test
    void tenThousandCharactersWithLineBreaksAreAllowedAndOneMoreIsNot() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        // 5,000 lines of one character: 10,000 characters as the person counts them, 15,000 as a browser sends them (CR LF)
        String exactly = "x\r\n".repeat(4_999) + "xy";
        assertEquals(10_000, org.assure.kernel.FieldLimits.length(exactly));
        var ok = lead.postRepeated(s.section(), withEvidence(lead.get(s.section()).body(), exactly));
        assertEquals(303, ok.status(), ok.body().substring(0, Math.min(3000, ok.body().length())));
        assertEquals(exactly.strip().replace("\r\n", "\n"), stored(s.returnId()).get(FIRST).evidence().replace("\r\n", "\n"));

        var over = lead.postRepeated(s.section(), withEvidence(lead.get(s.section()).body(), exactly + "z"));
        assertEquals(422, over.status());
        assertContains(over.body(), "Evidence for question 1 must be 10,000 characters or fewer");
        assertEquals(exactly.strip().replace("\r\n", "\n"), stored(s.returnId()).get(FIRST).evidence().replace("\r\n", "\n"),
                "the saved evidence is left as it was");
        // emoji are one character each, as the person sees them, although Java counts two
        String emoji = "\uD83D\uDE00".repeat(10_000);
        assertEquals(303, lead.postRepeated(s.section(), withEvidence(lead.get(s.section()).body(), emoji)).status());
    }

    @Test
    void theLimitIsStatedUnderEveryEvidenceBoxWithoutJavaScript() {
        Setup s = setup();
        String page = signedIn(s.lead()).get(s.section()).body();
        assertContains(page, "data-module=\"govuk-character-count\"", "data-maxlength=\"10000\"", LIMIT_TEXT,
                "id=\"" + FIRST + "-evidence-info\"", "aria-describedby=\"" + FIRST + "-evidence-info\"");
        int boxes = page.split("govuk-character-count__message", -1).length - 1;
        assertTrue(boxes >= LEADERSHIP.size(), boxes + " character counts");
    }

    @Test
    void aSectionFormWithHundredsOfFieldsIsSaved() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        List<Map.Entry<String, String>> form = leadershipComplete(lead.get(s.section()).body(), "continue");
        // what a section of 60-odd questions posts: several fields each (answer, evidence, reason, version, confirm)
        for (int i = 0; form.size() < 400; i++) {
            form.add(Map.entry("question-" + i + "-confirm", ""));
        }
        var posted = lead.postRepeated(s.section(), form);
        assertEquals(303, posted.status(), posted.body().substring(0, Math.min(2000, posted.body().length())));
        assertEquals(LEADERSHIP.size(), stored(s.returnId()).size());
    }
}
