package org.assure.actions;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.banks.BankModel;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.returns.ReturnService;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
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
 * The partnership's action tracker against a hand-counted fixture: seven actions written through the service at day T0
 * and moved over five weeks of a moved clock, in two schools and an agency, from answers, a panel and the partnership;
 * another partnership's overdue action that must never be counted. Every filter, bad filter values, who may read it,
 * the chart's table week by week, paging, and the download read back.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
class ActionTrackerWebTest extends WebTest {
    @Inject
    CycleService cycles;
    @Inject
    ReturnService returns;
    @Inject
    ActionPlans plans;
    @Inject
    ActionRepositories.Items items;
    @Inject
    ActionRepositories.DueChanges dueChanges;

    static final String FORMULA = "=HYPERLINK(\"http://evil.test\",\"Click\")";

    /**
     * At T0 (today − 35 days), all created:
     * a1 school, partnership, due T0+10; a new due date T0+40 asked for at T0+7 and accepted at T0+21; not started.
     * a2 school, from an answer, due T0+60; progress at T0+7 (in progress).
     * a3 agency, partnership, due T0+20; done at T0+14, verified at T0+21.
     * a4 agency, partnership, due T0+12; withdrawn at T0+21.
     * a5 school, from a panel (proposed), in a2's section.
     * a6 sister school, partnership, due T0+14; done at T0+7 (awaiting verification).
     * a7 agency, partnership, due T0+3, "what" starting with "=": not started, overdue from T0+7.
     */
    record World(Partnership p, Fixtures.Person admin, Fixtures.Person viewer, Fixtures.Person lead, Fixtures.Person otherAdmin, long cycleId,
                 long otherCycleId, String sectionValue, LocalDate t0, Map<String, Long> ids) {
    }

    private World world;

    synchronized World world() {
        if (world == null) {
            world = build();
        }
        return world;
    }

    private World build() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person viewer = fixtures.person(p, Role.BOARD_VIEWER);
        Organisation school = fixtures.school(p);
        Organisation sister = fixtures.school(p);
        Organisation agency = fixtures.agency(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        Fixtures.Person sisterLead = fixtures.person(p, Role.ORGANISATION_LEAD, sister);
        Fixtures.Person agencyLead = fixtures.person(p, Role.ORGANISATION_LEAD, agency);
        CurrentUser a = user(p, admin, Roles.ADMIN);
        CurrentUser schoolLead = user(p, lead, Roles.LEAD, school.id());
        LocalDate t0 = Dates.today(clock);
        long cycleId = cycle(a, "Tracker " + Fixtures.next(), school.id());
        long returnId = cycles.returnOf(cycleId, school.id()).orElseThrow();
        BankModel.Section section = returns.load(schoolLead, returnId).applicableSections().get(0);
        String questionKey = section.questions().get(0).key();

        Map<String, Long> ids = new HashMap<>();
        ids.put("a1", add(a, school, "Train the governors in safer recruitment", t0.plusDays(10)));
        ids.put("a2", plans.addForQuestion(schoolLead, returnId, form(questionKey, "Update the safeguarding policy", t0.plusDays(60), null)).value());
        ids.put("a3", add(a, agency, "Brief the duty team on referrals", t0.plusDays(20)));
        ids.put("a4", add(a, agency, "Audit the custody records", t0.plusDays(12)));
        ids.put("a5", plans.proposeFromPanel(p.id(), school.id(), cycleId, returnId, 1L, 9_000_000L + Fixtures.next(), "Strengthen induction",
                section.key(), admin.id()));
        ids.put("a6", add(a, sister, "Update the visitors' log", t0.plusDays(14)));
        ids.put("a7", add(a, agency, FORMULA, t0.plusDays(3)));

        // another partnership's action, overdue from T0+2: never counted here
        Partnership other = fixtures.partnership();
        Fixtures.Person otherAdmin = fixtures.admin(other);
        Organisation otherSchool = fixtures.school(other);
        CurrentUser oa = user(other, otherAdmin, Roles.ADMIN);
        long otherCycleId = cycle(oa, "Theirs " + Fixtures.next(), otherSchool.id());
        add(oa, otherSchool, "Someone else's action", t0.plusDays(1));

        clock.advance(Duration.ofDays(7));
        LocalDate t7 = Dates.today(clock);
        plans.done(user(p, sisterLead, Roles.LEAD, sister.id()), ids.get("a6"), new ActionPlans.DoneForm("The new log is in use")).value();
        plans.progress(schoolLead, ids.get("a2"), new ActionPlans.ProgressForm("Draft written", s(t7.getDayOfMonth()), s(t7.getMonthValue()),
                s(t7.getYear()))).value();
        LocalDate later = t0.plusDays(40);
        plans.requestDueDate(schoolLead, ids.get("a1"), new ActionPlans.DueDateForm(s(later.getDayOfMonth()), s(later.getMonthValue()),
                s(later.getYear()), "The course moved")).value();

        clock.advance(Duration.ofDays(7));
        plans.done(user(p, agencyLead, Roles.LEAD, agency.id()), ids.get("a3"), new ActionPlans.DoneForm("Briefing given")).value();

        clock.advance(Duration.ofDays(7));
        plans.verify(a, ids.get("a3"), new ActionPlans.VerifyForm("Seen the briefing notes")).value();
        plans.withdraw(a, ids.get("a4"), new ActionPlans.WithdrawForm("Covered by the force-wide audit")).value();
        long change = dueChanges.findByActionIdOrderById(ids.get("a1")).get(0).id();
        plans.decideDueDate(a, ids.get("a1"), change, new ActionPlans.DecisionForm("ACCEPT", null)).value();

        clock.advance(Duration.ofDays(14));
        ActionRepositories.Item a2 = items.findById(ids.get("a2")).orElseThrow();
        return new World(p, admin, viewer, lead, otherAdmin, cycleId, otherCycleId, a2.bankKey() + ":" + a2.sectionKey(), t0, ids);
    }

    private long cycle(CurrentUser admin, String name, long organisationId) {
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        return cycles.createAndOpen(admin, new CycleForms.CycleForm(name, "section-175/2025", "CHOSEN", List.of(), List.of(), List.of(),
                List.of(s(organisationId)), s(today.getDayOfMonth()), s(today.getMonthValue()), s(today.getYear()), s(deadline.getDayOfMonth()),
                s(deadline.getMonthValue()), s(deadline.getYear()), null, null, null, null, null, null, null));
    }

    private long add(CurrentUser admin, Organisation o, String what, LocalDate due) {
        return plans.addByPartnership(admin, o.id(), form(null, what, due, "Found at the panel")).value();
    }

    private static ActionPlans.ActionForm form(String questionKey, String what, LocalDate due, String reason) {
        return new ActionPlans.ActionForm(questionKey, what, "Olu Owner", "Deputy head", "olu@example.org", s(due.getDayOfMonth()),
                s(due.getMonthValue()), s(due.getYear()), null, reason);
    }

    private static CurrentUser user(Partnership p, Fixtures.Person person, String role, Long... organisations) {
        return new CurrentUser(person.id(), p.id(), p.name(), person.email(), "Person " + person.email(), Set.of(role), Set.of(organisations));
    }

    private static String s(long n) {
        return String.valueOf(n);
    }

    // ---- reading the page ----

    /** open, overdue, awaiting verification, verified, withdrawn, as the counts at the top say. */
    private static List<Long> counts(String body) {
        List<Long> out = new ArrayList<>();
        for (String id : List.of("open", "overdue", "awaiting", "verified", "withdrawn")) {
            Matcher m = Pattern.compile("id=\"count-" + id + "\">(\\d+)<").matcher(body);
            assertTrue(m.find(), "count " + id);
            out.add(Long.valueOf(m.group(1)));
        }
        return out;
    }

    /** The chart's table: week ending → open, overdue, verified. */
    private static Map<String, List<Long>> weeks(String body) {
        Map<String, List<Long>> out = new HashMap<>();
        Matcher m = Pattern.compile("<th scope=\"row\" class=\"govuk-table__header\">([^<]+)</th>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>"
                + "\\s*<td[^>]*>(\\d+)</td>").matcher(body);
        while (m.find()) {
            out.put(m.group(1), List.of(Long.valueOf(m.group(2)), Long.valueOf(m.group(3)), Long.valueOf(m.group(4))));
        }
        return out;
    }

    private static String week(LocalDate d) {
        return new ActionTracker.Point(d, 0, 0, 0).shortDate();
    }

    private static List<Long> l(long... n) {
        List<Long> out = new ArrayList<>();
        for (long x : n) {
            out.add(x);
        }
        return out;
    }

    private static int rows(String body) {
        String table = body.substring(body.indexOf("id=\"actions\""));
        return table.split("<tr class=\"govuk-table__row\">", -1).length - 2; // less the header row and the text before
    }

    // ---- the tests ----

    @Test
    void countsAndTheChartsTableMatchTheHandCount() {
        World w = world();
        TestBrowser admin = signedIn(w.admin());
        TestBrowser.Page page = admin.get("/actions");
        assertEquals(200, page.status());
        assertEquals(l(5, 1, 1, 1, 1), counts(page.body()));
        assertTrue(page.body().contains("Showing 1 to 7 of 7"), page.body());
        assertFalse(page.body().contains("Someone else"), "another partnership's action is never shown");

        Map<String, List<Long>> weeks = weeks(page.body());
        assertEquals(26, weeks.size(), weeks.toString());
        LocalDate t0 = w.t0();
        assertEquals(l(0, 0, 0), weeks.get(week(t0.minusDays(7))));
        assertEquals(l(7, 0, 0), weeks.get(week(t0)));
        assertEquals(l(7, 1, 0), weeks.get(week(t0.plusDays(7))));
        assertEquals(l(7, 3, 0), weeks.get(week(t0.plusDays(14))));
        assertEquals(l(5, 1, 1), weeks.get(week(t0.plusDays(21))));
        assertEquals(l(5, 1, 1), weeks.get(week(t0.plusDays(28))));
        assertEquals(l(5, 1, 1), weeks.get(week(t0.plusDays(35))));
        assertEquals(l(0, 0, 0), weeks.get(week(t0.minusDays(140))));

        // the list: the status with its Overdue tag, the formula shown as text, links to each action for admins
        assertTrue(page.body().contains("Not started</strong> <strong class=\"govuk-tag govuk-tag--red\">Overdue"), "overdue tag");
        assertTrue(page.body().contains("href=\"/actions/" + w.ids().get("a7") + "\""), "admins open the actions");
        assertTrue(page.body().contains("<svg") && page.body().contains("<title id=\"chart-title\">") && page.body().contains("<desc id=\"chart-desc\">"));

        TestBrowser theirs = signedIn(w.otherAdmin());
        assertEquals(l(1, 1, 0, 0, 0), counts(theirs.get("/actions").body()));
    }

    @Test
    void everyFilterSelectsWhatItSays() {
        World w = world();
        TestBrowser admin = signedIn(w.admin());
        LocalDate t0 = w.t0();

        String agencies = admin.get("/actions?type=AGENCY").body();
        assertEquals(l(1, 1, 0, 1, 1), counts(agencies));
        assertEquals(3, rows(agencies));
        // the chart follows the type: a4 and a7 overdue at T0+14, a7 alone open after T0+21
        assertEquals(l(3, 2, 0), weeks(agencies).get(week(t0.plusDays(14))));
        assertEquals(l(1, 1, 1), weeks(agencies).get(week(t0.plusDays(35))));

        assertEquals(l(4, 0, 1, 0, 0), counts(admin.get("/actions?type=SCHOOL").body()));
        assertEquals(l(4, 0, 1, 0, 0), counts(admin.get("/actions?phase=PRIMARY").body()));
        assertEquals(l(0, 0, 0, 0, 0), counts(admin.get("/actions?phase=SECONDARY").body()));
        assertTrue(admin.get("/actions?phase=SECONDARY").body().contains("No actions match these filters"));

        String cycle = admin.get("/actions?cycle=" + w.cycleId()).body();
        assertEquals(l(2, 0, 0, 0, 0), counts(cycle));
        assertTrue(cycle.contains("Update the safeguarding policy") && cycle.contains("Strengthen induction"));

        String section = admin.get("/actions?section=" + java.net.URLEncoder.encode(w.sectionValue(), java.nio.charset.StandardCharsets.UTF_8)).body();
        assertEquals(l(2, 0, 0, 0, 0), counts(section));
        assertTrue(section.contains("<option value=\"" + w.sectionValue() + "\" selected>"), "the section chosen stays chosen");

        String inProgress = admin.get("/actions?status=IN_PROGRESS").body();
        assertEquals(l(1, 0, 0, 0, 0), counts(inProgress));
        assertEquals(1, rows(inProgress));
        assertTrue(inProgress.contains("Update the safeguarding policy"));
        assertEquals(l(0, 0, 0, 1, 0), counts(admin.get("/actions?status=VERIFIED").body()));

        String overdue = admin.get("/actions?overdue=yes").body();
        assertEquals(l(1, 1, 0, 0, 0), counts(overdue));
        assertEquals(1, rows(overdue));
        assertFalse(overdue.contains("Train the governors"), "a1's due date was moved: it is not overdue");

        assertEquals(l(1, 0, 0, 0, 0), counts(admin.get("/actions?source=PANEL").body()));
        assertEquals(l(1, 0, 0, 0, 0), counts(admin.get("/actions?source=QUESTION").body()));
        assertEquals(l(3, 1, 1, 1, 1), counts(admin.get("/actions?source=PARTNERSHIP").body()));
        assertEquals(l(2, 0, 1, 0, 0), counts(admin.get("/actions?type=SCHOOL&source=PARTNERSHIP").body()));
    }

    @Test
    void badFilterValuesAreIgnoredWithAMessage() {
        World w = world();
        TestBrowser admin = signedIn(w.admin());
        for (String query : List.of("status=NOPE", "type=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "phase=PRIMARYISH", "cycle=abc",
                "cycle=" + w.otherCycleId(), "cycle=-1", "section=nothing%3Ahere", "overdue=maybe", "source=ELSEWHERE", "page=-3", "page=x",
                "page=99999999999999999999")) {
            TestBrowser.Page page = admin.get("/actions?" + query);
            assertEquals(200, page.status(), query);
            assertTrue(page.body().contains("id=\"ignored-filters\""), query);
            assertEquals(l(5, 1, 1, 1, 1), counts(page.body()), query);
            assertFalse(page.body().contains("<script>alert"), query);
        }
        // a page past the last shows the last
        TestBrowser.Page past = admin.get("/actions?page=7");
        assertEquals(200, past.status());
        assertTrue(past.body().contains("Showing 1 to 7 of 7"));
        // the download ignores them alike
        assertEquals(200, admin.get("/actions/tracker.xlsx?status=NOPE&cycle=" + w.otherCycleId()).status());
    }

    @Test
    void adminsAndBoardViewersReadItOthersAreRefused() {
        World w = world();
        TestBrowser viewer = signedIn(w.viewer());
        String body = viewer.get("/actions").body();
        assertEquals(l(5, 1, 1, 1, 1), counts(body));
        assertFalse(body.contains("href=\"/actions/" + w.ids().get("a7") + "\""), "a board viewer reads the list; the action pages are not theirs");
        assertEquals(200, viewer.get("/actions/tracker.xlsx").status());

        TestBrowser lead = signedIn(w.lead());
        assertEquals(403, lead.get("/actions").status());
        assertEquals(403, lead.get("/actions/tracker.xlsx").status());
        TestBrowser.Page anonymous = browser().get("/actions");
        assertTrue(anonymous.status() != 200 && !anonymous.body().contains("count-open"), "anonymous: " + anonymous.status());
    }

    @Test
    void theListIsPagedFiftyAtATime() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        Organisation school = fixtures.school(p);
        CurrentUser a = user(p, admin, Roles.ADMIN);
        LocalDate due = Dates.today(clock).plusDays(30);
        for (int i = 0; i < 51; i++) {
            add(a, school, "Action number " + i, due);
        }
        TestBrowser browser = signedIn(admin);
        String first = browser.get("/actions").body();
        assertEquals(50, rows(first));
        assertTrue(first.contains("Showing 1 to 50 of 51") && first.contains("href=\"/actions?page=2\""), "a link to the next page");
        String second = browser.get("/actions?page=2").body();
        assertEquals(1, rows(second));
        assertTrue(second.contains("Showing 51 to 51 of 51") && second.contains("href=\"/actions?page=1\""));
        assertEquals(l(51, 0, 0, 0, 0), counts(second));
        assertTrue(browser.get("/actions?page=2&status=NOT_STARTED").body().contains("href=\"/actions?status=NOT_STARTED&amp;page=1\""),
                "the pages keep the filters");
    }

    @Test
    void theDownloadHasTheFilteredActionsAndAFormulaStaysText() throws Exception {
        World w = world();
        TestBrowser admin = signedIn(w.admin());
        TestBrowser.Page download = admin.get("/actions/tracker.xlsx?type=AGENCY");
        assertEquals(200, download.status());
        assertTrue(download.header("Content-Disposition").contains("action-tracker.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.raw().body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertEquals(TrackerWorkbook.HEADERS, headers);
            assertEquals(3, sheet.getLastRowNum(), "the three agency actions");
            Row formula = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(5).getStringCellValue().contains("HYPERLINK")) {
                    formula = sheet.getRow(r);
                }
            }
            assertTrue(formula != null, "a7 is in the download");
            assertEquals(CellType.STRING, formula.getCell(5).getCellType());
            assertEquals("'" + FORMULA, formula.getCell(5).getStringCellValue(), "the leading = is made inert");
            assertEquals("Agency", formula.getCell(1).getStringCellValue());
            assertEquals(w.t0().plusDays(3), formula.getCell(9).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("Not started", formula.getCell(10).getStringCellValue());
            assertEquals("Overdue", formula.getCell(11).getStringCellValue());
            assertEquals("Added by the partnership", formula.getCell(12).getStringCellValue());
        }
        try (XSSFWorkbook all = new XSSFWorkbook(new ByteArrayInputStream(admin.get("/actions/tracker.xlsx").raw().body()))) {
            assertEquals(7, all.getSheetAt(0).getLastRowNum(), "every action of the partnership, none of another's");
        }
    }
}
