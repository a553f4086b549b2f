package org.assure.notify;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.kernel.AssureSettings;
import org.assure.kernel.Refusal;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.SandboxedHtml;

/**
 * Partnership admins read their partnership's email: what was sent, what is waiting, what keeps
 * failing and why. In local mode, with no SMTP server, this page is where email is read. An email's
 * HTML part is shown as the recipient's mail client would show it, in a sandboxed frame of its own
 * route (ADR 0017).
 */
@Controller("/outbox")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxController {
    private final Outbox outbox;
    private final SmtpSettings smtp;
    private final AssureSettings settings;

    OutboxController(Outbox outbox, SmtpSettings smtp, AssureSettings settings) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin) {
        var emails = outbox.recent(admin.partnershipId()).stream().map(OutboxEntry::of).toList();
        return Forms.page("notify/outbox", Model.of("emails", emails).with("delivering", smtp.configured()));
    }

    @Get("/{id}")
    MutableHttpResponse<?> show(CurrentUser admin, @PathVariable long id) {
        OutboxEmail email = outbox.find(admin.partnershipId(), id);
        return Forms.page("notify/email", Model.of("email", OutboxEntry.of(email))
                .with("body", OutboxEntry.bodyParts(email.body(), settings.baseUrl()))
                .with("hasHtml", email.htmlBody() != null)
                .with("delivering", smtp.configured()));
    }

    /** The HTML part as stored, for the frame on the email's page; its headers forbid scripts and any other framer. */
    @Get("/{id}/html")
    MutableHttpResponse<String> html(CurrentUser admin, @PathVariable long id) {
        OutboxEmail email = outbox.find(admin.partnershipId(), id);
        if (email.htmlBody() == null) {
            throw Refusal.notFound("Email");
        }
        return SandboxedHtml.of(OutboxEntry.linksInNewTabs(email.htmlBody()));
    }
}
