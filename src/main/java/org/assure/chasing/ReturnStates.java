package org.assure.chasing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.chasing.ChasingRepositories.Extension;
import org.assure.chasing.ChasingRepositories.Pause;
import org.assure.returns.CycleTerms;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each return's own deadline (the cycle's, or its latest extension's) and whether chasing is paused for it. */
@Singleton
class ReturnStates {
    private final ChasingRepositories.Extensions extensions;
    private final ChasingRepositories.Pauses pauses;

    ReturnStates(ChasingRepositories.Extensions extensions, ChasingRepositories.Pauses pauses) {
        this.extensions = extensions;
        this.pauses = pauses;
    }

    /** {@code extension} and {@code pause}: the ones in force, or null. */
    record State(LocalDate deadline, @Nullable Extension extension, @Nullable Pause pause) {
        boolean paused() {
            return pause != null;
        }

        ChasePlanner.ReturnState planned(boolean submitted) {
            return new ChasePlanner.ReturnState(submitted, paused(), deadline);
        }
    }

    @Transactional
    Map<Long, State> of(CycleTerms cycle, Collection<Long> returnIds, LocalDate today) {
        Map<Long, Extension> latest = new HashMap<>();
        Map<Long, Pause> active = new HashMap<>();
        if (!returnIds.isEmpty()) {
            // ordered by id, so a later extension replaces an earlier one
            extensions.findByReturnIdInOrderById(returnIds).forEach(e -> latest.put(e.returnId(), e));
            pauses.findByReturnIdInOrderById(returnIds).stream().filter(p -> p.activeOn(today)).forEach(p -> active.put(p.returnId(), p));
        }
        Map<Long, State> states = new HashMap<>();
        for (long id : returnIds) {
            Extension e = latest.get(id);
            states.put(id, new State(e == null ? cycle.deadline() : e.newDeadline(), e, active.get(id)));
        }
        return states;
    }

    @Transactional
    State of(CycleTerms cycle, long returnId, LocalDate today) {
        return of(cycle, List.of(returnId), today).get(returnId);
    }
}
