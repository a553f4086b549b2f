package org.assure.exports;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import org.assure.testsupport.TestSql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.actions.ActionSource;
import org.assure.actions.ActionStatus;
import org.assure.actions.TrackerWorkbook;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.ProgressWorkbook;
import org.assure.kernel.Dates;
import org.assure.panels.MarkingBy;
import org.assure.panels.PanelWorld;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnStatus;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress, actions and panel-marks exports (ADR 0047) read back cell by cell against small hand-built fixtures,
 * the kind form's bad values, one job per cycle and kind, another partnership's ids, and the audit of each export.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
class ExportKindsWebTest extends WebTest {
    private static final Pattern FORM_ID = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");
    @Inject
    PanelWorld worlds;
    @Inject
    TestSql sql;
    @Inject
    CycleLookup cycles;
    @Inject
    QuestionBanks banks;
    @Inject
    ExportJobs jobs;
    @Inject
    Clock clock;

    /** Presses the button of {@code kind} on the cycle's exports page, as a browser would; the job's page it is sent to. */
    private static String press(TestBrowser admin, long cycleId, ExportKind kind) {
        var page = admin.get("/cycles/" + cycleId + "/exports");
        assertEquals(200, page.status(), page.body());
        String before = page.body().substring(0, page.body().indexOf("name=\"kind\" value=\"" + kind.name() + "\""));
        Matcher form = FORM_ID.matcher(before.substring(before.lastIndexOf("<form")));
        assertTrue(form.find(), "the form of " + kind + " carries a form id");
        var posted = admin.post("/cycles/" + cycleId + "/exports", Map.of("_form", form.group(1), "kind", kind.name()));
        assertEquals(303, posted.status(), posted.body());
        return posted.location();
    }

    /** The file of a finished export as rows of cell text ("" for a blank cell), the header first. */
    private static List<List<String>> download(TestBrowser admin, String jobPath, String fileWord) throws Exception {
        var page = ExportWebTest.ready(admin, jobPath);
        assertTrue(page.body().contains("id=\"download\""), page.body());
        var file = admin.get(jobPath + ".xlsx");
        assertEquals(200, file.status());
        assertTrue(file.header("Content-Disposition").contains("-" + fileWord + "-"), file.header("Content-Disposition"));
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.raw().body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getLastCellNum(); c++) {
                    var cell = r.getCell(c);
                    cells.add(cell == null || cell.getCellType() == CellType.BLANK ? "" : cell.getCellType() == CellType.NUMERIC
                            ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
                    if (cell != null) {
                        assertTrue(cell.getCellType() != CellType.FORMULA, "no cell is a formula: " + cell);
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void theProgressListExportedReadBack() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        sql.update("UPDATE organisation SET name = ? WHERE id = ?", "=1+1 Primary", w.school().id());
        TestBrowser admin = signedIn(w.admin());
        List<List<String>> rows = download(admin, press(admin, w.cycleId(), ExportKind.PROGRESS), "progress");

        assertEquals(ProgressWorkbook.HEADERS, rows.get(0));
        assertEquals(4, rows.size(), "one row per return: " + rows);
        // organisation-name order: "=1+1 Primary" sorts before "School n"; the typed "=" is text, kept as typed after its quote
        List<String> submitted = rows.get(1);
        assertEquals("'=1+1 Primary", submitted.get(0));
        assertEquals("Academy or free school", submitted.get(1), "the fixture school's category");
        assertEquals(ReturnStatus.SUBMITTED.label(), submitted.get(3));
        assertEquals(Dates.date(Dates.today(clock)), submitted.get(6));
        assertEquals("", submitted.get(7), "on time");
        List<String> names = List.of(rows.get(2).get(0), rows.get(3).get(0));
        assertEquals(List.of(w.sister().name(), w.unsubmitted().name()).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
        for (List<String> other : rows.subList(2, 4)) {
            assertEquals(ReturnStatus.NOT_STARTED.label(), other.get(3));
            assertEquals("0.0", other.get(4));
            assertEquals("", other.get(6));
        }
    }

    @Test
    void theCyclesActionsExportedReadBack() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        // the world's submitted return proposed actions of its own; this test counts only the ones it writes
        for (String table : List.of("action_update", "action_due_change", "action_chase")) {
            sql.update("DELETE FROM " + table + " WHERE action_id IN (SELECT id FROM action_item WHERE cycle_id = ?)", w.cycleId());
        }
        sql.update("DELETE FROM action_item WHERE cycle_id = ?", w.cycleId());
        LocalDate today = Dates.today(clock);
        Timestamp now = Timestamp.from(Instant.now());
        String insert = "INSERT INTO action_item (partnership_id, organisation_id, cycle_id, return_id, source, what, owner_name, owner_role, "
                + "owner_email, due_on, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'PARTNERSHIP', ?, ?, 'DSL', ?, ?, ?, ?, ?, ?)";
        sql.update(insert, w.partnership().id(), w.school().id(), w.cycleId(), w.returnId(), "=HYPERLINK(\"http://evil.example\",\"x\")", "Dee Esel",
                "dee@example.org", java.sql.Date.valueOf(today.minusDays(3)), "IN_PROGRESS", w.admin().id(), now, now);
        sql.update(insert, w.partnership().id(), w.school().id(), w.cycleId(), w.returnId(), "Train the governors", "Ann Other", "ann@example.org",
                java.sql.Date.valueOf(today.plusDays(30)), "NOT_STARTED", w.admin().id(), now, now);
        // raised outside any cycle: not this cycle's
        sql.update(insert, w.partnership().id(), w.sister().id(), null, null, "Not of the cycle", "Sam", "sam@example.org",
                java.sql.Date.valueOf(today.plusDays(5)), "NOT_STARTED", w.admin().id(), now, now);

        TestBrowser admin = signedIn(w.admin());
        String jobPath = press(admin, w.cycleId(), ExportKind.ACTIONS);
        List<List<String>> rows = download(admin, jobPath, "actions");
        String job = admin.get(jobPath).body();
        assertTrue(job.contains("2 of 2 (100%)"), job);

        assertEquals(TrackerWorkbook.HEADERS, rows.get(0));
        assertEquals(3, rows.size(), "the cycle's two actions: " + rows);
        List<String> overdue = rows.get(1);
        assertEquals(w.school().name(), overdue.get(0));
        assertEquals(cycles.terms(w.cycleId()).name(), overdue.get(3));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"x\")", overdue.get(5));
        assertEquals(List.of("Dee Esel", "DSL", "dee@example.org"), overdue.subList(6, 9));
        assertEquals(List.of(ActionStatus.IN_PROGRESS.label(), "Overdue", ActionSource.PARTNERSHIP.label()), overdue.subList(10, 13));
        List<String> onTime = rows.get(2);
        assertEquals("Train the governors", onTime.get(5));
        assertEquals(List.of(ActionStatus.NOT_STARTED.label(), "", ActionSource.PARTNERSHIP.label()), onTime.subList(10, 13));
    }

    @Test
    void submittedMarksAndConfirmedOutcomesOnly() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        CycleTerms terms = cycles.terms(w.cycleId());
        BankModel.Version bank = banks.get(terms.bankKey(), terms.bankVersion());
        String first = bank.sections().get(0).key();
        String second = bank.sections().get(1).key();
        Map<String, String> label = new java.util.HashMap<>();
        bank.scale().ratings().forEach(r -> label.put(r.code(), r.label()));
        long p = w.partnership().id();
        Timestamp now = Timestamp.from(Instant.now());
        sql.update("DELETE FROM case_mark WHERE marking_id IN (SELECT id FROM case_marking WHERE case_id = ?)", w.caseId());
        sql.update("DELETE FROM case_marking WHERE case_id = ?", w.caseId());
        sql.update("INSERT INTO case_marking (partnership_id, case_id, account_id, submitted_at) VALUES (?, ?, ?, ?)", p, w.caseId(), w.memberA().id(), now);
        sql.update("INSERT INTO case_marking (partnership_id, case_id, account_id, submitted_at) VALUES (?, ?, ?, NULL)", p, w.caseId(), w.memberB().id());
        String mark = "INSERT INTO case_mark (partnership_id, marking_id, item_key, self_rating, panel_rating, agrees, comment) "
                + "SELECT ?, id, ?, ?, ?, ?, ? FROM case_marking WHERE case_id = ? AND account_id = ?";
        sql.update(mark, p, first, "GREEN", "AMBER", false, "=SUM(A1:A9) thin evidence", w.caseId(), w.memberA().id());
        sql.update(mark, p, second, "GREEN", "GREEN", true, null, w.caseId(), w.memberA().id());
        sql.update(mark, p, first, "GREEN", "RED", false, "a draft nobody else may see", w.caseId(), w.memberB().id());
        // the moderator's draft: an outcome chosen, not confirmed, and a rating agreed in the draft
        sql.update("DELETE FROM case_moderation WHERE case_id = ?", w.caseId());
        sql.update("INSERT INTO case_moderation (partnership_id, case_id, outcome, draft_outcome, version) VALUES (?, ?, NULL, 'ASSURED', 0)", p, w.caseId());
        sql.update("DELETE FROM case_agreed_rating WHERE case_id = ?", w.caseId());
        sql.update("INSERT INTO case_agreed_rating (partnership_id, case_id, item_key, rating) VALUES (?, ?, ?, 'AMBER')", p, w.caseId(), first);

        TestBrowser admin = signedIn(w.admin());
        String panel = panelName(w.panelId());
        String marker = "Person " + w.memberA().email();
        List<List<String>> drafts = download(admin, press(admin, w.cycleId(), ExportKind.PANEL_MARKS), "panel-marks");
        assertEquals(PanelMarksExport.HEADERS, drafts.get(0));
        assertEquals(List.of(
                List.of(panel, w.school().name(), marker, first, label.get("GREEN"), label.get("AMBER"), "Adjusts", "'=SUM(A1:A9) thin evidence", "", ""),
                List.of(panel, w.school().name(), marker, second, label.get("GREEN"), label.get("GREEN"), "Agrees", "", "", "")),
                drafts.subList(1, drafts.size()), "member A's submitted marks only; no draft agreed rating nor outcome");

        sql.update("UPDATE case_moderation SET outcome = 'PARTLY_ASSURED', draft_outcome = NULL WHERE case_id = ?", w.caseId());
        List<List<String>> confirmed = download(admin, press(admin, w.cycleId(), ExportKind.PANEL_MARKS), "panel-marks");
        assertEquals(3, confirmed.size());
        assertEquals(List.of(panel, w.school().name(), marker, first, label.get("GREEN"), label.get("AMBER"), "Adjusts",
                "'=SUM(A1:A9) thin evidence", label.get("AMBER"), "Partly assured"), confirmed.get(1));
        assertEquals(List.of(panel, w.school().name(), marker, second, label.get("GREEN"), label.get("GREEN"), "Agrees", "", "",
                "Partly assured"), confirmed.get(2));
    }

    private String panelName(long panelId) {
        return sql.text("SELECT name FROM panel WHERE id = ?", panelId);
    }

    @Test
    void aBadOrMissingKindIsToldOnThePageAndStartsNothing() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        admin.get("/cycles/" + w.cycleId() + "/exports");
        for (Map<String, String> form : List.of(Map.of("kind", "EVERYTHING"), Map.<String, String>of(), Map.of("kind", ""))) {
            var page = admin.post("/cycles/" + w.cycleId() + "/exports", form);
            assertEquals(422, page.status(), page.body());
            assertTrue(page.body().contains("There is a problem"), page.body());
            assertTrue(page.body().contains("Choose which export to start with one of the buttons"));
            assertTrue(page.body().contains("<title>Error: Exports"), "the title says so");
        }
        assertEquals(0, jobs.ofCycle(w.cycleId()).size());
    }

    @Test
    void oneJobPerCycleAndKindAndEachStartAndDownloadAudited() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        String progress = press(admin, w.cycleId(), ExportKind.PROGRESS);
        String actions = press(admin, w.cycleId(), ExportKind.ACTIONS);
        assertTrue(!progress.equals(actions), "two kinds, two jobs");
        download(admin, progress, "progress");
        download(admin, actions, "actions");
        admin.get(progress + ".xlsx");
        assertEquals(2, jobs.ofCycle(w.cycleId()).size());

        // while one of a kind is queued or running, another of that kind is that one; another kind is not in the way
        Instant now = Instant.now();
        long queued = jobs.insert(w.partnership().id(), w.cycleId(), ExportKind.PANEL_MARKS.name(), 0, w.admin().id(), now).orElseThrow();
        assertTrue(jobs.insert(w.partnership().id(), w.cycleId(), ExportKind.PANEL_MARKS.name(), 0, w.admin().id(), now).isEmpty());
        assertTrue(jobs.insert(w.partnership().id(), w.cycleId(), "TEST", 0, w.admin().id(), now).isPresent());
        assertEquals(queued, jobs.active(w.cycleId(), ExportKind.PANEL_MARKS.name()).orElseThrow().id());

        long progressId = Long.parseLong(progress.substring("/exports/".length()));
        String audit = "SELECT COUNT(*) FROM audit_event WHERE partnership_id = ? AND entity_type = 'export_job' AND entity_id = ? AND action = ? "
                + "AND account_id = ?";
        assertEquals(1, sql.count(audit, w.partnership().id(), progressId, "started", w.admin().id()));
        assertEquals(2, sql.count(audit, w.partnership().id(), progressId, "downloaded", w.admin().id()));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'export_job' AND entity_id = ? AND action = 'started' "
                + "AND after_fields LIKE '%PROGRESS%'", progressId));

        String list = admin.get("/cycles/" + w.cycleId() + "/exports").body();
        assertTrue(list.contains("Person " + w.admin().email()), "who asked for each export is shown");
        assertTrue(admin.get(progress).body().contains(" by Person " + w.admin().email()), "and on the job's page");
    }

    @Test
    void anotherPartnershipsCycleAndJobsAreNotFound() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        PanelWorld.World other = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        String marks = press(admin, w.cycleId(), ExportKind.PANEL_MARKS);
        download(admin, marks, "panel-marks");

        TestBrowser otherAdmin = signedIn(other.admin());
        otherAdmin.get("/cycles/" + other.cycleId() + "/exports");
        for (ExportKind kind : ExportKind.values()) {
            assertEquals(404, otherAdmin.post("/cycles/" + w.cycleId() + "/exports", Map.of("kind", kind.name())).status());
        }
        assertEquals(404, otherAdmin.get(marks).status());
        assertEquals(404, otherAdmin.get(marks + ".xlsx").status());
        assertEquals(1, jobs.ofCycle(w.cycleId()).size());
        assertEquals(0, jobs.ofCycle(other.cycleId()).size());
        assertEquals(0, sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'export_job' AND partnership_id = ?", other.partnership().id()));
    }
}
