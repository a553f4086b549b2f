package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history page reads the typed trail: questions, section titles and statuses in words; what people typed as text. */
@MicronautTest(transactional = false)
class ReturnHistoryWebTest extends ReturnWebTest {
    private static final String HOSTILE_EVIDENCE = "<script>alert('owned')</script> & \"minutes\"";
    private static final String HOSTILE_REASON = "<img src=x onerror=alert(1)> needs the minutes";

    @Test
    void theHistoryShowsEveryKindOfChangeInWordsAndTypedTextAsText() {
        Setup s = setup();
        Fixtures.Person helper = fixtures.person(s.partnership(), Role.CONTRIBUTOR, s.school());
        TestBrowser lead = signedIn(s.lead());
        assertEquals(303, lead.post(s.path() + "/sections/dsl/assign", "assignee", String.valueOf(helper.id())).status());

        assertEquals(303, lead.postRepeated(s.path() + SECTION, form(lead.get(s.path() + SECTION).body(), "governance-accountability", "AMBER",
                "action", "later")).status());
        List<Map.Entry<String, String>> leadership = form(lead.get(s.path() + SECTION).body(), "complete", "true", "action", "later");
        for (String k : LEADERSHIP) {
            leadership.add(Map.entry(k, k.equals("local-arrangements") ? "NA" : "GREEN"));
            leadership.add(Map.entry(k + "-evidence", k.equals("governance-accountability") ? HOSTILE_EVIDENCE : "Evidence for " + k));
        }
        leadership.add(Map.entry("local-arrangements-reason", "We are not in that area"));
        assertEquals(303, lead.postRepeated(s.path() + SECTION, leadership).status());
        completeEverySection(lead, s);
        assertEquals(303, lead.post(s.path() + "/submit", "name", "Dee Esel", "role", "Designated safeguarding lead", "confirm", "true").status());
        TestBrowser admin = signedIn(s.admin());
        assertEquals(303, admin.post(s.path() + "/return-for-changes", "reason", HOSTILE_REASON).status());

        var page = admin.get(s.path() + "/history");
        assertEquals(200, page.status());
        String history = page.body();
        String reference = "AR-%06d-1".formatted(s.returnId());
        assertContains(history,
                "Answer: " + html(question("governance-accountability")),
                "Amber — Partly met – action needed", "Green — Fully met",
                "Not applicable — Does not apply to this organisation\nEvidence: Evidence for local-arrangements\nReason: We are not in that area",
                "Section “Leadership and governance” in progress", "Section “Leadership and governance” completed",
                "Section “The designated safeguarding lead and deputies” assigned", "Nobody", "Person " + helper.email(),
                ">Not started<", ">In progress<", ">Completed<",
                "Return status", ">Submitted<", reference + " by Dee Esel, Designated safeguarding lead",
                ">Returned for changes<", ">" + reference + "<",
                "Person " + s.lead().email(), "Person " + s.admin().email());
        assertTrue(history.indexOf(">Returned for changes<") < history.indexOf("Answer: "), "newest first");

        assertContains(history, "Evidence: &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; &quot;minutes&quot;",
                "&lt;img src=x onerror=alert(1)&gt; needs the minutes");
        assertFalse(history.contains("<script>alert("), "typed text is escaped, never markup");
        assertFalse(history.contains("<img src=x"), "typed text is escaped, never markup");
        for (String code : List.of("IN_PROGRESS", "NOT_STARTED", "COMPLETED", "GREEN", "section status", "section assigned", "reference:")) {
            assertFalse(history.contains(code), () -> "codes are shown in words: " + code);
        }
    }

    /** Text as the page escapes it (FreeMarker's HTML output format). */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private String question(String key) {
        return banks.get("section-175", "2025").question(key).orElseThrow().text();
    }
}
