package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.actions.ActionStatus;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Dates;
import org.assure.kernel.Refusal;
import org.assure.kernel.SqlParams;
import org.assure.kernel.Text;
import org.assure.panels.CaseOutcome;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cycle's composite report (issue 14, ADR 0043): completion and timeliness, compliance per section and per question,
 * the questions most often not met, panel outcomes and action-plan delivery. Every figure is the database's: compliance
 * adds up {@link ReportTallies}' counts of the latest submission of each submitted return (kept as returns move, ADR
 * 0048), so a view of a cycle of thousands of returns neither loads nor groups its answers.
 * The anonymised composite is the same figures with no organisation named and every figure drawn from fewer
 * organisations than the threshold suppressed.
 */
@Singleton
public class CycleReport {
    static final int DEFAULT_THRESHOLD = 5;
    static final int MIN_THRESHOLD = 2;
    static final int MAX_THRESHOLD = 50;

    private static final String OVERDUE_STATUSES = Arrays.stream(ActionStatus.values()).filter(s -> s.owed() && s != ActionStatus.PROPOSED)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ReportTallies tallies;
    private final CycleLookup cycles;
    private final QuestionBanks banks;
    private final AccessPolicy access;
    private final Clock clock;
    private final ReportTimeline timelines;
    private final ReportBreakdowns breakdowns;
    private final ReportAgreement agreements;
    private final ReportHeatMap heatMaps;

    CycleReport(JdbcOperations jdbc, @Named("default") TransactionOperations<Connection> transactions, ReportTallies tallies, CycleLookup cycles,
                QuestionBanks banks,
                AccessPolicy access, Clock clock, ReportTimeline timelines, ReportBreakdowns breakdowns, ReportAgreement agreements,
                ReportHeatMap heatMaps) {
        this.heatMaps = heatMaps;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tallies = tallies;
        this.cycles = cycles;
        this.agreements = agreements;
        this.timelines = timelines;
        this.breakdowns = breakdowns;
        this.banks = banks;
        this.access = access;
        this.clock = clock;
    }

    // ---- what the page shows ----

    /**
     * A number of something and how many organisations it is drawn from; {@code shown} false when the anonymised
     * report suppresses it (fewer organisations than the threshold, but not none: a zero names no one).
     */
    public record Count(long value, long organisations, boolean shown) {
        static Count of(long value, long organisations, @Nullable Integer threshold) {
            return new Count(value, organisations, threshold == null || organisations == 0 || organisations >= threshold);
        }

        public long percentOf(long base) {
            return base == 0 ? 0 : Math.round(100.0 * value / base);
        }
    }

    /** One rating's share of a row: its count, its % of the base and, for the bar chart, where its segment lies. */
    public record Cell(String code, String label, String colour, Count count, long percent, double x, double width) {
    }

    /**
     * A row of compliance: a section or a question. {@code base} is the answers in the compliance base (not applicable
     * excluded), {@code notApplicable} those left out; {@code organisations} how many organisations the base is drawn
     * from. {@code suppressed}: the whole row is drawn from too few organisations to show.
     */
    public record Row(String key, String number, String title, long base, long baseOrganisations, long notApplicable, long notMet,
                      List<Cell> cells, boolean suppressed) {
        public long notMetPercent() {
            return base == 0 ? 0 : Math.round(100.0 * notMet / base);
        }
    }

    public record Completion(Count returns, Count onTime, Count late, Count outstanding, Count outstandingPastDeadline, Count extended,
                             List<String> outstandingOrganisations) {
        public long submitted() {
            return onTime.value() + late.value();
        }

        /** Bar lengths of the completion chart (out of 400 px). */
        public double bar(Count c) {
            return returns.value() == 0 ? 0 : 400.0 * c.value() / returns.value();
        }
    }

    public record Outcome(String code, String label, Count count) {
    }

    public record Delivery(Count actions, Count verified, Count overdue) {
        public long verifiedPercent() {
            return verified.percentOf(actions.value());
        }
    }

    public record Report(long cycleId, String cycleName, String bankTitle, String deadline, boolean anonymised, int threshold,
                         @Nullable String thresholdIgnored, List<BankModel.Rating> ratings, Completion completion, List<Row> sections,
                         List<Row> questions, List<Row> mostNotMet, List<Outcome> outcomes, long moderated, Delivery delivery,
                         @Nullable ReportTimeline.Timeline timeline, List<ReportBreakdowns.Breakdown> breakdowns,
                         List<ReportAgreement.PanelAgreement> agreement, @Nullable ReportHeatMap.HeatMap heatMap) {
        public String path() {
            return "/cycles/" + cycleId + "/report";
        }

        public String anonymisedPath() {
            return path() + "/anonymised" + (threshold == DEFAULT_THRESHOLD ? "" : "?threshold=" + threshold);
        }

        public List<BankModel.Rating> inBase() {
            return ratings.stream().filter(BankModel.Rating::inComplianceBase).toList();
        }
    }

    // ---- reading ----

    public Report report(CurrentUser user, long cycleId, boolean anonymised, @Nullable String thresholdAsked) {
        access.require(user, Action.READ_REPORTS, Target.partnership(user.partnershipId()), "Report");
        // counts a cycle that predates the tallies once, committed before the figures are read in a transaction of their own
        tallies.ensureBuilt(user.partnershipId(), cycleId);
        return transactions.executeRead(status -> read(user.partnershipId(), cycleId, anonymised, thresholdAsked));
    }

    private Report read(long partnershipId, long cycleId, boolean anonymised, @Nullable String thresholdAsked) {
        CycleTerms cycle = cycles.find(partnershipId, cycleId).orElseThrow(() -> Refusal.notFound("Cycle"));
        int threshold = DEFAULT_THRESHOLD;
        String ignored = null;
        if (anonymised && !Text.blank(thresholdAsked)) {
            Long t = Text.parseId(thresholdAsked);
            if (t == null || t < MIN_THRESHOLD || t > MAX_THRESHOLD) {
                ignored = "The threshold must be a whole number from " + MIN_THRESHOLD + " to " + MAX_THRESHOLD + ", so the default of "
                        + DEFAULT_THRESHOLD + " is used.";
            } else {
                threshold = t.intValue();
            }
        }
        Integer suppressBelow = anonymised ? threshold : null;
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion());
        List<BankModel.Rating> ratings = bank.scale().ratings();

        List<Row> sections = new ArrayList<>();
        List<String> naCodes = ratings.stream().filter(r -> !r.inComplianceBase()).map(BankModel.Rating::code).toList();
        Map<String, Tally> bySection = sectionTallies(partnershipId, cycleId, naCodes);
        int n = 0;
        for (BankModel.Section s : bank.sections()) {
            n++;
            sections.add(tally(bySection.get(s.key()), s.key(), String.valueOf(n), s.title(), ratings, suppressBelow));
        }
        Map<String, Tally> byQuestion = questionTallies(partnershipId, cycleId);
        List<Row> questions = new ArrayList<>();
        n = 0;
        for (BankModel.Section s : bank.sections()) {
            n++;
            int m = 0;
            for (BankModel.Question q : s.questions()) {
                m++;
                Tally t = byQuestion.get(q.key());
                if (t != null) {
                    questions.add(tally(t, q.key(), n + "." + m, q.text(), ratings, suppressBelow));
                }
            }
        }
        // a question is answered once per organisation: in the anonymised report, fewer not met than the threshold is not listed
        List<Row> mostNotMet = questions.stream().filter(r -> !r.suppressed() && r.notMet() > 0 && (suppressBelow == null || r.notMet() >= suppressBelow))
                .sorted(Comparator.comparingLong(Row::notMetPercent).reversed().thenComparing(Comparator.comparingLong(Row::notMet).reversed()))
                .limit(10).toList();

        List<Outcome> outcomes = new ArrayList<>();
        Map<String, long[]> byOutcome = outcomes(partnershipId, cycleId);
        long moderated = 0;
        for (CaseOutcome o : CaseOutcome.values()) {
            long[] c = byOutcome.getOrDefault(o.name(), new long[2]);
            moderated += c[0];
            outcomes.add(new Outcome(o.name(), o.label(), Count.of(c[0], c[1], suppressBelow)));
        }
        Completion completion = completion(partnershipId, cycle, anonymised, suppressBelow);
        // the cumulative line after the deadline gives the late returns away: the anonymised page draws it only when
        // the on-time and late counts are themselves shown (ADR 0046)
        ReportTimeline.Timeline timeline = completion.onTime().shown() && completion.late().shown()
                ? timelines.timeline(partnershipId, cycleId, cycle.opensOn(), cycle.deadline(), Dates.today(clock), completion.returns().value()) : null;
        return new Report(cycleId, cycle.name(), bank.title(), Dates.date(cycle.deadline()), anonymised, threshold, ignored, ratings,
                completion, sections, questions, mostNotMet, outcomes, moderated,
                delivery(partnershipId, cycleId, suppressBelow), timeline, breakdowns.breakdowns(partnershipId, cycleId, ratings, suppressBelow),
                agreements.agreement(partnershipId, cycleId, suppressBelow), anonymised ? null : heatMaps.heatMap(partnershipId, cycleId, bank));
    }

    /** Per rating: answers and the organisations they come from; and the organisations of the whole base. */
    private static final class Tally {
        final Map<String, long[]> byRating = new HashMap<>();
        long baseOrganisations;
        /** A question's tally: each organisation answers a question once, so its base organisations are its base answers. */
        boolean oneAnswerEach;
    }

    private Row tally(@Nullable Tally t, String key, String number, String title, List<BankModel.Rating> ratings, @Nullable Integer suppressBelow) {
        Tally tally = t == null ? new Tally() : t;
        long base = 0;
        long na = 0;
        long notMet = 0;
        for (BankModel.Rating r : ratings) {
            long answers = tally.byRating.getOrDefault(r.code(), new long[2])[0];
            if (r.inComplianceBase()) {
                base += answers;
                if (!r.countsAsCompliant()) {
                    notMet += answers;
                }
            } else {
                na += answers;
            }
        }
        long baseOrganisations = tally.oneAnswerEach ? base : tally.baseOrganisations;
        boolean suppressed = suppressBelow != null && baseOrganisations < suppressBelow;
        List<Cell> cells = segments(ratings, code -> {
            long[] c = tally.byRating.getOrDefault(code, new long[2]);
            return Count.of(c[0], c[1], suppressBelow);
        }, base, suppressed);
        return new Row(key, number, title, base, baseOrganisations, na, notMet, cells, suppressed);
    }

    /**
     * A stacked bar 400 wide: one segment per rating in the compliance base, in the scale's order, as its share of the base.
     * The cycle report's and the return report's bars both come from here, so they are drawn to the same rule.
     */
    static List<Cell> segments(List<BankModel.Rating> ratings, java.util.function.Function<String, Count> countOf, long base, boolean suppressed) {
        List<Cell> cells = new ArrayList<>();
        double x = 0;
        for (BankModel.Rating r : ratings) {
            if (!r.inComplianceBase()) {
                continue;
            }
            Count count = countOf.apply(r.code());
            long percent = count.percentOf(base);
            // a suppressed cell is drawn as part of no segment: the bar shows only what the table shows
            double width = base == 0 || !count.shown() || suppressed ? 0 : 400.0 * count.value() / base;
            cells.add(new Cell(r.code(), r.label(), r.colour(), count, percent, x, width));
            x += width;
        }
        return cells;
    }

    private Map<String, Tally> questionTallies(long partnershipId, long cycleId) {
        Map<String, Tally> out = new HashMap<>();
        tallies.byQuestion(partnershipId, cycleId).forEach((question, tally) -> {
            Tally t = out.computeIfAbsent(question, k -> new Tally());
            t.oneAnswerEach = true;
            // each organisation answers a question once, so a question's answers are also its organisations
            tally.answersByRating().forEach((rating, answers) -> t.byRating.put(rating, new long[]{answers, answers}));
        });
        return out;
    }

    /** Each tally_section row is one return's (so one organisation's) answers of a rating in a section. */
    private Map<String, Tally> sectionTallies(long partnershipId, long cycleId, List<String> naCodes) {
        Map<String, Tally> out = new HashMap<>();
        jdbc.prepareStatement("SELECT section_key, rating, SUM(answers), COUNT(*) FROM tally_section WHERE cycle_id = ? AND partnership_id = ? "
                + "GROUP BY section_key, rating", st -> {
            st.setLong(1, cycleId);
            st.setLong(2, partnershipId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new Tally()).byRating.put(rs.getString(2), new long[]{rs.getLong(3), rs.getLong(4)});
                }
            }
            return null;
        });
        // the organisations a section's base is drawn from: those with any answer in the base, not applicable excluded
        String notNa = naCodes.isEmpty() ? "" : " AND rating NOT IN " + SqlParams.in(naCodes.size());
        // grouped by return first, in the table's own order (a cycle's rows lie by return), then counted per section:
        // COUNT(DISTINCT return_id) per section sorted every row of the cycle
        jdbc.prepareStatement("SELECT section_key, COUNT(*) FROM (SELECT return_id, section_key FROM tally_section WHERE cycle_id = ? "
                + "AND partnership_id = ?" + notNa + " GROUP BY return_id, section_key) based GROUP BY section_key", st -> {
            int i = 1;
            st.setLong(i++, cycleId);
            st.setLong(i++, partnershipId);
            for (String code : naCodes) {
                st.setString(i++, code);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new Tally()).baseOrganisations = rs.getLong(2);
                }
            }
            return null;
        });
        return out;
    }

    private Completion completion(long partnershipId, CycleTerms cycle, boolean anonymised, @Nullable Integer suppressBelow) {
        LocalDate today = Dates.today(clock);
        // a return's deadline is its latest extension's, else the cycle's; its first submission says whether it was late
        long[] c = jdbc.prepareStatement("SELECT COUNT(*), "
                + "SUM(CASE WHEN r.status = 'SUBMITTED' AND f.late = FALSE THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN r.status = 'SUBMITTED' AND f.late = TRUE THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN r.status <> 'SUBMITTED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN r.status <> 'SUBMITTED' AND COALESCE(e.new_deadline, ?) < ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN e.new_deadline IS NOT NULL THEN 1 ELSE 0 END) "
                + "FROM audit_return r "
                + "LEFT JOIN return_submission f ON f.return_id = r.id AND f.submission_number = 1 "
                + "LEFT JOIN return_extension e ON e.return_id = r.id AND e.id = (SELECT MAX(e2.id) FROM return_extension e2 WHERE e2.return_id = r.id) "
                + "WHERE r.partnership_id = ? AND r.cycle_id = ?", st -> {
            st.setDate(1, Date.valueOf(cycle.deadline()));
            st.setDate(2, Date.valueOf(today));
            st.setLong(3, partnershipId);
            st.setLong(4, cycle.id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)};
            }
        });
        List<String> outstanding = anonymised ? List.of() : jdbc.prepareStatement("SELECT o.name FROM audit_return r JOIN organisation o ON o.id = r.organisation_id "
                + "WHERE r.partnership_id = ? AND r.cycle_id = ? AND r.status <> 'SUBMITTED' ORDER BY o.name", st -> {
            st.setLong(1, partnershipId);
            st.setLong(2, cycle.id());
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
        // each return is one organisation's, so every count here is also its number of organisations
        return new Completion(Count.of(c[0], c[0], suppressBelow), Count.of(c[1], c[1], suppressBelow), Count.of(c[2], c[2], suppressBelow),
                Count.of(c[3], c[3], suppressBelow), Count.of(c[4], c[4], suppressBelow), Count.of(c[5], c[5], suppressBelow), outstanding);
    }

    private Map<String, long[]> outcomes(long partnershipId, long cycleId) {
        return jdbc.prepareStatement("SELECT m.outcome, COUNT(*), COUNT(DISTINCT c.organisation_id) FROM case_moderation m "
                + "JOIN panel_case c ON c.id = m.case_id WHERE c.partnership_id = ? AND c.cycle_id = ? AND m.outcome IS NOT NULL GROUP BY m.outcome", st -> {
            st.setLong(1, partnershipId);
            st.setLong(2, cycleId);
            Map<String, long[]> out = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                }
            }
            return out;
        });
    }

    /** The cycle's actions that are the organisations' to deliver: proposals not yet accepted and withdrawn ones are not. */
    private Delivery delivery(long partnershipId, long cycleId, @Nullable Integer suppressBelow) {
        LocalDate today = Dates.today(clock);
        long[] c = jdbc.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT organisation_id), "
                + "SUM(CASE WHEN status = 'VERIFIED' THEN 1 ELSE 0 END), COUNT(DISTINCT CASE WHEN status = 'VERIFIED' THEN organisation_id END), "
                + "SUM(CASE WHEN status IN " + OVERDUE_STATUSES + " AND due_on < ? THEN 1 ELSE 0 END), "
                + "COUNT(DISTINCT CASE WHEN status IN " + OVERDUE_STATUSES + " AND due_on < ? THEN organisation_id END) "
                + "FROM action_item WHERE partnership_id = ? AND cycle_id = ? AND status NOT IN ('PROPOSED', 'WITHDRAWN')", st -> {
            st.setDate(1, Date.valueOf(today));
            st.setDate(2, Date.valueOf(today));
            st.setLong(3, partnershipId);
            st.setLong(4, cycleId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)};
            }
        });
        return new Delivery(Count.of(c[0], c[1], suppressBelow), Count.of(c[2], c[3], suppressBelow), Count.of(c[4], c[5], suppressBelow));
    }
}
