package org.assure.actions;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.assure.jobs.DuePiece;
import org.assure.jobs.DueWork;
import org.assure.kernel.Dates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Action chasing on the due-work runner: one piece a day for every partnership with an open action in the window a
 * run looks at ("action-chasing:partnership-3:2026-12-01"), due at the chasing send hour ({@code assure.chasing.send-hour},
 * as the returns' chasing). Yesterday's piece is offered too until today's time comes, so a day the service was down is
 * caught up; the run works out everything due by its day.
 */
@Singleton
class ActionChasingDueWork implements DueWork {
    private final ActionRepositories.Items items;
    private final ActionChaseRun run;
    private final LocalTime sendAt;

    ActionChasingDueWork(ActionRepositories.Items items, ActionChaseRun run, @Value("${assure.chasing.send-hour:7}") int sendHour) {
        this.items = items;
        this.run = run;
        this.sendAt = LocalTime.of(sendHour, 0);
    }

    @Override
    public String name() {
        return "action-chasing";
    }

    @Override
    public List<DuePiece> due(Instant now) {
        LocalDate today = Dates.dateOf(now);
        List<DuePiece> pieces = new ArrayList<>();
        // one grouped read (on the status index): partnerships with nothing open in the window get no piece at all
        List<Long> chased = items.partnershipsChased(ActionChaseRun.firstDueLookedAt(today.minusDays(1)), ActionChaseRun.lastDueLookedAt(today));
        for (long partnershipId : chased) {
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                Instant dueAt = day.atTime(sendAt).atZone(Dates.ZONE).toInstant();
                if (!dueAt.isAfter(now)) {
                    pieces.add(DuePiece.once("action-chasing:partnership-" + partnershipId + ":" + day, dueAt,
                            "reminders and escalation of one partnership's actions", () -> run.run(partnershipId, day).summary())
                            .forPartnership(partnershipId));
                }
            }
        }
        return pieces;
    }
}
