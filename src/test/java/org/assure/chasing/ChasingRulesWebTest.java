package org.assure.chasing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.audit.AuditTrail;
import org.assure.chasing.ChasedCycles.Chased;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules page refuses what a person mistypes and what an attacker crafts, each with a message on its field and
 * the typed values kept, saving nothing; a double click saves once; another partnership's cycle is not found and
 * a lead is refused.
 */
@MicronautTest(transactional = false)
class ChasingRulesWebTest extends WebTest {
    @Inject
    ChasedCycles chased;
    @Inject
    RulesStore rules;
    @Inject
    AuditTrail audit;

    private static String path(Chased c) {
        return "/cycles/" + c.cycleId() + "/chasing/rules";
    }

    /** The form as the page shows it, with these fields changed. */
    private static List<Map.Entry<String, String>> form(TestBrowser admin, Chased c, String... changes) {
        return new ArrayList<>(RulesFormTestData.defaultsWith(admin.get(path(c)).body(), changes));
    }

    private int changes(Chased c) {
        return (int) audit.history(c.p().id(), ChasingAudit.RULES_CHANGED.kind(), c.cycleId()).stream()
                .filter(e -> e.is(ChasingAudit.RULES_CHANGED)).count();
    }

    /** Refused with this message on this field (and in the summary, linked to it), the page re-shown with what was typed. */
    private static void refused(TestBrowser.Page page, String field, String message, String... kept) {
        assertEquals(422, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("<a href=\"#" + field + "\">" + message), "in the summary: " + message + "\n" + body);
        assertTrue(body.contains("<p id=\"" + field + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> "
                + message), "on its field " + field + ": " + body);
        for (String k : kept) {
            assertTrue(body.contains(k), "kept: " + k + "\n" + body);
        }
        assertFalse(body.contains("Exception") || body.contains("at org.assure"), "no stack trace: " + body);
    }

    @Test
    void eachBadValueIsRefusedOnItsFieldWithWhatWasTypedKeptAndNothingSaved() {
        Chased c = chased.cycle();
        TestBrowser admin = signedIn(c.admin());
        String days = "Enter reminder days as whole numbers from 1 to 365, separated by commas, like 28, 14, 7, 1";
        refused(admin.postRepeated(path(c), form(admin, c, "reminders", "28, 14, seven")), "reminders", days, "value=\"28, 14, seven\"");
        refused(admin.postRepeated(path(c), form(admin, c, "reminders", "28, 0")), "reminders", days, "value=\"28, 0\"");
        String cap = "Enter how many emails one person may get from this cycle in a week, from 1 to 14";
        refused(admin.postRepeated(path(c), form(admin, c, "weeklyCap", "0")), "weeklyCap", cap, "value=\"0\"");
        refused(admin.postRepeated(path(c), form(admin, c, "weeklyCap", "99")), "weeklyCap", cap, "value=\"99\"");
        refused(admin.postRepeated(path(c), form(admin, c, "threshold", "-1")), "threshold",
                "Enter the threshold as a whole number from 0 to 1000, or leave it blank to turn it off", "value=\"-1\"");
        refused(admin.postRepeated(path(c), form(admin, c, "critical", "governance-accountability\nno-such-question")), "critical",
                "&#39;no-such-question&#39; is not a rating question of section-175/2025: give the keys shown on the bank&#39;s page, one a line",
                "governance-accountability\nno-such-question</textarea>");
        refused(admin.postRepeated(path(c), form(admin, c, "critical", "has-early-years")), "critical",
                "&#39;has-early-years&#39; is not a rating question of section-175/2025", "has-early-years</textarea>");

        List<Map.Entry<String, String>> nobody = form(admin, c, "school-2-subject", "Chair, please act");
        nobody.removeIf(e -> e.getKey().equals("school-2-to"));
        refused(admin.postRepeated(path(c), nobody), "school-2-to", "Schools and colleges, step 2: choose who the step writes to",
                "value=\"Chair, please act\"");

        List<Map.Entry<String, String>> crafted = form(admin, c);
        crafted.add(Map.entry("school-1-to", "PARTNERSHIP_ADMIN\"><script>alert(1)</script>"));
        TestBrowser.Page craftedPage = admin.postRepeated(path(c), crafted);
        refused(craftedPage, "school-1-to", "Schools and colleges, step 1: choose only the people listed");
        assertFalse(craftedPage.body().contains("<script>alert(1)"), craftedPage.body());

        String longSubject = "Late: ".repeat(25) + "x";
        refused(admin.postRepeated(path(c), form(admin, c, "agency-2-subject", longSubject)), "agency-2-subject",
                "Agencies, step 2: enter the email&#39;s subject, 150 characters or fewer", "value=\"" + longSubject + "\"");

        assertFalse(rules.of(c.cycleId()).saved(), "still the defaults");
        assertEquals(0, changes(c), "nothing saved, nothing audited");
        String shown = admin.get(path(c)).body();
        assertTrue(shown.contains("name=\"reminders\" type=\"text\" value=\"28, 14, 7, 1\"")
                && shown.contains("name=\"weeklyCap\" type=\"text\" value=\"3\""), shown);
    }

    @Test
    void aDoubleClickSavesOnceAndBothPostsLeadToTheChasingPage() {
        Chased c = chased.cycle();
        TestBrowser admin = signedIn(c.admin());
        List<Map.Entry<String, String>> fields = form(admin, c, "weeklyCap", "2", "reminders", "10, 3");
        fields.add(Map.entry("_form", admin.formId(path(c))));
        TestBrowser second = admin.twin();
        TestBrowser.Page first = admin.postRepeated(path(c), fields);
        TestBrowser.Page again = second.postRepeated(path(c), fields);
        assertEquals(303, first.status(), first.body());
        assertEquals(303, again.status(), again.body());
        assertEquals(first.location(), again.location());
        assertEquals(1, changes(c), "one change");
        ChasingRules saved = rules.of(c.cycleId());
        assertEquals(2, saved.weeklyCap());
        assertEquals(List.of(10, 3), saved.reminderDays());
        assertEquals(ChasingRules.SCHOOL_LADDER.size(), saved.ladderFor(org.assure.organisations.OrganisationKind.SCHOOL).size(),
                "the blank step to add is not added");
    }

    @Test
    void anotherPartnershipsCycleIsNotFoundAndALeadIsRefused() {
        Chased c = chased.cycle();
        Chased other = chased.cycle();
        TestBrowser otherAdmin = signedIn(other.admin());
        List<Map.Entry<String, String>> fields = form(otherAdmin, other, "weeklyCap", "5");
        assertEquals(404, otherAdmin.get(path(c)).status());
        assertEquals(404, otherAdmin.postRepeated(path(c), fields).status());
        assertEquals(404, otherAdmin.get("/cycles/" + (c.cycleId() + 100000) + "/chasing/rules").status(), "a cycle that does not exist");

        TestBrowser lead = signedIn(c.lead());
        assertEquals(403, lead.get(path(c)).status());
        assertEquals(403, lead.postRepeated(path(c), fields).status());
        TestBrowser contributor = signedIn(fixtures.person(c.p(), Role.CONTRIBUTOR, c.school()));
        assertEquals(403, contributor.postRepeated(path(c), fields).status());
        assertFalse(rules.of(c.cycleId()).saved());
        assertEquals(0, changes(c));
    }
}
