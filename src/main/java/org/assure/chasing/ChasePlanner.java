package org.assure.chasing;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is due for one return on one day, worked out from its state and the cycle's rules alone (no database),
 * so each rule is a unit test. "Due" means should have happened by now: a run that missed a day catches up.
 * Only the latest reminder is due (an older one missed is superseded by it, not sent late as well); every
 * ladder step whose day has come is due, each once; a submitted or paused return is due nothing.
 * Action chasing plans by the same rules, an action's due date standing for the deadline (ADR 0038).
 */
public final class ChasePlanner {
    private ChasePlanner() {
    }

    public enum Kind { REMINDER, STEP }

    /** One thing due: a reminder ({@code step} = days before the deadline) or a ladder step (its position). */
    public record Due(Kind kind, int step, LocalDate dueOn, @Nullable LadderStep ladderStep) {
        String key(long returnId) {
            return "r" + returnId + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + step;
        }
    }

    /** The state of a return that chasing looks at; {@code deadline} already follows any extension. */
    public record ReturnState(boolean submitted, boolean paused, LocalDate deadline) {
    }

    public static List<Due> due(ReturnState r, List<Integer> reminderDays, List<LadderStep> ladder, LocalDate today) {
        List<Due> due = new ArrayList<>();
        if (r.submitted() || r.paused()) {
            return due;
        }
        if (!today.isAfter(r.deadline())) {
            reminderDays.stream().filter(d -> !r.deadline().minusDays(d).isAfter(today))
                    .min(Comparator.naturalOrder())
                    .ifPresent(d -> due.add(new Due(Kind.REMINDER, d, r.deadline().minusDays(d), null)));
            return due;
        }
        List<LocalDate> dates = LadderStep.dueDates(ladder, r.deadline());
        for (int i = 0; i < ladder.size(); i++) {
            if (!dates.get(i).isAfter(today)) {
                due.add(new Due(Kind.STEP, ladder.get(i).position(), dates.get(i), ladder.get(i)));
            }
        }
        return due;
    }

    /** Everything that will fall due from tomorrow up to and including {@code until}, for the chasing page's look ahead. */
    static List<Due> upcoming(ReturnState r, List<Integer> reminderDays, List<LadderStep> ladder, LocalDate today, LocalDate until) {
        List<Due> coming = new ArrayList<>();
        if (r.submitted() || r.paused()) {
            return coming;
        }
        for (int d : reminderDays) {
            LocalDate day = r.deadline().minusDays(d);
            if (day.isAfter(today) && !day.isAfter(until)) {
                coming.add(new Due(Kind.REMINDER, d, day, null));
            }
        }
        List<LocalDate> dates = LadderStep.dueDates(ladder, r.deadline());
        for (int i = 0; i < ladder.size(); i++) {
            if (dates.get(i).isAfter(today) && !dates.get(i).isAfter(until)) {
                coming.add(new Due(Kind.STEP, ladder.get(i).position(), dates.get(i), ladder.get(i)));
            }
        }
        coming.sort(Comparator.comparing(Due::dueOn));
        return coming;
    }
}
