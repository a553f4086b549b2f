package org.assure.cycles;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A cycle's progress table as a workbook: one row per return, the page's columns. SXSSF keeps only 100 rows in memory. */
final class ProgressWorkbook {
    static final List<String> HEADERS = List.of("Organisation", "Type", "Phase", "Status", "% answered", "Last activity",
            "Submitted", "Late");

    private ProgressWorkbook() {
    }

    static byte[] of(List<CycleService.ProgressRow> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet("Progress");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            Row top = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                top.createCell(i).setCellValue(HEADERS.get(i));
                top.getCell(i).setCellStyle(header);
            }
            sheet.createFreezePane(1, 1);
            int n = 1;
            for (CycleService.ProgressRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.organisation());
                row.createCell(1).setCellValue(r.type());
                row.createCell(2).setCellValue(r.phaseLabel());
                row.createCell(3).setCellValue(r.status().label());
                row.createCell(4).setCellValue(r.percentAnswered() / 100.0);
                row.createCell(5).setCellValue(r.lastActivity());
                row.createCell(6).setCellValue(r.submitted());
                row.createCell(7).setCellValue(r.late() ? "Late" : "");
            }
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            sheet.setDefaultColumnStyle(4, percent);
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
