package org.assure.actions;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.assure.kernel.SheetText;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The tracker's download: one row per action the filters select. SXSSF keeps only 100 rows in memory while the rows come
 * from the database one at a time, and the finished file goes to the client from a temporary file that is deleted when
 * the response has been sent. Text goes through {@link SheetText}: what an action says is typed by people.
 */
public final class TrackerWorkbook {
    static final int PROGRESS_EVERY = 1_000;
    public static final List<String> HEADERS = List.of("Organisation", "Type", "Phase", "Cycle", "Section", "Action", "Owner", "Owner's role",
            "Owner's email", "Due", "Status", "Overdue", "Source");

    private TrackerWorkbook() {
    }

    /** Writes the workbook of the rows {@code source} hands over into a temporary file, and opens it for reading once. */
    static InputStream write(Consumer<Consumer<ActionTracker.Row>> source) {
        Path file = null;
        try {
            file = Files.createTempFile("action-tracker", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                write(source, out, n -> { });
            }
            Path written = file;
            return new FileInputStream(written.toFile()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Files.deleteIfExists(written);
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary folder is cleared in time
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Writes the workbook of the rows {@code source} hands over to {@code out}, telling {@code progress} the rows written now
     * and then; returns the rows written. The tracker's download and the cycle's actions export (exports.ActionsExport) both
     * write through here.
     */
    public static long write(Consumer<Consumer<ActionTracker.Row>> source, OutputStream out, LongConsumer progress) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Actions");
            SheetText.header(workbook, sheet, HEADERS, 1);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
            int[] n = {1};
            source.accept(r -> {
                Row row = sheet.createRow(n[0]++);
                SheetText.set(row.createCell(0), r.organisation());
                SheetText.set(row.createCell(1), r.organisationType());
                SheetText.set(row.createCell(2), r.phase());
                SheetText.set(row.createCell(3), r.cycle());
                SheetText.set(row.createCell(4), r.section());
                SheetText.set(row.createCell(5), r.what());
                SheetText.set(row.createCell(6), r.ownerName());
                SheetText.set(row.createCell(7), r.ownerRole());
                SheetText.set(row.createCell(8), r.ownerEmail());
                row.createCell(9).setCellValue(r.dueOn());
                row.getCell(9).setCellStyle(date);
                SheetText.set(row.createCell(10), r.statusLabel());
                SheetText.set(row.createCell(11), r.overdue() ? "Overdue" : "");
                SheetText.set(row.createCell(12), r.sourceLabel());
                if ((n[0] - 1) % PROGRESS_EVERY == 0) {
                    progress.accept(n[0] - 1);
                }
            });
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(5, 60 * 256);
            sheet.setColumnWidth(9, 14 * 256);
            workbook.write(out);
            return n[0] - 1;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
