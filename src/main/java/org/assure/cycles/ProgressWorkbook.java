package org.assure.cycles;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.assure.kernel.SheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A cycle's progress table as a workbook: one row per return, the page's columns. SXSSF keeps only 100 rows in memory.
 * Text goes through {@link SheetText}: organisation names are typed by people and imported from files. The page's
 * download (filtered as the page is) and the progress export job (exports.ProgressExport, the whole cycle) both write
 * through here.
 */
public final class ProgressWorkbook {
    public static final List<String> HEADERS = List.of("Organisation", "Type", "Phase", "Status", "% answered", "Last activity",
            "Submitted", "Late");
    static final int PROGRESS_EVERY = 500;

    private ProgressWorkbook() {
    }

    static byte[] of(List<CycleService.ProgressRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(rows, out, n -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the rows to {@code out}, telling {@code progress} the rows written now and then; returns the rows written. */
    public static long write(List<CycleService.ProgressRow> rows, OutputStream out, LongConsumer progress) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Progress");
            SheetText.header(workbook, sheet, HEADERS, 1);
            int n = 1;
            for (CycleService.ProgressRow r : rows) {
                Row row = sheet.createRow(n++);
                SheetText.set(row.createCell(0), r.organisation());
                SheetText.set(row.createCell(1), r.type());
                SheetText.set(row.createCell(2), r.phaseLabel());
                SheetText.set(row.createCell(3), r.status().label());
                row.createCell(4).setCellValue(r.percentAnswered() / 100.0);
                SheetText.set(row.createCell(5), r.lastActivity());
                SheetText.set(row.createCell(6), r.submitted());
                SheetText.set(row.createCell(7), r.late() ? "Late" : "");
                if ((n - 1) % PROGRESS_EVERY == 0) {
                    progress.accept(n - 1);
                }
            }
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            sheet.setDefaultColumnStyle(4, percent);
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            workbook.write(out);
            return n - 1;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
