package org.assure.jobs;

import java.time.Instant;
import java.util.List;

/**
 * What a feature implements (as a {@code @Singleton}) to have work done on a schedule: the
 * {@link DueWorkRunner} asks every DueWork bean, at every run, for the pieces due at that run's
 * {@code now}, and does each keyed piece once, however many runs or nodes see it (ADR 0016).
 *
 * <p>{@link #due} answers "what should have happened by now?", not "what is new since the last run?":
 * a piece whose time came while the application was down is still offered, and the runner does it
 * on its next run. The runner skips keys already done with one query, so offering done pieces again
 * is cheap, but keep the answer bounded (for example, only open cycles' reminders) and stop offering
 * what is no longer worth doing (a reminder for a return already submitted). It is called outside any
 * transaction; each piece's work runs later, inside the transaction that records its key.
 */
public interface DueWork {

    /** Short, stable and unique among sources, e.g. "outbox"; it names the source on the jobs page. At most 60 characters. */
    String name();

    /**
     * The pieces due at {@code now} (the application clock's, never the system clock's). A piece due
     * later than {@code now} is left for a later run.
     */
    List<DuePiece> due(Instant now);
}
