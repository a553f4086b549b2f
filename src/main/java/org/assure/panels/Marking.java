package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.accounts.AccountService;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.panels.PanelRepositories.Case;
import org.assure.panels.PanelRepositories.Mark;
import org.assure.returns.JudgedReturns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Blind double marking (issue 12, ADR 0034): each unconflicted member marks a case on their own, per section or per
 * rated question as the panel chose, agreeing with the self-rating or adjusting it with a comment. A draft is its
 * author's alone; once submitted the marks are fixed, and only then does the marker see the others' submitted marks.
 * The moderator and the partnership's admins see every submitted mark, never a draft.
 */
@Singleton
public class Marking {
    static final int MAX_COMMENT = 4000;
    static final String AGREE = "AGREE";
    static final String ADJUST = "ADJUST";
    static final String SUBMIT = "submit";
    /** The error that is not about one row (an item the return does not have): the summary links to the form. */
    static final String FORM = "marks";

    private final Panels panels;
    private final PanelRepositories.Panels panelRows;
    private final PanelRepositories.Cases cases;
    private final PanelRepositories.Markings markings;
    private final PanelRepositories.Marks marks;
    private final JudgedReturns judged;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Marking(Panels panels, PanelRepositories.Panels panelRows, PanelRepositories.Cases cases, PanelRepositories.Markings markings,
            PanelRepositories.Marks marks, JudgedReturns judged, AccountService accounts, AuditTrail audit, Clock clock) {
        this.panels = panels;
        this.panelRows = panelRows;
        this.cases = cases;
        this.markings = markings;
        this.marks = marks;
        this.judged = judged;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- what the page shows ----

    /** An item as the submission has it: a section or a rated question, with its self-rating (null: none). */
    record Item(String key, String label, @Nullable String selfRating) {
    }

    /** One row of the marker's form, as stored or as posted. choice: AGREE, ADJUST or blank. */
    public record Row(String key, String label, @Nullable String selfRating, String selfRatingLabel, String choice, String rating,
                      String comment) {
        public boolean hasSelfRating() {
            return selfRating != null;
        }

        public String agreeField() {
            return "agree-" + key;
        }

        public String ratingField() {
            return "rating-" + key;
        }

        public String commentField() {
            return "comment-" + key;
        }
    }

    /** One item side by side: the self-rating and each submitted marker's rating (in the order of {@link MarksPage#markers}). */
    public record Compared(String key, String label, String selfRatingLabel, List<String> ratings, List<String> comments, boolean disagreement) {
    }

    public record Choice(String value, String label) {
    }

    public record MarksPage(Panels.CaseContext context, boolean canMark, boolean noSubmission, boolean submitted, String submittedAt,
                            boolean draft, int version, List<Row> rows, List<Choice> ratings, boolean seesOthers, List<String> markers,
                            List<Compared> compared, Agreement.Figures agreement, boolean byQuestion) {
    }

    /**
     * The marks page. Marking members see their own form (or, once submitted, their fixed marks and everyone's); the
     * moderator and admins see every submitted mark. {@code posted} keeps a rejected form's input.
     */
    @Transactional
    public MarksPage page(CurrentUser user, long panelId, long caseId, @Nullable Map<String, List<String>> posted) {
        Panels.CaseContext ctx = panels.caseFor(user, panelId, caseId, Action.VIEW);
        boolean canMark = ctx.member();
        PanelRepositories.Panel p = panels.panel(user, panelId);
        List<Choice> ratings = List.of();
        List<Item> items = List.of();
        if (ctx.submissionId() != null) {
            JudgedReturns.Judged submission = judged.read(user.partnershipId(), ctx.returnId(), ctx.submissionId());
            items = items(submission, p.markingBy());
            ratings = submission.bank().scale().ratings().stream().map(r -> new Choice(r.code(), r.label())).toList();
        }
        Map<String, String> labels = ratings.stream().collect(Collectors.toMap(Choice::value, Choice::label));
        Optional<PanelRepositories.Marking> mine = canMark ? markings.findByCaseIdAndAccountId(caseId, user.accountId()) : Optional.empty();
        boolean submitted = mine.map(PanelRepositories.Marking::submitted).orElse(false);
        Map<String, Mark> own = mine.map(m -> marks.findByMarkingIdOrderById(m.id()).stream().collect(Collectors.toMap(Mark::itemKey, x -> x,
                (a, b) -> a))).orElse(Map.of());
        List<Row> rows = new ArrayList<>();
        for (Item item : items) {
            String self = item.selfRating() == null ? "No self-rating" : labels.getOrDefault(item.selfRating(), item.selfRating());
            if (posted != null && !submitted) {
                rows.add(new Row(item.key(), item.label(), item.selfRating(), self, first(posted, "agree-" + item.key()),
                        first(posted, "rating-" + item.key()), first(posted, "comment-" + item.key())));
            } else {
                Mark m = own.get(item.key());
                String choice = m == null || m.agrees() == null ? "" : m.agrees() ? AGREE : ADJUST;
                String rating = m == null || m.panelRating() == null || Boolean.TRUE.equals(m.agrees()) ? "" : m.panelRating();
                rows.add(new Row(item.key(), item.label(), item.selfRating(), self, choice, rating, m == null ? "" : Text.orEmpty(m.comment())));
            }
        }
        // blind: a marker sees others' marks only once theirs are in; the moderator and admins see every submitted mark
        boolean seesOthers = submitted || ctx.moderator() || ctx.admin();
        List<String> markerNames = new ArrayList<>();
        List<Compared> compared = new ArrayList<>();
        Agreement.Figures figures = Agreement.of(List.of());
        if (seesOthers) {
            List<PanelRepositories.Marking> in = markings.findByCaseIdOrderById(caseId).stream().filter(PanelRepositories.Marking::submitted).toList();
            Map<Long, String> names = new HashMap<>();
            accounts.people(user.partnershipId(), in.stream().map(PanelRepositories.Marking::accountId).toList()).forEach(x -> names.put(x.id(), x.name()));
            in.forEach(m -> markerNames.add(names.getOrDefault(m.accountId(), "A marker")));
            Map<Long, Map<String, Mark>> byMarking = marks.findByMarkingIdInOrderById(in.isEmpty() ? List.of(-1L) : in.stream()
                    .map(PanelRepositories.Marking::id).toList()).stream().collect(Collectors.groupingBy(Mark::markingId,
                    Collectors.toMap(Mark::itemKey, x -> x, (a, b) -> a)));
            for (Item item : items) {
                List<String> theirs = new ArrayList<>();
                List<String> comments = new ArrayList<>();
                Map<Long, String> given = new LinkedHashMap<>();
                for (PanelRepositories.Marking m : in) {
                    Mark mark = byMarking.getOrDefault(m.id(), Map.of()).get(item.key());
                    String r = mark == null ? null : mark.panelRating();
                    theirs.add(r == null ? "No mark" : labels.getOrDefault(r, r));
                    comments.add(mark == null ? "" : Text.orEmpty(mark.comment()));
                    if (r != null) {
                        given.put(m.accountId(), r);
                    }
                }
                compared.add(new Compared(item.key(), item.label(), item.selfRating() == null ? "No self-rating"
                        : labels.getOrDefault(item.selfRating(), item.selfRating()), theirs, comments, given.values().stream().distinct().count() > 1));
            }
            figures = caseFigures(caseId, items.stream().map(Item::key).collect(Collectors.toSet()));
        }
        return new MarksPage(ctx, canMark, ctx.submissionId() == null, submitted, mine.map(m -> m.submittedAt() == null ? ""
                : Dates.moment(m.submittedAt())).orElse(""), mine.isPresent() && !submitted, mine.map(PanelRepositories.Marking::version).orElse(0),
                rows, ratings, seesOthers, markerNames, compared, figures, p.markingBy() == MarkingBy.QUESTION);
    }

    /** A case's agreement for its case page: only for those who may see its marks (else null, so nothing leaks). */
    @Transactional
    public @Nullable Agreement.Figures caseAgreement(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = panels.caseFor(user, panelId, caseId, Action.VIEW);
        boolean submitted = ctx.member() && markings.findByCaseIdAndAccountId(caseId, user.accountId()).map(PanelRepositories.Marking::submitted)
                .orElse(false);
        return submitted || ctx.moderator() || ctx.admin() ? caseFigures(caseId, null) : null;
    }

    /** Each case's and the whole panel's agreement, for the moderator and the partnership's admins (else null). */
    public record PanelAgreement(Agreement.Figures panel, List<CaseAgreement> cases) {
    }

    public record CaseAgreement(long caseId, String organisation, Agreement.Figures figures) {
    }

    @Transactional
    public @Nullable PanelAgreement panelAgreement(CurrentUser user, long panelId, List<Panels.CaseRow> rows) {
        PanelRepositories.Panel p = panels.panel(user, panelId);
        boolean moderator = p.moderatorId() != null && p.moderatorId() == user.accountId();
        if (!user.isAdmin() && !moderator) {
            return null;
        }
        List<Map<Long, String>> all = new ArrayList<>();
        List<CaseAgreement> each = new ArrayList<>();
        Map<Long, String> organisations = rows.stream().collect(Collectors.toMap(Panels.CaseRow::id, Panels.CaseRow::organisation));
        for (Case c : cases.findByPanelIdOrderById(panelId)) {
            List<Map<Long, String>> items = submittedRatings(c.id(), null);
            all.addAll(items);
            each.add(new CaseAgreement(c.id(), organisations.getOrDefault(c.id(), ""), Agreement.of(items)));
        }
        return new PanelAgreement(Agreement.of(all), each);
    }

    private Agreement.Figures caseFigures(long caseId, @Nullable Set<String> keys) {
        return Agreement.of(submittedRatings(caseId, keys));
    }

    /** Per item of the case, the submitted ratings by marker. Drafts never count. */
    private List<Map<Long, String>> submittedRatings(long caseId, @Nullable Set<String> keys) {
        List<PanelRepositories.Marking> in = markings.findByCaseIdOrderById(caseId).stream().filter(PanelRepositories.Marking::submitted).toList();
        if (in.size() < 2) {
            return List.of();
        }
        Map<Long, Long> accountOf = in.stream().collect(Collectors.toMap(PanelRepositories.Marking::id, PanelRepositories.Marking::accountId));
        Map<String, Map<Long, String>> byItem = new LinkedHashMap<>();
        for (Mark m : marks.findByMarkingIdInOrderById(in.stream().map(PanelRepositories.Marking::id).toList())) {
            if (m.panelRating() != null && (keys == null || keys.contains(m.itemKey()))) {
                byItem.computeIfAbsent(m.itemKey(), k -> new LinkedHashMap<>()).put(accountOf.get(m.markingId()), m.panelRating());
            }
        }
        return List.copyOf(byItem.values());
    }

    // ---- saving and submitting ----

    /** What a post did: kept a draft or submitted. */
    public enum Saved { DRAFT, SUBMITTED }

    @Transactional
    public Validated<Saved> save(CurrentUser user, long panelId, long caseId, Map<String, List<String>> posted) {
        Panels.CaseContext ctx = panels.caseFor(user, panelId, caseId, Action.MARK);
        if (ctx.submissionId() == null) {
            throw Refusal.conflict("The organisation has not submitted its return yet, so there is nothing to mark").backTo(ctx.path(), "Back to the case");
        }
        Optional<PanelRepositories.Marking> existing = markings.findByCaseIdAndAccountId(caseId, user.accountId());
        if (existing.map(PanelRepositories.Marking::submitted).orElse(false)) {
            throw Refusal.conflict("Your marks for this case are in, so they can no longer be changed").backTo(ctx.path() + "/marks", "See the marks");
        }
        int version = parseInt(first(posted, "version"));
        int current = existing.map(PanelRepositories.Marking::version).orElse(0);
        if (version != current) {
            throw Refusal.conflict("Your marks were saved from another tab or window after you opened this page. Open the marks page again to see them.")
                    .backTo(ctx.path() + "/marks", "Open the marks page again");
        }
        boolean submit = SUBMIT.equals(first(posted, "action"));
        JudgedReturns.Judged submission = judged.read(user.partnershipId(), ctx.returnId(), ctx.submissionId());
        PanelRepositories.Panel p = panels.panel(user, panelId);
        List<Item> items = items(submission, p.markingBy());
        BankModel.Scale scale = submission.bank().scale();
        Validated<List<Mark>> checked = check(items, scale, posted, submit, user.partnershipId());
        if (!checked.isValid()) {
            return Validated.invalid(checked.errors());
        }
        PanelRepositories.Marking marking;
        try {
            // every save moves the version on, the first too, so a second tab still holding the page it opened is refused
            marking = markings.update(existing.orElseGet(() -> markings.save(new PanelRepositories.Marking(null, user.partnershipId(), caseId,
                    user.accountId(), null, 0))));
            if (submit) {
                marking = markings.update(marking.submittedAt(clock.instant()));
            }
        } catch (OptimisticLockException e) {
            throw Refusal.conflict("Your marks were saved from another tab or window at the same time. Open the marks page again to see them.")
                    .backTo(ctx.path() + "/marks", "Open the marks page again");
        }
        marks.deleteByMarkingId(marking.id());
        long markingId = marking.id();
        List<Mark> saved = checked.value().stream().map(m -> new Mark(null, m.partnershipId(), markingId, m.itemKey(), m.selfRating(), m.panelRating(),
                m.agrees(), m.comment())).toList();
        marks.saveAll(saved);
        audit.record(user.partnershipId(), user.accountId(), submit ? PanelAudit.MARKS_SUBMITTED : PanelAudit.MARKS_SAVED, panelId, null,
                AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.ACCOUNT, String.valueOf(user.accountId()), PanelAudit.MARKS,
                        inWords(saved)));
        return Validated.valid(submit ? Saved.SUBMITTED : Saved.DRAFT);
    }

    /**
     * The posted rows as marks, or every problem: an item the return does not have, a choice or rating not offered,
     * adjusting without a rating (or to the same rating) or without a comment, a comment too long; when submitting,
     * every row marked.
     */
    static Validated<List<Mark>> check(List<Item> items, BankModel.Scale scale, Map<String, List<String>> posted, boolean submit, long partnershipId) {
        FormErrors errors = FormErrors.none();
        Set<String> keys = items.stream().map(Item::key).collect(Collectors.toSet());
        List<String> unknown = posted.keySet().stream().filter(f -> f.startsWith("agree-") || f.startsWith("rating-") || f.startsWith("comment-"))
                .map(f -> f.substring(f.indexOf('-') + 1)).filter(k -> !keys.contains(k)).distinct().toList();
        if (!unknown.isEmpty()) {
            errors.add(FORM, "The marks name " + (unknown.size() == 1 ? "an item" : "items") + " this return does not have: reload the page and mark again");
        }
        List<Mark> out = new ArrayList<>();
        List<String> order = new ArrayList<>(List.of(FORM));
        for (Item item : items) {
            String agreeField = "agree-" + item.key();
            String ratingField = "rating-" + item.key();
            String commentField = "comment-" + item.key();
            order.addAll(List.of(agreeField, ratingField, commentField));
            String choice = Text.clean(first(posted, agreeField));
            String rating = Text.clean(first(posted, ratingField));
            String comment = Text.clean(first(posted, commentField));
            boolean onScale = rating == null || scale.rating(rating).isPresent();
            if (!onScale) {
                errors.add(ratingField, item.label() + ": select a rating from the list");
            }
            if (comment != null && comment.length() > MAX_COMMENT) {
                errors.add(commentField, item.label() + ": the comment must be " + String.format("%,d", MAX_COMMENT) + " characters or fewer");
            }
            if (item.selfRating() == null) {
                // nothing to agree with: the panel gives its own rating
                if (choice != null && !ADJUST.equals(choice)) {
                    errors.add(ratingField, item.label() + " has no self-rating: select the panel's rating");
                } else if (rating == null && submit) {
                    errors.add(ratingField, item.label() + ": select the panel's rating");
                } else if (rating != null && onScale) {
                    out.add(new Mark(null, partnershipId, 0, item.key(), null, rating, false, comment));
                }
                continue;
            }
            if (choice == null) {
                if (submit) {
                    errors.add(agreeField, item.label() + ": select whether you agree with the self-rating or adjust it");
                } else if (rating != null || comment != null) {
                    errors.add(agreeField, item.label() + ": select whether you agree with the self-rating or adjust it");
                }
                continue;
            }
            if (AGREE.equals(choice)) {
                if (comment == null || comment.length() <= MAX_COMMENT) {
                    out.add(new Mark(null, partnershipId, 0, item.key(), item.selfRating(), item.selfRating(), true, comment));
                }
            } else if (ADJUST.equals(choice)) {
                boolean ok = onScale;
                if (rating == null) {
                    errors.add(ratingField, item.label() + ": select the rating you adjust it to");
                    ok = false;
                } else if (rating.equals(item.selfRating())) {
                    errors.add(ratingField, item.label() + ": select a rating different from the self-rating, or choose agree");
                    ok = false;
                }
                if (comment == null) {
                    errors.add(commentField, item.label() + ": say why you adjust the self-rating");
                    ok = false;
                }
                if (ok && comment.length() <= MAX_COMMENT) {
                    out.add(new Mark(null, partnershipId, 0, item.key(), item.selfRating(), rating, false, comment));
                }
            } else {
                errors.add(agreeField, item.label() + ": select agree or adjust");
            }
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors.inPageOrder(order));
        }
        return Validated.valid(out);
    }

    /** The items a case is marked by: every section (its self-rating the worst of its questions'), or every rated question. */
    static List<Item> items(JudgedReturns.Judged submission, MarkingBy by) {
        List<Item> items = new ArrayList<>();
        BankModel.Scale scale = submission.bank().scale();
        int s = 0;
        for (JudgedReturns.Section section : submission.sections()) {
            s++;
            if (by == MarkingBy.SECTION) {
                items.add(new Item(section.key(), s + ". " + section.title(), section.selfRating(scale)));
                continue;
            }
            for (JudgedReturns.Question q : section.questions()) {
                if (q.rated()) {
                    items.add(new Item(q.key(), s + "." + q.number() + " " + q.text(), q.rating()));
                }
            }
        }
        return items;
    }

    private static String inWords(List<Mark> saved) {
        if (saved.isEmpty()) {
            return "none";
        }
        return saved.stream().map(m -> m.itemKey() + ": " + (Boolean.TRUE.equals(m.agrees()) ? "agrees " + m.panelRating()
                : (m.selfRating() == null ? "rates " : "adjusts " + m.selfRating() + " to ") + m.panelRating())).collect(Collectors.joining("; "));
    }

    static String first(Map<String, List<String>> posted, String field) {
        List<String> values = posted.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
