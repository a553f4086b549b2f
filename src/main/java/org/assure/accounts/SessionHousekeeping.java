package org.assure.accounts;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;

/** Deletes idle sessions every hour, on one node; expiry itself is enforced on every request by {@link Sessions}. */
@Singleton
class SessionHousekeeping {
    private final Sessions sessions;

    SessionHousekeeping(Sessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    @SchedulerLock(name = "delete-idle-sessions", lockAtMostFor = "10m", lockAtLeastFor = "1m")
    void deleteIdleSessions() {
        sessions.deleteIdle();
    }
}
