package org.assure.notify;

import io.micronaut.context.BeanContext;
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

import java.util.List;

/**
 * Partnership admins read their partnership's email: what was sent, what is waiting, what keeps
 * failing and why. In local mode, with no SMTP server, this page is where email is read. An email's
 * HTML part is shown as the recipient's mail client would show it, in a sandboxed frame of its own
 * route (ADR 0017). An email that carries a one-time link is shown without its content, in every mode
 * (ADR 0020): an admin who could read a reset link could sign in as anyone.
 */
@Controller("/outbox")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxController {
    private final Outbox outbox;
    private final SmtpSettings smtp;
    private final AssureSettings settings;
    /** Whether local mode's developer mail page exists, for the pages to point at it. */
    private final boolean developerMail;

    OutboxController(Outbox outbox, SmtpSettings smtp, AssureSettings settings, BeanContext beans) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
        this.developerMail = beans.containsBean(DeveloperMailController.class);
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin) {
        var emails = outbox.recent(admin.partnershipId()).stream().map(OutboxEntry::of).toList();
        return Forms.page("notify/outbox", Model.of("emails", emails).with("delivering", smtp.configured())
                .with("developerMail", developerMail));
    }

    /** One email; one that carries a secret (a one-time link) shows who it went to and how delivery went, never its content. */
    @Get("/{id}")
    MutableHttpResponse<?> show(CurrentUser admin, @PathVariable long id) {
        OutboxEmail email = outbox.find(admin.partnershipId(), id);
        boolean shown = !email.carriesSecret();
        return Forms.page("notify/email", Model.of("email", OutboxEntry.of(email))
                .with("body", shown ? OutboxEntry.bodyParts(email.body(), settings.baseUrl()) : List.of())
                .with("hasHtml", shown && email.htmlBody() != null)
                .with("delivering", smtp.configured())
                .with("developerMail", developerMail));
    }

    /**
     * The HTML part as stored, for the frame on the email's page; its headers forbid scripts and any other framer.
     * An email that carries a secret has no frame, and asking for its part directly finds nothing.
     */
    @Get("/{id}/html")
    MutableHttpResponse<String> html(CurrentUser admin, @PathVariable long id) {
        OutboxEmail email = outbox.find(admin.partnershipId(), id);
        if (email.htmlBody() == null || email.carriesSecret()) {
            throw Refusal.notFound("Email");
        }
        return SandboxedHtml.of(OutboxEntry.linksInNewTabs(email.htmlBody()));
    }
}
