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
import org.assure.chasing.NonCompliance;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.panels.PanelRepositories.AgreedRating;
import org.assure.panels.PanelRepositories.Finding;
import org.assure.panels.PanelRepositories.Mark;
import org.assure.panels.PanelRepositories.Marking;
import org.assure.panels.PanelRepositories.Moderation;
import org.assure.panels.PanelRepositories.Panel;
import org.assure.returns.JudgedReturns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Moderation (issue 12, ADR 0035): once enough members have submitted their marks, the panel's moderator sees the
 * self-rating and every marker side by side with the evidence and the challenges' answers, and records an agreed rating
 * per item, the outcome, strengths and areas to improve (one row each) and a summary. A draft keeps its outcome aside
 * ({@code draftOutcome}) so that the case counts as moderated only once confirmed. Confirming writes the letter and, for
 * "not assured", raises the non-compliance step.
 */
@Singleton
public class Moderating {
    static final int MAX_SUMMARY = 5000;
    static final int MAX_FINDING = 1000;
    static final int MAX_FINDINGS = 30;
    static final String RATING = "rating-";

    private final Panels panels;
    private final PanelRepositories.Markings markings;
    private final PanelRepositories.Marks marks;
    private final PanelRepositories.Moderations moderations;
    private final PanelRepositories.AgreedRatings agreed;
    private final PanelRepositories.Findings findings;
    private final PanelRepositories.Challenges challenges;
    private final PanelRepositories.Letters letters;
    private final OutcomeLetters outcomeLetters;
    private final JudgedReturns judged;
    private final AccountService accounts;
    private final NonCompliance nonCompliance;
    private final AgreedAreas agreedAreas;
    private final AuditTrail audit;
    private final Clock clock;

    Moderating(Panels panels, PanelRepositories.Markings markings, PanelRepositories.Marks marks, PanelRepositories.Moderations moderations,
               PanelRepositories.AgreedRatings agreed, PanelRepositories.Findings findings, PanelRepositories.Challenges challenges,
               PanelRepositories.Letters letters, OutcomeLetters outcomeLetters, JudgedReturns judged, AccountService accounts,
               NonCompliance nonCompliance, AgreedAreas agreedAreas, AuditTrail audit, Clock clock) {
        this.agreedAreas = agreedAreas;
        this.panels = panels;
        this.markings = markings;
        this.marks = marks;
        this.moderations = moderations;
        this.agreed = agreed;
        this.findings = findings;
        this.challenges = challenges;
        this.letters = letters;
        this.outcomeLetters = outcomeLetters;
        this.judged = judged;
        this.accounts = accounts;
        this.nonCompliance = nonCompliance;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- what the page shows ----

    public record Evidence(String question, String answer, String evidence, String notApplicableReason) {
    }

    public record MarkerView(String marker, String rating, String agrees, String comment) {
    }

    /** A section or question to agree a rating on. {@code number} is what a finding's line starts with to name it. */
    public record Item(String key, String number, String title, String selfRating, List<Evidence> evidence, List<MarkerView> markers) {
        public String field() {
            return RATING + key;
        }
    }

    public record ChallengeView(String kind, String about, String text, String dueOn, boolean answered, String answer, String answeredAt) {
    }

    public record ModerationPage(Panels.CaseContext context, boolean canEdit, boolean ready, int markersDone, int markersNeeded, boolean confirmed,
                                 String confirmedBy, String confirmedAt, List<Item> items, List<Panels.Choice> scale, List<Panels.Choice> outcomes,
                                 List<ChallengeView> challenges, boolean byQuestion, boolean letterSent) {
        public String path() {
            return context.path() + "/moderation";
        }
    }

    /** The form as typed (ratings by item key), so a bad value comes back as it was. */
    public record ModerationForm(Map<String, String> ratings, @Nullable String outcome, @Nullable String strengths, @Nullable String areas,
                                 @Nullable String summary, @Nullable String version) {
        public String rating(String key) {
            return Text.orEmpty(ratings.get(key));
        }

        /** Reads the posted fields: {@code rating-<item key>} for each item, the rest by name. */
        static ModerationForm of(Map<String, List<String>> fields) {
            Map<String, String> ratings = new LinkedHashMap<>();
            fields.forEach((name, values) -> {
                if (name.startsWith(RATING) && !values.isEmpty()) {
                    ratings.put(name.substring(RATING.length()), values.get(0));
                }
            });
            return new ModerationForm(ratings, first(fields, "outcome"), first(fields, "strengths"), first(fields, "areas"),
                    first(fields, "summary"), first(fields, "version"));
        }

        private static @Nullable String first(Map<String, List<String>> fields, String name) {
            List<String> v = fields.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    @Transactional
    public ModerationPage page(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = viewable(user, panelId, caseId);
        Panel p = panels.panel(user, panelId);
        List<Marking> done = markings.findByCaseIdOrderById(caseId).stream().filter(Marking::submitted).toList();
        Map<Long, String> names = new HashMap<>();
        accounts.people(user.partnershipId(), done.stream().map(Marking::accountId).collect(Collectors.toSet()))
                .forEach(x -> names.put(x.id(), x.name()));
        Map<Long, List<Mark>> byMarking = done.isEmpty() ? Map.of() : marks.findByMarkingIdInOrderById(done.stream().map(Marking::id).toList())
                .stream().collect(Collectors.groupingBy(Mark::markingId));
        JudgedReturns.Judged submission = ctx.submissionId() == null ? null : judged.read(user.partnershipId(), ctx.returnId(), ctx.submissionId());
        List<Item> items = new ArrayList<>();
        List<Panels.Choice> scale = List.of();
        if (submission != null) {
            BankModel.Scale s = submission.bank().scale();
            scale = s.ratings().stream().map(r -> new Panels.Choice(r.code(), r.label())).toList();
            for (ItemOf item : items(submission, p.markingBy())) {
                List<MarkerView> markers = new ArrayList<>();
                for (Marking m : done) {
                    Mark mark = byMarking.getOrDefault(m.id(), List.of()).stream().filter(x -> x.itemKey().equals(item.key())).findFirst().orElse(null);
                    markers.add(new MarkerView(names.getOrDefault(m.accountId(), "A marker"),
                            mark == null || mark.panelRating() == null ? "Not marked" : label(s, mark.panelRating()),
                            mark == null || mark.agrees() == null ? "" : mark.agrees() ? "Agrees with the self-rating" : "Adjusts the self-rating",
                            mark == null ? "" : Text.orEmpty(mark.comment())));
                }
                items.add(new Item(item.key(), item.number(), item.title(), item.selfRating() == null ? "Not rated" : label(s, item.selfRating()),
                        item.evidence(), markers));
            }
        }
        Moderation m = moderations.findByCaseId(caseId).orElse(null);
        String by = "";
        if (m != null && m.moderatedBy() != null) {
            by = accounts.people(user.partnershipId(), List.of(m.moderatedBy())).stream().findFirst().map(AccountService.PanelPerson::name).orElse("");
        }
        boolean sent = letters.findByCaseId(caseId).map(l -> l.sentAt() != null).orElse(false);
        boolean ready = done.size() >= CaseState.MARKERS_NEEDED && submission != null;
        List<Panels.Choice> outcomes = java.util.Arrays.stream(CaseOutcome.values()).map(o -> new Panels.Choice(o.name(), o.label())).toList();
        return new ModerationPage(ctx, ctx.moderator() && !ctx.conflicted(), ready, done.size(), CaseState.MARKERS_NEEDED, m != null && m.confirmed(), by,
                m == null || m.moderatedAt() == null ? "" : Dates.moment(m.moderatedAt()), items, scale, outcomes,
                challengeViews(caseId, submission), p.markingBy() == MarkingBy.QUESTION, sent);
    }

    /** The moderator, and the partnership's admins to read; a member who is neither sees no moderation. */
    private Panels.CaseContext viewable(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = panels.caseFor(user, panelId, caseId, Action.VIEW);
        if (!ctx.moderator() && !ctx.admin()) {
            throw Refusal.forbidden("Only the panel's moderator moderates a case; the partnership's administrators can read the moderation");
        }
        return ctx;
    }

    @Transactional
    public ModerationForm formOf(CurrentUser user, long panelId, long caseId) {
        viewable(user, panelId, caseId);
        Moderation m = moderations.findByCaseId(caseId).orElse(null);
        if (m == null) {
            return new ModerationForm(Map.of(), null, null, null, null, "");
        }
        Map<String, String> ratings = new LinkedHashMap<>();
        agreed.findByCaseIdOrderById(caseId).forEach(a -> ratings.put(a.itemKey(), a.rating()));
        List<Finding> all = findings.findByCaseIdOrderByPosition(caseId);
        Map<String, String> numbers = new HashMap<>();
        Panels.CaseContext ctx = panels.caseFor(user, panelId, caseId, Action.VIEW);
        if (ctx.submissionId() != null) {
            items(judged.read(user.partnershipId(), ctx.returnId(), ctx.submissionId()), panels.panel(user, panelId).markingBy())
                    .forEach(i -> numbers.put(i.key(), i.number()));
        }
        CaseOutcome outcome = m.outcome() != null ? m.outcome() : m.draftOutcome();
        return new ModerationForm(ratings, outcome == null ? null : outcome.name(), lines(all, FindingKind.STRENGTH, numbers),
                lines(all, FindingKind.AREA_TO_IMPROVE, numbers), m.summary(), String.valueOf(m.version()));
    }

    private static String lines(List<Finding> all, FindingKind kind, Map<String, String> numbers) {
        return all.stream().filter(f -> f.kind() == kind)
                .map(f -> f.itemKey() != null && numbers.containsKey(f.itemKey()) ? numbers.get(f.itemKey()) + ": " + f.text() : f.text())
                .collect(Collectors.joining("\n"));
    }

    // ---- saving ----

    private record Line(@Nullable String itemKey, String text) {
    }

    /**
     * Saves the moderation as a draft, or confirms it ({@code confirm}: needs the outcome, the summary and a rating for
     * every item). The posted version must be the stored one, so the same confirmation posted twice changes things once.
     */
    @Transactional
    public Validated<String> save(CurrentUser moderator, long panelId, long caseId, ModerationForm form, boolean confirm) {
        Panels.CaseContext ctx = panels.caseFor(moderator, panelId, caseId, Action.MODERATE);
        Panel p = panels.panel(moderator, panelId);
        int done = (int) markings.findByCaseIdOrderById(caseId).stream().filter(Marking::submitted).count();
        if (done < CaseState.MARKERS_NEEDED || ctx.submissionId() == null) {
            throw Refusal.conflict("A case is moderated once " + CaseState.MARKERS_NEEDED + " members have submitted their marks; "
                    + Text.plural(done, "member") + " have so far").backTo(ctx.path(), "Back to the case");
        }
        JudgedReturns.Judged submission = judged.read(moderator.partnershipId(), ctx.returnId(), ctx.submissionId());
        BankModel.Scale scale = submission.bank().scale();
        List<ItemOf> items = items(submission, p.markingBy());
        FormErrors errors = FormErrors.none();
        List<String> order = new ArrayList<>();
        Map<String, String> ratings = new LinkedHashMap<>();
        for (ItemOf item : items) {
            order.add(RATING + item.key());
            String r = Text.clean(form.ratings().get(item.key()));
            if (r == null) {
                if (confirm) {
                    errors.add(RATING + item.key(), "Choose the agreed rating for " + item.number() + ". " + item.title());
                }
            } else if (scale.rating(r).isEmpty()) {
                errors.add(RATING + item.key(), "Choose a rating from the scale for " + item.number() + ". " + item.title());
            } else {
                ratings.put(item.key(), r);
            }
        }
        order.addAll(List.of("outcome", "strengths", "areas", "summary"));
        CaseOutcome outcome = Text.parseEnum(CaseOutcome.class, form.outcome());
        if (outcome == null && (confirm || !Text.blank(form.outcome()))) {
            errors.add("outcome", "Choose the outcome: assured, partly assured or not assured");
        }
        Map<String, String> byNumber = new HashMap<>();
        items.forEach(i -> byNumber.put(i.number(), i.key()));
        List<Line> strengths = readLines(form.strengths(), "strengths", "strength", byNumber, errors);
        List<Line> areas = readLines(form.areas(), "areas", "area to improve", byNumber, errors);
        String summary = Text.clean(form.summary());
        if (summary == null && confirm) {
            errors.add("summary", "Write a summary of the panel's view");
        } else if (summary != null && summary.length() > MAX_SUMMARY) {
            errors.add("summary", "The summary must be " + MAX_SUMMARY + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors.inPageOrder(order));
        }
        Moderation before = moderations.findByCaseId(caseId).orElse(null);
        String posted = Text.clean(form.version());
        if (before != null && !String.valueOf(before.version()).equals(posted)) {
            throw stale(ctx);
        }
        if (before != null && before.confirmed() && !confirm) {
            return Validated.invalid(FormErrors.none().add("outcome", "The moderation is confirmed: confirm your changes to keep them"));
        }
        String beforeText = before == null ? null : describe(before, agreed.findByCaseIdOrderById(caseId), findings.findByCaseIdOrderByPosition(caseId));
        var now = clock.instant();
        Long by = confirm ? Long.valueOf(moderator.accountId()) : before == null ? null : before.moderatedBy();
        java.time.Instant at = confirm ? now : before == null ? null : before.moderatedAt();
        Moderation next = new Moderation(before == null ? null : before.id(), moderator.partnershipId(), caseId, confirm ? outcome : null, summary,
                by, at, before == null ? 0 : before.version(), confirm ? null : outcome);
        List<AgreedRating> newRatings = ratings.entrySet().stream()
                .map(e -> new AgreedRating(null, moderator.partnershipId(), caseId, e.getKey(), e.getValue())).toList();
        List<Finding> newFindings = new ArrayList<>();
        int position = 0;
        for (Line l : strengths) {
            newFindings.add(new Finding(null, moderator.partnershipId(), caseId, FindingKind.STRENGTH, l.itemKey(), l.text(), position++));
        }
        for (Line l : areas) {
            newFindings.add(new Finding(null, moderator.partnershipId(), caseId, FindingKind.AREA_TO_IMPROVE, l.itemKey(), l.text(), position++));
        }
        String afterText = describe(next, newRatings, newFindings);
        if (before != null && before.confirmed() && afterText.equals(beforeText)) {
            return Validated.valid("unchanged");
        }
        try {
            next = before == null ? moderations.save(next) : moderations.update(next);
        } catch (OptimisticLockException e) {
            throw stale(ctx);
        }
        agreed.deleteByCaseId(caseId);
        agreed.saveAll(newRatings);
        findings.deleteByCaseId(caseId);
        findings.saveAll(newFindings);
        audit.record(moderator.partnershipId(), moderator.accountId(), confirm ? PanelAudit.MODERATED : PanelAudit.MODERATION_DRAFTED, panelId,
                beforeText == null ? null : AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.FIELDS, beforeText),
                AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.FIELDS, afterText));
        if (!confirm) {
            return Validated.valid("drafted");
        }
        outcomeLetters.write(moderator, ctx, p);
        // each area to improve becomes the organisation's proposed action (ADR 0039); re-reading gives the new rows' ids
        agreedAreas.confirmed(moderator.partnershipId(), ctx.organisationId(), p.cycleId(), ctx.returnId(), caseId,
                findings.findByCaseIdOrderByPosition(caseId).stream().filter(f -> f.kind() == FindingKind.AREA_TO_IMPROVE)
                        .map(f -> new AgreedAreas.Area(f.id(), f.itemKey(), f.text())).toList(), moderator.accountId());
        if (outcome == CaseOutcome.NOT_ASSURED) {
            nonCompliance.notAssured(moderator.partnershipId(), p.cycleId(), ctx.returnId(), ctx.organisationId(), p.name(), summary);
        }
        return Validated.valid("confirmed");
    }

    private static Refusal stale(Panels.CaseContext ctx) {
        return Refusal.conflict("The moderation was changed after you opened this page. Open it again to see the change.")
                .backTo(ctx.path() + "/moderation", "Back to the moderation");
    }

    /** One finding a line; a line may start with an item's number and a colon ("2: ...") to tie it to that section or question. */
    private static List<Line> readLines(@Nullable String typed, String field, String what, Map<String, String> byNumber, FormErrors errors) {
        List<Line> lines = new ArrayList<>();
        if (typed == null) {
            return lines;
        }
        for (String raw : typed.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String key = null;
            var m = java.util.regex.Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*:\\s*(.*)$").matcher(line);
            if (m.matches()) {
                key = byNumber.get(m.group(1));
                if (key == null) {
                    errors.add(field, "There is no " + m.group(1) + " in this return to tie a " + what + " to: check the number before the colon");
                    return lines;
                }
                line = m.group(2).strip();
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (line.length() > MAX_FINDING) {
                errors.add(field, "Each " + what + " must be " + MAX_FINDING + " characters or fewer");
                return lines;
            }
            lines.add(new Line(key, line));
        }
        if (lines.size() > MAX_FINDINGS) {
            errors.add(field, "Write at most " + MAX_FINDINGS + " of them, one a line");
        }
        return lines;
    }

    private static String describe(Moderation m, List<AgreedRating> ratings, List<Finding> found) {
        CaseOutcome outcome = m.outcome() != null ? m.outcome() : m.draftOutcome();
        return (m.confirmed() ? "confirmed " : "draft ") + (outcome == null ? "no outcome" : outcome.name()) + "; ratings "
                + ratings.stream().map(r -> r.itemKey() + "=" + r.rating()).collect(Collectors.joining(",")) + "; findings "
                + found.stream().map(f -> f.kind().name().charAt(0) + (f.itemKey() == null ? "" : "[" + f.itemKey() + "]") + ":" + f.text())
                .collect(Collectors.joining(" | ")) + "; summary " + Objects.toString(m.summary(), "");
    }

    // ---- the items marked: sections or questions ----

    record ItemOf(String key, String number, String title, @Nullable String selfRating, List<Evidence> evidence) {
    }

    static List<ItemOf> items(JudgedReturns.Judged submission, MarkingBy by) {
        List<ItemOf> items = new ArrayList<>();
        int s = 0;
        for (JudgedReturns.Section section : submission.sections()) {
            s++;
            if (!section.rated()) {
                continue;
            }
            if (by == MarkingBy.SECTION) {
                items.add(new ItemOf(section.key(), String.valueOf(s), section.title(), section.selfRating(submission.bank().scale()),
                        section.questions().stream().map(q -> new Evidence(q.number() + ". " + q.text(), q.answer(), q.evidence(),
                                q.notApplicableReason())).toList()));
            } else {
                for (JudgedReturns.Question q : section.questions()) {
                    if (q.rated()) {
                        items.add(new ItemOf(q.key(), s + "." + q.number(), q.text(), q.rating(),
                                List.of(new Evidence(q.number() + ". " + q.text(), q.answer(), q.evidence(), q.notApplicableReason()))));
                    }
                }
            }
        }
        return items;
    }

    static String label(BankModel.Scale scale, String code) {
        return scale.rating(code).map(BankModel.Rating::label).orElse(code);
    }

    private List<ChallengeView> challengeViews(long caseId, @Nullable JudgedReturns.Judged submission) {
        List<ChallengeView> views = new ArrayList<>();
        for (PanelRepositories.Challenge c : challenges.findByCaseIdOrderById(caseId)) {
            if (!c.released()) {
                continue;
            }
            String about = "";
            if (c.itemKey() != null && submission != null) {
                about = submission.section(c.itemKey()).map(JudgedReturns.Section::title)
                        .or(() -> submission.question(c.itemKey()).map(JudgedReturns.Question::text)).orElse("");
            }
            views.add(new ChallengeView(c.kind() == ChallengeKind.EVIDENCE ? "Request for evidence" : "Question", about, c.text(),
                    c.dueOn() == null ? "" : Dates.date(c.dueOn()), c.answered(), Text.orEmpty(c.answer()),
                    c.answeredAt() == null ? "" : Dates.moment(c.answeredAt())));
        }
        return views;
    }
}
