package org.assure.exports;

import org.assure.returns.CycleTerms;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * How one {@link ExportKind} is written: the job mechanism ({@link Exports}) is the same for every kind, and only this
 * differs. Reads must be a page at a time (or bounded per return), never every row of the cycle in memory.
 */
interface ExportWriter {
    ExportKind kind();

    /** The rows the file will have, for the progress shown while it is written. */
    long rowsExpected(long partnershipId, CycleTerms cycle);

    /** Writes the workbook to {@code out}, telling {@code progress} the rows written now and then; returns the rows written. */
    long write(long partnershipId, CycleTerms cycle, OutputStream out, LongConsumer progress) throws IOException;
}
