package org.assure.exports;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.assure.banks.BankModel;
import org.assure.kernel.SheetText;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A cycle's answers as a workbook, one row per organisation × question of the cycle's bank version, written with SXSSF
 * (100 rows in memory, the rest flushed to a temporary file) from {@link AnswerPages}, a page of returns at a time. Text
 * goes through {@link SheetText}: evidence and names are typed by people, and a cell starting with {@code =} must stay text.
 */
final class AnswersWorkbook {
    static final List<String> HEADERS = List.of("Organisation", "Bank", "Version", "Section", "Question", "Self-rating", "Panel rating",
            "Answer", "Evidence", "Not applicable because");
    static final int PROGRESS_EVERY = 5_000;

    /** Where the rows come from: the next page after the cursor, empty at the end. */
    interface Source {
        List<AnswerPages.ReturnAnswers> page(AnswerPages.Cursor after);
    }

    private final BankModel.Version bank;
    private final Map<String, String> labels = new HashMap<>();

    AnswersWorkbook(BankModel.Version bank) {
        this.bank = bank;
        bank.scale().ratings().forEach(r -> labels.put(r.code(), r.label()));
    }

    /** Rows one return gives: every question of the bank version. */
    long rowsPerReturn() {
        return bank.sections().stream().mapToLong(s -> s.questions().size()).sum();
    }

    /** Writes the workbook to {@code out}, telling {@code progress} the rows written so far now and then; returns the rows written. */
    long write(Source source, OutputStream out, LongConsumer progress) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Answers");
            header(workbook, sheet);
            int n = 1;
            long written = 0;
            AnswerPages.Cursor after = AnswerPages.Cursor.START;
            for (List<AnswerPages.ReturnAnswers> page = source.page(after); !page.isEmpty(); page = source.page(after)) {
                for (AnswerPages.ReturnAnswers r : page) {
                    for (BankModel.Section section : bank.sections()) {
                        for (BankModel.Question q : section.questions()) {
                            AnswerPages.Answer a = r.answers().get(q.key());
                            String panel = r.agreed().getOrDefault(q.key(), r.agreed().get(section.key()));
                            row(sheet.createRow(n++), r.organisation(), section.key(), q.key(), a == null ? null : label(a.rating()), label(panel),
                                    a == null ? null : a.value(), a == null ? null : a.evidence(), a == null ? null : a.naReason());
                            if (++written % PROGRESS_EVERY == 0) {
                                progress.accept(written);
                            }
                        }
                    }
                }
                AnswerPages.ReturnAnswers last = page.get(page.size() - 1);
                after = new AnswerPages.Cursor(last.organisation(), last.returnId());
            }
            workbook.write(out);
            return written;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    void header(SXSSFWorkbook workbook, SXSSFSheet sheet) {
        SheetText.header(workbook, sheet, HEADERS, 1);
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(8, 60 * 256);
    }

    /** One row's cells; the benchmark's bare loop writes the same through here so that the two compare like with like. */
    void row(Row row, String organisation, String section, String question, String selfRating, String panelRating, String answer,
             String evidence, String naReason) {
        SheetText.set(row.createCell(0), organisation);
        SheetText.set(row.createCell(1), bank.bank());
        SheetText.set(row.createCell(2), bank.version());
        SheetText.set(row.createCell(3), section);
        SheetText.set(row.createCell(4), question);
        SheetText.set(row.createCell(5), selfRating);
        SheetText.set(row.createCell(6), panelRating);
        SheetText.set(row.createCell(7), answer);
        SheetText.set(row.createCell(8), evidence);
        SheetText.set(row.createCell(9), naReason);
    }

    private String label(String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }
}
