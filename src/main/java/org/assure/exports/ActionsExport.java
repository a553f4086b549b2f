package org.assure.exports;

import jakarta.inject.Singleton;
import org.assure.actions.ActionTracker;
import org.assure.actions.TrackerWorkbook;
import org.assure.returns.CycleTerms;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** The actions export: the tracker's own workbook, fed a page of the cycle's actions at a time, each page its own short read. */
@Singleton
class ActionsExport implements ExportWriter {
    static final int ACTIONS_PER_PAGE = 1_000;
    private final ActionTracker tracker;

    ActionsExport(ActionTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public ExportKind kind() {
        return ExportKind.ACTIONS;
    }

    @Override
    public long rowsExpected(long partnershipId, CycleTerms cycle) {
        return tracker.cycleCount(partnershipId, cycle.id());
    }

    @Override
    public long write(long partnershipId, CycleTerms cycle, OutputStream out, LongConsumer progress) throws IOException {
        return TrackerWorkbook.write(each -> {
            int[] read = new int[1];
            for (int offset = 0; ; offset += ACTIONS_PER_PAGE) {
                read[0] = 0;
                tracker.cyclePage(partnershipId, cycle.id(), ACTIONS_PER_PAGE, offset, row -> {
                    read[0]++;
                    each.accept(row);
                });
                if (read[0] < ACTIONS_PER_PAGE) {
                    return;
                }
            }
        }, out, progress);
    }
}
