package org.assure.organisations;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.kernel.SheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A spreadsheet with the columns the import reads and one example school, for lists not taken from GIAS. */
final class GiasTemplate {
    static final List<String> EXAMPLE = List.of("100000", "Example Primary School", "Community school", "Open", "Primary",
            "", "Example Borough", "ZZ1 1ZZ", "No boarders", "", "Has Nursery Classes", "Mrs", "Alex", "Example");

    private GiasTemplate() {
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Schools");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            // URNs as text, so a spreadsheet never shows them as 1.00E+05 or drops digits.
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            for (int i = 0; i < GiasReader.COLUMNS.size(); i++) {
                SheetText.set(header.createCell(i), GiasReader.COLUMNS.get(i));
                header.getCell(i).setCellStyle(bold);
                SheetText.set(example.createCell(i), EXAMPLE.get(i));
                sheet.setColumnWidth(i, Math.max(12, GiasReader.COLUMNS.get(i).length() + 2) * 256);
            }
            sheet.setDefaultColumnStyle(0, text);
            example.getCell(0).setCellStyle(text);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
