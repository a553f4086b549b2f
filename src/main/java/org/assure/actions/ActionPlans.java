package org.assure.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.access.Target;
import org.assure.accounts.AccountService;
import org.assure.actions.ActionRepositories.DueChange;
import org.assure.actions.ActionRepositories.Item;
import org.assure.actions.ActionRepositories.Update;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.DateInput;
import org.assure.kernel.Dates;
import org.assure.kernel.EmailAddress;
import org.assure.kernel.FieldLimits;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.returns.AnswersNeedingActions;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnContext;
import org.assure.returns.ReturnService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Action plans (issue 13, ADR 0037): every answer whose rating needs an action carries at least one before its return is
 * submitted; an action is followed through dated progress updates to done, then verified by the partnership (or a panel
 * member it names), never by its owner; due dates move only when the partnership accepts a request. Actions also come from
 * a panel's areas to improve ({@link #proposeFromPanel}) and from the partnership ({@link #addByPartnership}).
 * Every read and change asks the access policy about the action ({@link Target.ActionItem}); every change is audited.
 */
@Singleton
public class ActionPlans {
    static final int MAX_WHAT = 4_000;
    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 4_000;
    static final int MAX_REASON = 1_000;
    /** How long a panel's area to improve is given until the organisation proposes its own date. */
    static final int PROPOSAL_MONTHS = 3;

    private final ActionRepositories.Items items;
    private final ActionRepositories.Updates updates;
    private final ActionRepositories.DueChanges dueChanges;
    private final ReturnService returns;
    private final AnswersNeedingActions needing;
    private final CycleLookup cycles;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final QuestionBanks banks;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    ActionPlans(ActionRepositories.Items items, ActionRepositories.Updates updates, ActionRepositories.DueChanges dueChanges, ReturnService returns,
                AnswersNeedingActions needing, CycleLookup cycles, OrganisationService organisations, AccountService accounts, QuestionBanks banks,
                AccessPolicy access, AuditTrail audit, Clock clock) {
        this.banks = banks;
        this.items = items;
        this.updates = updates;
        this.dueChanges = dueChanges;
        this.returns = returns;
        this.needing = needing;
        this.cycles = cycles;
        this.organisations = organisations;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- forms, as typed ----

    /**
     * A new action: for an answer of a return ({@code questionKey}) or by the partnership ({@code reason} why it adds it).
     * All text, so a bad value comes back as it was typed.
     */
    @Serdeable
    public record ActionForm(@Nullable String questionKey, @Nullable String what, @Nullable String ownerName, @Nullable String ownerRole,
                             @Nullable String ownerEmail, @Nullable String dueDay, @Nullable String dueMonth, @Nullable String dueYear,
                             @Nullable String successMeasure, @Nullable String reason) {
        public static ActionForm blank(@Nullable String questionKey) {
            return new ActionForm(questionKey, null, null, null, null, null, null, null, null, null);
        }
    }

    @Serdeable
    public record ProgressForm(@Nullable String progressNote, @Nullable String progressDay, @Nullable String progressMonth,
                               @Nullable String progressYear) {
    }

    @Serdeable
    public record DoneForm(@Nullable String evidence) {
    }

    @Serdeable
    public record VerifyForm(@Nullable String verifyNote) {
    }

    @Serdeable
    public record SendBackForm(@Nullable String sendBackReason) {
    }

    @Serdeable
    public record WithdrawForm(@Nullable String withdrawReason) {
    }

    @Serdeable
    public record DueDateForm(@Nullable String newDueDay, @Nullable String newDueMonth, @Nullable String newDueYear, @Nullable String dueReason) {
    }

    @Serdeable
    public record DecisionForm(@Nullable String decision, @Nullable String decisionNote) {
    }

    @Serdeable
    public record VerifierForm(@Nullable String verifierId) {
    }

    @Serdeable
    public record ProposalForm(@Nullable String ownerName, @Nullable String ownerRole, @Nullable String ownerEmail, @Nullable String dueDay,
                               @Nullable String dueMonth, @Nullable String dueYear) {
    }

    // ---- what pages show ----

    /** An action as every list and page shows it; {@code source} in words says where it came from. */
    public record ActionView(long id, String what, String ownerName, String ownerRole, String ownerEmail, String due, boolean overdue,
                             ActionStatus status, ActionSource source, String sourceDetail, @Nullable String questionKey,
                             @Nullable String successMeasure, @Nullable String completionEvidence, String lastUpdate, String verifier,
                             @Nullable Long returnId, String organisation) {
        public String path() {
            return "/actions/" + id;
        }

        public String statusLabel() {
            return status.label();
        }

        public String statusColour() {
            return status.colour();
        }

        public String sourceLabel() {
            return source.label();
        }

        public boolean proposed() {
            return status == ActionStatus.PROPOSED;
        }
    }

    public record UpdateView(String on, String kind, String note, String person, String change) {
    }

    public record DueChangeView(long id, String from, String to, String reason, String requestedBy, String requestedAt, boolean pending,
                                String decision, String decidedBy, String decisionNote) {
    }

    public record Choice(String value, String label) {
    }

    /** One answer needing an action on the return's action plan, with its actions and whether this person may add one. */
    public record QuestionPlan(AnswersNeedingActions.Needing answer, List<ActionView> actions, boolean mayAdd) {
        public String anchor() {
            return "q-" + answer.questionKey();
        }
    }

    public record ReturnPlan(ReturnContext context, List<QuestionPlan> questions, List<ActionView> others, boolean mayWrite) {
        public long missing() {
            return questions.stream().filter(q -> q.actions().isEmpty()).count();
        }
    }

    public record OrganisationPlan(Organisation organisation, List<ActionView> actions, boolean admin) {
        public long overdue() {
            return actions.stream().filter(ActionView::overdue).count();
        }

        public long open() {
            return actions.stream().filter(a -> !a.status().closed()).count();
        }
    }

    /** What this person may do to the action now: each a form on its page. */
    public record Permissions(boolean progress, boolean done, boolean verify, boolean withdraw, boolean requestDueDate, boolean decideDueDate,
                              boolean nameVerifier, boolean propose, boolean accept) {
        public boolean any() {
            return progress || done || verify || withdraw || requestDueDate || decideDueDate || nameVerifier || propose || accept;
        }
    }

    public record ActionPage(ActionView action, Organisation organisation, List<UpdateView> updates, List<DueChangeView> dueChanges,
                             Permissions may, List<Choice> verifiers, @Nullable DueChangeView pending, String today) {
        /** Where the page leads back to: the organisation's action plan. */
        public String backPath() {
            return "/organisations/" + organisation.id() + "/actions";
        }
    }

    // ---- the return's action plan ----

    @Transactional
    public ReturnPlan returnPlan(CurrentUser user, long returnId) {
        ReturnContext ctx = returnContext(user, returnId);
        LocalDate today = Dates.today(clock);
        List<Item> all = items.findByReturnIdOrderById(ctx.ret().id());
        Map<Long, String> last = lastUpdates(all);
        Map<String, List<ActionView>> byQuestion = new HashMap<>();
        for (Item i : all) {
            if (i.questionKey() != null && i.status() != ActionStatus.WITHDRAWN) {
                byQuestion.computeIfAbsent(i.questionKey(), k -> new ArrayList<>()).add(view(i, today, last, ctx.organisation(), ctx.bank()));
            }
        }
        // an admin looks and a chair reads; the lead writes for every answer, a contributor for the sections assigned to them
        boolean mayWrite = ctx.may().open() && !ctx.may().looksOnly();
        Set<String> shown = new HashSet<>();
        List<QuestionPlan> questions = new ArrayList<>();
        for (AnswersNeedingActions.Needing n : needing.of(ctx)) {
            if (!ctx.maySee(n.sectionKey())) {
                continue;
            }
            shown.add(n.questionKey());
            boolean mayAdd = mayWrite && access.allows(user, Action.EDIT, sectionTarget(ctx, n.sectionKey()));
            questions.add(new QuestionPlan(n, byQuestion.getOrDefault(n.questionKey(), List.of()), mayAdd));
        }
        List<ActionView> others = all.stream().filter(i -> !shown.contains(i.questionKey()) || i.status() == ActionStatus.WITHDRAWN)
                .filter(i -> i.sectionKey() == null || ctx.maySee(i.sectionKey()))
                .map(i -> view(i, today, last, ctx.organisation(), ctx.bank())).toList();
        return new ReturnPlan(ctx, questions, others, mayWrite);
    }

    /** A chair reads the whole return, and its action plan, without opening its working pages. */
    private ReturnContext returnContext(CurrentUser user, long returnId) {
        boolean reader = user.has(Roles.CHAIR) && !user.has(Roles.LEAD) && !user.has(Roles.CONTRIBUTOR) && !user.isAdmin();
        return returns.load(user, returnId, reader ? Action.VIEW : Action.OPEN);
    }

    private static Target.Section sectionTarget(ReturnContext ctx, String sectionKey) {
        return Target.section(ctx.ret().partnershipId(), ctx.organisation().id(), ctx.assigneeOf(sectionKey));
    }

    /**
     * Writes an action for an answer of the return (the lead, or a contributor for a section assigned to them), while the
     * return is being written or after it was submitted: the action plan lives on. The same action posted twice is written once.
     */
    @Transactional
    public Validated<Long> addForQuestion(CurrentUser user, long returnId, ActionForm form) {
        items.lockReturn(returnId);
        ReturnContext ctx = returns.load(user, returnId, Action.OPEN);
        BankModel.Section section = Optional.ofNullable(Text.clean(form.questionKey())).map(k -> ctx.bank().sectionOfQuestion().get(k))
                .filter(s -> ctx.applicableSections().contains(s)).orElseThrow(() -> Refusal.notFound("Question"));
        access.require(user, Action.EDIT, sectionTarget(ctx, section.key()), "Question");
        FormErrors errors = FormErrors.none();
        Owner owner = readAction(form, errors, false);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        String key = form.questionKey().strip();
        Optional<Item> same = items.findByReturnIdOrderById(returnId).stream()
                .filter(i -> key.equals(i.questionKey()) && i.status() != ActionStatus.WITHDRAWN && i.what().equals(owner.what())
                        && i.ownerEmail().equalsIgnoreCase(owner.email()) && i.dueOn().equals(owner.due()))
                .findFirst();
        if (same.isPresent()) {
            return Validated.valid(same.get().id());
        }
        Instant now = clock.instant();
        Item saved = items.save(new Item(null, ctx.ret().partnershipId(), ctx.organisation().id(), ctx.cycle().id(), returnId, ctx.cycle().bankKey(),
                ctx.cycle().bankVersion(), section.key(), key, ActionSource.QUESTION, null, null, null, owner.what(), owner.name(), owner.role(),
                owner.email(), ownerAccount(ctx.ret().partnershipId(), owner.email()), owner.due(), owner.measure(), ActionStatus.NOT_STARTED,
                null, null, user.accountId(), now, now, null, 0));
        created(user, saved);
        return Validated.valid(saved.id());
    }

    // ---- the organisation's action plan ----

    @Transactional
    public OrganisationPlan organisationPlan(CurrentUser user, long organisationId) {
        Organisation o = organisation(user, organisationId, Action.VIEW);
        LocalDate today = Dates.today(clock);
        // open actions first, the soonest due first; then the closed ones
        List<Item> all = items.findByPartnershipIdAndOrganisationIdOrderById(o.partnershipId(), o.id()).stream()
                .sorted(java.util.Comparator.comparing((Item i) -> i.status().closed()).thenComparing(Item::dueOn).thenComparing(Item::id)).toList();
        Map<Long, String> last = lastUpdates(all);
        Map<String, BankModel.Version> asked = new HashMap<>();
        List<ActionView> views = all.stream().filter(i -> visible(user, i))
                .map(i -> view(i, today, last, o, i.bankKey() == null ? null : asked.computeIfAbsent(i.bankKey() + "/" + i.bankVersion(), k -> bankOf(i))))
                .toList();
        return new OrganisationPlan(o, views, user.isAdmin());
    }

    /** The partnership adds an action to an organisation, with the reason; not tied to a return. */
    @Transactional
    public Validated<Long> addByPartnership(CurrentUser admin, long organisationId, ActionForm form) {
        Organisation o = organisation(admin, organisationId, Action.ADMINISTER);
        FormErrors errors = FormErrors.none();
        Owner owner = readAction(form, errors, true);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        Instant now = clock.instant();
        Item saved = items.save(new Item(null, o.partnershipId(), o.id(), null, null, null, null, null, null, ActionSource.PARTNERSHIP, null, null,
                owner.reason(), owner.what(), owner.name(), owner.role(), owner.email(), ownerAccount(o.partnershipId(), owner.email()), owner.due(),
                owner.measure(), ActionStatus.NOT_STARTED, null, null, admin.accountId(), now, now, null, 0));
        created(admin, saved);
        return Validated.valid(saved.id());
    }

    /**
     * An area to improve agreed at a panel's moderation becomes a proposed action of the organisation, once per finding
     * (a second call for the same finding returns the first action). The organisation proposes its owner and due date
     * ({@link #propose}) and the partnership accepts it ({@link #accept}). {@code by}: the account that confirmed the moderation.
     */
    @Transactional
    public long proposeFromPanel(long partnershipId, long organisationId, long cycleId, long returnId, long caseId, long findingId, String text,
                                 @Nullable String sectionKey, long by) {
        Optional<Item> existing = items.findByFindingId(findingId);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        CycleTerms cycle = cycles.find(partnershipId, cycleId).orElseThrow(() -> Refusal.notFound("Cycle"));
        Instant now = clock.instant();
        Item saved = items.save(new Item(null, partnershipId, organisationId, cycleId, returnId, cycle.bankKey(), cycle.bankVersion(), sectionKey,
                null, ActionSource.PANEL, caseId, findingId, null, text, "", "", "", null, Dates.today(clock).plusMonths(PROPOSAL_MONTHS), null,
                ActionStatus.PROPOSED, null, null, by, now, now, null, 0));
        addUpdate(saved, UpdateKind.CREATED, null, null, ActionStatus.PROPOSED, by, accounts.nameOf(partnershipId, by), Dates.today(clock));
        audit.record(partnershipId, by, ActionAudit.CREATED, saved.id(), null, AuditFields.of(ActionAudit.SOURCE, ActionSource.PANEL.name(),
                ActionAudit.FINDING, String.valueOf(findingId), ActionAudit.WHAT, text, AuditFields.STATUS, ActionStatus.PROPOSED.name()));
        return saved.id();
    }

    // ---- an action's page ----

    @Transactional
    public ActionPage page(CurrentUser user, long actionId) {
        Item i = find(user, actionId, Action.VIEW);
        Organisation o = organisations.findInPartnership(i.partnershipId(), i.organisationId()).orElseThrow(() -> Refusal.notFound("Action"));
        LocalDate today = Dates.today(clock);
        Target.ActionItem target = target(user, i);
        List<DueChange> changes = dueChanges.findByActionIdOrderById(i.id());
        boolean pending = changes.stream().anyMatch(DueChange::pending);
        ActionStatus s = i.status();
        boolean edit = access.allows(user, Action.EDIT, target);
        boolean admin = access.allows(user, Action.ADMINISTER, target);
        var may = new Permissions(edit && s.workable(), edit && s.workable(),
                access.allows(user, Action.VERIFY, target) && s == ActionStatus.AWAITING_VERIFICATION,
                access.allows(user, Action.WITHDRAW, target) && !s.closed(), edit && s.workable() && !pending, admin && pending,
                admin && !s.closed() && s != ActionStatus.PROPOSED, edit && s == ActionStatus.PROPOSED,
                admin && s == ActionStatus.PROPOSED && !i.ownerEmail().isEmpty());
        Map<Long, String> names = new HashMap<>();
        List<DueChangeView> changeViews = changes.stream().map(c -> changeView(i.partnershipId(), c, names)).toList();
        List<UpdateView> history = updates.findByActionIdOrderById(i.id()).stream().map(u -> new UpdateView(Dates.date(u.happenedOn()),
                u.kind().label(), Text.orEmpty(u.note()), u.person(), u.toStatus() == null || u.toStatus() == u.fromStatus() ? ""
                        : (u.fromStatus() == null ? "" : u.fromStatus().label() + " to ") + u.toStatus().label())).toList();
        List<Choice> verifiers = may.nameVerifier() ? accounts.withRole(i.partnershipId(), Role.PANEL_MEMBER).stream()
                .filter(p -> !p.email().equalsIgnoreCase(i.ownerEmail())).map(p -> new Choice(String.valueOf(p.id()), p.name())).toList() : List.of();
        BankModel.Version bank = bankOf(i);
        return new ActionPage(view(i, today, lastUpdates(List.of(i)), o, bank), o, history, changeViews, may, verifiers,
                changeViews.stream().filter(DueChangeView::pending).findFirst().orElse(null), Dates.date(today));
    }

    /** A dated progress update; the first moves a not-started action to in progress. */
    @Transactional
    public Validated<Long> progress(CurrentUser user, long actionId, ProgressForm form) {
        Item i = lockAndFind(user, actionId, Action.EDIT);
        requireWorkable(i);
        FormErrors errors = FormErrors.none();
        String note = required(form.progressNote(), "progressNote", "Enter what has been done", "Update", MAX_NOTE, errors);
        LocalDate on = new DateInput(form.progressDay(), form.progressMonth(), form.progressYear()).read("progressDay", "date of the update", true,
                errors);
        if (on != null && on.isAfter(Dates.today(clock))) {
            errors.add("progressDay", "The date of the update must be today or in the past");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        List<Update> before = updates.findByActionIdOrderById(i.id());
        Update last = before.isEmpty() ? null : before.get(before.size() - 1);
        if (last != null && last.kind() == UpdateKind.PROGRESS && note.equals(last.note()) && on.equals(last.happenedOn())
                && Objects.equals(last.accountId(), user.accountId())) {
            return Validated.valid(i.id()); // the same update posted again
        }
        ActionStatus to = i.status() == ActionStatus.NOT_STARTED ? ActionStatus.IN_PROGRESS : i.status();
        Item moved = items.update(i.moved(to, clock.instant()));
        addUpdate(moved, UpdateKind.PROGRESS, note, i.status(), to, user.accountId(), user.name(), on);
        audit.record(i.partnershipId(), user.accountId(), ActionAudit.PROGRESS, i.id(), status(i.status()),
                AuditFields.of(AuditFields.STATUS, to.name(), ActionAudit.NOTE, note));
        return Validated.valid(i.id());
    }

    /** Done: the evidence of completion, then the partnership verifies it. */
    @Transactional
    public Validated<Long> done(CurrentUser user, long actionId, DoneForm form) {
        Item i = lockAndFind(user, actionId, Action.EDIT);
        requireWorkable(i);
        FormErrors errors = FormErrors.none();
        String evidence = required(form.evidence(), "evidence", "Enter the evidence that the action is done", "Evidence", MAX_NOTE, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        Item moved = items.update(i.done(evidence, clock.instant()));
        addUpdate(moved, UpdateKind.DONE, evidence, i.status(), ActionStatus.AWAITING_VERIFICATION, user.accountId(), user.name(), Dates.today(clock));
        audit.record(i.partnershipId(), user.accountId(), ActionAudit.DONE, i.id(), status(i.status()),
                AuditFields.of(AuditFields.STATUS, ActionStatus.AWAITING_VERIFICATION.name(), ActionAudit.NOTE, evidence));
        return Validated.valid(i.id());
    }

    /** Verified: by the partnership or the panel member it named, never the owner. */
    @Transactional
    public Validated<Long> verify(CurrentUser user, long actionId, VerifyForm form) {
        Item i = lockAndFind(user, actionId, Action.VERIFY);
        requireStatus(i, ActionStatus.AWAITING_VERIFICATION, "Only an action marked as done can be verified.");
        FormErrors errors = FormErrors.none();
        String note = optional(form.verifyNote(), "verifyNote", "Note", MAX_NOTE, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        move(user, i, ActionStatus.VERIFIED, UpdateKind.VERIFIED, ActionAudit.VERIFIED, note);
        return Validated.valid(i.id());
    }

    /** Not verified: back to in progress with the reason. */
    @Transactional
    public Validated<Long> sendBack(CurrentUser user, long actionId, SendBackForm form) {
        Item i = lockAndFind(user, actionId, Action.VERIFY);
        requireStatus(i, ActionStatus.AWAITING_VERIFICATION, "Only an action marked as done can be sent back.");
        FormErrors errors = FormErrors.none();
        String reason = required(form.sendBackReason(), "sendBackReason", "Say why the action is not verified", "Reason", MAX_NOTE, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        move(user, i, ActionStatus.IN_PROGRESS, UpdateKind.SENT_BACK, ActionAudit.SENT_BACK, reason);
        return Validated.valid(i.id());
    }

    /** Withdrawn, with the reason: by the partnership or the organisation's lead. */
    @Transactional
    public Validated<Long> withdraw(CurrentUser user, long actionId, WithdrawForm form) {
        Item i = lockAndFind(user, actionId, Action.WITHDRAW);
        if (i.status().closed()) {
            throw refused(i, "This action is " + i.status().label().toLowerCase(Locale.UK) + ", so it cannot be withdrawn.");
        }
        FormErrors errors = FormErrors.none();
        String reason = required(form.withdrawReason(), "withdrawReason", "Say why the action is withdrawn", "Reason", MAX_NOTE, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        move(user, i, ActionStatus.WITHDRAWN, UpdateKind.WITHDRAWN, ActionAudit.WITHDRAWN, reason);
        return Validated.valid(i.id());
    }

    /** Asks the partnership to move the due date: a date after today and the reason; one request at a time. */
    @Transactional
    public Validated<Long> requestDueDate(CurrentUser user, long actionId, DueDateForm form) {
        Item i = lockAndFind(user, actionId, Action.EDIT);
        requireWorkable(i);
        if (dueChanges.findByActionIdOrderById(i.id()).stream().anyMatch(DueChange::pending)) {
            throw refused(i, "A new due date has already been asked for: the partnership has not yet decided.");
        }
        FormErrors errors = FormErrors.none();
        LocalDate to = new DateInput(form.newDueDay(), form.newDueMonth(), form.newDueYear()).read("newDueDay", "new due date", true, errors);
        if (to != null && !to.isAfter(Dates.today(clock))) {
            errors.add("newDueDay", "The new due date must be in the future");
        } else if (to != null && to.equals(i.dueOn())) {
            errors.add("newDueDay", "The new due date must be different from the current one, " + Dates.date(i.dueOn()));
        }
        String reason = required(form.dueReason(), "dueReason", "Say why the due date needs to move", "Reason", MAX_NOTE, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        Instant now = clock.instant();
        DueChange saved = dueChanges.save(new DueChange(null, i.partnershipId(), i.id(), i.dueOn(), to, reason, user.accountId(), now, null, null,
                null, null, 0));
        addUpdate(i, UpdateKind.DUE_DATE_REQUESTED, Dates.date(to) + ": " + reason, null, null, user.accountId(), user.name(), Dates.today(clock));
        audit.record(i.partnershipId(), user.accountId(), ActionAudit.DUE_DATE_REQUESTED, i.id(), AuditFields.of(ActionAudit.DUE, i.dueOn().toString()),
                AuditFields.of(ActionAudit.DUE, to.toString(), ActionAudit.REASON, reason, ActionAudit.CHANGE, String.valueOf(saved.id())));
        return Validated.valid(saved.id());
    }

    /** The partnership accepts (the due date moves) or refuses (with a note) a request to move the due date. */
    @Transactional
    public Validated<Long> decideDueDate(CurrentUser admin, long actionId, long changeId, DecisionForm form) {
        Item i = lockAndFind(admin, actionId, Action.ADMINISTER);
        DueChange c = dueChanges.findByIdAndActionIdAndPartnershipId(changeId, i.id(), admin.partnershipId())
                .orElseThrow(() -> Refusal.notFound("Request"));
        if (!c.pending()) {
            throw refused(i, "This request has already been " + (Boolean.TRUE.equals(c.accepted()) ? "accepted." : "refused."));
        }
        FormErrors errors = FormErrors.none();
        String decision = Text.clean(form.decision());
        boolean accept = "ACCEPT".equals(decision);
        if (!accept && !"REFUSE".equals(decision)) {
            errors.add("decision", "Choose whether to accept or refuse the new due date");
        }
        String note = "REFUSE".equals(decision)
                ? required(form.decisionNote(), "decisionNote", "Say why the new due date is refused", "Note", MAX_NOTE, errors)
                : optional(form.decisionNote(), "decisionNote", "Note", MAX_NOTE, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        Instant now = clock.instant();
        dueChanges.update(c.decided(admin.accountId(), now, accept, Text.orEmpty(note)));
        Item after = accept ? items.update(i.due(c.toDueOn(), now)) : i;
        String words = (accept ? "From " + Dates.date(c.fromDueOn()) + " to " + Dates.date(c.toDueOn()) : Dates.date(c.toDueOn()) + " refused")
                + (note == null ? "" : ": " + note);
        addUpdate(after, accept ? UpdateKind.DUE_DATE_ACCEPTED : UpdateKind.DUE_DATE_REFUSED, words, null, null, admin.accountId(), admin.name(),
                Dates.today(clock));
        audit.record(i.partnershipId(), admin.accountId(), accept ? ActionAudit.DUE_DATE_ACCEPTED : ActionAudit.DUE_DATE_REFUSED, i.id(),
                AuditFields.of(ActionAudit.DUE, i.dueOn().toString()), AuditFields.of(ActionAudit.DUE, after.dueOn().toString(), ActionAudit.NOTE, note,
                        ActionAudit.CHANGE, String.valueOf(changeId)));
        return Validated.valid(changeId);
    }

    /** The partnership names a panel member to verify the action (not its owner). */
    @Transactional
    public Validated<Long> nameVerifier(CurrentUser admin, long actionId, VerifierForm form) {
        Item i = lockAndFind(admin, actionId, Action.ADMINISTER);
        if (i.status().closed()) {
            throw refused(i, "This action is " + i.status().label().toLowerCase(Locale.UK) + ", so nobody needs to verify it.");
        }
        FormErrors errors = FormErrors.none();
        Long id = Text.parseId(form.verifierId());
        var person = id == null ? Optional.<AccountService.PanelPerson>empty()
                : accounts.withRole(admin.partnershipId(), Role.PANEL_MEMBER).stream().filter(p -> p.id() == id).findFirst();
        if (person.isEmpty()) {
            errors.add("verifierId", "Choose a panel member to verify the action");
        } else if (person.get().email().equalsIgnoreCase(i.ownerEmail()) || Objects.equals(i.ownerAccountId(), id)) {
            errors.add("verifierId", "Nobody verifies their own action: choose someone other than its owner");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        Item after = items.update(i.verifier(id, clock.instant()));
        addUpdate(after, UpdateKind.VERIFIER_NAMED, person.get().name(), null, null, admin.accountId(), admin.name(), Dates.today(clock));
        audit.record(i.partnershipId(), admin.accountId(), ActionAudit.VERIFIER_NAMED, i.id(),
                i.verifierAccountId() == null ? null : AuditFields.of(ActionAudit.VERIFIER, String.valueOf(i.verifierAccountId())),
                AuditFields.of(ActionAudit.VERIFIER, String.valueOf(id)));
        return Validated.valid(i.id());
    }

    /** The organisation proposes the owner and due date of a panel's proposed action. */
    @Transactional
    public Validated<Long> propose(CurrentUser user, long actionId, ProposalForm form) {
        Item i = lockAndFind(user, actionId, Action.EDIT);
        requireStatus(i, ActionStatus.PROPOSED, "Only a proposed action takes an owner and due date this way.");
        FormErrors errors = FormErrors.none();
        Owner owner = readOwner(form.ownerName(), form.ownerRole(), form.ownerEmail(), new DateInput(form.dueDay(), form.dueMonth(), form.dueYear()),
                errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        Item after = items.update(i.owner(owner.name(), owner.role(), owner.email(), ownerAccount(i.partnershipId(), owner.email()), owner.due(),
                clock.instant()));
        addUpdate(after, UpdateKind.PROPOSAL, owner.name() + ", " + owner.role() + ", by " + Dates.date(owner.due()), null, null, user.accountId(),
                user.name(), Dates.today(clock));
        audit.record(i.partnershipId(), user.accountId(), ActionAudit.PROPOSAL, i.id(), null,
                AuditFields.of(ActionAudit.OWNER, owner.email(), ActionAudit.DUE, owner.due().toString()));
        return Validated.valid(i.id());
    }

    /** The partnership accepts the organisation's proposal: the action starts. */
    @Transactional
    public long accept(CurrentUser admin, long actionId) {
        Item i = lockAndFind(admin, actionId, Action.ADMINISTER);
        requireStatus(i, ActionStatus.PROPOSED, "Only a proposed action can be accepted.");
        if (i.ownerEmail().isEmpty()) {
            throw refused(i, "The organisation has not yet proposed an owner and due date for this action.");
        }
        move(admin, i, ActionStatus.NOT_STARTED, UpdateKind.ACCEPTED, ActionAudit.ACCEPTED, null);
        return i.id();
    }

    // ---- the port for returns ----

    Map<String, Integer> actionsByQuestion(long returnId) {
        return items.findByReturnIdOrderById(returnId).stream().filter(i -> i.questionKey() != null && i.status() != ActionStatus.WITHDRAWN)
                .collect(Collectors.toMap(Item::questionKey, i -> 1, Integer::sum));
    }

    // ---- insides ----

    /** What a new action's form said, read and checked. */
    private record Owner(String what, String name, String role, String email, LocalDate due, @Nullable String measure, @Nullable String reason) {
    }

    private Owner readAction(ActionForm form, FormErrors errors, boolean needsReason) {
        String what = required(form.what(), "what", "Enter what will be done", "What will be done", MAX_WHAT, errors);
        Owner owner = readOwner(form.ownerName(), form.ownerRole(), form.ownerEmail(), new DateInput(form.dueDay(), form.dueMonth(), form.dueYear()),
                errors);
        String measure = optional(form.successMeasure(), "successMeasure", "How you will know", MAX_NOTE, errors);
        String reason = needsReason ? required(form.reason(), "reason", "Say why the partnership is adding this action", "Reason", MAX_REASON, errors)
                : null;
        return new Owner(what, owner.name(), owner.role(), owner.email(), owner.due(), measure, reason);
    }

    private Owner readOwner(@Nullable String name, @Nullable String role, @Nullable String email, DateInput due, FormErrors errors) {
        String n = required(name, "ownerName", "Enter the name of the action's owner", "Owner's name", MAX_NAME, errors);
        String r = required(role, "ownerRole", "Enter the owner's job title or role", "Owner's role", MAX_NAME, errors);
        String e = Text.clean(email);
        if (e == null) {
            errors.add("ownerEmail", "Enter the owner's email address");
        } else if (!EmailAddress.valid(e)) {
            errors.add("ownerEmail", EmailAddress.FORMAT_MESSAGE);
        }
        LocalDate d = due.read("dueDay", "due date", true, errors);
        if (d != null && d.isBefore(Dates.today(clock))) {
            errors.add("dueDay", "The due date must be today or in the future");
        }
        return new Owner("", n, r, e, d, null, null);
    }

    private static @Nullable String required(@Nullable String value, String field, String blank, String what, int max, FormErrors errors) {
        String v = Text.clean(value);
        if (v == null) {
            errors.add(field, blank);
        } else if (FieldLimits.over(v, max)) {
            errors.add(field, FieldLimits.message(what, max));
        }
        return v;
    }

    private static @Nullable String optional(@Nullable String value, String field, String what, int max, FormErrors errors) {
        String v = Text.clean(value);
        if (v != null && FieldLimits.over(v, max)) {
            errors.add(field, FieldLimits.message(what, max));
        }
        return v;
    }

    private @Nullable Long ownerAccount(long partnershipId, String email) {
        return accounts.accountIdInPartnership(partnershipId, email).orElse(null);
    }

    private void created(CurrentUser user, Item saved) {
        addUpdate(saved, UpdateKind.CREATED, saved.sourceReason(), null, saved.status(), user.accountId(), user.name(), Dates.today(clock));
        audit.record(saved.partnershipId(), user.accountId(), ActionAudit.CREATED, saved.id(), null,
                AuditFields.of(pairs(ActionAudit.SOURCE, saved.source().name(), ActionAudit.ORGANISATION, String.valueOf(saved.organisationId()),
                        ActionAudit.RETURN, saved.returnId() == null ? null : String.valueOf(saved.returnId()), ActionAudit.QUESTION, saved.questionKey(),
                        ActionAudit.WHAT, saved.what(), ActionAudit.OWNER, saved.ownerEmail(), ActionAudit.DUE, saved.dueOn().toString(),
                        ActionAudit.REASON, saved.sourceReason(), AuditFields.STATUS, saved.status().name())));
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put(kv[k], kv[k + 1]);
        }
        return m;
    }

    private void move(CurrentUser user, Item i, ActionStatus to, UpdateKind kind, ActionAudit event, @Nullable String note) {
        if (!i.status().canMoveTo(to)) {
            throw refused(i, "This action is " + i.status().label().toLowerCase(Locale.UK) + ", so it cannot be moved to "
                    + to.label().toLowerCase(Locale.UK) + ".");
        }
        Item moved = items.update(i.moved(to, clock.instant()));
        addUpdate(moved, kind, note, i.status(), to, user.accountId(), user.name(), Dates.today(clock));
        audit.record(i.partnershipId(), user.accountId(), event, i.id(), status(i.status()),
                AuditFields.of(AuditFields.STATUS, to.name(), ActionAudit.NOTE, note));
    }

    private static AuditFields status(ActionStatus s) {
        return AuditFields.of(AuditFields.STATUS, s.name());
    }

    private void addUpdate(Item i, UpdateKind kind, @Nullable String note, @Nullable ActionStatus from, @Nullable ActionStatus to,
                           @Nullable Long by, String person, LocalDate on) {
        updates.save(new Update(null, i.partnershipId(), i.id(), kind, note, from, to, by, Text.blank(person) ? "Assure" : person, on, clock.instant()));
    }

    private static void requireWorkable(Item i) {
        if (!i.status().workable()) {
            throw refused(i, "This action is " + i.status().label().toLowerCase(Locale.UK) + ", so it cannot be updated.");
        }
    }

    private static void requireStatus(Item i, ActionStatus s, String message) {
        if (i.status() != s) {
            throw refused(i, message + " This one is " + i.status().label().toLowerCase(Locale.UK) + ".");
        }
    }

    private static Refusal refused(Item i, String reason) {
        return Refusal.conflict(reason).backTo("/actions/" + i.id(), "Back to the action");
    }

    private Item lockAndFind(CurrentUser user, long actionId, Action action) {
        items.lockById(actionId);
        return find(user, actionId, action);
    }

    /** The action, for someone the policy lets do this to it; another partnership's or organisation's is not found. */
    private Item find(CurrentUser user, long actionId, Action action) {
        Item i = items.findByIdAndPartnershipId(actionId, user.partnershipId()).orElseThrow(() -> Refusal.notFound("Action"));
        access.require(user, action, target(user, i), "Action");
        return i;
    }

    private static Target.ActionItem target(CurrentUser user, Item i) {
        boolean owner = Objects.equals(i.ownerAccountId(), user.accountId()) || (!i.ownerEmail().isEmpty() && i.ownerEmail().equalsIgnoreCase(user.email()));
        return new Target.ActionItem(i.partnershipId(), i.organisationId(), owner, Objects.equals(i.verifierAccountId(), user.accountId()));
    }

    private boolean visible(CurrentUser user, Item i) {
        return access.allows(user, Action.VIEW, target(user, i));
    }

    private Organisation organisation(CurrentUser user, long organisationId, Action action) {
        Organisation o = organisations.findInPartnership(user.partnershipId(), organisationId).orElseThrow(() -> Refusal.notFound("Organisation"));
        access.require(user, action, Target.organisation(o.partnershipId(), o.id()), "Organisation");
        return o;
    }

    private Map<Long, String> lastUpdates(List<Item> all) {
        Map<Long, String> last = new HashMap<>();
        if (all.isEmpty()) {
            return last;
        }
        for (Update u : updates.findByActionIdInOrderById(all.stream().map(Item::id).toList())) {
            last.put(u.actionId(), Dates.date(u.happenedOn()) + ": " + u.kind().label() + (u.note() == null ? "" : " – " + u.note()));
        }
        return last;
    }

    /** The bank version the action's question was asked in, to show the question's words. */
    private @Nullable BankModel.Version bankOf(Item i) {
        if (i.bankKey() == null || i.bankVersion() == null) {
            return null;
        }
        try {
            return banks.get(i.bankKey(), i.bankVersion());
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private ActionView view(Item i, LocalDate today, Map<Long, String> last, Organisation o, @Nullable BankModel.Version bank) {
        String detail = switch (i.source()) {
            case QUESTION -> questionText(i, bank);
            case PANEL -> "An area to improve agreed at the panel";
            case PARTNERSHIP -> Text.orEmpty(i.sourceReason());
        };
        String verifier = i.verifierAccountId() == null ? "" : accounts.nameOf(i.partnershipId(), i.verifierAccountId());
        return new ActionView(i.id(), i.what(), i.ownerName(), i.ownerRole(), i.ownerEmail(), Dates.date(i.dueOn()), i.status().overdue(i.dueOn(), today),
                i.status(), i.source(), detail, i.questionKey(), i.successMeasure(), i.completionEvidence(), last.getOrDefault(i.id(), ""), verifier,
                i.returnId(), o.name());
    }

    private String questionText(Item i, @Nullable BankModel.Version bank) {
        if (i.questionKey() == null) {
            return "";
        }
        BankModel.Version asked = bank != null ? bank : bankOf(i);
        return asked == null ? i.questionKey() : asked.question(i.questionKey()).map(BankModel.Question::text).orElse(i.questionKey());
    }

    private DueChangeView changeView(long partnershipId, DueChange c, Map<Long, String> names) {
        String requestedBy = names.computeIfAbsent(c.requestedBy(), id -> accounts.nameOf(partnershipId, id));
        String decidedBy = c.decidedBy() == null ? "" : names.computeIfAbsent(c.decidedBy(), id -> accounts.nameOf(partnershipId, id));
        return new DueChangeView(c.id(), Dates.date(c.fromDueOn()), Dates.date(c.toDueOn()), c.reason(), requestedBy, Dates.moment(c.requestedAt()),
                c.pending(), c.pending() ? "Waiting for the partnership" : Boolean.TRUE.equals(c.accepted()) ? "Accepted" : "Refused", decidedBy,
                Text.orEmpty(c.decisionNote()));
    }
}
