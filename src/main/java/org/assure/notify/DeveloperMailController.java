package org.assure.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.kernel.AssureSettings;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.List;

/**
 * Local mode's stand-in for the recipients' mailboxes: the invitations and password resets not yet
 * delivered, with their one-time links, so the demo works end to end (invite someone, then accept as
 * them; forget a password, then reset it). The Emails page never shows these links, in any mode; this
 * page exists only where {@link DeveloperMail} holds and never in production (ADR 0020).
 */
@Controller("/dev/mail")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(notEnv = "prod")
@Requires(condition = DeveloperMail.class)
class DeveloperMailController {
    private final Outbox outbox;
    private final AssureSettings settings;

    DeveloperMailController(Outbox outbox, AssureSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    /** A held email and its text cut into text and links into this site. */
    public record Held(OutboxEntry email, List<OutboxEntry.BodyPart> body) {
    }

    @Get
    MutableHttpResponse<?> list() {
        List<Held> held = outbox.heldSecrets().stream()
                .map(e -> new Held(OutboxEntry.of(e), OutboxEntry.bodyParts(e.body(), settings.baseUrl())))
                .toList();
        // Live links: no cache, no proxy, no back-button copy keeps them.
        return Forms.page("notify/dev-mail", Model.of("held", held)).header("Cache-Control", "no-store");
    }
}
