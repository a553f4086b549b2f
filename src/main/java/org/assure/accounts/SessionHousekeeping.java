package org.assure.accounts;

import jakarta.inject.Singleton;
import org.assure.jobs.DuePiece;
import org.assure.jobs.DueWork;
import org.assure.kernel.Text;
import org.assure.web.PendingForms;

import java.time.Instant;
import java.util.List;

/**
 * Deletes idle sessions, forms kept past an expired session that were never shown again, and request counters
 * whose window has ended (password reset throttling), once an
 * hour (a due-work piece per UTC hour, "session-housekeeping:2026-12-01T10"); expiry itself is enforced
 * on every request by {@link Sessions} and {@link PendingForms}. Only the current hour is offered: an
 * hour missed while the service was down is made good by the next one, which deletes everything idle.
 */
@Singleton
class SessionHousekeeping implements DueWork {
    static final String NAME = "session-housekeeping";
    private final Sessions sessions;
    private final PendingForms pendingForms;
    private final RequestThrottle throttle;

    SessionHousekeeping(Sessions sessions, PendingForms pendingForms, RequestThrottle throttle) {
        this.sessions = sessions;
        this.pendingForms = pendingForms;
        this.throttle = throttle;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DuePiece> due(Instant now) {
        return List.of(DuePiece.hourly(NAME, now, "session housekeeping", this::deleteIdleSessions));
    }

    /** Says what it deleted, in counts. */
    String deleteIdleSessions() {
        long idle = sessions.deleteIdle();
        long forms = pendingForms.deleteExpired();
        long counters = throttle.deleteEnded();
        return Text.plural(idle, "idle session") + ", " + Text.plural(forms, "expired kept form") + " and "
                + Text.plural(counters, "ended request counter") + " deleted";
    }
}
