package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.actions.ActionSource;
import org.assure.actions.ActionStatus;
import org.assure.banks.BankModel;
import org.assure.kernel.Dates;
import org.assure.panels.CaseOutcome;
import org.assure.panels.ChallengeKind;
import org.assure.panels.FindingKind;
import org.assure.returns.ReturnContext;
import org.assure.returns.ReturnService;
import org.assure.returns.ReturnSummary;
import org.assure.returns.Submissions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One organisation's return report (issue 14, ADR 0044): its latest submission question by question, with the panel's
 * agreed ratings and outcome from the latest moderated case on the return, the challenges released to the organisation
 * with their answers, and the return's actions. Nothing of a draft moderation, no member's own marks, no unreleased
 * challenge. Each part is one read scoped by the return's partnership (and organisation), never one per answer.
 */
@Singleton
public class ReturnReport {
    private final ReturnService returns;
    private final Submissions submissions;
    private final JdbcOperations jdbc;

    ReturnReport(ReturnService returns, Submissions submissions, JdbcOperations jdbc) {
        this.returns = returns;
        this.submissions = submissions;
        this.jdbc = jdbc;
    }

    /** An action written for the return, as the report lists it. {@code about}: the question it came from, in words, or "". */
    public record ActionLine(long id, String questionKey, String about, String what, String owner, String due, ActionStatus status,
                             ActionSource source) {
    }

    /** One question as submitted, with the panel's agreed rating of it when the panel marked by question. */
    public record AnswerLine(String number, ReturnSummary.Line line, @Nullable String selfRating, @Nullable String agreed,
                             List<ActionLine> actions) {
    }

    /** A section: its number, its answers, the panel's agreed rating of it when the panel marked by section. */
    public record SectionPart(String number, BankModel.Section section, @Nullable String agreed, List<AnswerLine> answers) {
    }

    /** A strength or an area to improve the moderator recorded. */
    public record Finding(FindingKind kind, String about, String text) {
    }

    /** The confirmed moderation of the latest moderated case on the return. */
    public record Moderation(String panel, CaseOutcome outcome, String summary, String moderatedOn, List<Finding> strengths,
                             List<Finding> areas) {
    }

    /** A challenge released to the organisation, and its answer if given. */
    public record Challenge(ChallengeKind kind, String about, String text, String released, String due, String answer, String answered) {
    }

    /** A section's self-ratings as a bar: its segments and how many of its answers were not applicable. */
    public record ChartRow(String number, String title, long base, long notApplicable, List<CycleReport.Cell> cells) {
    }

    /**
     * The whole report. {@code submitted}: the latest submission, or null when the return was never submitted (then no
     * answers are shown: the report is of what the organisation signed off, not its working answers).
     */
    public record Page(ReturnContext context, @Nullable Submissions.SubmissionView submitted, List<SectionPart> sections,
                       List<ChartRow> chart, List<BankModel.Rating> ratings, @Nullable Moderation moderation, List<Challenge> challenges,
                       List<ActionLine> actions, boolean print) {
        public String path() {
            return context.path() + "/report";
        }

        public String title() {
            return "Return report: " + context.organisation().name();
        }
    }

    @Transactional
    public Page report(CurrentUser user, long returnId, boolean print) {
        ReturnContext ctx = returns.load(user, returnId, Action.READ_REPORTS);
        long partnershipId = ctx.ret().partnershipId();
        Optional<Submissions.Submitted> latest = submissions.latestSubmitted(ctx);
        BankModel.Scale scale = ctx.bank().scale();

        Map<String, String> about = new HashMap<>();
        List<ReturnSummary.SectionSummary> summaries = latest.map(Submissions.Submitted::sections).orElse(List.of());
        List<BankModel.Section> sections = ctx.applicableSections();
        for (int i = 0; i < sections.size(); i++) {
            about.put(sections.get(i).key(), "Section " + (i + 1) + ": " + sections.get(i).title());
        }
        for (int i = 0; i < summaries.size(); i++) {
            for (ReturnSummary.Line l : summaries.get(i).lines()) {
                about.put(l.questionKey(), "Question " + (i + 1) + "." + l.number() + ": " + l.question());
            }
        }

        @Nullable Long caseId = latestModeratedCase(partnershipId, returnId);
        Map<String, String> agreed = caseId == null ? Map.of() : agreedRatings(partnershipId, caseId);
        List<ActionLine> actions = actions(ctx, about);
        Map<String, List<ActionLine>> actionsByQuestion = new HashMap<>();
        actions.stream().filter(a -> !a.questionKey().isEmpty()).forEach(a -> actionsByQuestion.computeIfAbsent(a.questionKey(), k -> new ArrayList<>()).add(a));

        List<SectionPart> parts = new ArrayList<>();
        List<ChartRow> chart = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            ReturnSummary.SectionSummary s = summaries.get(i);
            String number = String.valueOf(i + 1);
            List<AnswerLine> lines = new ArrayList<>();
            Map<String, Long> byRating = new HashMap<>();
            long base = 0;
            long notApplicable = 0;
            for (ReturnSummary.Line l : s.lines()) {
                String self = l.rating() == null ? null : ReturnSummary.ratingText(scale, l.rating());
                String panel = agreed.containsKey(l.questionKey()) ? ReturnSummary.ratingText(scale, agreed.get(l.questionKey())) : null;
                lines.add(new AnswerLine(number + "." + l.number(), l, self, panel, actionsByQuestion.getOrDefault(l.questionKey(), List.of())));
                if (l.rating() != null) {
                    Optional<BankModel.Rating> r = scale.rating(l.rating());
                    if (r.isPresent() && r.get().inComplianceBase()) {
                        base++;
                        byRating.merge(l.rating(), 1L, Long::sum);
                    } else {
                        notApplicable++;
                    }
                }
            }
            String sectionAgreed = agreed.containsKey(s.key()) ? ReturnSummary.ratingText(scale, agreed.get(s.key())) : null;
            parts.add(new SectionPart(number, s.section(), sectionAgreed, lines));
            if (base + notApplicable > 0) {
                chart.add(new ChartRow(number, s.section().title(), base, notApplicable, CycleReport.segments(scale.ratings(),
                        code -> CycleReport.Count.of(byRating.getOrDefault(code, 0L), 1, null), base, false)));
            }
        }
        Moderation moderation = caseId == null ? null : moderation(partnershipId, caseId, about);
        return new Page(ctx, latest.map(Submissions.Submitted::submission).orElse(null), parts, chart,
                scale.ratings().stream().filter(BankModel.Rating::inComplianceBase).toList(), moderation,
                challenges(partnershipId, returnId, about), actions, print);
    }

    /** The panel's judgement is that of a confirmed moderation (its outcome set): the latest such case if a return was before two. */
    private @Nullable Long latestModeratedCase(long partnershipId, long returnId) {
        return jdbc.prepareStatement("SELECT c.id FROM panel_case c JOIN case_moderation m ON m.case_id = c.id "
                + "WHERE c.partnership_id = ? AND m.partnership_id = ? AND c.return_id = ? AND m.outcome IS NOT NULL ORDER BY c.id DESC", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, partnershipId);
            s.setLong(3, returnId);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        });
    }

    private Map<String, String> agreedRatings(long partnershipId, long caseId) {
        Map<String, String> agreed = new HashMap<>();
        jdbc.prepareStatement("SELECT item_key, rating FROM case_agreed_rating WHERE partnership_id = ? AND case_id = ?", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, caseId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    agreed.put(r.getString(1), r.getString(2));
                }
            }
            return null;
        });
        return agreed;
    }

    private Moderation moderation(long partnershipId, long caseId, Map<String, String> about) {
        Moderation head = jdbc.prepareStatement("SELECT p.name, m.outcome, m.summary, m.moderated_at FROM case_moderation m "
                + "JOIN panel_case c ON c.id = m.case_id JOIN panel p ON p.id = c.panel_id WHERE m.partnership_id = ? AND m.case_id = ?", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Timestamp at = r.getTimestamp(4);
                return new Moderation(r.getString(1), CaseOutcome.valueOf(r.getString(2)), text(r.getString(3)),
                        at == null ? "" : Dates.moment(at.toInstant()), new ArrayList<>(), new ArrayList<>());
            }
        });
        jdbc.prepareStatement("SELECT kind, item_key, text FROM case_finding WHERE partnership_id = ? AND case_id = ? ORDER BY kind, position, id", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, caseId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    FindingKind kind = FindingKind.valueOf(r.getString(1));
                    Finding f = new Finding(kind, r.getString(2) == null ? "" : about.getOrDefault(r.getString(2), ""), r.getString(3));
                    (kind == FindingKind.STRENGTH ? head.strengths() : head.areas()).add(f);
                }
            }
            return null;
        });
        return new Moderation(head.panel(), head.outcome(), head.summary(), head.moderatedOn(), List.copyOf(head.strengths()),
                List.copyOf(head.areas()));
    }

    /** Only what was released to the organisation: a draft is the panel's own, and its existence must not show (ADR 0036). */
    private List<Challenge> challenges(long partnershipId, long returnId, Map<String, String> about) {
        return jdbc.prepareStatement("SELECT kind, item_key, text, released_at, due_on, answer, answered_at FROM case_challenge "
                + "WHERE partnership_id = ? AND return_id = ? AND released_at IS NOT NULL ORDER BY released_at, id", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, returnId);
            List<Challenge> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Date due = r.getDate(5);
                    Timestamp answered = r.getTimestamp(7);
                    out.add(new Challenge(ChallengeKind.valueOf(r.getString(1)), r.getString(2) == null ? "" : about.getOrDefault(r.getString(2), ""),
                            r.getString(3), Dates.moment(r.getTimestamp(4).toInstant()), due == null ? "" : Dates.date(due.toLocalDate()),
                            text(r.getString(6)), answered == null ? "" : Dates.moment(answered.toInstant())));
                }
            }
            return out;
        });
    }

    /** The return's actions, whatever they came from (an answer, the panel, the partnership); the owner by name and role only. */
    private List<ActionLine> actions(ReturnContext ctx, Map<String, String> about) {
        return jdbc.prepareStatement("SELECT id, question_key, what, owner_name, owner_role, due_on, status, source FROM action_item "
                + "WHERE partnership_id = ? AND organisation_id = ? AND return_id = ? ORDER BY due_on, id", s -> {
            s.setLong(1, ctx.ret().partnershipId());
            s.setLong(2, ctx.organisation().id());
            s.setLong(3, ctx.ret().id());
            List<ActionLine> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String key = text(r.getString(2));
                    LocalDate due = r.getDate(6).toLocalDate();
                    out.add(new ActionLine(r.getLong(1), key, about.getOrDefault(key, ""), r.getString(3), r.getString(4) + ", " + r.getString(5),
                            Dates.date(due), ActionStatus.valueOf(r.getString(7)), ActionSource.valueOf(r.getString(8))));
                }
            }
            return out;
        });
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }
}
