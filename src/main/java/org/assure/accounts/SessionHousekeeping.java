package org.assure.accounts;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.assure.web.PendingForms;

/**
 * Deletes idle sessions, and forms kept past an expired session that were never shown again, every hour
 * on one node; expiry itself is enforced on every request by {@link Sessions} and {@link PendingForms}.
 */
@Singleton
class SessionHousekeeping {
    private final Sessions sessions;
    private final PendingForms pendingForms;

    SessionHousekeeping(Sessions sessions, PendingForms pendingForms) {
        this.sessions = sessions;
        this.pendingForms = pendingForms;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    @SchedulerLock(name = "delete-idle-sessions", lockAtMostFor = "10m", lockAtLeastFor = "1m")
    void deleteIdleSessions() {
        sessions.deleteIdle();
        pendingForms.deleteExpired();
    }
}
