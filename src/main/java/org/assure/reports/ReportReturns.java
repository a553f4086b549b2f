package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Refusal;
import org.assure.kernel.SqlParams;
import org.assure.kernel.Text;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;
import org.assure.panels.CaseOutcome;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The returns behind a figure of the named cycle report (issue 14, ADR 0046): the same filters the report's links
 * carry (timeliness, a section's or a question's rating, a panel outcome, a group of a breakdown), fifty organisations
 * to a page, counted and listed by the database and scoped to the partnership. A filter value that is not one the
 * report uses gives a message and no list, rather than a list that is not what the link promised.
 */
@Singleton
class ReportReturns {
    static final int PAGE_SIZE = 50;
    static final List<String> TIMELINESS = List.of("on-time", "late", "submitted", "outstanding", "extended");
    /** The latest submission's answer to one question, for a return {@code r} that stands submitted. */
    private static final String LATEST_ANSWER = "SELECT a.rating FROM return_submission s JOIN return_submission_answer a ON a.submission_id = s.id "
            + "WHERE s.return_id = r.id AND s.submission_number = (SELECT MAX(s2.submission_number) FROM return_submission s2 WHERE s2.return_id = r.id)";

    private final JdbcOperations jdbc;
    private final QuestionBanks banks;
    private final AccessPolicy access;
    private final CycleLookup cycles;

    ReportReturns(JdbcOperations jdbc, QuestionBanks banks, AccessPolicy access, CycleLookup cycles) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.access = access;
        this.cycles = cycles;
    }

    /** One organisation behind the figure; {@code rating} the filtered question's rating, or the section's answers so rated. */
    public record Line(long returnId, String organisation, String status, @Nullable String rating) {
        public String path() {
            return "/returns/" + returnId + "/report";
        }
    }

    public record Filter(String name, String value, String label) {
    }

    public record Page(long cycleId, String cycleName, List<Filter> filters, List<String> errors, @Nullable String ratingColumn, List<Line> lines,
                       long total, int page, int pages, String query) {
        public String reportPath() {
            return "/cycles/" + cycleId + "/report";
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public String pagePath(int n) {
            return reportPath() + "/returns?" + query + (query.isEmpty() ? "" : "&") + "page=" + n;
        }
    }

    @Transactional(readOnly = true)
    public Page returns(CurrentUser user, long cycleId, Map<String, String> asked) {
        access.require(user, Action.READ_REPORTS, Target.partnership(user.partnershipId()), "Report");
        long partnershipId = user.partnershipId();
        CycleTerms cycle = cycles.find(partnershipId, cycleId).orElseThrow(() -> Refusal.notFound("Cycle"));
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion());
        List<String> errors = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        StringBuilder where = new StringBuilder("r.partnership_id = ? AND r.cycle_id = ?");
        List<Object> params = new ArrayList<>(List.of(partnershipId, cycleId));
        Map<String, String> query = new LinkedHashMap<>();
        String ratingColumn = null;
        String ratingSelect = "NULL";
        List<Object> ratingParams = new ArrayList<>();

        String timeliness = value(asked, "timeliness");
        if (timeliness != null) {
            if (!TIMELINESS.contains(timeliness)) {
                errors.add("Timeliness must be one of " + String.join(", ", TIMELINESS) + ".");
            } else {
                query.put("timeliness", timeliness);
                filters.add(new Filter("timeliness", timeliness, "Timeliness: " + timeliness.replace('-', ' ')));
                where.append(switch (timeliness) {
                    case "on-time" -> " AND r.status = 'SUBMITTED' AND EXISTS (SELECT 1 FROM return_submission f WHERE f.return_id = r.id AND f.submission_number = 1 AND f.late = FALSE)";
                    case "late" -> " AND r.status = 'SUBMITTED' AND EXISTS (SELECT 1 FROM return_submission f WHERE f.return_id = r.id AND f.submission_number = 1 AND f.late = TRUE)";
                    case "submitted" -> " AND r.status = 'SUBMITTED'";
                    case "outstanding" -> " AND r.status <> 'SUBMITTED'";
                    default -> " AND EXISTS (SELECT 1 FROM return_extension e WHERE e.return_id = r.id)";
                });
            }
        }
        String ratingCode = value(asked, "rating");
        Optional<BankModel.Rating> rating = ratingCode == null ? Optional.empty()
                : bank.scale().ratings().stream().filter(x -> x.code().equals(ratingCode)).findFirst();
        if (ratingCode != null && rating.isEmpty()) {
            errors.add("Rating must be one of the scale's: " + String.join(", ", bank.scale().ratings().stream().map(BankModel.Rating::code).toList()) + ".");
        }
        String questionKey = value(asked, "question");
        String sectionKey = value(asked, "section");
        if (questionKey != null) {
            Optional<BankModel.Question> q = bank.question(questionKey);
            if (q.isEmpty()) {
                errors.add("There is no question " + questionKey + " in this cycle's bank.");
            } else if (rating.isPresent()) {
                query.put("question", questionKey);
                filters.add(new Filter("question", questionKey, "Question: " + q.get().text()));
                where.append(" AND r.status = 'SUBMITTED' AND EXISTS (" + LATEST_ANSWER + " AND a.question_key = ? AND a.rating = ?)");
                params.add(questionKey);
                params.add(rating.get().code());
                ratingColumn = "Rating";
                ratingSelect = "(" + LATEST_ANSWER + " AND a.question_key = ?)";
                ratingParams.add(questionKey);
            }
        } else if (sectionKey != null) {
            Optional<BankModel.Section> s = bank.sections().stream().filter(x -> x.key().equals(sectionKey)).findFirst();
            if (s.isEmpty()) {
                errors.add("There is no section " + sectionKey + " in this cycle's bank.");
            } else if (rating.isPresent() && !s.get().questions().isEmpty()) {
                query.put("section", sectionKey);
                filters.add(new Filter("section", sectionKey, "Section: " + s.get().title()));
                String keys = SqlParams.in(s.get().questions().size());
                where.append(" AND r.status = 'SUBMITTED' AND EXISTS (" + LATEST_ANSWER + " AND a.rating = ? AND a.question_key IN " + keys + ")");
                params.add(rating.get().code());
                s.get().questions().forEach(x -> params.add(x.key()));
                ratingColumn = "Answers rated " + rating.get().label() + " in the section";
                ratingSelect = "(" + LATEST_ANSWER.replace("SELECT a.rating", "SELECT COUNT(*)") + " AND a.rating = ? AND a.question_key IN " + keys + ")";
                ratingParams.add(rating.get().code());
                s.get().questions().forEach(x -> ratingParams.add(x.key()));
            }
        }
        if (rating.isPresent() && (questionKey != null || sectionKey != null)) {
            query.put("rating", rating.get().code());
            filters.add(new Filter("rating", rating.get().code(), "Rated: " + rating.get().label()));
        } else if (ratingCode != null && rating.isPresent()) {
            errors.add("A rating filters a section or a question: give one of them too.");
        }
        String outcome = value(asked, "outcome");
        if (outcome != null) {
            if (Arrays.stream(CaseOutcome.values()).noneMatch(o -> o.name().equals(outcome))) {
                errors.add("Outcome must be one of " + String.join(", ", Arrays.stream(CaseOutcome.values()).map(Enum::name).toList()) + ".");
            } else {
                query.put("outcome", outcome);
                filters.add(new Filter("outcome", outcome, "Panel outcome: " + CaseOutcome.valueOf(outcome).label()));
                where.append(" AND EXISTS (SELECT 1 FROM panel_case c JOIN case_moderation m ON m.case_id = c.id WHERE c.return_id = r.id AND m.outcome = ?)");
                params.add(outcome);
            }
        }
        group(asked, "kind", "Type", labelled(OrganisationKind.values(), OrganisationKind::label), errors, filters, where, params, query);
        group(asked, "sector", "Sector", labelled(Sector.values(), Sector::label), errors, filters, where, params, query);
        group(asked, "phase", "Phase", labelled(Phase.values(), Phase::label), errors, filters, where, params, query);
        group(asked, "category", "Category", labelled(SchoolCategory.values(), SchoolCategory::label), errors, filters, where, params, query);
        int page = 1;
        String pageAsked = value(asked, "page");
        if (pageAsked != null) {
            Long p = Text.parseId(pageAsked);
            if (p == null || p < 1 || p > 100000) {
                errors.add("The page must be a whole number from 1.");
            } else {
                page = p.intValue();
            }
        }
        String queryString = String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        if (!errors.isEmpty()) {
            return new Page(cycleId, cycle.name(), filters, errors, null, List.of(), 0, 1, 1, queryString);
        }
        String from = " FROM audit_return r JOIN organisation o ON o.id = r.organisation_id WHERE " + where;
        long total = jdbc.prepareStatement("SELECT COUNT(*)" + from, st -> {
            SqlParams.bind(st, 1, params);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int offset = (Math.min(page, pages) - 1) * PAGE_SIZE;
        String column = ratingColumn;
        Map<String, String> labels = new LinkedHashMap<>();
        bank.scale().ratings().forEach(x -> labels.put(x.code(), x.label()));
        List<Line> lines = jdbc.prepareStatement("SELECT r.id, o.name, r.status, " + ratingSelect + from + " ORDER BY o.name, r.id LIMIT " + PAGE_SIZE
                + " OFFSET " + offset, st -> {
            int i = SqlParams.bind(st, 1, ratingParams);
            SqlParams.bind(st, i, params);
            List<Line> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String shown = rs.getString(4);
                    out.add(new Line(rs.getLong(1), rs.getString(2), ReturnStatus.valueOf(rs.getString(3)).label(),
                            shown == null ? null : labels.getOrDefault(shown, shown)));
                }
            }
            return out;
        });
        return new Page(cycleId, cycle.name(), filters, errors, column, lines, total, Math.min(page, pages), pages, queryString);
    }

    /** An enum's codes (as the report's links carry them) and the words a reader sees for each. */
    private static <E extends Enum<E>> Map<String, String> labelled(E[] values, Function<E, String> label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (E e : values) {
            out.put(e.name(), label.apply(e));
        }
        return out;
    }

    private static void group(Map<String, String> asked, String name, String label, Map<String, String> allowed, List<String> errors,
                              List<Filter> filters, StringBuilder where, List<Object> params, Map<String, String> query) {
        String v = value(asked, name);
        if (v == null) {
            return;
        }
        if (!v.equals(ReportBreakdowns.NOT_RECORDED) && !allowed.containsKey(v)) {
            errors.add(label + " must be one of " + String.join(", ", allowed.keySet()) + " (or " + ReportBreakdowns.NOT_RECORDED + ", not recorded).");
            return;
        }
        query.put(name, v);
        filters.add(new Filter(name, v, label + ": " + (v.equals(ReportBreakdowns.NOT_RECORDED) ? "not recorded" : allowed.get(v))));
        if (v.equals(ReportBreakdowns.NOT_RECORDED)) {
            where.append(" AND o.").append(name).append(" IS NULL");
        } else {
            where.append(" AND o.").append(name).append(" = ?");
            params.add(v);
        }
    }

    private static @Nullable String value(Map<String, String> asked, String name) {
        String v = asked.get(name);
        return Text.blank(v) ? null : v.strip();
    }
}
