package org.assure.returns;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The return's lifecycle in one place: which event moves a return from which status to which.
 * <pre>
 *   not started ──saved──▶ in progress ──submitted──▶ submitted ──returned for changes──▶ returned
 *                                                        ▲                                  │
 *                                                        └──────────── submitted ───────────┘
 * </pre>
 * Saving keeps a return in progress, and a returned one returned until it is submitted again. States that
 * panels add later (under scrutiny, accepted) are more rows of the same table.
 */
public final class ReturnLifecycle {
    public enum Event { SAVED, SUBMITTED, RETURNED_FOR_CHANGES }

    private static final Map<ReturnStatus, Map<Event, ReturnStatus>> MOVES = new EnumMap<>(ReturnStatus.class);

    static {
        MOVES.put(ReturnStatus.NOT_STARTED, Map.of(Event.SAVED, ReturnStatus.IN_PROGRESS));
        MOVES.put(ReturnStatus.IN_PROGRESS, Map.of(Event.SAVED, ReturnStatus.IN_PROGRESS, Event.SUBMITTED, ReturnStatus.SUBMITTED));
        MOVES.put(ReturnStatus.SUBMITTED, Map.of(Event.RETURNED_FOR_CHANGES, ReturnStatus.RETURNED));
        MOVES.put(ReturnStatus.RETURNED, Map.of(Event.SAVED, ReturnStatus.RETURNED, Event.SUBMITTED, ReturnStatus.SUBMITTED));
    }

    private ReturnLifecycle() {
    }

    /** Where the event takes a return in this status; empty when the event cannot happen to it. */
    public static Optional<ReturnStatus> next(ReturnStatus from, Event event) {
        return Optional.ofNullable(MOVES.getOrDefault(from, Map.of()).get(event));
    }
}
