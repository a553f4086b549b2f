package org.assure.chasing;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.assure.jobs.DuePiece;
import org.assure.jobs.DueWork;
import org.assure.kernel.Dates;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Chasing on the due-work runner: for every open cycle, one piece a day ("chasing:cycle-12:2026-12-01"),
 * due at the configured hour in England ({@code assure.chasing.send-hour}, default 7: 07:00). Yesterday's piece is
 * offered too until today's time comes, so a day the service was down is done when it is back; the run itself
 * works out everything due by its day, so nothing missed is skipped.
 */
@Singleton
class ChasingDueWork implements DueWork {
    private final CycleLookup cycles;
    private final ChaseRun run;
    private final LocalTime sendAt;

    ChasingDueWork(CycleLookup cycles, ChaseRun run, @Value("${assure.chasing.send-hour:7}") int sendHour) {
        this.cycles = cycles;
        this.run = run;
        this.sendAt = LocalTime.of(sendHour, 0);
    }

    @Override
    public String name() {
        return "chasing";
    }

    @Override
    public List<DuePiece> due(Instant now) {
        LocalDate today = Dates.dateOf(now);
        List<DuePiece> pieces = new ArrayList<>();
        for (CycleTerms cycle : cycles.open()) {
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                Instant dueAt = day.atTime(sendAt).atZone(Dates.ZONE).toInstant();
                if (!dueAt.isAfter(now)) {
                    pieces.add(DuePiece.once("chasing:cycle-" + cycle.id() + ":" + day, dueAt, "reminders and escalation for one cycle",
                            () -> run.run(cycle, day).summary()).forPartnership(cycle.partnershipId()));
                }
            }
        }
        return pieces;
    }
}
