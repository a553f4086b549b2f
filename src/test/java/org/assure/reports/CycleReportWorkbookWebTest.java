package org.assure.reports;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.access.Role;
import org.assure.kernel.Dates;
import org.assure.kernel.SheetText;
import org.assure.organisations.Organisation;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.TestDatabases;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cycle report's workbooks (ADR 0049) against {@link ReportWorld}'s hand-counted fixture: the figures are the
 * page's, suppressed where the page suppresses them, and the anonymised workbook names no organisation in any cell.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleReportWorkbookWebTest extends WebTest {
    private static final DataFormatter FORMAT = new DataFormatter();

    @Inject
    ReportWorld reportWorld;

    @Inject
    TransactionOperations<Connection> transactions;

    ReportWorld.World w;
    /** The outstanding school's name, renamed to start with "=": a spreadsheet must not take it for a formula. */
    String outstandingName;
    String named;
    String anonymised;

    @BeforeAll
    void world() {
        w = reportWorld.build();
        outstandingName = "=1+2 " + w.schools().get(5).name();
        transactions.executeWrite(status -> {
            try (PreparedStatement st = status.getConnection().prepareStatement("UPDATE organisation SET name = ? WHERE id = ?")) {
                st.setString(1, outstandingName);
                st.setLong(2, w.schools().get(5).id());
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        named = "/cycles/" + w.cycleId() + "/report.xlsx";
        anonymised = "/cycles/" + w.cycleId() + "/report/anonymised.xlsx";
    }

    private XSSFWorkbook download(Fixtures.Person who, String path) {
        TestBrowser.Page page = signedIn(who).get(path);
        assertEquals(200, page.status(), path + ": " + page.body());
        assertEquals(org.assure.web.Workbooks.XLSX, page.header("Content-Type"), path);
        assertTrue(page.header("Content-Disposition").startsWith("attachment; filename=\"cycle-" + w.cycleId()), path);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(page.raw().body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row's cells after its first {@code skip}, as the spreadsheet shows them; a numeric cell as its number. */
    private static List<String> row(Sheet sheet, int column, String startsWith, int skip) {
        for (Row r : sheet) {
            Cell key = r.getCell(column);
            if (r.getRowNum() > 0 && key != null && key.getCellType() == CellType.STRING && key.getStringCellValue().startsWith(startsWith)) {
                List<String> cells = new ArrayList<>();
                for (int i = skip; i < r.getLastCellNum(); i++) {
                    cells.add(FORMAT.formatCellValue(r.getCell(i)));
                }
                return cells;
            }
        }
        throw new AssertionError("no row " + startsWith + " in " + sheet.getSheetName());
    }

    private static Cell cell(Sheet sheet, String startsWith, int column) {
        for (Row r : sheet) {
            Cell key = r.getCell(0);
            if (key != null && key.getCellType() == CellType.STRING && key.getStringCellValue().startsWith(startsWith)) {
                return r.getCell(column);
            }
        }
        throw new AssertionError("no row " + startsWith + " in " + sheet.getSheetName());
    }

    private static List<String> texts(XSSFWorkbook book) {
        List<String> out = new ArrayList<>();
        for (Sheet s : book) {
            out.add(s.getSheetName());
            for (Row r : s) {
                for (Cell c : r) {
                    out.add(FORMAT.formatCellValue(c));
                }
            }
        }
        return out;
    }

    @Test
    void theNamedWorkbookHasThePagesFiguresASheetPerPart() throws IOException {
        try (XSSFWorkbook book = download(w.admin(), named)) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            List<String> expected = new ArrayList<>(CycleReportWorkbook.SHEETS);
            expected.add(CycleReportWorkbook.HEAT_MAP);
            assertEquals(expected, sheets);
            // the heat map: the five submitted schools, an organisation with one answer of leadership's six not met at 83%
            Sheet heat = book.getSheet(CycleReportWorkbook.HEAT_MAP);
            assertEquals(5, heat.getLastRowNum(), "a row per submitted school after the header");
            assertEquals(83.0, heat.getRow(1).getCell(2).getNumericCellValue(), "the lowest first: leadership 5 of 6 met");
            Sheet sections = book.getSheet("Sections");
            // header: number, section, then answers and % per rating in the base (Green, Amber, Red), base, not applicable
            assertEquals("Green (answers)", sections.getRow(0).getCell(2).getStringCellValue());
            assertEquals("Base (answers)", sections.getRow(0).getCell(8).getStringCellValue());
            // leadership: base 29 (30 answers, 1 not applicable): 26 Green, 1 Amber, 2 Red
            assertEquals(List.of("26", "90", "1", "3", "2", "7", "29", "1"), row(sections, 1, "Leadership", 2));
            assertEquals(CellType.NUMERIC, cell(sections, "1", 8).getCellType(), "the base is a number");
            assertEquals(29.0, cell(sections, "1", 8).getNumericCellValue());
            Sheet questions = book.getSheet("Questions");
            assertEquals(List.of("2", "50", "1", "25", "1", "25", "4", "1"), row(questions, 0, "1.1", 2));
            assertEquals(List.of("4", "80", "0", "0", "1", "20", "5", "0"), row(questions, 0, "1.2", 2));
            Sheet notMet = book.getSheet("Not met most often");
            assertEquals("1.1", notMet.getRow(1).getCell(0).getStringCellValue(), "half of its base not met: first");
            assertEquals(List.of("2", "50", "4"), row(notMet, 0, "1.1", 2));
            Sheet completion = book.getSheet("Completion");
            assertEquals(List.of("6"), row(completion, 0, "Returns in the cycle", 1));
            assertEquals(List.of("4", "67"), row(completion, 0, "Submitted on time", 1));
            assertEquals(List.of("1", "17"), row(completion, 0, "Submitted late", 1));
            // the named workbook lists the school not yet submitted, as the named page does; its name, starting with =, stays text
            Cell outstanding = completion.getRow(cell(completion, "Organisations not yet submitted", 0).getRowIndex() + 1).getCell(0);
            assertEquals(CellType.STRING, outstanding.getCellType(), "a name starting with = is text, not a formula");
            assertEquals("'" + outstandingName, outstanding.getStringCellValue());
            assertEquals(outstandingName, SheetText.unescape(outstanding.getStringCellValue()));
            Sheet breakdowns = book.getSheet("Breakdowns");
            assertEquals(List.of("3", "3", "3", "100"), row(breakdowns, 1, "Primary", 2).subList(0, 4));
            assertEquals(List.of("1", "0", "0", "none submitted", "0", "no answers", "0"), row(breakdowns, 1, "Nursery", 2));
            Sheet timeline = book.getSheet("Submissions over time");
            assertEquals(List.of("4", "4", "67"), row(timeline, 0, Dates.date(w.opened()), 1));
            assertEquals(List.of("1", "5", "83"), row(timeline, 0, Dates.date(w.opened().plusDays(12)), 1));
            assertEquals(List.of("0", "0"), row(book.getSheet("Actions"), 0, "Verified", 1));
            assertEquals("Composite report", cell(book.getSheet("About"), "Report", 1).getStringCellValue());
            assertTrue(cell(book.getSheet("About"), "Cycle", 1).getStringCellValue().startsWith("Report cycle "), "the cycle");
        }
    }

    @Test
    void theAnonymisedWorkbookSuppressesAsThePageDoesAndNamesNoOrganisation() throws IOException {
        try (XSSFWorkbook book = download(w.viewer(), anonymised)) {
            Sheet sections = book.getSheet("Sections");
            // the section's base is five organisations, so it is shown; its Amber and Red come from one organisation each
            assertEquals(List.of("26", "90", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "29", "1"), row(sections, 1, "Leadership", 2));
            Sheet questions = book.getSheet("Questions");
            assertEquals(List.of("Not shown: drawn from fewer than 5 organisations"), row(questions, 0, "1.1", 2));
            assertEquals(List.of("fewer than 5", "fewer than 5", "0", "0", "fewer than 5", "fewer than 5", "5", "0"), row(questions, 0, "1.2", 2));
            assertEquals(List.of("6"), row(book.getSheet("Completion"), 0, "Returns in the cycle", 1));
            assertEquals(List.of("fewer than 5", "fewer than 5"), row(book.getSheet("Completion"), 0, "Submitted on time", 1));
            assertTrue(row(book.getSheet("Submissions over time"), 0, "Not shown", 0).get(0).startsWith("Not shown: the figures would reveal"));
            assertTrue(row(book.getSheet("Not met most often"), 0, "No question", 0).get(0).endsWith("by enough organisations to show."));
            assertEquals(null, book.getSheet(CycleReportWorkbook.HEAT_MAP), "no heat map: every row would name an organisation");
            Sheet about = book.getSheet("About");
            assertEquals("Anonymised composite report", cell(about, "Report", 1).getStringCellValue());
            assertEquals(5.0, cell(about, "Threshold", 1).getNumericCellValue());
            assertTrue(cell(about, "Suppression", 1).getStringCellValue().contains("fewer than 5 organisations is shown as \"fewer than 5\""));
            assertNoOrganisationNamed(book);
        }
        try (XSSFWorkbook book = download(w.viewer(), anonymised + "?threshold=2")) {
            assertNoOrganisationNamed(book);
        }
    }

    private void assertNoOrganisationNamed(XSSFWorkbook book) {
        List<String> texts = texts(book);
        assertTrue(texts.size() > 100, "the workbook has its figures: " + texts.size() + " cells");
        for (Organisation o : w.schools()) {
            for (String text : texts) {
                assertFalse(text.contains(o.name()), "no organisation named: " + o.name() + " in " + text);
            }
        }
        assertFalse(texts.contains("Organisations not yet submitted"), "no list of names");
    }

    @Test
    void theThresholdIsThePagesAndABadOneFallsBackToFive() throws IOException {
        try (XSSFWorkbook book = download(w.admin(), anonymised + "?threshold=2")) {
            assertEquals(List.of("2", "50", "fewer than 2", "fewer than 2", "fewer than 2", "fewer than 2", "4", "1"), row(book.getSheet("Questions"), 0, "1.1", 2));
            assertEquals(List.of("4", "67"), row(book.getSheet("Completion"), 0, "Submitted on time", 1));
            assertEquals(2.0, cell(book.getSheet("About"), "Threshold", 1).getNumericCellValue());
        }
        for (String bad : List.of("1", "51", "five", "-3", "%3Cscript%3E")) {
            try (XSSFWorkbook book = download(w.admin(), anonymised + "?threshold=" + bad)) {
                assertEquals(List.of("fewer than 5", "fewer than 5"), row(book.getSheet("Completion"), 0, "Submitted on time", 1), bad);
                assertEquals(5.0, cell(book.getSheet("About"), "Threshold", 1).getNumericCellValue(), bad);
                assertTrue(cell(book.getSheet("About"), "Threshold asked", 1).getStringCellValue().startsWith("The threshold must be a whole number"), bad);
            }
        }
    }

    @Test
    void bothPagesLinkToTheirWorkbook() {
        String page = signedIn(w.viewer()).get("/cycles/" + w.cycleId() + "/report").body();
        assertTrue(page.contains("href=\"" + named + "\" id=\"workbook-link\">Download as a spreadsheet (.xlsx)</a>"), "the named page");
        String two = signedIn(w.viewer()).get("/cycles/" + w.cycleId() + "/report/anonymised?threshold=2").body();
        assertTrue(two.contains("href=\"" + anonymised + "?threshold=2\" id=\"workbook-link\""), "the anonymised page keeps its threshold");
    }

    @Test
    void anotherPartnershipsCycleIsNotFoundAndALeadIsRefused() {
        Fixtures.Person otherAdmin = fixtures.admin(fixtures.partnership());
        for (String path : List.of(named, anonymised, anonymised + "?threshold=2")) {
            assertEquals(404, signedIn(otherAdmin).get(path).status(), path);
            assertEquals(403, signedIn(w.lead()).get(path).status(), path);
        }
        assertEquals(403, signedIn(fixtures.person(w.p(), Role.ORGANISATION_LEAD, w.schools().get(3))).get(named).status());
        assertEquals(404, signedIn(w.admin()).get("/cycles/99999999/report.xlsx").status());
    }
}
