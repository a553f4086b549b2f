package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.assure.accounts.AccountRecipient;
import org.assure.accounts.AccountService;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditEvent;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.notify.Notifications;
import org.assure.notify.Recipient;
import org.assure.kernel.Refusal;
import org.assure.kernel.Validated;
import org.assure.kernel.FormErrors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assure.kernel.Dates;

/**
 * Signing off: check your answers, declare and submit; the partnership may send a submitted return back
 * for changes, and the lead resubmits. Every submission keeps its declaration and a copy of its answers.
 */
@Singleton
public class Submissions {
    private final ReturnService returns;
    private final ReturnRows rows;
    private final ReturnRepositories.Answers answers;
    private final ReturnRepositories.Sections sections;
    private final ReturnRepositories.Submissions submissions;
    private final ReturnRepositories.SubmittedAnswers submittedAnswers;
    private final AccountService accounts;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final io.micronaut.context.event.ApplicationEventPublisher<ReturnSubmitted> events;
    private final io.micronaut.context.event.ApplicationEventPublisher<ReturnSentBack> sentBack;
    private final ReturnActions actions;

    Submissions(ReturnService returns, ReturnRows rows, ReturnRepositories.Answers answers, ReturnRepositories.Sections sections,
                ReturnRepositories.Submissions submissions, ReturnRepositories.SubmittedAnswers submittedAnswers, AccountService accounts,
                Notifications notifications, AuditTrail audit, Clock clock,
                io.micronaut.context.event.ApplicationEventPublisher<ReturnSubmitted> events,
                io.micronaut.context.event.ApplicationEventPublisher<ReturnSentBack> sentBack, ReturnActions actions) {
        this.events = events;
        this.sentBack = sentBack;
        this.actions = actions;
        this.returns = returns;
        this.rows = rows;
        this.answers = answers;
        this.sections = sections;
        this.submissions = submissions;
        this.submittedAnswers = submittedAnswers;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record DeclarationForm(@Nullable @NotBlank(message = "Enter your full name")
                                  @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
                                  @Nullable @NotBlank(message = "Enter your job title or role")
                                  @Size(max = 200, message = "Job title must be 200 characters or fewer") String role,
                                  @Nullable String confirm) {
    }

    @Serdeable
    public record ReturnForm(@Nullable @NotBlank(message = "Say what needs to change")
                             @Size(max = 4000, message = "Reason must be 4,000 characters or fewer") String reason) {
    }

    /** A submission as the pages show it. */
    public record SubmissionView(ReturnSubmission submission, String submittedBy, String submittedAt, String returnedBy, String returnedAt) {
        public int number() {
            return submission.submissionNumber();
        }

        public String reference() {
            return submission.reference();
        }

        public boolean wasReturned() {
            return submission.returnedAt() != null;
        }
    }

    /** {@code missingActions}: the answers needing an action (by the bank's scale) that have none yet. */
    public record CheckPage(ReturnContext context, List<ReturnSummary.SectionSummary> sections, DeclarationForm form,
                            @Nullable SubmissionView lastReturned, List<AnswersNeedingActions.Needing> missingActions) {
        public List<ReturnSummary.SectionSummary> incomplete() {
            return sections.stream().filter(s -> !s.complete()).toList();
        }

        public boolean ready() {
            return incomplete().isEmpty() && missingActions.isEmpty() && !context.locked();
        }

        public boolean school() {
            return context.organisation().isSchool();
        }
    }

    // ---- check your answers, declare, submit ----

    @Transactional
    public CheckPage check(CurrentUser user, long returnId) {
        return check(user, returnId, new DeclarationForm(user.name(), "", null));
    }

    /** The check page with a declaration as typed, to show again beside its errors. */
    @Transactional
    public CheckPage check(CurrentUser user, long returnId, DeclarationForm form) {
        return checkPage(returns.load(user, returnId, Action.SUBMIT), form);
    }

    private CheckPage checkPage(ReturnContext ctx, DeclarationForm form) {
        Map<String, ReturnAnswer> stored = new HashMap<>();
        answers.findByReturnId(ctx.ret().id()).forEach(a -> stored.put(a.questionKey(), a));
        List<AnswersNeedingActions.Needing> missing = AnswersNeedingActions.missing(AnswersNeedingActions.of(ctx, stored),
                actions.actionsByQuestion(ctx.ret().id()));
        return new CheckPage(ctx, ReturnSummary.of(ctx, stored, statuses(ctx.ret().id())), form, latestWhile(ctx, views(ctx), ReturnStatus.RETURNED),
                missing);
    }

    private List<ReturnSummary.SectionSummary> summary(ReturnContext ctx) {
        Map<String, ReturnAnswer> stored = new HashMap<>();
        answers.findByReturnId(ctx.ret().id()).forEach(a -> stored.put(a.questionKey(), a));
        return ReturnSummary.of(ctx, stored, statuses(ctx.ret().id()));
    }

    private Map<String, SectionStatus> statuses(long returnId) {
        Map<String, SectionStatus> statuses = new HashMap<>();
        sections.findByReturnId(returnId).forEach(s -> statuses.put(s.sectionKey(), s.status()));
        return statuses;
    }

    /**
     * Submits the return with the declaration: the new submission's reference, or the errors of the form after
     * those its annotations found ({@code found}) — an unticked declaration, sections still to complete.
     */
    @Transactional
    public Validated<String> submit(CurrentUser user, long returnId, DeclarationForm form, FormErrors found) {
        FormErrors errors = FormErrors.none().addAll(found);
        rows.lock(returnId); // a save in progress finishes first, so what is checked is what is submitted
        ReturnContext ctx = returns.load(user, returnId, Action.SUBMIT);
        if (ctx.locked()) {
            throw ReturnService.refused(returnId, ctx.readOnlyReason());
        }
        CheckPage page = checkPage(ctx, form);
        if (!"true".equals(form.confirm())) {
            errors.add("confirm", page.school() ? "Confirm the declaration on behalf of the governing board" : "Confirm the declaration");
        }
        if (!page.incomplete().isEmpty()) {
            errors.add("sections", "Complete every section before you submit: " + page.incomplete().size() + " still to do");
        }
        if (!page.missingActions().isEmpty()) {
            errors.add("actions", "Write an action for every answer that needs one: " + page.missingActions().size() + " still to do");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        Instant now = clock.instant();
        rows.move(ctx.ret(), ReturnLifecycle.Event.SUBMITTED, user.accountId());
        List<ReturnSubmission> before = submissions.findByReturnIdOrderBySubmissionNumber(returnId);
        int number = before.size() + 1;
        String reference = "AR-%06d-%d".formatted(returnId, number);
        boolean late = Timeliness.late(ctx.ownDeadline(), ctx.today(), before.isEmpty() ? now : before.get(0).submittedAt());
        ReturnSubmission saved = submissions.save(new ReturnSubmission(null, returnId, number, reference, form.name().strip(),
                form.role().strip(), page.school(), user.accountId(), now, late, null, null, null));
        submittedAnswers.saveAll(answers.findByReturnId(returnId).stream().map(a -> SubmittedAnswer.of(saved.id(), a)).toList());
        audit.record(ctx.ret().partnershipId(), user.accountId(), ReturnAudit.SUBMITTED, returnId, null,
                AuditFields.of(ReturnAudit.REFERENCE, reference, ReturnAudit.DECLARED_NAME, saved.declaredName(),
                        ReturnAudit.DECLARED_ROLE, saved.declaredRole(), ReturnAudit.LATE, String.valueOf(saved.late())));
        tellAboutSubmission(ctx, user, saved);
        events.publishEvent(new ReturnSubmitted(ctx.ret().partnershipId(), ctx.cycle().id(), returnId, ctx.organisation().id(), saved.id()));
        return Validated.valid(reference);
    }

    private void tellAboutSubmission(ReturnContext ctx, CurrentUser user, ReturnSubmission s) {
        long partnership = ctx.ret().partnershipId();
        String organisation = ctx.organisation().name();
        String print = ctx.path() + "/print";
        notifications.send(partnership, new ReturnSubmittedReceipt(organisation, ctx.cycle().name(), s.reference(), s.late(), print),
                AccountRecipient.account(user.accountId()));
        notifications.send(partnership, new ReturnSubmittedNotice(user.name(), organisation, ctx.cycle().name(), s.late(),
                        s.declaredName(), s.declaredRole(), Dates.moment(s.submittedAt()), s.reference(), print),
                Recipient.excluding(AccountRecipient.partnershipAdmins(), AccountRecipient.account(user.accountId())));
    }

    /** The confirmation page's submission: the latest. */
    @Transactional
    public SubmissionView latest(CurrentUser user, long returnId) {
        return latestOf(leadOrAdmin(user, returnId));
    }

    /** The latest submission, if any, for the task list's banner; whoever may see the return may see this. */
    @Transactional
    public Optional<SubmissionView> latestIfAny(ReturnContext ctx) {
        List<SubmissionView> all = views(ctx);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    // ---- return for changes ----

    public record ReturnPage(ReturnContext context, SubmissionView submission, ReturnForm form) {
    }

    @Transactional
    public ReturnPage returnPage(CurrentUser admin, long returnId) {
        return returnPage(admin, returnId, new ReturnForm(""));
    }

    /** The page with the reason as typed, to show again beside its errors. */
    @Transactional
    public ReturnPage returnPage(CurrentUser admin, long returnId, ReturnForm form) {
        ReturnContext ctx = submittedForAdmin(admin, returnId);
        return new ReturnPage(ctx, latestOf(ctx), form);
    }

    /**
     * Sends a submitted return back to its organisation with a reason; the reference of the submission sent back,
     * or the form's errors ({@code found}: a missing or too long reason).
     */
    @Transactional
    public Validated<String> returnForChanges(CurrentUser admin, long returnId, ReturnForm form, FormErrors found) {
        rows.lock(returnId);
        ReturnContext ctx = submittedForAdmin(admin, returnId);
        SubmissionView last = latestOf(ctx);
        if (!found.isEmpty()) {
            return Validated.invalid(found);
        }
        Instant now = clock.instant();
        String reason = form.reason().strip();
        rows.move(ctx.ret(), ReturnLifecycle.Event.RETURNED_FOR_CHANGES, admin.accountId());
        submissions.update(last.submission().returned(admin.accountId(), now, reason));
        long partnership = ctx.ret().partnershipId();
        sentBack.publishEvent(new ReturnSentBack(partnership, ctx.cycle().id(), returnId, ctx.organisation().id(), last.submission().id()));
        audit.record(partnership, admin.accountId(), ReturnAudit.RETURNED_FOR_CHANGES, returnId,
                AuditFields.of(ReturnAudit.REFERENCE, last.reference()), AuditFields.of(ReturnAudit.REASON, reason));
        notifications.send(partnership, new ChangesNeededEmail(admin.partnershipName(), ctx.organisation().name(), ctx.cycle().name(),
                        last.reference(), reason, ctx.path()),
                AccountRecipient.account(last.submission().submittedBy()), AccountRecipient.leadsOf(ctx.organisation().id()));
        return Validated.valid(last.reference());
    }

    private ReturnContext submittedForAdmin(CurrentUser admin, long returnId) {
        ReturnContext ctx = returns.load(admin, returnId, Action.RETURN_FOR_CHANGES);
        if (ReturnLifecycle.next(ctx.ret().status(), ReturnLifecycle.Event.RETURNED_FOR_CHANGES).isEmpty()) {
            throw ReturnService.refused(returnId, "Only a submitted return can be returned for changes. This one is "
                    + ctx.ret().status().label().toLowerCase() + ".");
        }
        return ctx;
    }

    // ---- printable view, past submissions, history ----

    public record PrintPage(ReturnContext context, List<ReturnSummary.SectionSummary> sections,
                            @Nullable SubmissionView submission, List<SubmissionView> submissions) {
    }

    /** The whole return as it stands now. */
    @Transactional
    public PrintPage print(CurrentUser user, long returnId) {
        ReturnContext ctx = leadOrAdmin(user, returnId);
        List<SubmissionView> all = views(ctx);
        return new PrintPage(ctx, summary(ctx), latestWhile(ctx, all, ReturnStatus.SUBMITTED), all);
    }

    /** One submission exactly as it was submitted. */
    @Transactional
    public PrintPage submission(CurrentUser user, long returnId, int number) {
        ReturnContext ctx = leadOrAdmin(user, returnId);
        List<SubmissionView> all = views(ctx);
        SubmissionView view = all.stream().filter(v -> v.number() == number).findFirst().orElseThrow(() -> Refusal.notFound("Submission"));
        return new PrintPage(ctx, asSubmitted(ctx, view), view, all);
    }

    /** A submission and its answers in words, section by section, exactly as submitted. */
    public record Submitted(SubmissionView submission, List<ReturnSummary.SectionSummary> sections) {
    }

    /**
     * The latest submission of a return someone was let read (the return report, ADR 0044), even one since returned for
     * changes; empty if it was never submitted. Working answers never appear here.
     */
    @Transactional
    public Optional<Submitted> latestSubmitted(ReturnContext ctx) {
        return latestIfAny(ctx).map(view -> new Submitted(view, asSubmitted(ctx, view)));
    }

    private List<ReturnSummary.SectionSummary> asSubmitted(ReturnContext ctx, SubmissionView view) {
        Map<String, ReturnAnswer> stored = new HashMap<>();
        submittedAnswers.findBySubmissionId(view.submission().id())
                .forEach(a -> stored.put(a.questionKey(), a.asAnswer(ctx.ret().id(), view.submission().submittedAt())));
        Map<String, SectionStatus> complete = new HashMap<>();
        ctx.applicableSections().forEach(s -> complete.put(s.key(), SectionStatus.COMPLETED));
        return ReturnSummary.of(ctx, stored, complete);
    }

    public record HistoryRow(String when, String who, String what, String before, String after) {
    }

    public record HistoryPage(ReturnContext context, List<HistoryRow> rows, List<SubmissionView> submissions) {
    }

    /** Every change to the return, newest first: answers, section and return statuses, assignments, submissions. */
    @Transactional
    public HistoryPage history(CurrentUser user, long returnId) {
        ReturnContext ctx = leadOrAdmin(user, returnId);
        Map<Long, String> names = new HashMap<>();
        List<AuditEvent> events = new ArrayList<>(audit.history(ctx.ret().partnershipId(), ReturnAudit.KIND, returnId));
        java.util.Collections.reverse(events);
        List<HistoryRow> rows = events.stream().map(e -> ReturnHistory.row(ctx.bank(), e,
                e.accountId() == null ? "Assure" : names.computeIfAbsent(e.accountId(), id -> accounts.nameOf(ctx.ret().partnershipId(), id))))
                .toList();
        return new HistoryPage(ctx, rows, views(ctx));
    }

    /** The whole return: its lead and the partnership, not contributors. */
    private ReturnContext leadOrAdmin(CurrentUser user, long returnId) {
        return returns.load(user, returnId, Action.VIEW);
    }

    private SubmissionView latestOf(ReturnContext ctx) {
        return latestIfAny(ctx).orElseThrow(() -> Refusal.notFound("Submission"));
    }

    /** The latest submission while the return stands in this status (it is what the page speaks of), else null. */
    private static @Nullable SubmissionView latestWhile(ReturnContext ctx, List<SubmissionView> all, ReturnStatus status) {
        return ctx.ret().status() == status && !all.isEmpty() ? all.get(all.size() - 1) : null;
    }

    private List<SubmissionView> views(ReturnContext ctx) {
        long partnership = ctx.ret().partnershipId();
        return submissions.findByReturnIdOrderBySubmissionNumber(ctx.ret().id()).stream().map(s -> new SubmissionView(s,
                accounts.nameOf(partnership, s.submittedBy()), Dates.moment(s.submittedAt()),
                s.returnedBy() == null ? "" : accounts.nameOf(partnership, s.returnedBy()), s.returnedAt() == null ? "" : Dates.moment(s.returnedAt())))
                .toList();
    }

}
