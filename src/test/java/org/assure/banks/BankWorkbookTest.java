package org.assure.banks;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Version;
import org.assure.banks.BankWorkbook.Import;
import org.assure.banks.BankWorkbook.SheetProblem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankWorkbookTest {
    static final List<BankFile> DEMO = BankLoaderTest.files("demo/2024.yaml", BankLoaderTest.V2024);

    static Version demo() {
        return BankLoader.load(DEMO).find("demo", "2024").orElseThrow().version();
    }

    /** The demo version's workbook, changed by {@code edit}. */
    static byte[] edited(Version version, Consumer<XSSFWorkbook> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(BankWorkbook.export(version)));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a cell by Excel row number and column heading. */
    static void set(XSSFWorkbook workbook, String sheetName, int excelRow, String heading, String value) {
        Sheet sheet = workbook.getSheet(sheetName);
        Row header = sheet.getRow(0);
        int column = -1;
        for (Cell c : header) {
            if (c.getStringCellValue().equals(heading)) {
                column = c.getColumnIndex();
            }
        }
        assertTrue(column >= 0, heading);
        Row row = sheet.getRow(excelRow - 1) == null ? sheet.createRow(excelRow - 1) : sheet.getRow(excelRow - 1);
        row.createCell(column).setCellValue(value);
    }

    static void assertProblem(Import result, String where, String fragment) {
        assertFalse(result.ok());
        assertNull(result.version());
        assertTrue(result.problems().stream().anyMatch(p -> p.where().equals(where) && p.message().contains(fragment)),
                "expected " + where + ": '" + fragment + "' in\n" + String.join("\n", result.problems().stream().map(SheetProblem::toString).toList()));
    }

    @Test
    void everyShippedVersionComesBackIdentical() {
        List<BankFile> shipped = BankFiles.fromDirectory(Path.of("question-banks"));
        for (LoadedBanks.LoadedVersion loaded : BankLoader.load(shipped).versions()) {
            Version original = loaded.version();
            Import back = BankWorkbook.read(BankWorkbook.export(original), shipped);
            assertEquals(List.of(), back.problems(), original.id());
            assertEquals(original, back.version(), original.id());
            assertEquals(BankYamlWriter.write(original), back.yaml(), original.id());
        }
    }

    @Test
    void awkwardTextAndAnInlineScaleComeBackIdentical() {
        Version awkward = BankYamlWriterTest.awkward();
        // A list item with a line break would become two items (lists are one item a line), and an
        // empty applies-to reads as none: neither can be written in a cell.
        List<Section> sections = awkward.sections().stream().map(s -> new Section(s.key(), s.title(), s.intro(), null,
                s.questions().stream().map(q -> new Question(q.key(), q.text(), q.hint(), q.guidance(),
                        q.evidenceExamples().stream().map(e -> e.replace('\n', ' ')).toList(), q.type(), q.required(),
                        q.evidencePrompt(), q.references().stream().map(r -> r.replace('\n', ' ')).toList(), q.replaces(),
                        q.splitFrom(), q.showWhen(), q.options())).toList())).toList();
        Version version = new Version(awkward.bank(), awkward.title(), awkward.version(), awkward.guidance(), awkward.effectiveFrom(),
                awkward.audience(), awkward.scale(), sections);
        Import back = BankWorkbook.read(BankWorkbook.export(version), BankLoaderTest.files());
        assertEquals(List.of(), back.problems());
        assertEquals(version, back.version());
    }

    /** Issue 9 item 11: text a spreadsheet could take for a formula is written with an apostrophe, and comes back exactly. */
    @Test
    void textThatLooksLikeAFormulaIsWrittenSoNoSpreadsheetRunsItAndReadsBackExactly() throws IOException {
        Version demo = demo();
        String[] dangerous = {"=HYPERLINK(\"https://attacker.example\",\"Click\")", "+44 1234", "-1+2", "@SUM(A1:A9)", "\tindented"};
        int[] n = {0};
        List<Section> sections = demo.sections().stream().map(s -> new Section(s.key(), s.title(), s.intro(), s.appliesTo(),
                s.questions().stream().map(q -> new Question(q.key(), dangerous[n[0]++ % dangerous.length] + " " + q.text(), q.hint(),
                        q.guidance(), q.evidenceExamples(), q.type(), q.required(), q.evidencePrompt(), q.references(), q.replaces(),
                        q.splitFrom(), q.showWhen(), q.options())).toList())).toList();
        Version version = new Version(demo.bank(), "=cmd|' /C calc'!A0", demo.version(), demo.guidance(), demo.effectiveFrom(),
                demo.audience(), demo.scale(), sections);
        byte[] exported = BankWorkbook.export(version);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertFalse(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA, sheet.getSheetName() + " " + cell.getAddress());
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            String text = cell.getStringCellValue();
                            assertFalse(text.matches("(?s)^[=+\\-@\t\r].*"), sheet.getSheetName() + " " + cell.getAddress() + ": " + text);
                        }
                    }
                }
            }
            assertEquals("'=cmd|' /C calc'!A0", workbook.getSheet(BankWorkbook.VERSION).getRow(2).getCell(1).getStringCellValue());
        }
        Import back = BankWorkbook.read(exported, DEMO);
        assertEquals(List.of(), back.problems());
        assertEquals(version, back.version());
    }

    @Test
    void theWorkbookIsLaidOutForAuthors() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(BankWorkbook.export(demo())))) {
            assertEquals(List.of("Version", "Scale", "Sections", "Questions"),
                    List.of(0, 1, 2, 3).stream().map(i -> workbook.getSheetName(i)).toList());
            Sheet questions = workbook.getSheet("Questions");
            assertEquals("Section", questions.getRow(0).getCell(0).getStringCellValue());
            assertTrue(workbook.getFontAt(questions.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, questions.getPaneInformation().getHorizontalSplitTopRow());
            assertEquals("boarding-standards", questions.getRow(3).getCell(1).getStringCellValue());
            assertEquals("has-boarding", questions.getRow(3).getCell(12).getStringCellValue());
            assertEquals("YES", questions.getRow(3).getCell(13).getStringCellValue());
            assertTrue(questions.getRow(1).getCell(2).getCellStyle().getWrapText());
            assertTrue(workbook.getSheet("Scale").getRow(5).getCell(0).getStringCellValue().startsWith("For reference only"),
                    "a named scale's ratings are shown, marked as not read");
            assertEquals("rag", workbook.getSheet("Version").getRow(9).getCell(1).getStringCellValue());
        }
    }

    @Test
    void optionsListsAndDatesAreReadAsAuthorsWriteThem() {
        byte[] file = edited(demo(), w -> {
            set(w, "Questions", 2, "Type", "Single choice");
            set(w, "Questions", 2, "Options", "DEPUTY: A trained deputy DSL\r\nHEAD: The headteacher: usually\n\n");
            set(w, "Questions", 2, "Required", "No");
            set(w, "Questions", 2, "References", "Part 2, paragraph 81\nAnnex B");
            set(w, "Version", 7, "Value", "SCHOOL ,AGENCY");
        });
        Import result = BankWorkbook.read(file, DEMO);
        assertEquals(List.of(), result.problems());
        Question q = result.version().question("governor-training").orElseThrow();
        assertEquals(BankModel.QuestionType.SINGLE_CHOICE, q.type());
        assertEquals(List.of(new BankModel.Option("DEPUTY", "A trained deputy DSL"), new BankModel.Option("HEAD", "The headteacher: usually")),
                q.options());
        assertFalse(q.required());
        assertEquals(List.of("Part 2, paragraph 81", "Annex B"), q.references());
        assertEquals(List.of("SCHOOL", "AGENCY"), result.version().audience().kinds());
        assertEquals(java.time.LocalDate.of(2024, 9, 1), result.version().effectiveFrom(), "the date cell");
    }

    @Test
    void notAWorkbookAtAll() {
        assertProblem(BankWorkbook.read("key,text\n".getBytes(StandardCharsets.UTF_8), DEMO), "The file", "not an Excel (.xlsx) workbook");
        assertProblem(BankWorkbook.read(new byte[]{'P', 'K', 3, 4, 0, 0}, DEMO), "The file", "could not be opened");
        assertProblem(BankWorkbook.read(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}, DEMO), "The file", "old Excel (.xls)");
    }

    @Test
    void aMissingSheetOrColumnIsNamed() {
        assertProblem(BankWorkbook.read(edited(demo(), w -> w.removeSheetAt(w.getSheetIndex("Questions"))), DEMO),
                "The file", "the workbook has no Questions sheet (its sheets are: Version, Scale, Sections, Sources)");
        assertProblem(BankWorkbook.read(edited(demo(), w -> w.getSheet("Questions").getRow(0).getCell(1).setCellValue("Kee")), DEMO),
                "Questions row 1", "unknown column 'Kee'");
        assertProblem(BankWorkbook.read(edited(demo(), w -> w.getSheet("Questions").getRow(0).getCell(1).setCellValue("Kee")), DEMO),
                "Questions sheet", "these are missing: Key");
        assertProblem(BankWorkbook.read(edited(demo(), w -> {
            w.removeSheetAt(w.getSheetIndex("Scale"));
            set(w, "Version", 10, "Value", "");
        }), DEMO), "Version sheet", "there is no Scale sheet");
    }

    @Test
    void bankRuleProblemsAreTracedToTheirRow() {
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Questions", 4, "Type", "stars")), DEMO),
                "Questions row 4", "unknown question type 'stars'");
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Questions", 5, "Key", "governor-training")), DEMO),
                "Questions row 5", "question key 'governor-training' is used twice");
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Questions", 3, "Text", "")), DEMO),
                "Questions row 3", "a question is missing 'text'");
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Questions", 4, "Show when equals", "MAYBE")), DEMO),
                "Questions row 4", "'MAYBE' is not a possible answer to 'has-boarding'");
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Sections", 2, "Applies to kinds", "SCHOOLS")), DEMO),
                "Sections row 2", "unknown kinds value 'SCHOOLS'");
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Version", 6, "Value", "2024-13-01")), DEMO),
                "Version row 6", "'effective-from' must be a date");
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Version", 3, "Value", "")), DEMO),
                "Version sheet", "the version is missing 'title'");
        assertProblem(BankWorkbook.read(edited(demo(), w -> set(w, "Version", 10, "Value", "traffic-lights")), DEMO),
                "Version row 10", "unknown scale 'traffic-lights'");
        assertProblem(BankWorkbook.read(edited(demo(), w -> {
            set(w, "Version", 10, "Value", "");
            set(w, "Scale", 3, "Colour", "red");
        }), DEMO), "Scale row 3", "colour must be written like");
    }

    @Test
    void lineageIsCheckedAgainstTheBanksOtherVersions() {
        Version v2025 = new Version("demo", "Demo audit", "2025", "Demo guidance 2025", java.time.LocalDate.of(2025, 9, 1),
                demo().audience(), demo().scale(), demo().sections());
        byte[] file = edited(v2025, w -> {
            set(w, "Questions", 5, "Key", "new-one");
            set(w, "Questions", 5, "Replaces", "old-one");
            set(w, "Questions", 2, "Split from", "never-existed");
        });
        Import result = BankWorkbook.read(file, DEMO);
        assertProblem(result, "Questions row 2", "comes from 'never-existed', but no earlier version of demo has a question with that key");
        assertEquals(1, result.problems().size(), "the rename of old-one is fine: " + result.problems());

        byte[] sameDay = edited(v2025, w -> set(w, "Version", 6, "Value", "2024-09-01"));
        assertProblem(BankWorkbook.read(sameDay, DEMO), "Version sheet", "takes effect on the same day as question-banks/demo/2024.yaml");
    }

    @Test
    void problemsOnlyAWorkbookCanHaveAreReportedByRow() {
        Import result = BankWorkbook.read(edited(demo(), w -> {
            set(w, "Questions", 3, "Section", "nowhere");
            set(w, "Questions", 4, "Key", "");
            set(w, "Questions", 5, "Options", "no colon here");
            set(w, "Version", 11, "Field", "Colour");
            set(w, "Version", 4, "Value", "2024/2");
        }), DEMO);
        assertProblem(result, "Questions row 3", "section 'nowhere' is not on the Sections sheet");
        assertProblem(result, "Questions row 4", "the question key is blank");
        assertProblem(result, "Questions row 5", "option 'no colon here' must be written as CODE: label");
        assertProblem(result, "Version row 11", "unknown field 'Colour'");
        assertProblem(result, "Version row 4", "'2024/2' is not a usable version label");
        assertProblem(result, "Version sheet", "takes effect on the same day as question-banks/demo/2024.yaml");
        assertEquals(List.of("Version sheet", "Version row 4", "Version row 11", "Questions row 3", "Questions row 4", "Questions row 5"),
                result.problems().stream().map(SheetProblem::where).toList(), "in sheet and row order, the sheet as a whole first");
    }
}
