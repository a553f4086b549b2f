package org.assure.notify;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.assure.jobs.DuePiece;
import org.assure.jobs.DueWork;

import java.time.Instant;
import java.util.List;

/**
 * Drains the outbox at every due-work run. The drain has no once-only key: each email is its own
 * once-only unit (claimed, then marked sent), so it is an every-run piece. Only exists when an SMTP host
 * is set; in local mode mail stays in the outbox for the /outbox page.
 */
@Singleton
@Requires(property = "assure.smtp.host", pattern = ".*\\S.*")
class OutboxDueWork implements DueWork {
    private final OutboxSender sender;

    OutboxDueWork(OutboxSender sender) {
        this.sender = sender;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public List<DuePiece> due(Instant now) {
        return List.of(DuePiece.everyRun(now, "sending waiting emails", () -> sender.sendDue().summary()));
    }
}
