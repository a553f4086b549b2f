package org.assure.organisations;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GiasReaderTest {
    static final String HEADER = "URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),"
            + "HeadTitle (name),HeadFirstName,HeadLastName";
    static final String ROW = "123456,St Mary’s C of E Primary,Voluntary aided school,Open,Primary,Mrs,Chloë,Brontë";

    static byte[] sample() {
        try (InputStream in = GiasReaderTest.class.getResourceAsStream("/gias/gias-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .xlsx as someone would make it in Excel: GIAS header names, a numeric URN cell. */
    static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Schools");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    Object v = rows.get(r).get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue((String) v);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheSampleExtractWithItsWindows1252Characters() throws Exception {
        List<GiasRow> rows = GiasReader.read("gias-sample.csv", sample());
        assertEquals(40, rows.size());
        GiasRow first = rows.get(0);
        assertEquals(2, first.row(), "the header is row 1");
        assertEquals("901000", first.urn());
        assertEquals("Elmridge Primary School", first.name());
        assertEquals("Voluntary controlled school", first.type());
        assertEquals("Has Nursery Classes", first.nurseryProvision());
        assertEquals("Sandwell", first.localAuthority());
        assertEquals("ZZ27 2XX", first.postcode());
        assertEquals(41, rows.get(39).row());
        assertEquals("St Mary’s Catholic High School", rows.get(5).name());
        assertEquals("Chloë", rows.get(19).headFirstName());
        assertEquals("NORTHERN LIGHTS MULTI ACADEMY TRUST", rows.get(1).trusts());
        assertEquals("Closed", rows.get(3).status());
    }

    @Test
    void decodesWindows1252() throws Exception {
        GiasRow row = GiasReader.read("x.csv", (HEADER + "\r\n" + ROW + "\r\n").getBytes(Charset.forName("windows-1252"))).get(0);
        assertEquals("St Mary’s C of E Primary", row.name());
        assertEquals("Chloë", row.headFirstName());
    }

    @Test
    void decodesUtf8WithAByteOrderMark() throws Exception {
        byte[] text = (HEADER + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        GiasRow row = GiasReader.read("x.csv", withBom).get(0);
        assertEquals("123456", row.urn(), "the BOM is not part of the first header name");
        assertEquals("St Mary’s C of E Primary", row.name());
        assertEquals("Brontë", row.headLastName());
    }

    @Test
    void decodesUtf8WithoutAByteOrderMark() throws Exception {
        GiasRow row = GiasReader.read("x.csv", (HEADER + "\n" + ROW).getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("St Mary’s C of E Primary", row.name());
    }

    @Test
    void findsColumnsByNameInAnyOrderAndSkipsBlankLines() throws Exception {
        String csv = "establishmentname , Postcode,Other,urn\n\nA School,ZZ1 1ZZ,x,100001\n,,,\n";
        List<GiasRow> rows = GiasReader.read("x.csv", csv.getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, rows.size());
        assertEquals("100001", rows.get(0).urn());
        assertEquals("A School", rows.get(0).name());
        assertEquals("ZZ1 1ZZ", rows.get(0).postcode());
        assertEquals("", rows.get(0).type(), "a missing column reads as empty");
    }

    @Test
    void readsXlsxByHeaderName() throws Exception {
        byte[] file = xlsx(List.of("EstablishmentName", "URN", "Trusts (name)"),
                List.of(List.of("Chloë’s Academy", 123456, "A Trust"), List.of("Second", "100002", "")));
        List<GiasRow> rows = GiasReader.read("schools.xlsx", file);
        assertEquals(2, rows.size());
        assertEquals("123456", rows.get(0).urn(), "a numeric cell reads as its digits");
        assertEquals("Chloë’s Academy", rows.get(0).name());
        assertEquals("A Trust", rows.get(0).trusts());
        assertEquals(3, rows.get(1).row());
    }

    @Test
    void theTemplateReadsBackAsOneValidSchool() throws Exception {
        List<GiasRow> rows = GiasReader.read("school-list-template.xlsx", GiasTemplate.xlsx());
        assertEquals(1, rows.size());
        assertEquals(GiasTemplate.EXAMPLE.get(0), rows.get(0).urn());
        assertEquals(ImportPlan.Action.CREATE, ImportPlan.of(rows, List.of()).lines().get(0).action());
    }

    @Test
    void refusesFilesThatAreNotSchoolLists() {
        assertRefused("The selected file is empty", "x.csv", new byte[0]);
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[10] = 0;
        assertRefused("must be a CSV or Excel (.xlsx) file", "x.csv", garbage);
        assertRefused("must have the columns URN and EstablishmentName", "x.csv",
                "Name,Postcode\nA,B\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("missing: EstablishmentName", "x.csv", "URN,Name\n100000,A\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("no schools below it", "x.csv", (HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefused("could not be read as CSV", "x.csv", (HEADER + "\n100000,\"unclosed\n").getBytes(StandardCharsets.UTF_8));
        assertRefused("could not be opened as an Excel (.xlsx) workbook", "x.xlsx",
                "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused("could not be opened as an Excel (.xlsx) workbook", "x.xlsx", "URN,EstablishmentName\n1,a".getBytes(StandardCharsets.UTF_8));
        assertRefused("old Excel (.xls)", "x.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
    }

    @Test
    void refusesMoreThanFiveThousandRows() throws Exception {
        StringBuilder csv = new StringBuilder("URN,EstablishmentName\n");
        for (int i = 0; i < GiasReader.MAX_ROWS; i++) {
            csv.append(100000 + i).append(",School ").append(i).append('\n');
        }
        assertEquals(5_000, GiasReader.read("x.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).size());
        csv.append("199999,One too many\n");
        assertRefused("more than 5,000 schools", "x.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String message, String fileName, byte[] content) {
        ImportFileException e = assertThrows(ImportFileException.class, () -> GiasReader.read(fileName, content));
        assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
    }

    /** Issue 9 item 5: the server never evaluates an uploaded formula; a school's URN from one reads as blank and is refused. */
    @Test
    void formulasInAnUploadedSheetAreNotEvaluated() throws Exception {
        byte[] content;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Schools");
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("URN");
            h.createCell(1).setCellValue("EstablishmentName");
            h.createCell(2).setCellValue("TypeOfEstablishment (name)");
            Row row = sheet.createRow(1);
            row.createCell(2).setCellValue("Community school");
            row.createCell(0).setCellFormula("100000+23456");
            row.createCell(1).setCellFormula("REPT(\"Riverside \",3)");
            workbook.write(out);
            content = out.toByteArray();
        }
        List<GiasRow> rows = GiasReader.read("schools.xlsx", content);
        assertEquals(1, rows.size());
        assertEquals("", rows.get(0).urn());
        assertEquals("", rows.get(0).name());
    }

    @Test
    void aWorkbookBeyondTheLimitsIsRefusedWithWhatToDo() {
        ImportFileException bomb = assertThrows(ImportFileException.class,
                () -> GiasReader.read("schools.xlsx", org.assure.testsupport.CraftedXlsx.zipBomb()));
        assertTrue(bomb.getMessage().startsWith("The selected file holds more than 10 MB of data once unzipped"), bomb.getMessage());
    }
}
