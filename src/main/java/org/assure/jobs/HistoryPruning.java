package org.assure.jobs;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The runner's own housekeeping, as a piece of due work: once a UTC day, runs older than four weeks are deleted. */
@Singleton
class HistoryPruning implements DueWork {
    static final String NAME = "due-work-history";
    private final DueWorkHistory history;

    HistoryPruning(DueWorkHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DuePiece> due(Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        return List.of(DuePiece.once(NAME + ":" + day.atOffset(ZoneOffset.UTC).toLocalDate(), day, "pruning the log of runs",
                () -> {
                    long deleted = history.prune(now);
                    return deleted == 1 ? "1 run older than four weeks deleted" : deleted + " runs older than four weeks deleted";
                }));
    }
}
