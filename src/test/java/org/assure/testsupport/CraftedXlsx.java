package org.assure.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks an attacker would write by hand rather than with a spreadsheet program: the smallest valid
 * .xlsx package around a sheet part and a shared strings part whose content the test generates as it
 * zips, so a file that inflates to hundreds of megabytes never exists in the test's memory either.
 */
public final class CraftedXlsx {
    /** Writes part content straight into the zip. */
    public interface Writer {
        void write(Appender out) throws IOException;
    }

    /** Text appended to the part being written. */
    public interface Appender {
        void append(String text) throws IOException;
    }

    private CraftedXlsx() {
    }

    /** A workbook of {@code sheets} sheets, each with the given content inside {@code <sheetData>}, and these shared strings. */
    public static byte[] of(int sheets, Writer sheetData, Writer sharedStrings) {
        return of("Sheet", sheets, sheetData, sharedStrings);
    }

    /** The same, the sheets named {@code name} followed by their number, except a single sheet, named {@code name}. */
    public static byte[] of(String name, int sheets, Writer sheetData, Writer sharedStrings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            StringBuilder overrides = new StringBuilder();
            StringBuilder sheetList = new StringBuilder();
            StringBuilder rels = new StringBuilder();
            for (int i = 1; i <= sheets; i++) {
                overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                sheetList.append("<sheet name=\"").append(name).append(sheets == 1 && !name.equals("Sheet") ? "" : String.valueOf(i)).append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            }
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + overrides + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheetList + "</sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + rels + "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            text(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            buffered(zip, sharedStrings);
            text(zip, "</sst>");
            zip.closeEntry();
            for (int i = 1; i <= sheets; i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i + ".xml"));
                text(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                buffered(zip, sheetData);
                text(zip, "</sheetData></worksheet>");
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * About 5 MB that inflate to about 65 MB, under the unzipped limit, so only reading the sheet can
     * refuse it: hundreds of thousands of rows of numbers, as a workbook object each a few hundred
     * bytes of heap. The shape of the file that grew the heap by 5 GB.
     */
    public static byte[] manyRows(String sheetName) {
        return of(sheetName, 1, out -> {
            out.append("<row r=\"1\"><c t=\"inlineStr\"><is><t>URN</t></is></c><c t=\"inlineStr\"><is><t>EstablishmentName</t></is></c>"
                    + "<c t=\"inlineStr\"><is><t>Key</t></is></c><c t=\"inlineStr\"><is><t>Text</t></is></c></row>");
            Random random = new Random(11);
            StringBuilder row = new StringBuilder(400);
            for (int r = 2; r <= 800_000; r++) {
                row.setLength(0);
                row.append("<row r=\"").append(r).append("\">");
                for (int c = 0; c < 4; c++) {
                    row.append("<c><v>").append(random.nextInt(10)).append("</v></c>");
                }
                out.append(row.append("</row>").toString());
            }
        }, out -> { });
    }

    /** Under a megabyte that inflates to 200 MB of shared strings: a zip bomb. */
    public static byte[] zipBomb() {
        return of(1, out -> out.append("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), out -> {
            String chunk = "<si><t>" + "A".repeat(1_000_000) + "</t></si>";
            for (int i = 0; i < 200; i++) {
                out.append(chunk);
            }
        });
    }

    /** Many small writes into a deflater are slow: gather them. */
    private static void buffered(OutputStream zip, Writer writer) throws IOException {
        StringBuilder buffer = new StringBuilder(1 << 17);
        writer.write(s -> {
            buffer.append(s);
            if (buffer.length() > 1 << 16) {
                text(zip, buffer.toString());
                buffer.setLength(0);
            }
        });
        text(zip, buffer.toString());
    }

    /**
     * Just under the 10 MB the reader allows for shared strings, in as many distinct short strings as
     * fit: the most a workbook can make the reader hold before it reads a row. Its one row is a GIAS header.
     */
    public static byte[] manySharedStrings() {
        return of("Schools", 1, out -> out.append("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"),
                out -> {
                    out.append("<si><t>URN</t></si><si><t>EstablishmentName</t></si>");
                    for (int i = 0; i < 470_000; i++) {
                        out.append("<si><t>" + i + "</t></si>");
                    }
                });
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        text(zip, content);
        zip.closeEntry();
    }

    private static void text(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
