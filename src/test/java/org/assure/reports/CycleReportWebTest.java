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

import java.time.Duration;
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
 * The cycle report against a hand-counted fixture: six schools in a cycle, five submitted (four on time, one late after
 * the clock passes the deadline), one outstanding. Every rated question is Green except two of the first section
 * ("leadership", six rated questions): governance-accountability is Green, Green, Amber, Red and Not applicable across
 * the five; safeguarding-governor is Red at one school. So leadership has 30 answers, 1 not applicable, a base of 29:
 * 26 Green, 1 Amber, 2 Red.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleReportWebTest extends WebTest {
    static final String FIRST = "governance-accountability";
    static final String SECOND = "safeguarding-governor";

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
    List<Organisation> schools = new ArrayList<>();
    long cycleId;

    @BeforeAll
    void world() {
        p = fixtures.partnership();
        admin = fixtures.admin(p);
        viewer = fixtures.person(p, Role.BOARD_VIEWER);
        for (int i = 0; i < 6; i++) {
            schools.add(fixtures.school(p));
        }
        lead = fixtures.person(p, Role.ORGANISATION_LEAD, schools.get(0));
        CurrentUser adminUser = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(10);
        cycleId = cycles.createAndOpen(adminUser, new CycleForms.CycleForm("Report cycle " + Fixtures.next(), "section-175/2025", "CHOSEN",
                List.of(), List.of(), List.of(), schools.stream().map(o -> String.valueOf(o.id())).toList(), str(today.getDayOfMonth()),
                str(today.getMonthValue()), str(today.getYear()), str(deadline.getDayOfMonth()), str(deadline.getMonthValue()),
                str(deadline.getYear()), null, null, null, null, null, null, null));
        String[] first = {"GREEN", "GREEN", "AMBER", "RED", "NA"};
        for (int i = 0; i < 5; i++) {
            if (i == 4) {
                clock.advance(Duration.ofDays(12)); // the fifth submits two days after the deadline
            }
            submit(schools.get(i), first[i], i == 1 ? "RED" : "GREEN");
        }
    }

    private void submit(Organisation school, String firstRating, String secondRating) {
        Fixtures.Person leadOf = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        CurrentUser user = new CurrentUser(leadOf.id(), p.id(), p.name(), leadOf.email(), "Lead", Set.of(Roles.LEAD), Set.of(school.id()));
        long returnId = cycles.returnOf(cycleId, school.id()).orElseThrow();
        Map<String, String> ratings = new HashMap<>();
        for (BankModel.Question q : banks.get("section-175", "2025").questions()) {
            if (q.type() == BankModel.QuestionType.RATING) {
                ratings.put(q.key(), "GREEN");
            }
        }
        ratings.put(SECOND, secondRating);
        wholeReturns.complete(user, returnId, 0, ratings);
        if (!firstRating.equals("GREEN")) {
            // a rating other than Green needs its own save: not applicable takes a reason the demo's answers do not give
            var view = pages.section(user, returnId, "leadership").questions().stream().filter(v -> v.question().key().equals(FIRST)).findFirst()
                    .orElseThrow();
            AnswerInput answer = new AnswerInput(firstRating, List.of(), firstRating.equals("NA") ? "" : "Reviewed by governors this term.",
                    firstRating.equals("NA") ? "The school has no governing body of its own." : "", "", "", "", view.entry().version(), true);
            var saved = saving.save(user, returnId, "leadership", new SectionForm(Map.of(FIRST, answer), true, SectionForm.Next.LATER));
            assertTrue(saved.errors().isEmpty(), "saved " + firstRating + ": " + saved.errors());
        }
        wholeReturns.writeActions(user, returnId, Dates.today(clock));
        var done = submissions.submit(user, returnId, new Submissions.DeclarationForm("Dee Esel", "DSL", "true"), FormErrors.none());
        assertTrue(done.isValid(), "submitted");
    }

    private static String str(long n) {
        return String.valueOf(n);
    }

    private String report(Fixtures.Person who, String path) {
        TestBrowser b = signedIn(who);
        TestBrowser.Page page = b.get(path);
        assertEquals(200, page.status(), path + ": " + page.body());
        return page.body();
    }

    /** The page from the table of compliance by question on (the questions most often not met come before it). */
    private static String questions(String html) {
        return html.substring(html.indexOf("id=\"questions\""));
    }

    /** The cells of a table row whose header starts with {@code header}, as text (the return report's test reads its table too). */
    static List<String> row(String html, String header) {
        Matcher m = Pattern.compile("<th scope=\"row\" class=\"govuk-table__header\">" + Pattern.quote(header) + "(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a row " + header);
        List<String> cells = new ArrayList<>();
        Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(m.group(1));
        while (td.find()) {
            cells.add(TestBrowser.unescape(td.group(1).replaceAll("<[^>]+>", "").strip()));
        }
        return cells;
    }

    @Test
    void completionAndTimelinessAreCounted() {
        String html = report(admin, "/cycles/" + cycleId + "/report");
        assertEquals(List.of("6"), row(html, "Returns in the cycle"));
        assertEquals(List.of("4 (67%)"), row(html, "Submitted on time"));
        assertEquals(List.of("1 (17%)"), row(html, "Submitted late"));
        assertEquals(List.of("1 (17%)"), row(html, "Not yet submitted<"));
        assertEquals(List.of("1"), row(html, "Not yet submitted and past their deadline"));
        assertEquals(List.of("0"), row(html, "Given an extension"));
        assertTrue(html.contains(schools.get(5).name()), "the named report lists the school not yet submitted");
        assertTrue(html.contains("<svg"), "a chart");
    }

    @Test
    void notApplicableIsLeftOutOfTheBase() {
        String html = report(viewer, "/cycles/" + cycleId + "/report");
        // leadership: base 29 (30 answers, 1 not applicable): 26 Green, 1 Amber, 2 Red
        assertEquals(List.of("90% (26)", "3% (1)", "7% (2)", "29", "1"), row(html, "1. Leadership"));
        // the question: 4 in the base, Green 2, Amber 1, Red 1, not applicable 1 left out
        assertEquals(List.of("50% (2)", "25% (1)", "25% (1)", "4", "1"), row(questions(html), "1.1. "));
        assertEquals(List.of("80% (4)", "0% (0)", "20% (1)", "5", "0"), row(questions(html), "1.2. "));
        // most often not met: the first question (2 of 4) before the second (1 of 5)
        int firstAt = html.indexOf("id=\"not-met-table\"");
        String notMet = html.substring(firstAt, html.indexOf("</table>", firstAt));
        assertTrue(notMet.indexOf("1.1. ") < notMet.indexOf("1.2. ") && notMet.contains("50% (2)"), notMet);
        assertEquals(List.of("0 (0%)"), row(html, "Verified"));
    }

    @Test
    void theAnonymisedCompositeSuppressesSmallNumbersAndNamesNoOrganisation() {
        String html = report(viewer, "/cycles/" + cycleId + "/report/anonymised");
        for (Organisation o : schools) {
            assertFalse(html.contains(o.name()), "no organisation named: " + o.name());
        }
        assertEquals(List.of("6"), row(html, "Returns in the cycle"));
        assertEquals(List.of("fewer than 5"), row(html, "Submitted on time"));
        assertEquals(List.of("fewer than 5"), row(html, "Submitted late"));
        // the section's base is five organisations, so it is shown; its Amber and Red come from one organisation each
        assertEquals(List.of("90% (26)", "fewer than 5", "fewer than 5", "29", "1"), row(html, "1. Leadership"));
        // the first question's base is four organisations: suppressed whole
        assertEquals(List.of("Not shown: drawn from fewer than 5 organisations"), row(questions(html), "1.1. "));
        // four Green organisations are fewer than five too
        assertEquals(List.of("fewer than 5", "0% (0)", "fewer than 5", "5", "0"), row(questions(html), "1.2. "));
        assertFalse(html.contains("id=\"not-met-table\""), "no question is not met by five organisations, so none is listed");
        String svg = html.substring(html.indexOf("<svg"), html.lastIndexOf("</svg>"));
        assertFalse(svg.contains("School "), "the charts name no school");

        String two = report(admin, "/cycles/" + cycleId + "/report/anonymised?threshold=2");
        assertEquals(List.of("50% (2)", "fewer than 2", "fewer than 2", "4", "1"), row(questions(two), "1.1. "));
        assertEquals(List.of("4 (67%)"), row(two, "Submitted on time"));

        for (String bad : List.of("1", "51", "five", "-3", "<script>")) {
            String page = report(admin, "/cycles/" + cycleId + "/report/anonymised?threshold=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(page.contains("id=\"threshold-ignored\""), bad);
            assertEquals(List.of("fewer than 5"), row(page, "Submitted on time"));
        }
    }

    @Test
    void anotherPartnershipsCycleIsNotFoundAndALeadIsRefused() {
        Partnership other = fixtures.partnership();
        Fixtures.Person otherAdmin = fixtures.admin(other);
        Fixtures.Person otherViewer = fixtures.person(other, Role.BOARD_VIEWER);
        assertEquals(404, signedIn(otherAdmin).get("/cycles/" + cycleId + "/report").status());
        assertEquals(404, signedIn(otherViewer).get("/cycles/" + cycleId + "/report/anonymised").status());
        assertEquals(403, signedIn(lead).get("/cycles/" + cycleId + "/report").status());
        assertEquals(403, signedIn(lead).get("/cycles/" + cycleId + "/report/anonymised").status());
        assertEquals(404, signedIn(admin).get("/cycles/99999999/report").status());
    }

    @Test
    void theBoardViewersDashboardLeadsToTheReports() {
        String home = report(viewer, "/");
        assertTrue(home.contains("href=\"/cycles/" + cycleId + "/report\""), "the report");
        assertTrue(home.contains("href=\"/cycles/" + cycleId + "/report/anonymised\""), "the anonymised composite");
    }
}
