package org.assure.exports;

import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.SheetText;
import org.assure.panels.CaseOutcome;
import org.assure.returns.CycleTerms;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The panel marks and outcomes export: one row per case × marker × item marked (a section or a question, as the panel
 * marks), from {@link PanelMarkPages} a page of cases at a time, SXSSF with 100 rows in memory. Comments are typed by
 * people: every text cell goes through {@link SheetText}.
 */
@Singleton
class PanelMarksExport implements ExportWriter {
    static final List<String> HEADERS = List.of("Panel", "Organisation", "Marker", "Item", "Self-rating", "Marker's rating",
            "Agrees or adjusts", "Comment", "Agreed rating", "Outcome");
    static final int PROGRESS_EVERY = 1_000;
    private final PanelMarkPages pages;
    private final QuestionBanks banks;

    PanelMarksExport(PanelMarkPages pages, QuestionBanks banks) {
        this.pages = pages;
        this.banks = banks;
    }

    @Override
    public ExportKind kind() {
        return ExportKind.PANEL_MARKS;
    }

    @Override
    public long rowsExpected(long partnershipId, CycleTerms cycle) {
        return pages.marks(partnershipId, cycle.id());
    }

    @Override
    public long write(long partnershipId, CycleTerms cycle, OutputStream out, LongConsumer progress) throws IOException {
        Map<String, String> labels = new HashMap<>();
        banks.get(cycle.bankKey(), cycle.bankVersion()).scale().ratings().forEach(r -> labels.put(r.code(), r.label()));
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Panel marks");
            SheetText.header(workbook, sheet, HEADERS, 2);
            sheet.setColumnWidth(1, 40 * 256);
            sheet.setColumnWidth(7, 60 * 256);
            int n = 1;
            long after = 0;
            for (List<PanelMarkPages.Case> page = pages.page(partnershipId, cycle.id(), after); !page.isEmpty();
                 page = pages.page(partnershipId, cycle.id(), after)) {
                for (PanelMarkPages.Case c : page) {
                    String outcome = c.outcome() == null ? null : CaseOutcome.valueOf(c.outcome()).label();
                    for (PanelMarkPages.Mark m : c.marks()) {
                        Row row = sheet.createRow(n++);
                        SheetText.set(row.createCell(0), c.panel());
                        SheetText.set(row.createCell(1), c.organisation());
                        SheetText.set(row.createCell(2), m.marker());
                        SheetText.set(row.createCell(3), m.itemKey());
                        SheetText.set(row.createCell(4), label(labels, m.selfRating()));
                        SheetText.set(row.createCell(5), label(labels, m.panelRating()));
                        SheetText.set(row.createCell(6), m.agrees() == null ? null : m.agrees() ? "Agrees" : "Adjusts");
                        SheetText.set(row.createCell(7), m.comment());
                        SheetText.set(row.createCell(8), label(labels, c.agreed().get(m.itemKey())));
                        SheetText.set(row.createCell(9), outcome);
                        if ((n - 1) % PROGRESS_EVERY == 0) {
                            progress.accept(n - 1);
                        }
                    }
                }
                after = page.get(page.size() - 1).caseId();
            }
            workbook.write(out);
            return n - 1;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }
}
