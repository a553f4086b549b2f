package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assure.returns.ReturnsWebTest.assertContains;
import static org.assure.returns.ReturnsWebTest.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every question type, conditional questions and section audiences, on a small bank of the test's own. */
@MicronautTest(transactional = false)
class QuestionTypesWebTest extends WebTest {
    static final String RAG = """
            name: rag
            title: Red, amber, green
            ratings:
              - {code: GREEN, label: Green, description: Fully met, colour: "#00703c", compliant: true, evidence: required, action: false}
              - {code: RED, label: Red, description: Not met, colour: "#d4351c", compliant: false, evidence: required, action: true}
              - {code: NA, label: Not applicable, description: Does not apply, colour: "#505a5f", compliant: true, evidence: none, action: false, not-applicable: true, reason: required}
            """;
    static final String BANK = """
            bank: typesdemo
            title: Types demo
            version: "2025"
            guidance: Types guidance
            effective-from: 2025-09-01
            audience:
              kinds: [SCHOOL]
            scale: rag
            sections:
              - key: basics
                title: Basics
                questions:
                  - key: has-boarding
                    text: Do you board pupils?
                    type: yes-no
                  - key: boarding-standards
                    text: Boarding standards are met.
                    type: rating
                    show-when:
                      question: has-boarding
                      equals: [YES]
                  - key: pupils
                    text: How many pupils are on roll?
                    type: number
                  - key: last-review
                    text: When was the policy last reviewed?
                    type: date
                  - key: cover
                    text: Who covers the DSL?
                    type: multiple-choice
                    options:
                      - {code: DEPUTY, label: A deputy}
                      - {code: HEAD, label: The head}
                  - key: notes
                    text: Anything else?
                    type: long-text
                    required: false
              - key: academies-only
                title: Academies only
                applies-to:
                  categories: [ACADEMY]
                questions:
                  - key: trust
                    text: Name the trust.
                    type: short-text
            """;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("banks");
            Files.createDirectories(dir.resolve("scales"));
            Files.createDirectories(dir.resolve("typesdemo"));
            Files.writeString(dir.resolve("scales/rag.yaml"), RAG);
            Files.writeString(dir.resolve("typesdemo/2025.yaml"), BANK);
            Map<String, String> p = new HashMap<>(super.getProperties());
            p.put("assure.banks-dir", dir.toString());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void conditionalQuestionsAppearAfterSavingAndTypesAreChecked() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        TestBrowser admin = signedIn(fixtures.admin(p));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("name", "Types " + Fixtures.next()),
                Map.entry("bank", "typesdemo/2025"), Map.entry("audience", "TYPES"), Map.entry("kinds", "SCHOOL"),
                // opened two days ago on purpose: the admin confirms the past date (ADR 0025)
                Map.entry("pastDatesConfirmed", "true")));
        for (var d : Map.of("opens", today.minusDays(2), "deadline", today).entrySet()) {
            f.add(Map.entry(d.getKey() + "Day", String.valueOf(d.getValue().getDayOfMonth())));
            f.add(Map.entry(d.getKey() + "Month", String.valueOf(d.getValue().getMonthValue())));
            f.add(Map.entry(d.getKey() + "Year", String.valueOf(d.getValue().getYear())));
        }
        var created = admin.postRepeated("/cycles", f);
        assertEquals(303, created.status(), created.body());
        long cycleId = Long.parseLong(created.location().substring("/cycles/".length(), created.location().indexOf('?')));
        assertEquals(303, admin.post("/cycles/" + cycleId + "/open").status());

        TestBrowser lead = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, school));
        String dashboard = lead.get("/").body();
        assertContains(dashboard, "due today");
        Matcher m = Pattern.compile("href=\"(/returns/\\d+)\"").matcher(dashboard);
        assertTrue(m.find());
        String path = m.group(1);
        String tasks = lead.get(path).body();
        assertContains(tasks, "Basics", "You have completed 0 of 1 sections");
        assertFalse(tasks.contains("Academies only"), "a maintained school does not see the academies' section");
        assertEquals(404, lead.get(path + "/sections/academies-only").status());

        String page = lead.get(path + "/sections/basics").body();
        assertContains(page, "More questions may appear after you save", "inputmode=\"numeric\"", "id=\"last-review-day\"", "type=\"checkbox\" value=\"HEAD\"");
        assertFalse(page.contains("Boarding standards are met."));

        List<Map.Entry<String, String>> bad = form(page, "has-boarding", "YES", "pupils", "lots", "last-review-day", "31",
                "last-review-month", "2", "last-review-year", "2025", "cover", "DEPUTY", "cover", "HEAD", "action", "later");
        var invalid = lead.postRepeated(path + "/sections/basics", bad);
        assertEquals(422, invalid.status(), invalid.body());
        assertContains(invalid.body(), "href=\"#pupils\"", "href=\"#last-review-day\"", "value=\"lots\"", "value=\"31\"",
                "value=\"DEPUTY\" checked", "value=\"HEAD\" checked", "Your other answers have been saved");

        String after = lead.get(path + "/sections/basics").body();
        assertContains(after, "Boarding standards are met.", "value=\"YES\" checked", "value=\"HEAD\" checked");
        assertFalse(after.contains("value=\"lots\""), "a number that does not parse is not saved");

        var incomplete = lead.postRepeated(path + "/sections/basics", form(after, "has-boarding", "YES", "pupils", "120",
                "last-review-day", "1", "last-review-month", "3", "last-review-year", "2025", "cover", "HEAD",
                "boarding-standards", "NA", "complete", "true", "action", "continue"));
        assertEquals(422, incomplete.status());
        assertContains(incomplete.body(), "href=\"#boarding-standards-reason\"");
        var complete = lead.postRepeated(path + "/sections/basics", form(incomplete.body(), "has-boarding", "YES", "pupils", "120",
                "last-review-day", "1", "last-review-month", "3", "last-review-year", "2025", "cover", "HEAD",
                "boarding-standards", "NA", "boarding-standards-reason", "No boarders this year", "complete", "true", "action", "continue"));
        assertEquals(303, complete.status(), complete.body());
        assertEquals(path, complete.location(), "the last section continues to the task list");
        assertContains(lead.get(path).body(), "You have completed 1 of 1 sections");
    }
}
