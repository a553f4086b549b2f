package org.assure.reports;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.CycleService;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;
import org.assure.panels.Marking;
import org.assure.panels.MarkingBy;
import org.assure.panels.Moderations;
import org.assure.panels.PanelWorld;
import org.assure.panels.Panels;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cycle report against the hand-counted fixture of {@link ReportWorld}. */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleReportWebTest extends WebTest {
    static final String FIRST = ReportWorld.FIRST;

    @Inject
    CycleService cycles;
    @Inject
    ReportWorld reportWorld;
    @Inject
    QuestionBanks banks;
    @Inject
    PanelWorld panelWorlds;
    @Inject
    Moderations moderations;
    @Inject
    Marking marking;
    @Inject
    Panels panels;

    Partnership p;
    Fixtures.Person admin;
    Fixtures.Person viewer;
    Fixtures.Person lead;
    List<Organisation> schools = new ArrayList<>();
    long cycleId;
    LocalDate opened;

    @BeforeAll
    void world() {
        ReportWorld.World w = reportWorld.build();
        p = w.p();
        admin = w.admin();
        viewer = w.viewer();
        lead = w.lead();
        schools.addAll(w.schools());
        cycleId = w.cycleId();
        opened = w.opened();
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

    /** The rated questions of the bank: each submitted return answers every one. */
    private int rated() {
        return (int) banks.get("section-175", "2025").questions().stream().filter(q -> q.type() == BankModel.QuestionType.RATING).count();
    }

    private boolean amberCompliant() {
        return banks.get("section-175", "2025").scale().ratings().stream().filter(r -> r.code().equals("AMBER")).findFirst().orElseThrow().countsAsCompliant();
    }

    private static String table(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertTrue(at >= 0, "a table " + id);
        return html.substring(at, html.indexOf("</table>", at));
    }

    private static String pct(long part, long whole) {
        return Math.round(100.0 * part / whole) + "% (" + part + ")";
    }

    @Test
    void submissionsOverTimeAreCumulativeAgainstTheDeadline() {
        String html = report(admin, "/cycles/" + cycleId + "/report");
        String t = table(html, "timeline-table");
        assertEquals(List.of("4", "4", "67%"), row(t, Dates.date(opened)));
        assertEquals(List.of("1", "5", "83%"), row(t, Dates.date(opened.plusDays(12))));
        // the chart spans the twelve days from opening to today; the deadline is ten days in: 60 + 600 × 10 / 12
        assertTrue(html.contains("<line id=\"deadline-line\" x1=\"560\""), "the deadline line at x = 560");
        // the reference line of all six returns is at the top of the plot; the step line ends at five of six
        assertTrue(html.contains("<line id=\"total-line\" x1=\"60\" y1=\"20\""), "all returns at the top");
        assertTrue(html.contains("points=\"60.0,220.0 60.0,220.0 60.0,86.7 660.0,86.7 660.0,53.3 660.0,53.3\""), "the step line");

        // anonymised: one return was late, so the line (which would reveal it) is withheld
        String anonymised = report(viewer, "/cycles/" + cycleId + "/report/anonymised?threshold=2");
        assertTrue(anonymised.contains("id=\"timeline-withheld\""), "withheld");
        assertFalse(anonymised.contains("id=\"timeline-table\""), "no table");
    }

    @Test
    void breakdownsByPhaseAndCategoryAreCounted() {
        String html = report(admin, "/cycles/" + cycleId + "/report");
        int q = rated();
        long amber = amberCompliant() ? 1 : 0;
        String phase = table(html, "breakdown-phase");
        assertEquals(List.of("1", "0", "none submitted", "no answers", "0"), row(phase, "Nursery"));
        // Primary: schools 0-2, all on time; school 1 one Red, school 2 one Amber
        assertEquals(List.of("3", "3", "100% (3)", pct(3L * q - 2 + amber, 3L * q), String.valueOf(3 * q)), row(phase, "Primary"));
        // Secondary: school 3 one Red, school 4 late with one not applicable (out of the base)
        assertEquals(List.of("2", "2", "50% (1)", pct(2L * q - 2, 2L * q - 1), String.valueOf(2 * q - 1)), row(phase, "Secondary"));
        String category = table(html, "breakdown-category");
        assertEquals(List.of("2", "2", "50% (1)", pct(2L * q - 2, 2L * q - 1), String.valueOf(2 * q - 1)), row(category, "Academy or free school"));
        assertEquals(List.of("4", "3", "100% (3)", pct(3L * q - 2 + amber, 3L * q), String.valueOf(3 * q)), row(category, "Maintained school"));
        assertEquals(List.of("6", "5", "80% (4)", pct(5L * q - 4 + amber, 5L * q - 1), String.valueOf(5 * q - 1)), row(table(html, "breakdown-kind"), "School or college"));
    }

    @Test
    void theAnonymisedBreakdownsSuppressAGroupThatCouldBeWorkedOut() {
        String html = report(viewer, "/cycles/" + cycleId + "/report/anonymised?threshold=2");
        String phase = table(html, "breakdown-phase");
        // Nursery (one school) is under the threshold; with the total shown it would be 6 - 3 - 2, so Secondary goes too
        assertTrue(row(phase, "Nursery").get(0).startsWith("Not shown"), phase);
        assertTrue(row(phase, "Secondary").get(0).startsWith("Not shown"), phase);
        List<String> primary = row(phase, "Primary");
        assertEquals("3", primary.get(0));
        assertEquals("3", primary.get(1));
        // on time: 4 overall; Primary's 3 would leave 1 for the two withheld groups, drawn from fewer than 2: withheld too
        assertEquals("not shown", primary.get(2));
        // categories: two and four schools, both at the threshold of 2: shown
        assertEquals("2", row(table(html, "breakdown-category"), "Academy or free school").get(0));
        // at the default threshold every phase is withheld
        String five = report(viewer, "/cycles/" + cycleId + "/report/anonymised");
        for (String g : List.of("Nursery", "Primary", "Secondary")) {
            assertTrue(row(table(five, "breakdown-phase"), g).get(0).startsWith("Not shown"), g);
        }
    }

    @Test
    void complementarySuppressionLeavesNothingToSubtract() {
        // one cell under the threshold: the next smallest goes with it
        assertEquals(Set.of(0, 2), ReportBreakdowns.complement(List.of(1L, 9L, 6L), Set.of(), 5));
        // two cells under it that together are still under it: a third
        assertEquals(Set.of(0, 1, 2), ReportBreakdowns.complement(List.of(1L, 2L, 6L, 9L), Set.of(), 5));
        // two withheld cells from enough organisations between them: nothing more
        assertEquals(Set.of(0, 1), ReportBreakdowns.complement(List.of(3L, 4L, 6L), Set.of(), 5));
        // nothing under it: nothing withheld; zeros are never withheld for their own sake
        assertEquals(Set.of(), ReportBreakdowns.complement(List.of(0L, 5L, 6L), Set.of(), 5));
        // a group withheld already (here with 0 in this column) still needs a partner
        assertEquals(Set.of(0, 1), ReportBreakdowns.complement(List.of(0L, 5L, 6L), Set.of(0), 5));
    }

    @Test
    void markerAgreementIsThePanelsOwn() {
        PanelWorld.World w = panelWorlds.build(MarkingBy.SECTION);
        moderations.marked(w, w.memberA(), "GREEN");
        moderations.marked(w, w.memberB(), "AMBER");
        moderations.marked(w, w.memberC(), "GREEN");
        var own = marking.panelAgreement(w.adminUser(), w.panelId(), panels.page(w.adminUser(), w.panelId()).cases()).panel();
        assertTrue(own.pairs() > 0, "pairs");
        String html = report(w.admin(), "/cycles/" + w.cycleId() + "/report");
        List<String> cells = row(table(html, "agreement-table"), panels.page(w.adminUser(), w.panelId()).panel().name());
        // every item: A and C agree, B differs from both: a third of the pairs agree
        assertEquals(List.of("1", String.valueOf(own.pairs()), own.exactText(), own.kappaText() + " (" + own.kappaWords() + ")"), cells);
        assertEquals("33%", own.exactText());
        String page = TestBrowser.unescape(html);
        for (Fixtures.Person marker : List.of(w.memberA(), w.memberB(), w.memberC())) {
            assertFalse(page.contains(marker.email()), "no marker named");
        }
        // anonymised: one case is fewer than the threshold, and the panel is not named
        String anonymised = report(w.admin(), "/cycles/" + w.cycleId() + "/report/anonymised?threshold=2");
        assertEquals(List.of("Not shown: fewer than 2 cases"), row(table(anonymised, "agreement-table"), "Panel 1"));
        assertFalse(anonymised.contains(panels.page(w.adminUser(), w.panelId()).panel().name()), "no panel named");
    }

    /** The organisations a drill-down page lists, each linked to its return's report. */
    private static List<String> listed(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<a class=\"govuk-link\" href=\"/returns/\\d+/report\">(.*?)</a>").matcher(html);
        while (m.find()) {
            names.add(TestBrowser.unescape(m.group(1)));
        }
        return names;
    }

    private List<String> names(int... indexes) {
        List<String> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(schools.get(i).name());
        }
        return out.stream().sorted().toList();
    }

    @Test
    void theDrillDownListsExactlyTheOrganisationsBehindAFigure() {
        String base = "/cycles/" + cycleId + "/report/returns?";
        String red = report(viewer, base + "question=" + FIRST + "&rating=RED");
        assertEquals(names(3), listed(red));
        assertTrue(red.contains("href=\"/returns/" + cycles.returnOf(cycleId, schools.get(3).id()).orElseThrow() + "/report\""), "links to the return's report");
        assertEquals(names(1, 3), listed(report(viewer, base + "section=leadership&rating=RED")));
        assertEquals(names(2), listed(report(viewer, base + "section=leadership&rating=AMBER")));
        assertEquals(names(4), listed(report(viewer, base + "timeliness=late")));
        assertEquals(names(0, 1, 2, 3), listed(report(viewer, base + "timeliness=on-time")));
        assertEquals(names(5), listed(report(viewer, base + "timeliness=outstanding")));
        String primary = report(viewer, base + "kind=SCHOOL&phase=PRIMARY");
        assertEquals(names(0, 1, 2), listed(primary));
        assertTrue(primary.contains("Type: School or college") && primary.contains("Phase: Primary"), "the filters in words, not codes");
        assertEquals(names(3, 4), listed(report(viewer, base + "kind=SCHOOL&category=ACADEMY&timeliness=submitted")));
        assertEquals(names(0, 1, 2, 3, 4, 5), listed(report(viewer, base)));

        // the named report's figures link there with the same filters
        String html = report(admin, "/cycles/" + cycleId + "/report");
        assertTrue(html.contains("href=\"/cycles/" + cycleId + "/report/returns?question=" + FIRST + "&amp;rating=RED\""), "a question's cell");
        assertTrue(html.contains("href=\"/cycles/" + cycleId + "/report/returns?section=leadership&amp;rating=RED\""), "a section's cell");
        assertTrue(html.contains("href=\"/cycles/" + cycleId + "/report/returns?timeliness=late\""), "a completion count");
        assertTrue(html.contains("href=\"/cycles/" + cycleId + "/report/returns?kind=SCHOOL&amp;phase=PRIMARY\""), "a breakdown's cell");

        for (String bad : List.of("timeliness=soon", "rating=PURPLE&question=" + FIRST, "question=no-such-question&rating=RED", "phase=TERTIARY", "page=x",
                "outcome=%3Cscript%3E")) {
            TestBrowser.Page page = signedIn(viewer).get(base + bad);
            assertEquals(200, page.status(), bad);
            assertTrue(page.body().contains("id=\"filter-errors\""), bad);
            assertTrue(listed(page.body()).isEmpty(), bad);
            assertFalse(page.body().contains("<script>"), bad);
        }
        Partnership other = fixtures.partnership();
        assertEquals(404, signedIn(fixtures.admin(other)).get(base + "timeliness=late").status());
        assertEquals(403, signedIn(lead).get(base + "timeliness=late").status());
    }

    /** The heat map's rows: organisation → [overall, first section's cell text, its band class or "none"]. */
    private static Map<String, List<String>> heatMap(String html) {
        int at = html.indexOf("id=\"heat-map-table\"");
        assertTrue(at > 0, "a heat map");
        String table = html.substring(at, html.indexOf("</table>", at));
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("<a class=\"govuk-link\" href=\"/returns/\\d+/report\">([^<]+)</a></th>\\s*<td[^>]*>([^<]+)</td>\\s*"
                + "<td class=\"govuk-table__cell govuk-table__cell--numeric( assure-heat-cell (assure-heat--\\w+))?\">([^<]+)").matcher(table);
        while (m.find()) {
            rows.put(TestBrowser.unescape(m.group(1)), List.of(m.group(2), m.group(5), m.group(4) == null ? "none" : m.group(4)));
        }
        return rows;
    }

    @Test
    void theHeatMapShowsEachOrganisationsSectionsLowestFirst() {
        Map<String, List<String>> rows = heatMap(report(admin, "/cycles/" + cycleId + "/report"));
        assertEquals(5, rows.size(), "the five submitted schools, not the outstanding one: " + rows.keySet());
        List<String> names = new ArrayList<>(rows.keySet());
        // one answer not met each (Red, Amber, Red) of leadership's six: 83%, lowest overall, before the two with none
        assertEquals(Set.of(schools.get(1).name(), schools.get(2).name(), schools.get(3).name()), Set.copyOf(names.subList(0, 3)));
        for (int i = 1; i <= 3; i++) {
            assertEquals("83%", rows.get(schools.get(i).name()).get(1));
            assertEquals("assure-heat--good", rows.get(schools.get(i).name()).get(2));
        }
        // not applicable out of the base: five of five met
        assertEquals(List.of("100%", "100%", "assure-heat--high"), rows.get(schools.get(4).name()));
        assertEquals(List.of("100%", "100%", "assure-heat--high"), rows.get(schools.get(0).name()));
        assertFalse(report(viewer, "/cycles/" + cycleId + "/report/anonymised").contains("heat-map"), "never on the anonymised page");
    }

    @Test
    void theAnonymisedPageNamesNoOrganisationAndLinksToNoReturns() {
        for (String path : List.of("/report/anonymised", "/report/anonymised?threshold=2")) {
            String html = report(viewer, "/cycles/" + cycleId + path);
            for (Organisation o : schools) {
                assertFalse(html.contains(o.name()) || html.contains(TestBrowser.unescape(o.name())), "no organisation named: " + o.name());
            }
            assertFalse(html.contains("/report/returns"), "no drill-down link");
            assertFalse(html.contains("/returns/"), "no link to a return");
        }
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
        Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (svg.find()) {
            assertFalse(svg.group().contains("School "), "the charts name no school");
        }

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
