package org.assure.jobs;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One piece of due work a {@link DueWork} offers. There are two kinds, and which one a piece is
 * depends only on whether it has a key:
 * <ul>
 *   <li>{@link #once}: a piece with a unique key ("reminder:return-123:step-2",
 *   "session-housekeeping:2026-12-01T10"). The runner does it at most once, ever: it records the key
 *   and runs the work in one transaction, so anything the work writes (an outbox email, a status)
 *   commits with the key or not at all. If the work throws, both roll back and the piece is tried
 *   again at the next run.</li>
 *   <li>{@link #everyRun}: a piece without a key, run at every run, outside any transaction. For work
 *   that is idempotent on its own and manages its own transactions, like the outbox drain, which
 *   marks each email as it goes.</li>
 * </ul>
 *
 * @param key           the unique key of a once-only piece (at most 200 characters), or null for an every-run piece
 * @param dueAt         when it became due; the runner does pieces oldest first and only once this time has come
 * @param description   what it is, in a few words ("session housekeeping", "deadline reminder, step 2"); shown
 *                      on the jobs page, so it must name no person (at most 200 characters)
 * @param partnershipId the partnership the piece is for, or null when it serves the whole installation; the
 *                      jobs page shows a partnership's pieces to that partnership's admins only
 * @param work          the work; returns a one-line summary of what it did ("3 sent, 1 failed"), also shown on
 *                      the jobs page, so again no names. An every-run piece returns "" when it found nothing
 *                      to do, so that idle runs are not logged
 */
public record DuePiece(@Nullable String key, Instant dueAt, String description, @Nullable Long partnershipId, Work work) {
    static final int MAX_KEY = 200;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    static final int MAX_DESCRIPTION = 200;

    /** The work of a piece. Throwing (any unchecked exception) means it failed: a keyed piece is rolled back and retried. */
    @FunctionalInterface
    public interface Work {
        String run();
    }

    public DuePiece {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(work, "work");
        if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
            throw new IllegalArgumentException("A due-work key must be 1 to " + MAX_KEY + " characters: " + key);
        }
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("A due-work description must be 1 to " + MAX_DESCRIPTION + " characters");
        }
    }

    /** A piece done once under {@code key}, installation-wide; see {@link #forPartnership} for a partnership's own. */
    public static DuePiece once(String key, Instant dueAt, String description, Work work) {
        return new DuePiece(Objects.requireNonNull(key, "key"), dueAt, description, null, work);
    }

    /**
     * Housekeeping done once per UTC hour: keyed {@code name:2026-12-01T10}, due at the start of {@code now}'s hour.
     * Only the current hour is offered, so an hour missed while the service was down is made good by the next.
     */
    public static DuePiece hourly(String name, Instant now, String description, Work work) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return once(name + ":" + HOUR.format(hour), hour, description, work);
    }

    /** A piece without a key: run at every run, due at once. */
    public static DuePiece everyRun(Instant now, String description, Work work) {
        return new DuePiece(null, now, description, null, work);
    }

    /** The same piece, for one partnership: its admins see it on the jobs page, no one else does. */
    public DuePiece forPartnership(long partnershipId) {
        return new DuePiece(key, dueAt, description, partnershipId, work);
    }

    public boolean isEveryRun() {
        return key == null;
    }
}
