package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.accounts.AccountRecipient;
import org.assure.accounts.AccountService;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.DateInput;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.notify.Notifications;
import org.assure.panels.PanelRepositories.Challenge;
import org.assure.returns.JudgedReturns;
import org.assure.returns.ReleasedChallenges;
import org.assure.returns.ReturnAudit;
import org.assure.returns.ReturnContext;
import org.assure.returns.ReturnService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A panel's challenges to an organisation (issue 12, ADR 0036): challenge questions and requests for more evidence the
 * panel drafts about a case, its own until the moderator (or an admin) releases them with a due date; then the
 * organisation's lead answers them in the portal. Before release the organisation sees nothing of them, and its
 * return's history records only what was released and answered; drafting is in the panel's audit.
 */
@Singleton
public class CaseChallenges implements ReleasedChallenges {
    static final int MAX_TEXT = 4_000;
    static final int MAX_ANSWER = 10_000;

    private final Panels panels;
    private final PanelRepositories.Challenges challenges;
    private final PanelRepositories.Cases cases;
    private final PanelRepositories.Moderations moderations;
    private final JudgedReturns judged;
    private final ReturnService returns;
    private final AccountService accounts;
    private final Notifications notifications;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    CaseChallenges(Panels panels, PanelRepositories.Challenges challenges, PanelRepositories.Cases cases, PanelRepositories.Moderations moderations,
                   JudgedReturns judged, ReturnService returns, AccountService accounts, Notifications notifications, AccessPolicy access,
                   AuditTrail audit, Clock clock) {
        this.panels = panels;
        this.challenges = challenges;
        this.cases = cases;
        this.moderations = moderations;
        this.judged = judged;
        this.returns = returns;
        this.accounts = accounts;
        this.notifications = notifications;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- what pages show ----

    /** One challenge as a page shows it. {@code about}: the section or question it is about, in words, or "". */
    public record ChallengeView(long id, String kind, String itemKey, String about, String text, String draftedBy, String drafted, boolean released,
                                String releasedAt, String dueOn, boolean overdue, boolean answered, String answer, String answeredBy,
                                String answeredAt, boolean answerable) {
    }

    public record Choice(String value, String label) {
    }

    /** The panel's page of a case's challenges: drafts (the panel's own) and those released, with their answers. */
    public record PanelPage(Panels.CaseContext context, List<ChallengeView> drafts, List<ChallengeView> released, List<Choice> kinds,
                            List<Choice> items, boolean mayRelease, boolean submitted) {
    }

    /** The organisation's page: the released challenges of its return's cases. */
    public record ReturnPage(ReturnContext context, List<ChallengeView> challenges, boolean mayAnswer, String rule) {
    }

    /** One challenge to answer. */
    public record AnswerPage(ReturnContext context, ChallengeView challenge) {
    }

    /** The rule the organisation's page states (ADR 0036). */
    static final String ANSWER_RULE = "You can change an answer until the day it is due. A challenge not answered by then can still be answered late. "
            + "Once the panel has moderated the case, answers can no longer be given or changed.";

    public record DraftForm(@Nullable String kind, @Nullable String itemKey, @Nullable String text) {
        static DraftForm blank() {
            return new DraftForm(ChallengeKind.QUESTION.name(), "", null);
        }
    }

    public record ReleaseForm(@Nullable String dueDay, @Nullable String dueMonth, @Nullable String dueYear) {
        static ReleaseForm blank() {
            return new ReleaseForm(null, null, null);
        }
    }

    // ---- the panel's side ----

    /** Drafting and reading are for everyone the case is open to: its members and moderator without a conflict, and admins. */
    private Panels.CaseContext panelCase(CurrentUser user, long panelId, long caseId) {
        return panels.caseFor(user, panelId, caseId, Action.OPEN);
    }

    @Transactional
    public PanelPage panelPage(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = panelCase(user, panelId, caseId);
        JudgedReturns.Judged submission = submission(ctx);
        List<Challenge> all = challenges.findByCaseIdOrderById(caseId).stream().filter(c -> c.partnershipId() == user.partnershipId()).toList();
        Map<Long, String> names = names(user.partnershipId(), all);
        boolean moderated = moderated(caseId);
        List<ChallengeView> drafts = all.stream().filter(c -> !c.released()).map(c -> view(c, submission, names, false)).toList();
        List<ChallengeView> released = all.stream().filter(Challenge::released).map(c -> view(c, submission, names, moderated)).toList();
        return new PanelPage(ctx, drafts, released, kinds(), items(submission), ctx.moderator() || ctx.admin(), submission != null);
    }

    @Transactional
    public DraftForm formOf(CurrentUser user, long panelId, long caseId, long challengeId) {
        Challenge c = draft(panelCase(user, panelId, caseId), user, challengeId);
        return new DraftForm(c.kind().name(), Text.orEmpty(c.itemKey()), c.text());
    }

    @Transactional
    public ChallengeView draftView(CurrentUser user, long panelId, long caseId, long challengeId) {
        Panels.CaseContext ctx = panelCase(user, panelId, caseId);
        Challenge c = draft(ctx, user, challengeId);
        return view(c, submission(ctx), names(user.partnershipId(), List.of(c)), false);
    }

    public DraftForm blankDraft() {
        return DraftForm.blank();
    }

    public ReleaseForm blankRelease() {
        return ReleaseForm.blank();
    }

    private record Checked(ChallengeKind kind, @Nullable String itemKey, String text) {
    }

    private Validated<Checked> check(@Nullable JudgedReturns.Judged submission, DraftForm form) {
        FormErrors errors = FormErrors.none();
        ChallengeKind kind = Text.parseEnum(ChallengeKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "Select whether it is a challenge question or a request for more evidence");
        }
        String itemKey = Text.clean(form.itemKey());
        if (itemKey != null && (submission == null || about(submission, itemKey) == null)) {
            errors.add("itemKey", "Select a section or question of the return, or the return as a whole");
        }
        String text = form.text() == null ? null : form.text().strip();
        if (Text.blank(text)) {
            errors.add("text", "Enter the question or the evidence the panel asks for");
        } else if (text.length() > MAX_TEXT) {
            errors.add("text", "The challenge must be " + String.format("%,d", MAX_TEXT) + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors.inPageOrder(List.of("kind", "itemKey", "text")));
        }
        return Validated.valid(new Checked(kind, itemKey, text));
    }

    @Transactional
    public Validated<Long> draft(CurrentUser user, long panelId, long caseId, DraftForm form) {
        Panels.CaseContext ctx = panelCase(user, panelId, caseId);
        JudgedReturns.Judged submission = requireSubmitted(ctx);
        Validated<Checked> checked = check(submission, form);
        if (!checked.isValid()) {
            return Validated.invalid(checked.errors());
        }
        Checked c = checked.value();
        Challenge saved = challenges.save(new Challenge(null, user.partnershipId(), caseId, ctx.returnId(), c.kind(), c.itemKey(), c.text(),
                user.accountId(), clock.instant(), null, null, null, null, null, null, 0));
        audit.record(user.partnershipId(), user.accountId(), PanelAudit.CHALLENGE_DRAFTED, panelId, null, fields(caseId, saved));
        return Validated.valid(saved.id());
    }

    @Transactional
    public Validated<Long> change(CurrentUser user, long panelId, long caseId, long challengeId, DraftForm form) {
        Panels.CaseContext ctx = panelCase(user, panelId, caseId);
        Challenge before = draft(ctx, user, challengeId);
        Validated<Checked> checked = check(requireSubmitted(ctx), form);
        if (!checked.isValid()) {
            return Validated.invalid(checked.errors());
        }
        Checked c = checked.value();
        Challenge after = challenges.update(new Challenge(before.id(), before.partnershipId(), before.caseId(), before.returnId(), c.kind(),
                c.itemKey(), c.text(), before.draftedBy(), before.draftedAt(), null, null, null, null, null, null, before.version()));
        audit.record(user.partnershipId(), user.accountId(), PanelAudit.CHALLENGE_CHANGED, panelId, fields(caseId, before), fields(caseId, after));
        return Validated.valid(after.id());
    }

    /** Withdraws a draft: it is deleted (the organisation never saw it); the panel's audit keeps what it said. */
    @Transactional
    public void withdraw(CurrentUser user, long panelId, long caseId, long challengeId) {
        Panels.CaseContext ctx = panelCase(user, panelId, caseId);
        Challenge c = draft(ctx, user, challengeId);
        challenges.delete(c);
        audit.record(user.partnershipId(), user.accountId(), PanelAudit.CHALLENGE_WITHDRAWN, panelId, fields(caseId, c), null);
    }

    /**
     * The moderator or an admin puts every draft of the case to the organisation, answers due on one day, and the
     * organisation's leads are emailed. Posting it again finds no drafts and changes nothing.
     */
    @Transactional
    public Validated<Integer> release(CurrentUser user, long panelId, long caseId, ReleaseForm form) {
        Panels.CaseContext ctx = panelCase(user, panelId, caseId);
        if (!ctx.moderator() && !ctx.admin()) {
            throw Refusal.forbidden("Only the panel's moderator or the partnership's admins release challenges to the organisation");
        }
        JudgedReturns.Judged submission = requireSubmitted(ctx);
        FormErrors errors = FormErrors.none();
        LocalDate dueOn = new DateInput(form.dueDay(), form.dueMonth(), form.dueYear()).read("dueOn", "The date answers are due", true, errors);
        if (dueOn != null && dueOn.isBefore(Dates.today(clock))) {
            errors.add("dueOn", "The date answers are due must be today or in the future");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        List<Challenge> drafts = challenges.findByCaseIdOrderById(caseId).stream()
                .filter(c -> c.partnershipId() == user.partnershipId() && !c.released()).toList();
        if (drafts.isEmpty()) {
            return Validated.valid(0);
        }
        var now = clock.instant();
        for (Challenge d : drafts) {
            Challenge r = challenges.update(new Challenge(d.id(), d.partnershipId(), d.caseId(), d.returnId(), d.kind(), d.itemKey(), d.text(),
                    d.draftedBy(), d.draftedAt(), user.accountId(), now, dueOn, null, null, null, d.version()));
            String about = r.itemKey() == null ? null : about(submission, r.itemKey());
            audit.record(user.partnershipId(), user.accountId(), ReturnAudit.CHALLENGE_RELEASED, ctx.returnId(), null,
                    released(r, about));
        }
        audit.record(user.partnershipId(), user.accountId(), PanelAudit.CHALLENGES_RELEASED, panelId, null,
                AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.CHALLENGE, String.valueOf(drafts.size()), PanelAudit.DUE_ON,
                        dueOn.toString()));
        notifications.send(user.partnershipId(), new ChallengeReleasedEmail(user.partnershipName(), ctx.organisation().name(), ctx.panel().name(),
                drafts.size(), Dates.date(dueOn), returnPath(ctx.returnId())), AccountRecipient.leadsOf(ctx.organisationId()));
        return Validated.valid(drafts.size());
    }

    // ---- the organisation's side ----

    @Transactional
    public ReturnPage returnPage(CurrentUser user, long returnId) {
        ReturnContext ctx = returns.load(user, returnId, Action.VIEW);
        boolean mayAnswer = ctx.may().edit();
        List<ChallengeView> views = new ArrayList<>();
        Map<Long, JudgedReturns.Judged> submissions = new HashMap<>();
        List<Challenge> released = released(ctx);
        Map<Long, String> names = names(ctx.ret().partnershipId(), released);
        Set<Long> moderatedCases = new HashSet<>();
        for (Challenge c : released) {
            if (moderated(c.caseId())) {
                moderatedCases.add(c.caseId());
            }
            JudgedReturns.Judged s = submissions.computeIfAbsent(c.caseId(), id -> caseSubmission(ctx.ret().partnershipId(), c));
            views.add(view(c, s, names, moderatedCases.contains(c.caseId())));
        }
        return new ReturnPage(ctx, views, mayAnswer, ANSWER_RULE);
    }

    @Transactional
    public AnswerPage answerPage(CurrentUser user, long returnId, long challengeId) {
        ReturnContext ctx = returns.load(user, returnId, Action.EDIT);
        Challenge c = releasedChallenge(ctx, challengeId);
        return new AnswerPage(ctx, view(c, caseSubmission(ctx.ret().partnershipId(), c), names(ctx.ret().partnershipId(), List.of(c)),
                moderated(c.caseId())));
    }

    /** The lead answers (or changes an answer) while {@link #answerable} says so; posting the same answer twice changes nothing. */
    @Transactional
    public Validated<Long> answer(CurrentUser user, long returnId, long challengeId, @Nullable String answer) {
        ReturnContext ctx = returns.load(user, returnId, Action.EDIT);
        Challenge c = releasedChallenge(ctx, challengeId);
        if (!answerable(c, moderated(c.caseId()), Dates.today(clock))) {
            throw Refusal.conflict(c.answered() ? "This answer can no longer be changed: its due date has passed or the panel has moderated the case"
                    : "The panel has moderated the case, so its challenges can no longer be answered")
                    .backTo("/returns/" + returnId + "/challenges", "Back to the panel's challenges");
        }
        String text = answer == null ? null : answer.strip();
        if (Text.blank(text)) {
            return Validated.invalid(FormErrors.none().add("answer", "Enter your answer to the panel"));
        }
        if (text.length() > MAX_ANSWER) {
            return Validated.invalid(FormErrors.none().add("answer", "Your answer must be " + String.format("%,d", MAX_ANSWER) + " characters or fewer"));
        }
        if (text.equals(c.answer())) {
            return Validated.valid(c.id());
        }
        challenges.update(new Challenge(c.id(), c.partnershipId(), c.caseId(), c.returnId(), c.kind(), c.itemKey(), c.text(), c.draftedBy(),
                c.draftedAt(), c.releasedBy(), c.releasedAt(), c.dueOn(), text, user.accountId(), clock.instant(), c.version()));
        audit.record(ctx.ret().partnershipId(), user.accountId(), ReturnAudit.CHALLENGE_ANSWERED, returnId,
                c.answer() == null ? null : AuditFields.of(ReturnAudit.ANSWER_TEXT, c.answer()),
                AuditFields.of(ReturnAudit.CHALLENGE, String.valueOf(c.id()), ReturnAudit.WORDING, c.text(), ReturnAudit.ANSWER_TEXT, text));
        return Validated.valid(c.id());
    }

    @Override
    @Transactional
    public int released(long partnershipId, long returnId) {
        return (int) challenges.findByReturnIdAndReleasedAtIsNotNullOrderById(returnId).stream().filter(c -> c.partnershipId() == partnershipId).count();
    }

    /**
     * An answer can be given while the case is not moderated; once given it can be changed until its due date has passed.
     * A late first answer is still taken: the panel would rather have it (ADR 0036).
     */
    static boolean answerable(Challenge c, boolean moderated, LocalDate today) {
        if (moderated || !c.released()) {
            return false;
        }
        return !c.answered() || c.dueOn() == null || !today.isAfter(c.dueOn());
    }

    // ---- helpers ----

    static String returnPath(long returnId) {
        return "/returns/" + returnId + "/challenges";
    }

    private List<Challenge> released(ReturnContext ctx) {
        return challenges.findByReturnIdAndReleasedAtIsNotNullOrderById(ctx.ret().id()).stream()
                .filter(c -> c.partnershipId() == ctx.ret().partnershipId()).toList();
    }

    /** A released challenge of this return; a draft's id, another return's or another partnership's is "not found". */
    private Challenge releasedChallenge(ReturnContext ctx, long challengeId) {
        return challenges.findByIdAndReturnIdAndPartnershipId(challengeId, ctx.ret().id(), ctx.ret().partnershipId()).filter(Challenge::released)
                .orElseThrow(() -> Refusal.notFound("Challenge"));
    }

    /** A draft of this case; once released it is no longer the panel's to change (409), another case's id is "not found". */
    private Challenge draft(Panels.CaseContext ctx, CurrentUser user, long challengeId) {
        Challenge c = challenges.findByIdAndCaseIdAndPartnershipId(challengeId, ctx.caseId(), user.partnershipId())
                .orElseThrow(() -> Refusal.notFound("Challenge"));
        if (c.released()) {
            throw Refusal.conflict("This challenge has been released to the organisation, so it can no longer be changed or withdrawn")
                    .backTo(ctx.path() + "/challenges", "Back to the case's challenges");
        }
        return c;
    }

    private @Nullable JudgedReturns.Judged submission(Panels.CaseContext ctx) {
        return ctx.submissionId() == null ? null : judged.read(ctx.organisation().partnershipId(), ctx.returnId(), ctx.submissionId());
    }

    private JudgedReturns.Judged requireSubmitted(Panels.CaseContext ctx) {
        JudgedReturns.Judged s = submission(ctx);
        if (s == null) {
            throw Refusal.conflict("The return has not been submitted yet, so there is nothing to challenge")
                    .backTo(ctx.path(), "Back to the case");
        }
        return s;
    }

    private @Nullable JudgedReturns.Judged caseSubmission(long partnershipId, Challenge c) {
        Optional<PanelRepositories.Case> found = cases.findById(c.caseId()).filter(x -> x.partnershipId() == partnershipId);
        return found.map(PanelRepositories.Case::submissionId).filter(Objects::nonNull)
                .map(id -> judged.read(partnershipId, c.returnId(), id)).orElse(null);
    }

    private boolean moderated(long caseId) {
        return moderations.findByCaseId(caseId).map(m -> m.outcome() != null).orElse(false);
    }

    private static List<Choice> kinds() {
        List<Choice> kinds = new ArrayList<>();
        for (ChallengeKind k : ChallengeKind.values()) {
            kinds.add(new Choice(k.name(), k.label()));
        }
        return kinds;
    }

    private static List<Choice> items(@Nullable JudgedReturns.Judged submission) {
        List<Choice> items = new ArrayList<>();
        items.add(new Choice("", "The return as a whole"));
        if (submission != null) {
            for (JudgedReturns.Section s : submission.sections()) {
                items.add(new Choice(s.key(), "Section: " + s.title()));
                for (JudgedReturns.Question q : s.questions()) {
                    items.add(new Choice(q.key(), "Question " + q.number() + ": " + shorten(q.text())));
                }
            }
        }
        return items;
    }

    /** What a key names in words: a section, else a question; null when the submission has neither. */
    static @Nullable String about(JudgedReturns.Judged submission, String key) {
        Optional<JudgedReturns.Section> section = submission.section(key);
        if (section.isPresent()) {
            return "Section: " + section.get().title();
        }
        return submission.question(key).map(q -> "Question " + q.number() + ": " + q.text()).orElse(null);
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "...";
    }

    private Map<Long, String> names(long partnershipId, List<Challenge> all) {
        Set<Long> ids = new HashSet<>();
        for (Challenge c : all) {
            ids.add(c.draftedBy());
            if (c.answeredBy() != null) {
                ids.add(c.answeredBy());
            }
        }
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            accounts.people(partnershipId, ids).forEach(p -> names.put(p.id(), p.name()));
        }
        return names;
    }

    private ChallengeView view(Challenge c, @Nullable JudgedReturns.Judged submission, Map<Long, String> names, boolean moderated) {
        LocalDate today = Dates.today(clock);
        String about = c.itemKey() == null || submission == null ? "" : Text.orEmpty(about(submission, c.itemKey()));
        return new ChallengeView(c.id(), c.kind().label(), Text.orEmpty(c.itemKey()), about, c.text(), names.getOrDefault(c.draftedBy(), ""),
                Dates.moment(c.draftedAt()), c.released(), c.releasedAt() == null ? "" : Dates.moment(c.releasedAt()),
                c.dueOn() == null ? "" : Dates.date(c.dueOn()), c.released() && !c.answered() && c.dueOn() != null && today.isAfter(c.dueOn()),
                c.answered(), Text.orEmpty(c.answer()), c.answeredBy() == null ? "" : names.getOrDefault(c.answeredBy(), ""),
                c.answeredAt() == null ? "" : Dates.moment(c.answeredAt()), answerable(c, moderated, today));
    }

    private static AuditFields released(Challenge c, @Nullable String about) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ReturnAudit.CHALLENGE, String.valueOf(c.id()));
        fields.put(ReturnAudit.CHALLENGE_KIND, c.kind().label());
        if (about != null) {
            fields.put(ReturnAudit.ABOUT, about);
        }
        fields.put(ReturnAudit.WORDING, c.text());
        fields.put(ReturnAudit.DUE_ON, c.dueOn() == null ? "" : Dates.date(c.dueOn()));
        return AuditFields.of(fields);
    }

    private static AuditFields fields(long caseId, Challenge c) {
        return AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.CHALLENGE, String.valueOf(c.id()), "kind", c.kind().name(),
                "wording", c.text());
    }
}
