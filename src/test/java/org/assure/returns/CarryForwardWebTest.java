package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.banks.BankModel;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.ReturnFilling;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A school that submitted on the 2024 bank opens the 2025 cycle with its answers carried forward through
 * the lineage; each must be confirmed or changed before its section completes.
 */
@MicronautTest(transactional = false)
class CarryForwardWebTest extends ReturnWebTest {
    @jakarta.inject.Inject
    ReturnRepositories.Answers answers;

    @Test
    void answersCarryForwardThroughLineageAndMustBeConfirmed() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        BankModel.Version v2024 = banks.get("section-175", "2024");
        BankModel.Version v2025 = banks.get("section-175", "2025");

        Opened last = openCycle(admin, lead, "section-175/2024", null);
        String lastPath = "/returns/" + last.returnId();
        TestBrowser leadBrowser = signedIn(lead);
        ReturnFilling.completeEverySection(leadBrowser, lastPath, v2024);
        // one of the two lettings questions 2025 merges is rated differently, so the merge cannot pick a rating
        String premises = leadBrowser.get(lastPath + "/sections/premises").body();
        assertEquals(303, leadBrowser.postRepeated(lastPath + "/sections/premises", asShown(premises, "complete", "true", "action", "later",
                "lettings-provider-checks", "AMBER", "lettings-provider-checks-evidence", "Checks are patchy")).status());
        ReturnFilling.writeMissingActions(leadBrowser, lastPath);
        leadBrowser.get(lastPath + "/check");
        assertEquals(303, leadBrowser.post(lastPath + "/submit", "name", "Dee Esel", "role", "DSL", "confirm", "true").status());
        assertEquals(303, signedIn(admin).post("/cycles/" + last.cycleId() + "/close").status());

        Opened now = openCycle(admin, lead, "section-175/2025", null);
        String path = "/returns/" + now.returnId();
        String tasks = leadBrowser.get(path).body();
        assertContains(tasks, "carried forward answers to check and confirm", "Status: Not started");

        // same key: the answer and evidence come across, marked, and the section will not complete unconfirmed
        String leadership = leadBrowser.get(path + SECTION).body();
        assertContains(leadership, "Carried forward — check and confirm", "answers were carried forward from your last submission",
                "value=\"GREEN\" checked", "Evidence for governance-accountability</textarea>", "governance-accountability-confirm");
        var unconfirmed = leadBrowser.postRepeated(path + SECTION, asShown(leadership, "complete", "true", "action", "later"));
        assertEquals(422, unconfirmed.status());
        assertContains(unconfirmed.body(), "href=\"#governance-accountability-confirm\"",
                "Check the answer carried forward to question 1, then confirm it or change it");

        // a tick posted after the session expired comes back ticked, to save again
        clock.advance(java.time.Duration.ofMinutes(31));
        var expired = leadBrowser.postRepeated(path + SECTION, asShown(leadership, "action", "later", "governance-accountability-confirm", "true"));
        assertEquals(303, expired.status());
        assertTrue(expired.location().startsWith("/sign-in"), expired.location());
        assertEquals(303, leadBrowser.post("/sign-in", "email", lead.email(), "password", Fixtures.PASSWORD, "next", path + SECTION).status());
        assertContains(leadBrowser.get(path + SECTION).body(), "id=\"governance-accountability-confirm\" name=\"governance-accountability-confirm\" type=\"checkbox\" value=\"true\" checked");

        // confirm all but one, change that one: the section completes
        List<Map.Entry<String, String>> f = asShown(leadBrowser.get(path + SECTION).body(), "complete", "true", "action", "later",
                "governance-accountability", "AMBER");
        for (String k : LEADERSHIP) {
            if (!k.equals("governance-accountability")) {
                f.add(Map.entry(k + "-confirm", "true"));
            }
        }
        var done = leadBrowser.postRepeated(path + SECTION, f);
        assertEquals(303, done.status(), done.body());
        String after = leadBrowser.get(path + SECTION).body();
        assertFalse(after.contains("Carried forward — check and confirm"));
        assertContains(after, "value=\"AMBER\" checked");
        var events = audit.history(p.id(), ReturnAudit.KIND, now.returnId());
        var carried = events.stream().filter(e -> e.is(ReturnAudit.CARRIED_FORWARD)).findFirst().orElseThrow(() -> new AssertionError(events));
        assertNull(carried.accountId(), "carried forward by Assure itself");
        assertTrue(carried.after().get(ReturnAudit.REFERENCE).matches("AR-\\d{6}-1"), carried::toString);
        var confirmed = events.stream().filter(e -> e.is(ReturnAudit.CONFIRMED, "safeguarding-governor")).findFirst()
                .orElseThrow(() -> new AssertionError(events));
        assertEquals(confirmed.before(), confirmed.after(), "confirming keeps the answer as it was");

        // split: each part starts from the old answer; merged with disagreeing ratings: evidence only, rating to choose
        BankModel.Question split = v2025.questions().stream().filter(q -> "filtering-monitoring".equals(q.splitFrom())).findFirst().orElseThrow();
        String online = leadBrowser.get(path + "/sections/online-safety").body();
        assertContains(online, "name=\"" + split.key() + "\" type=\"radio\" value=\"GREEN\" checked", "Evidence for filtering-monitoring</textarea>");
        BankModel.Question merged = v2025.questions().stream().filter(q -> q.replaces().contains("lettings-provider-checks")).findFirst().orElseThrow();
        String premisesNow = leadBrowser.get(path + "/sections/premises").body();
        assertFalse(premisesNow.contains("name=\"" + merged.key() + "\" type=\"radio\" value=\"GREEN\" checked"));
        assertContains(premisesNow, "Checks are patchy", "Evidence for lettings-safeguarding-clauses");
        // renamed (replaces one old key): carried too
        BankModel.Question renamed = v2025.questions().stream().filter(q -> q.replaces().equals(List.of("persistent-absence"))).findFirst().orElseThrow();
        assertContains(leadBrowser.get(path + "/sections/attendance").body(), "Evidence for persistent-absence</textarea>", renamed.key() + "-confirm");
        assertTrue(v2024.question(renamed.key()).isEmpty(), "a real rename");
    }

    /**
     * Issue 10: last year's KCSIE 2025 answers open this year's KCSIE 2026 return. A split question starts from the answer
     * it came from; a question marked carry-forward: false starts blank; a statutory requirement offers no "not applicable"
     * (and refuses a crafted one); a local expectation says so on the page.
     */
    @Test
    void from2025To2026SplitsCarryAFreshQuestionStartsBlankAndStatutoryRequirementsRefuseNotApplicable() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        BankModel.Version v2025 = banks.get("section-175", "2025");

        Opened last = openCycle(admin, lead, "section-175/2025", null);
        String lastPath = "/returns/" + last.returnId();
        TestBrowser leadBrowser = signedIn(lead);
        ReturnFilling.completeEverySection(leadBrowser, lastPath, v2025);
        assertEquals(303, leadBrowser.post(lastPath + "/submit", "name", "Dee Esel", "role", "DSL", "confirm", "true").status());
        assertEquals(303, signedIn(admin).post("/cycles/" + last.cycleId() + "/close").status());

        Opened now = openCycle(admin, lead, "section-175/2026", null);
        String path = "/returns/" + now.returnId();
        String leadership = leadBrowser.get(path + SECTION).body();
        // governor-training was split in two: both parts start from last year's answer, to be confirmed
        for (String part : List.of("governor-training-induction", "governor-training-updated")) {
            assertContains(leadership, "name=\"" + part + "\" type=\"radio\" value=\"GREEN\" checked", part + "-confirm",
                    "Evidence for governor-training</textarea>");
        }
        assertContains(leadership, "Local expectation", "not a requirement of the statutory guidance");

        // attendance-support answers a different expectation from 2024's: answered afresh, not confirmed
        String attendance = leadBrowser.get(path + "/sections/attendance").body();
        assertFalse(attendance.contains("attendance-support-confirm"), "nothing carried into attendance-support");
        assertFalse(attendance.contains("name=\"attendance-support\" type=\"radio\" value=\"GREEN\" checked"));

        // the DSL's appointment is a requirement on every school: no N/A radio, and a crafted N/A is refused on the question
        String dsl = leadBrowser.get(path + "/sections/dsl").body();
        int start = dsl.indexOf("name=\"dsl-senior-appointed-version\"");
        int end = dsl.indexOf("-version\"", start + 40);
        String question = dsl.substring(start, end);
        assertTrue(question.contains("value=\"RED\""), "the other ratings are offered");
        assertFalse(question.contains("value=\"NA\""), "not applicable is not offered");
        var crafted = leadBrowser.postRepeated(path + "/sections/dsl", asShown(dsl, "action", "later", "dsl-senior-appointed", "NA"));
        assertEquals(422, crafted.status());
        assertContains(crafted.body(), "Not applicable is not an answer to question 1: it is a requirement for everyone asked it");
        assertEquals("GREEN", answers.findByReturnId(now.returnId()).stream().filter(x -> x.questionKey().equals("dsl-senior-appointed"))
                .findFirst().orElseThrow().rating(), "the carried answer is untouched by the refused post");
    }

    @Test
    void withoutAnEarlierSubmissionNothingIsCarried() {
        Setup s = setup();
        assertFalse(signedIn(s.lead()).get(s.path()).body().contains("carried forward"));
    }

    @Test
    void mergingKeepsARatingOnlyWhenTheOldAnswersAgree() {
        BankModel.Version v2024 = banks.get("section-175", "2024");
        BankModel.Question q = banks.get("section-175", "2025").questions().stream()
                .filter(x -> x.replaces().size() == 2).findFirst().orElseThrow();
        var agree = List.of(new SubmittedAnswer(null, 1, q.replaces().get(0), "GREEN", null, "A", null),
                new SubmittedAnswer(null, 1, q.replaces().get(1), "GREEN", null, "B", null));
        ReturnAnswer both = CarryForward.combine(9, q, v2024.scale(), agree, v2024, Instant.EPOCH);
        assertEquals("GREEN", both.rating());
        assertTrue(both.carriedForward());
        assertTrue(both.evidence().contains(": A") && both.evidence().contains(": B"), both.evidence());
        var differ = List.of(agree.get(0), new SubmittedAnswer(null, 1, q.replaces().get(1), "RED", null, null, null));
        ReturnAnswer split = CarryForward.combine(9, q, v2024.scale(), differ, v2024, Instant.EPOCH);
        assertNull(split.rating());
        assertEquals("A", split.evidence().replaceAll("(?s).*: ", ""));
        var nothing = List.of(new SubmittedAnswer(null, 1, q.replaces().get(0), null, null, null, null));
        assertNull(CarryForward.combine(9, q, v2024.scale(), nothing, v2024, Instant.EPOCH));
    }
}
