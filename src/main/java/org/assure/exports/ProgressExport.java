package org.assure.exports;

import jakarta.inject.Singleton;
import org.assure.cycles.CycleService;
import org.assure.cycles.ProgressWorkbook;
import org.assure.returns.CycleTerms;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * The progress export: the cycle's whole progress list through the page download's own workbook. The list is one row per
 * return, read the way the page reads it (a few thousand small rows at most), so it is not paged.
 */
@Singleton
class ProgressExport implements ExportWriter {
    private final CycleService cycles;
    private final AnswerPages returns;

    ProgressExport(CycleService cycles, AnswerPages returns) {
        this.cycles = cycles;
        this.returns = returns;
    }

    @Override
    public ExportKind kind() {
        return ExportKind.PROGRESS;
    }

    @Override
    public long rowsExpected(long partnershipId, CycleTerms cycle) {
        return returns.returns(partnershipId, cycle.id()); // one row per return
    }

    @Override
    public long write(long partnershipId, CycleTerms cycle, OutputStream out, LongConsumer progress) throws IOException {
        return ProgressWorkbook.write(cycles.progressRows(partnershipId, cycle.id()), out, progress);
    }
}
