package org.assure.kernel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.testsupport.CraftedXlsx;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxReaderTest {
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(3, 100, 20, 1_000);

    static byte[] workbook(Consumer<XSSFWorkbook> build) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            build.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> rows(byte[] content, XlsxReader.Limits limits) throws XlsxReader.Refused {
        List<String> rows = new ArrayList<>();
        XlsxReader.read(content, limits, new XlsxReader.Rows() {
            @Override
            public boolean wants(int index, String name) {
                return true;
            }

            @Override
            public void row(String sheet, int row, List<String> cells) {
                rows.add(sheet + "!" + row + "=" + String.join("|", cells));
            }
        });
        return rows;
    }

    @Test
    void readsCellTextByColumnSkippingBlankRowsWithDatesAsIsoDates() throws Exception {
        byte[] content = workbook(w -> {
            var sheet = w.createSheet("Schools");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("URN");
            header.createCell(2).setCellValue("Opened");
            sheet.createRow(1);
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue(100000);
            Cell date = row.createCell(2);
            CellStyle style = w.createCellStyle();
            style.setDataFormat(w.createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellValue(LocalDate.of(2025, 9, 1));
            date.setCellStyle(style);
        });
        assertEquals(List.of("Schools!1=URN||Opened", "Schools!4=100000||2025-09-01"), rows(content, LIMITS));
    }

    @Test
    void formulasAreNeverEvaluated() throws Exception {
        // POI writes a formula without a result; Excel would save its result beside it. Evaluating it
        // here would run the uploader's formula on the server, so it reads as blank.
        byte[] content = workbook(w -> {
            Row row = w.createSheet("Sheet1").createRow(0);
            row.createCell(0).setCellValue("a");
            row.createCell(1).setCellFormula("1+1");
            row.createCell(2).setCellFormula("REPT(\"x\",30000)");
        });
        assertEquals(List.of("Sheet1!1=a"), rows(content, LIMITS));
    }

    @Test
    void aFormulaReadsAsTheResultItWasSavedWith() throws Exception {
        byte[] content = CraftedXlsx.of(1, out -> out.append("<row r=\"1\"><c r=\"A1\"><f>1+1</f><v>7</v></c></row>"), out -> { });
        assertEquals(List.of("Sheet1!1=7"), rows(content, LIMITS));
    }

    @Test
    void refusesMoreSheetsRowsColumnsOrCellsThanAsked() {
        byte[] fourSheets = workbook(w -> {
            for (int i = 0; i < 4; i++) {
                w.createSheet("S" + i).createRow(0).createCell(0).setCellValue("x");
            }
        });
        assertEquals("has more than 3 sheets", assertThrows(XlsxReader.Refused.class, () -> rows(fourSheets, LIMITS)).getMessage());

        byte[] manyRows = workbook(w -> {
            var sheet = w.createSheet("Big");
            for (int i = 0; i < 101; i++) {
                sheet.createRow(i).createCell(0).setCellValue(i);
            }
        });
        assertEquals("has more than 100 rows in its Big sheet",
                assertThrows(XlsxReader.Refused.class, () -> rows(manyRows, LIMITS)).getMessage());

        byte[] farColumn = workbook(w -> w.createSheet("Wide").createRow(0).createCell(16_383).setCellValue("x"));
        assertTrue(assertThrows(XlsxReader.Refused.class, () -> rows(farColumn, LIMITS)).getMessage()
                .startsWith("has a value in column XFD of its Wide sheet"));

        byte[] manyCells = workbook(w -> {
            var sheet = w.createSheet("Full");
            for (int r = 0; r < 60; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 20; c++) {
                    row.createCell(c).setCellValue(c);
                }
            }
        });
        assertEquals("has more than 1,000 cells with values",
                assertThrows(XlsxReader.Refused.class, () -> rows(manyCells, LIMITS)).getMessage());
    }

    @Test
    void refusesACellLongerThanASpreadsheetCellCanHold() {
        byte[] content = CraftedXlsx.of(1, out -> out.append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                + "x".repeat(40_000) + "</t></is></c></row>"), out -> { });
        assertEquals("has a cell with more than 32,767 characters, more than a spreadsheet cell can hold",
                assertThrows(XlsxReader.Refused.class, () -> rows(content, LIMITS)).getMessage());
    }

    @Test
    void refusesZipBombsAndPackagesOfManyPartsBeforeParsing() throws Exception {
        XlsxReader.Refused bomb = assertThrows(XlsxReader.Refused.class, () -> rows(CraftedXlsx.zipBomb(), LIMITS));
        assertTrue(bomb.getMessage().startsWith("holds more than 10 MB of data once unzipped in one part (xl/sharedStrings.xml)"),
                bomb.getMessage());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 1_001; i++) {
                zip.putNextEntry(new ZipEntry("part" + i));
                zip.closeEntry();
            }
        }
        assertTrue(assertThrows(XlsxReader.Refused.class, () -> rows(bytes.toByteArray(), LIMITS)).getMessage()
                .startsWith("has more than 1000 parts"));
    }

    @Test
    void whatIsNotAWorkbookIsRefusedPlainly() {
        for (byte[] content : List.of(new byte[0], "URN,Name\n1,2".getBytes(), new byte[]{'P', 'K', 3, 4, 0, 0})) {
            assertEquals("could not be opened as an Excel (.xlsx) workbook",
                    assertThrows(XlsxReader.Refused.class, () -> rows(content, LIMITS)).getMessage());
        }
    }

    @Test
    void exportedTextThatASpreadsheetCouldTakeForAFormulaIsPrefixedAndReadBackExactly() {
        for (String dangerous : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=1", "''@x")) {
            String escaped = SheetText.escape(dangerous);
            assertEquals("'" + dangerous, escaped);
            assertEquals(dangerous, SheetText.unescape(escaped));
        }
        for (String plain : List.of("Riverside Primary", "'quoted", "a=b", "", "St Mary's")) {
            assertEquals(plain, SheetText.escape(plain));
            assertEquals(plain, SheetText.unescape(plain));
        }
    }
}
