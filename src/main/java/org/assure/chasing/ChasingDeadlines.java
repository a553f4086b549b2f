package org.assure.chasing;

import jakarta.inject.Singleton;
import org.assure.kernel.Dates;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnDeadlines;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Chasing's answer to the returns feature's port: extensions and pauses, as every return page shows them. */
@Singleton
class ChasingDeadlines implements ReturnDeadlines {
    private final ReturnStates states;
    private final Clock clock;

    ChasingDeadlines(ReturnStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @Override
    public Map<Long, Own> of(CycleTerms cycle, Collection<Long> returnIds) {
        Map<Long, Own> own = new HashMap<>();
        states.of(cycle, returnIds, Dates.today(clock)).forEach((id, s) -> {
            if (s.extension() != null || s.paused()) {
                String note = s.extension() == null ? null : "Deadline extended to " + Dates.date(s.deadline());
                if (s.paused()) {
                    note = note == null ? "Chasing paused" : note + "; chasing paused";
                }
                own.put(id, new Own(s.deadline(), note));
            }
        });
        return own;
    }
}
