package org.assure.reports;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.demo.WholeReturns;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.returns.AnswerInput;
import org.assure.returns.SectionForm;
import org.assure.returns.SectionPages;
import org.assure.returns.SectionSaving;
import org.assure.returns.Submissions;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Year on year and the reports index against a hand-counted fixture: four agencies submit a section 11 2018 cycle and a
 * 2023 one. 2023 renamed leadership-partnership-engagement, merged training-compliance with training-refresh and split
 * accountability-named-lead in two. Every rated question is Green except (agencies A, B, C, D):
 * <pre>
 * 2018 leadership-partnership-engagement   G G A R    2 of 4 = 50%
 *      training-compliance                 G R R NA   } pooled: 4 of 7 = 57%, 1 not applicable
 *      training-refresh                    G G A G    }
 *      accountability-named-lead           G R R R    1 of 4 = 25%
 * 2023 leadership-strategic-partnership-role (renamed)   G G G NA   3 of 3 = 100%: +50, improved
 *      training-completion-and-refresh (merged)         G R R R    1 of 4 = 25%:  -32, worse
 *      accountability-named-lead-role (split)            G G R R    2 of 4 = 50%:  +25, improved
 *      accountability-named-lead-capacity (split)        G R R R    1 of 4 = 25%:    0, same
 * </pre>
 * Sections: leadership 2018 has 7 rated questions (28 answers, 2 not compliant: 26 of 28 = 93%); its 2023 questions
 * descending from them are 7 (28 answers, 1 not applicable, all Green: 27 of 27 = 100%), the eighth is added.
 * Accountability 2018: 6 questions, 24 answers, 3 Red: 21 of 24 = 88%; 2023: 7 questions, 28 answers, 5 Red: 23 of 28 = 82%.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearOnYearWebTest extends WebTest {
    @Inject
    CycleService cycles;
    @Inject
    WholeReturns wholeReturns;
    @Inject
    SectionPages pages;
    @Inject
    SectionSaving saving;
    @Inject
    Submissions submissions;
    @Inject
    QuestionBanks banks;

    Partnership p;
    Fixtures.Person admin;
    Fixtures.Person viewer;
    Fixtures.Person lead;
    Fixtures.Person panelMember;
    List<Organisation> agencies = new ArrayList<>();
    long cycle2018;
    long cycle2023;
    long schoolsCycle;
    long otherPartnershipsCycle;
    String otherCycleName;

    @BeforeAll
    void world() {
        p = fixtures.partnership();
        admin = fixtures.admin(p);
        viewer = fixtures.person(p, Role.BOARD_VIEWER);
        panelMember = fixtures.person(p, Role.PANEL_MEMBER);
        for (int i = 0; i < 4; i++) {
            agencies.add(fixtures.agency(p));
        }
        lead = fixtures.person(p, Role.ORGANISATION_LEAD, agencies.get(0));
        CurrentUser adminUser = adminOf(p, admin);
        cycle2018 = open(adminUser, "Section 11 2024 " + Fixtures.next(), "section-11/2018", agencies);
        submitAll(cycle2018, "2018", Map.of(
                "leadership-partnership-engagement", new String[]{"GREEN", "GREEN", "AMBER", "RED"},
                "training-compliance", new String[]{"GREEN", "RED", "RED", "NA"},
                "training-refresh", new String[]{"GREEN", "GREEN", "AMBER", "GREEN"},
                "accountability-named-lead", new String[]{"GREEN", "RED", "RED", "RED"}));
        schoolsCycle = open(adminUser, "Schools 2025 " + Fixtures.next(), "section-175/2025", List.of(fixtures.school(p)));
        cycle2023 = open(adminUser, "Section 11 2025 " + Fixtures.next(), "section-11/2023", agencies);
        submitAll(cycle2023, "2023", Map.of(
                "leadership-strategic-partnership-role", new String[]{"GREEN", "GREEN", "GREEN", "NA"},
                "training-completion-and-refresh", new String[]{"GREEN", "RED", "RED", "RED"},
                "accountability-named-lead-role", new String[]{"GREEN", "GREEN", "RED", "RED"},
                "accountability-named-lead-capacity", new String[]{"GREEN", "RED", "RED", "RED"}));

        Partnership other = fixtures.partnership();
        otherCycleName = "Elsewhere secret cycle " + Fixtures.next();
        otherPartnershipsCycle = open(adminOf(other, fixtures.admin(other)), otherCycleName, "section-11/2018", List.of(fixtures.agency(other)));
    }

    private static CurrentUser adminOf(Partnership partnership, Fixtures.Person person) {
        return new CurrentUser(person.id(), partnership.id(), partnership.name(), person.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
    }

    private long open(CurrentUser adminUser, String name, String bank, List<Organisation> organisations) {
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(10);
        return cycles.createAndOpen(adminUser, new CycleForms.CycleForm(name, bank, "CHOSEN", List.of(), List.of(), List.of(),
                organisations.stream().map(o -> String.valueOf(o.id())).toList(), str(today.getDayOfMonth()), str(today.getMonthValue()),
                str(today.getYear()), str(deadline.getDayOfMonth()), str(deadline.getMonthValue()), str(deadline.getYear()), null, null, null,
                null, null, null, null));
    }

    /** Every agency submits: every rated question Green but those given, agency i taking the i-th rating. */
    private void submitAll(long cycleId, String version, Map<String, String[]> chosen) {
        BankModel.Version bank = banks.get("section-11", version);
        for (int i = 0; i < agencies.size(); i++) {
            Organisation agency = agencies.get(i);
            Fixtures.Person leadOf = fixtures.person(p, Role.ORGANISATION_LEAD, agency);
            CurrentUser user = new CurrentUser(leadOf.id(), p.id(), p.name(), leadOf.email(), "Lead", Set.of(Roles.LEAD), Set.of(agency.id()));
            long returnId = cycles.returnOf(cycleId, agency.id()).orElseThrow();
            Map<String, String> ratings = new HashMap<>();
            List<String> notApplicable = new ArrayList<>();
            for (BankModel.Question q : bank.questions()) {
                if (q.type() == BankModel.QuestionType.RATING) {
                    String rating = chosen.containsKey(q.key()) ? chosen.get(q.key())[i] : "GREEN";
                    if (rating.equals("NA")) {
                        notApplicable.add(q.key());
                    } else {
                        ratings.put(q.key(), rating);
                    }
                }
            }
            wholeReturns.complete(user, returnId, 0, ratings);
            for (String key : notApplicable) {
                // not applicable takes a reason the demo's answers do not give, so it has its own save
                String section = bank.sectionOfQuestion().get(key).key();
                var view = pages.section(user, returnId, section).questions().stream().filter(v -> v.question().key().equals(key)).findFirst().orElseThrow();
                AnswerInput answer = new AnswerInput("NA", List.of(), "", "This organisation does not do this work.", "", "", "", view.entry().version(), true);
                var saved = saving.save(user, returnId, section, new SectionForm(Map.of(key, answer), true, SectionForm.Next.LATER));
                assertTrue(saved.errors().isEmpty(), "saved not applicable: " + saved.errors());
            }
            wholeReturns.writeActions(user, returnId, Dates.today(clock));
            var done = submissions.submit(user, returnId, new Submissions.DeclarationForm("Dee Esel", "DSL", "true"), FormErrors.none());
            assertTrue(done.isValid(), "submitted");
        }
    }

    private static String str(long n) {
        return String.valueOf(n);
    }

    private String yearOnYear() {
        return page(viewer, "/reports/year-on-year?from=" + cycle2018 + "&to=" + cycle2023, 200);
    }

    private String page(Fixtures.Person who, String path, int status) {
        TestBrowser.Page page = signedIn(who).get(path);
        assertEquals(status, page.status(), path + ": " + page.body());
        return page.body();
    }

    /** The cells of the table row with this id, as text. */
    private static List<String> row(String html, String id) {
        Matcher m = Pattern.compile("<tr class=\"govuk-table__row\" id=\"" + Pattern.quote(id) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a row " + id);
        List<String> cells = new ArrayList<>();
        Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(m.group(1));
        while (td.find()) {
            cells.add(TestBrowser.unescape(td.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip()));
        }
        return cells;
    }

    @Test
    void aRenamedQuestionIsComparedWithItsOldSelfNotApplicableLeftOut() {
        List<String> cells = row(yearOnYear(), "q-leadership-strategic-partnership-role");
        assertTrue(cells.get(0).startsWith("Renamed from: "), cells.get(0));
        assertEquals(List.of("50% (2 of 4)", "100% (3 of 3)", "+50", "Improved", "0, 1"), cells.subList(1, 6));
    }

    @Test
    void aMergedQuestionIsComparedWithItsOldQuestionsPooled() {
        List<String> cells = row(yearOnYear(), "q-training-completion-and-refresh");
        assertTrue(cells.get(0).startsWith("Merged from: ") && cells.get(0).contains("; "), "both old questions named: " + cells.get(0));
        assertEquals(List.of("57% (4 of 7)", "25% (1 of 4)", "-32", "Worse", "1, 0"), cells.subList(1, 6));
    }

    @Test
    void eachPartOfASplitIsComparedWithTheWholeOldQuestion() {
        String html = yearOnYear();
        List<String> role = row(html, "q-accountability-named-lead-role");
        assertTrue(role.get(0).startsWith("Split from: "), role.get(0));
        assertEquals(List.of("25% (1 of 4)", "50% (2 of 4)", "+25", "Improved", "0, 0"), role.subList(1, 6));
        assertEquals(List.of("25% (1 of 4)", "25% (1 of 4)", "0", "Same", "0, 0"), row(html, "q-accountability-named-lead-capacity").subList(1, 6));
        String reshaped = html.substring(html.indexOf("id=\"reshaped-list\""), html.indexOf("id=\"unmatched\""));
        assertTrue(reshaped.contains("Split: ") && reshaped.contains("each later question is compared with the whole earlier question"), reshaped);
        assertTrue(reshaped.contains("Merged: "), reshaped);
    }

    @Test
    void anUnchangedQuestionIsTheSame() {
        List<String> cells = row(yearOnYear(), "q-leadership-named-board-lead");
        assertEquals(List.of("The same question", "100% (4 of 4)", "100% (4 of 4)", "0", "Same", "0, 0"), cells);
    }

    @Test
    void sectionsPoolTheirQuestionsAndTheDistinctQuestionsTheyDescendFrom() {
        String html = yearOnYear();
        assertEquals(List.of("93% (26 of 28)", "100% (27 of 27)", "+7", "1, 0, 6"), row(html, "section-1"));
        assertEquals(List.of("88% (21 of 24)", "82% (23 of 28)", "-6", "1, 0, 6"), row(html, "section-3"));
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertTrue(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"sections-title sections-desc\""), "an accessible chart");
        assertTrue(html.contains("id=\"sections-table\""), "a table beside the chart");
    }

    @Test
    void questionsWithNoMatchSayWhy() {
        String html = yearOnYear();
        assertTrue(row(html, "unmatched-leadership-practice-principles").get(0).startsWith("Added in version 2023"), "added");
        assertTrue(row(html, "unmatched-services-working-with-parents").get(0).startsWith("Added in version 2023"), "added");
        assertTrue(row(html, "unmatched-interagency-mash").get(0).startsWith("Removed in version 2023"), "removed");
        assertTrue(row(html, "unmatched-info-sharing-secure-transfer").get(0).startsWith("Removed in version 2023"), "removed");
        assertFalse(html.contains("id=\"q-leadership-practice-principles\""), "an added question is not among the matched");
        assertFalse(html.contains("id=\"unmatched-accountability-named-lead\""), "a split question is matched, not unmatched");
        assertFalse(html.contains("id=\"unmatched-training-refresh\""), "a merged question is matched, not unmatched");
    }

    @Test
    void theSameCycleTwiceComparesLikeForLike() {
        String html = page(admin, "/reports/year-on-year?from=" + cycle2023 + "&to=" + cycle2023, 422);
        assertTrue(html.contains("Select two different cycles"), html);
    }

    @Test
    void badInputsGiveAMessageOnThePage() {
        assertTrue(page(viewer, "/reports/year-on-year", 422).contains("Select the earlier cycle"));
        String nonNumeric = page(viewer, "/reports/year-on-year?from=abc&to=" + cycle2023, 422);
        assertTrue(nonNumeric.contains("There is no such cycle with a report in your partnership"), nonNumeric);
        assertTrue(nonNumeric.contains("value=\"" + cycle2023 + "\" selected"), "the later cycle kept as chosen");
        String banksDiffer = page(viewer, "/reports/year-on-year?from=" + schoolsCycle + "&to=" + cycle2023, 422);
        assertTrue(banksDiffer.contains("Select an earlier cycle of the same question bank"), banksDiffer);
        String reversed = page(viewer, "/reports/year-on-year?from=" + cycle2023 + "&to=" + cycle2018, 422);
        assertTrue(reversed.contains("Select the cycle with the earlier version as the earlier cycle"), reversed);
    }

    @Test
    void anotherPartnershipsCycleIsNotFoundAndNotNamed() {
        String html = page(viewer, "/reports/year-on-year?from=" + otherPartnershipsCycle + "&to=" + cycle2023, 422);
        assertTrue(html.contains("There is no such cycle with a report in your partnership"), html);
        assertFalse(html.contains(otherCycleName), "the other partnership's cycle is not named");
        assertFalse(page(admin, "/reports", 200).contains(otherCycleName), "nor listed");
    }

    @Test
    void theIndexListsEachCycleNewestFirstWithItsReportsAndEarlierCyclesOfItsBank() {
        String html = page(viewer, "/reports", 200);
        assertTrue(html.indexOf("id=\"cycle-" + cycle2023 + "\"") < html.indexOf("id=\"cycle-" + schoolsCycle + "\"")
                && html.indexOf("id=\"cycle-" + schoolsCycle + "\"") < html.indexOf("id=\"cycle-" + cycle2018 + "\""), "newest first");
        for (long id : List.of(cycle2018, cycle2023, schoolsCycle)) {
            assertTrue(html.contains("href=\"/cycles/" + id + "/report\"") && html.contains("href=\"/cycles/" + id + "/report/anonymised\""), "reports of " + id);
        }
        int at = html.indexOf("id=\"from-" + cycle2023 + "\"");
        String offered = html.substring(at, html.indexOf("</select>", at));
        assertTrue(offered.contains("value=\"" + cycle2018 + "\""), "the earlier cycle of the bank offered");
        assertFalse(offered.contains("value=\"" + schoolsCycle + "\""), "a cycle of another bank not offered");
        assertFalse(html.contains("id=\"from-" + cycle2018 + "\""), "the oldest cycle has nothing earlier to compare with");
    }

    @Test
    void boardViewersAndAdminsReadReportsOthersAreRefused() {
        page(admin, "/reports", 200);
        page(admin, "/reports/year-on-year?from=" + cycle2018 + "&to=" + cycle2023, 200);
        for (Fixtures.Person refused : List.of(lead, panelMember)) {
            page(refused, "/reports", 403);
            page(refused, "/reports/year-on-year?from=" + cycle2018 + "&to=" + cycle2023, 403);
        }
        assertTrue(page(viewer, "/", 200).contains("href=\"/reports\""), "the viewer's dashboard leads to the reports");
        assertTrue(page(admin, "/", 200).contains("href=\"/reports\""), "the admin's too");
    }
}
