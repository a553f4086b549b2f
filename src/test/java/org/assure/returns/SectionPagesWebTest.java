package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a section page shows: the completion tick as posted after an error; a read-only return as text; answers in words on the conflict page. */
@MicronautTest(transactional = false)
class SectionPagesWebTest extends ReturnWebTest {
    private static final String TICKED = "id=\"complete\" name=\"complete\" type=\"checkbox\" value=\"true\" checked";

    /** The page as a person reads it: its text without tags. */
    private static String words(String page) {
        return page.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void theCompleteTickStaysAsPostedWhenThePageComesBackWithErrors() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var failed = lead.postRepeated(s.section(), form(lead.get(s.section()).body(), "governance-accountability", "GREEN",
                "complete", "true", "action", "continue"));
        assertEquals(422, failed.status(), failed.body());
        assertContains(failed.body(), "There is a problem", TICKED);

        // fixing the errors from the page as shown (the tick as the browser would post it) completes the section
        List<Map.Entry<String, String>> fixed = asShown(failed.body());
        for (String k : LEADERSHIP) {
            fixed.removeIf(e -> e.getKey().equals(k) || e.getKey().equals(k + "-evidence") || e.getKey().equals(k + "-reason"));
            fixed.add(Map.entry(k, k.equals("local-arrangements") ? "NA" : "GREEN"));
            fixed.add(Map.entry(k + "-evidence", "Evidence for " + k));
        }
        fixed.add(Map.entry("local-arrangements-reason", "We are not in that area"));
        fixed.add(Map.entry("action", "continue"));
        assertEquals(303, lead.postRepeated(s.section(), fixed).status());
        assertContains(lead.get(s.path()).body(), "You have completed 1 of");

        // and a completed section saved unticked with an error comes back unticked, as posted, not as stored
        var unticked = lead.postRepeated(s.section(), form(lead.get(s.section()).body(), "governance-accountability", "RED",
                "governor-training", "MADE_UP", "action", "later"));
        assertEquals(422, unticked.status(), unticked.body());
        assertFalse(unticked.body().contains(TICKED), "the person unticked it");
    }

    @Test
    void aSubmittedReturnShowsItsAnswersAsTextToTheAdminAndTheLead() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        assertEquals(303, lead.postRepeated(s.section(), leadershipComplete(lead.get(s.section()).body(), "later")).status());
        completeEverySection(lead, s);
        assertEquals(303, lead.post(s.path() + "/submit", "name", "Dee Esel", "role", "Designated safeguarding lead", "confirm", "true").status());
        TestBrowser admin = signedIn(s.admin());
        for (TestBrowser who : List.of(admin, lead)) {
            var page = who.get(s.section());
            assertEquals(200, page.status());
            String body = page.body();
            assertContains(body, "submitted, so it can no longer be changed", "govuk-summary-list",
                    "Green — Fully met", "Evidence for governance-accountability");
            for (String control : List.of("<input", "<textarea", "<select", "<form", "<button")) {
                assertFalse(body.substring(body.indexOf("<main"), body.indexOf("</main>")).contains(control), () -> "no live control (" + control + ") on a read-only page");
            }
        }
    }

    @Test
    void anAdminLooksAtAReturnInProgressAsText() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        assertEquals(303, lead.postRepeated(s.section(), form(lead.get(s.section()).body(), "governance-accountability", "AMBER",
                "governance-accountability-evidence", "<script>alert(1)</script>", "action", "later")).status());
        String body = signedIn(s.admin()).get(s.section()).body();
        assertContains(body, "You are looking at this return as a partnership admin", "Amber — Partly met – action needed",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "Not answered");
        assertFalse(body.contains("govuk-radios__input"));
        assertFalse(body.contains("<script>alert(1)"));
        assertFalse(words(body).contains("AMBER"), "the scale's label, not its code");
    }

    @Test
    void theConflictPageShowsBothAnswersInTheScalesWords() {
        Setup s = setup();
        TestBrowser first = signedIn(s.lead());
        TestBrowser second = signedIn(fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, s.school()));
        String firstPage = first.get(s.section()).body();
        String secondPage = second.get(s.section()).body();
        assertEquals(303, first.postRepeated(s.section(), form(firstPage, "governance-accountability", "GREEN", "action", "later")).status());
        var clash = second.postRepeated(s.section(), form(secondPage, "governance-accountability", "RED", "action", "later"));
        assertEquals(409, clash.status(), clash.body());
        String words = words(clash.body());
        assertContains(words, "Yours Red — Not met – immediate action", "Theirs Green — Fully met");
        for (String code : List.of("RED", "GREEN")) {
            assertFalse(words.contains(code), () -> "codes are shown as the scale's labels: " + code);
        }
    }
}
