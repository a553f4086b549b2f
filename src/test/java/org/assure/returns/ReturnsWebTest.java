package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.audit.AuditFields;
import org.assure.organisations.Organisation;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completing a return on the shipped Section 175/157 2025 bank (rating questions on the RAG scale). */
@MicronautTest(transactional = false)
class ReturnsWebTest extends ReturnWebTest {
    @Test
    void partialAnswersSaveAndComeBack() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var tasks = lead.get(s.path());
        assertEquals(200, tasks.status());
        assertContains(tasks.body(), "You have completed 0 of", "Leadership and governance", "Not started");
        var page = lead.get(s.path() + SECTION);
        assertEquals(200, page.status());
        assertContains(page.body(), "Fully met", "Examples of evidence", "Governing board minutes", "govuk-details");
        var saved = lead.postRepeated(s.path() + SECTION, form(page.body(), "governance-accountability", "AMBER",
                "governance-accountability-evidence", "Minutes of March", "action", "later"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(s.path(), saved.location());
        assertContains(lead.get(s.path()).body(), "In progress");
        var again = lead.get(s.path() + SECTION).body();
        assertContains(again, "value=\"AMBER\" checked", "Minutes of March</textarea>", "name=\"governance-accountability-version\" value=\"0\"");
        var cont = lead.postRepeated(s.path() + SECTION, form(again, "governance-accountability", "GREEN", "action", "continue"));
        assertEquals("/returns/" + s.returnId() + "/sections/dsl", cont.location());
        assertContains(lead.get(s.path() + SECTION).body(), "value=\"GREEN\" checked", "name=\"governance-accountability-version\" value=\"1\"");
        assertEquals(ReturnStatus.IN_PROGRESS, row(s.returnId()).status());
        var answers = audit.history(s.partnership().id(), ReturnAudit.KIND, s.returnId()).stream()
                .filter(e -> e.is(ReturnAudit.ANSWER, "governance-accountability")).toList();
        assertEquals(2, answers.size(), answers::toString);
        assertNull(answers.get(0).before(), "a first answer has nothing before it");
        assertEquals(AuditFields.of("rating", "AMBER", "evidence", "Minutes of March"), answers.get(0).after());
        assertEquals(answers.get(0).after(), answers.get(1).before());
        assertEquals(AuditFields.of("rating", "GREEN"), answers.get(1).after(), "the second post had no evidence");
    }

    @Test
    void twoPeopleSavingDifferentSectionsOfOneReturnAtOnceBothSucceed() throws Exception {
        Setup s = setup();
        Fixtures.Person colleague = fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, s.school());
        List<java.util.concurrent.Callable<List<Integer>>> savers = List.of(saver(signedIn(s.lead()), s.path() + SECTION),
                saver(signedIn(colleague), s.path() + "/sections/dsl"));
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (var done : two.invokeAll(savers)) {
                assertEquals(java.util.Collections.nCopies(20, 303), done.get());
            }
        } finally {
            two.shutdown();
        }
    }

    /** Saves every question of a section 20 times, changed each time, reading the page (its versions) in between. */
    private static java.util.concurrent.Callable<List<Integer>> saver(TestBrowser browser, String path) {
        return () -> {
            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                List<Map.Entry<String, String>> f = form(browser.get(path).body());
                for (var version : List.copyOf(f)) {
                    String k = version.getKey().substring(0, version.getKey().length() - "-version".length());
                    f.add(Map.entry(k, round % 2 == 0 ? "GREEN" : "AMBER"));
                    f.add(Map.entry(k + "-evidence", "Round " + round));
                }
                f.add(Map.entry("action", "later"));
                statuses.add(browser.postRepeated(path, f).status());
            }
            return statuses;
        };
    }

    @Test
    void theProgressPageShowsTheShareAnswered() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var page = lead.get(s.path() + SECTION);
        lead.postRepeated(s.path() + SECTION, form(page.body(), "governance-accountability", "GREEN", "action", "later"));
        var bank = banks.get("section-175", "2025");
        long visible = bank.questions().stream().filter(q -> q.showWhen() == null).count();
        TestBrowser admin = signedIn(s.admin());
        Matcher cycle = Pattern.compile("href=\"(/cycles/\\d+)\"").matcher(admin.get("/cycles").body());
        assertTrue(cycle.find());
        assertContains(admin.get(cycle.group(1)).body(), "numeric\">" + Math.round(100f / visible) + "%</td>");
    }

    @Test
    void completingNeedsEvidenceAndReasonsAndKeepsWhatWasTyped() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var page = lead.get(s.path() + SECTION).body();
        List<Map.Entry<String, String>> f = form(page, "complete", "true", "action", "continue",
                "governance-accountability", "GREEN", "safeguarding-governor", "NA", "safeguarding-governor-evidence", "",
                "governor-training", "AMBER", "governor-training-evidence", "Training log");
        var failed = lead.postRepeated(s.path() + SECTION, f);
        assertEquals(422, failed.status(), failed.body());
        assertContains(failed.body(), "There is a problem", "href=\"#governance-accountability-evidence\"",
                "href=\"#safeguarding-governor-reason\"", "href=\"#annual-safeguarding-report\"",
                "Your other answers have been saved", "Training log</textarea>");
        // the valid partial answers were saved
        assertContains(lead.get(s.path() + SECTION).body(), "Training log</textarea>");
        assertContains(lead.get(s.path()).body(), "In progress");

        List<Map.Entry<String, String>> all = form(lead.get(s.path() + SECTION).body(), "complete", "true", "action", "later");
        for (String k : LEADERSHIP) {
            all.add(Map.entry(k, k.equals("local-arrangements") ? "NA" : "GREEN"));
            all.add(Map.entry(k + "-evidence", "Evidence for " + k));
        }
        all.add(Map.entry("local-arrangements-reason", "We are not in that area"));
        var done = lead.postRepeated(s.path() + SECTION, all);
        assertEquals(303, done.status(), done.body());
        assertContains(lead.get(s.path()).body(), "You have completed 1 of", "Completed");
        var events = audit.history(s.partnership().id(), ReturnAudit.KIND, s.returnId());
        var completed = events.stream().filter(e -> e.is(ReturnAudit.SECTION_STATUS, "leadership")
                && AuditFields.status(SectionStatus.COMPLETED).equals(e.after())).toList();
        assertEquals(1, completed.size(), events::toString);
        assertEquals(AuditFields.status(SectionStatus.IN_PROGRESS), completed.get(0).before());
        assertTrue(events.stream().anyMatch(e -> e.is(ReturnAudit.ANSWER, "local-arrangements")
                && AuditFields.of("rating", "NA", "evidence", "Evidence for local-arrangements", "reason", "We are not in that area").equals(e.after())),
                events::toString);
    }

    @Test
    void aClosedCycleRefusesEdits() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String page = lead.get(s.path() + SECTION).body();
        TestBrowser admin = signedIn(s.admin());
        long cycleId = row(s.returnId()).cycleId();
        assertEquals(303, admin.post("/cycles/" + cycleId + "/close").status());
        var refused = lead.postRepeated(s.path() + SECTION, form(page, "governance-accountability", "GREEN", "action", "later"));
        assertEquals(409, refused.status());
        assertContains(refused.body(), "This cycle is closed");
        assertContains(lead.get(s.path()).body(), "This cycle is closed");
    }

    @Test
    void othersGet404() {
        Setup s = setup();
        Organisation other = fixtures.school(s.partnership());
        TestBrowser otherLead = signedIn(fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, other));
        assertEquals(404, otherLead.get(s.path()).status());
        assertEquals(404, otherLead.get(s.path() + SECTION).status());
        assertEquals(404, otherLead.postRepeated(s.path() + SECTION, form("", "governance-accountability", "RED")).status());
        TestBrowser otherAdmin = signedIn(fixtures.admin(fixtures.partnership()));
        assertEquals(404, otherAdmin.get(s.path()).status());
        assertEquals(404, otherAdmin.get(s.path() + SECTION).status());
        assertEquals(200, signedIn(s.admin()).get(s.path()).status());
        assertEquals(404, signedIn(s.lead()).get(s.path() + "/sections/no-such-section").status());
    }

    @Test
    void twoPeopleSavingTheSameAnswerSeeAConflict() {
        Setup s = setup();
        TestBrowser first = signedIn(s.lead());
        TestBrowser second = signedIn(fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, s.school()));
        String firstPage = first.get(s.path() + SECTION).body();
        String secondPage = second.get(s.path() + SECTION).body();
        assertEquals(303, first.postRepeated(s.path() + SECTION, form(firstPage, "governance-accountability", "GREEN", "action", "later")).status());
        var clash = second.postRepeated(s.path() + SECTION, form(secondPage, "governance-accountability", "RED",
                "governance-accountability-evidence", "Mine", "action", "later"));
        assertEquals(409, clash.status(), clash.body());
        assertContains(clash.body(), "Someone else changed these answers", "Red — Not met – immediate action", "Green — Fully met", "Saved by Person organisation.lead", "Keep mine", "Keep theirs");
        assertContains(first.get(s.path() + SECTION).body(), "value=\"GREEN\" checked");

        List<Map.Entry<String, String>> choice = new ArrayList<>(hidden(clash.body()));
        choice.add(Map.entry("governance-accountability-choice", "mine"));
        var resolved = second.postRepeated(s.path() + SECTION + "/resolve", choice);
        assertEquals(303, resolved.status(), resolved.body());
        assertContains(second.get(s.path() + SECTION).body(), "value=\"RED\" checked", "Mine</textarea>");
    }

    @Test
    void aSubmittedReturnRefusesEdits() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String page = lead.get(s.path() + SECTION).body();
        forceStatus(s.returnId(), ReturnStatus.SUBMITTED);
        var refused = lead.postRepeated(s.path() + SECTION, form(page, "governance-accountability", "GREEN", "action", "later"));
        assertEquals(409, refused.status());
        assertContains(refused.body(), "submitted, so it can no longer be changed");
        assertFalse(lead.get(s.path() + SECTION).body().contains("Save and continue"));
    }
}
