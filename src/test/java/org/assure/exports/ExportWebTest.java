package org.assure.exports;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import org.assure.testsupport.TestSql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.access.Role;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.panels.MarkingBy;
import org.assure.panels.PanelWorld;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
class ExportWebTest extends WebTest {
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
    ExportHousekeeping housekeeping;

    /** Starts the export from the cycle page's button, as a browser would, and follows it to the job's page. */
    private static String start(TestBrowser admin, long cycleId) {
        var cycle = admin.get("/cycles/" + cycleId);
        Matcher form = FORM_ID.matcher(cycle.body().substring(cycle.body().indexOf("/cycles/" + cycleId + "/exports\"")));
        assertTrue(form.find());
        var posted = admin.post("/cycles/" + cycleId + "/exports", Map.of("_form", form.group(1), "kind", "ANSWERS"));
        assertEquals(303, posted.status(), posted.body());
        return posted.location();
    }

    static TestBrowser.Page ready(TestBrowser admin, String jobPath) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var page = admin.get(jobPath);
            assertEquals(200, page.status(), page.body());
            if (page.body().contains("id=\"download\"") || System.nanoTime() > until) {
                return page;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aCyclesAnswersExportedReadBack() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        CycleTerms terms = cycles.terms(w.cycleId());
        BankModel.Version bank = banks.get(terms.bankKey(), terms.bankVersion());
        BankModel.Section first = bank.sections().get(0);
        String question = first.questions().get(0).key();
        sql.update("DELETE FROM return_answer WHERE return_id = ? AND question_key = ?", w.returnId(), question);
        sql.update("INSERT INTO return_answer (return_id, question_key, rating, evidence, updated_at) VALUES (?, ?, 'GREEN', ?, ?)", w.returnId(), question,
                "=HYPERLINK(\"http://evil.example\",\"click\")", Timestamp.from(Instant.now()));
        sql.update("DELETE FROM case_moderation WHERE case_id = ?", w.caseId());
        sql.update("INSERT INTO case_moderation (partnership_id, case_id, outcome, version) VALUES (?, ?, 'PARTLY_ASSURED', 0)", w.partnership().id(), w.caseId());
        sql.update("DELETE FROM case_agreed_rating WHERE case_id = ?", w.caseId());
        sql.update("INSERT INTO case_agreed_rating (partnership_id, case_id, item_key, rating) VALUES (?, ?, ?, 'AMBER')", w.partnership().id(), w.caseId(),
                first.key());

        TestBrowser admin = signedIn(w.admin());
        String jobPath = start(admin, w.cycleId());
        assertTrue(jobPath.matches("/exports/\\d+"), jobPath);
        var page = ready(admin, jobPath);
        long perReturn = bank.sections().stream().mapToLong(s -> s.questions().size()).sum();
        assertTrue(page.body().contains((3 * perReturn) + " of " + (3 * perReturn) + " (100%)"), page.body());
        assertTrue(page.body().contains("Ready"));

        var download = admin.get(jobPath + ".xlsx");
        assertEquals(200, download.status());
        assertTrue(download.header("Content-Disposition").contains(".xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.raw().body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertEquals(AnswersWorkbook.HEADERS, headers);
            assertEquals(3 * perReturn, sheet.getLastRowNum());
            Row answered = null;
            int schoolRows = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r.getCell(0).getStringCellValue().equals(w.school().name())) {
                    schoolRows++;
                    if (r.getCell(4).getStringCellValue().equals(question)) {
                        answered = r;
                    }
                }
            }
            assertEquals(perReturn, schoolRows);
            assertTrue(answered != null);
            assertEquals(terms.bankKey(), answered.getCell(1).getStringCellValue());
            assertEquals(terms.bankVersion(), answered.getCell(2).getStringCellValue());
            assertEquals(first.key(), answered.getCell(3).getStringCellValue());
            assertEquals("Green", answered.getCell(5).getStringCellValue().substring(0, 5));
            assertTrue(answered.getCell(6).getStringCellValue().startsWith("Amber"), "the section's agreed rating: " + answered.getCell(6));
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, answered.getCell(8).getCellType(), "evidence is text, not a formula");
            assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", answered.getCell(8).getStringCellValue());
        }

        // a day later housekeeping deletes the file and the page says so
        String tidied = housekeeping.tidy(Instant.now().plus(Duration.ofDays(2)));
        assertTrue(tidied.startsWith("1 deleted") || tidied.matches("\\d+ deleted.*"), tidied);
        assertEquals(404, admin.get(jobPath + ".xlsx").status());
        assertTrue(admin.get(jobPath).body().contains("deleted a day after"));
    }

    @Test
    void postingTwiceStartsOneJob() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        var cycle = admin.get("/cycles/" + w.cycleId());
        Matcher form = FORM_ID.matcher(cycle.body().substring(cycle.body().indexOf("/cycles/" + w.cycleId() + "/exports\"")));
        assertTrue(form.find());
        var once = admin.post("/cycles/" + w.cycleId() + "/exports", Map.of("_form", form.group(1), "kind", "ANSWERS"));
        var twice = admin.post("/cycles/" + w.cycleId() + "/exports", Map.of("_form", form.group(1), "kind", "ANSWERS"));
        assertEquals(once.location(), twice.location());
        ready(admin, once.location());
        assertEquals(1, jobs.ofCycle(w.cycleId()).size());

        // two requests at once, each with its own form: the second finds the first's job while it is queued or running
        Instant now = Instant.now();
        long first = jobs.insert(w.partnership().id(), w.cycleId(), "TEST", 10, w.admin().id(), now).orElseThrow();
        assertTrue(jobs.insert(w.partnership().id(), w.cycleId(), "TEST", 10, w.admin().id(), now).isEmpty());
        assertEquals(first, jobs.active(w.cycleId(), "TEST").orElseThrow().id());
        jobs.failed(first, "test", now);
        assertTrue(jobs.insert(w.partnership().id(), w.cycleId(), "TEST", 10, w.admin().id(), now).isPresent(), "a finished job is not in the way");
    }

    @Test
    void anotherPartnershipsExportIsNotFoundAndOnlyAdminsExport() throws Exception {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        PanelWorld.World other = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        String jobPath = start(admin, w.cycleId());
        ready(admin, jobPath);

        TestBrowser otherAdmin = signedIn(other.admin());
        otherAdmin.get("/cycles/" + other.cycleId());
        assertEquals(404, otherAdmin.get(jobPath).status());
        assertEquals(404, otherAdmin.get(jobPath + ".xlsx").status());
        assertEquals(404, otherAdmin.get("/cycles/" + w.cycleId() + "/exports").status());
        assertEquals(404, otherAdmin.post("/cycles/" + w.cycleId() + "/exports", Map.of()).status());
        assertEquals(404, admin.get("/exports/99999999").status());

        for (TestBrowser refused : List.of(signedIn(w.lead()), signedIn(w.memberA()), signedIn(w.moderator()))) {
            assertEquals(403, refused.get(jobPath).status());
            assertEquals(403, refused.get(jobPath + ".xlsx").status());
            assertEquals(403, refused.get("/cycles/" + w.cycleId() + "/exports").status());
            refused.get("/");
            assertEquals(403, refused.post("/cycles/" + w.cycleId() + "/exports", Map.of()).status());
        }
        assertEquals(1, jobs.ofCycle(w.cycleId()).size());
        assertFalse(admin.get("/cycles/" + w.cycleId() + "/exports").body().contains("not been exported yet"));
    }
}
