package org.assure.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;

/**
 * Runs the sender every {@code assure.outbox.interval} on whichever node holds the ShedLock row. Only
 * exists when an SMTP host is set; in local mode mail stays in the outbox for the /outbox page.
 */
@Singleton
@Requires(property = "assure.smtp.host", pattern = ".*\\S.*")
class OutboxJob {
    private final OutboxSender sender;

    OutboxJob(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelay = "${assure.outbox.interval}", initialDelay = "${assure.outbox.interval}")
    @SchedulerLock(name = "outbox-sender")
    void run() {
        sender.sendDue();
    }
}
