package org.assure.notify;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.kernel.AssureSettings;

import java.util.Collection;
import java.util.List;

/**
 * How a feature sends email: a typed {@link Message} and who it is for. Recipients are resolved by
 * {@link Recipients}, the message is rendered for each person from its templates (text and HTML) and
 * written to the {@link Outbox} in the caller's transaction, so the emails exist exactly when the event
 * that caused them commits.
 */
@Singleton
public class Notifications {
    private final Recipients recipients;
    private final Outbox outbox;
    private final EmailTemplates templates;

    Notifications(Recipients recipients, Outbox outbox, AssureSettings settings) {
        this.recipients = recipients;
        this.outbox = outbox;
        this.templates = new EmailTemplates(settings.baseUrl());
    }

    /** Queues the message for everyone the recipients name (each address once); who it went to. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Addressee> send(long partnershipId, Message message, Collection<? extends Recipient> to) {
        List<Addressee> people = recipients.resolve(partnershipId, to);
        for (Addressee person : people) {
            EmailTemplates.Rendered email = templates.render(message, person);
            outbox.send(partnershipId, new Outbox.Kind(message.template(), message.carriesSecret()), person.address(), email.subject(),
                    email.text(), email.html());
        }
        return people;
    }

    /** Queues the message for one person already resolved; the outbox email's id, to follow its delivery. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long sendTo(long partnershipId, Message message, Addressee person) {
        EmailTemplates.Rendered email = templates.render(message, person);
        return outbox.send(partnershipId, new Outbox.Kind(message.template(), message.carriesSecret()), person.address(), email.subject(),
                email.text(), email.html());
    }

    /** How an email {@link #sendTo} queued is getting on: waiting, failing (still retried), delivered or refused for good. */
    public record Delivery(@io.micronaut.core.annotation.Nullable java.time.Instant sentAt, boolean refused, int attempts,
                           @io.micronaut.core.annotation.Nullable String lastError) {
    }

    /** The delivery of each of these emails of the partnership (ids of another partnership's emails are not found). */
    @Transactional
    public java.util.Map<Long, Delivery> deliveries(long partnershipId, java.util.Collection<Long> outboxIds) {
        java.util.Map<Long, Delivery> found = new java.util.HashMap<>();
        outbox.byIds(partnershipId, outboxIds).forEach((id, e) -> found.put(id, new Delivery(e.sentAt(), e.refused(), e.attempts(), e.lastError())));
        return found;
    }

    /** One message for one person already resolved: an item of {@link #sendEach}. */
    public record Addressed(Message message, Addressee to) {
    }

    /**
     * Queues many emails at once, each rendered for its person, written to the outbox in one batch; their ids, in
     * the same order (a cycle's reminders: one round trip for them all, not one each).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Long> sendEach(long partnershipId, List<Addressed> emails) {
        // each message rendered once for all its people (the same record to the DSL and the headteacher, say)
        java.util.Map<Message, List<Integer>> byMessage = new java.util.IdentityHashMap<>();
        for (int i = 0; i < emails.size(); i++) {
            byMessage.computeIfAbsent(emails.get(i).message(), m -> new java.util.ArrayList<>()).add(i);
        }
        Outbox.Draft[] drafts = new Outbox.Draft[emails.size()];
        byMessage.forEach((message, at) -> {
            List<EmailTemplates.Rendered> rendered = templates.renderEach(message, at.stream().map(i -> emails.get(i).to()).toList());
            for (int j = 0; j < at.size(); j++) {
                EmailTemplates.Rendered email = rendered.get(j);
                drafts[at.get(j)] = new Outbox.Draft(new Outbox.Kind(message.template(), message.carriesSecret()), emails.get(at.get(j)).to().address(),
                        email.subject(), email.text(), email.html());
            }
        });
        return outbox.sendAll(partnershipId, List.of(drafts));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Addressee> send(long partnershipId, Message message, Recipient... to) {
        return send(partnershipId, message, List.of(to));
    }
}
