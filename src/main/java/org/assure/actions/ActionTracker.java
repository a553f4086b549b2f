package org.assure.actions;

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
import org.assure.kernel.Dates;
import org.assure.kernel.SqlParams;
import org.assure.kernel.Text;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.Phase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The partnership's action tracker (issue 13, ADR 0040): every organisation's actions, filtered, counted, listed a page at
 * a time, drawn over the last 26 weeks and downloaded. The figures are the database's (grouped queries over action_item,
 * action_update and action_due_change), so a partnership with thousands of actions is not loaded into memory to count them.
 * Admins and board viewers read it (READ_REPORTS): the board reads the partnership's reports.
 */
@Singleton
public class ActionTracker {
    static final int PAGE_SIZE = 50;
    static final int WEEKS = 26;
    /** The statuses in which an action past its due date is overdue ({@link ActionStatus#overdue}), as SQL. */
    private static final String OVERDUE_STATUSES = Arrays.stream(ActionStatus.values()).filter(s -> s.owed() && s != ActionStatus.PROPOSED)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    private static final String CLOSED_STATUSES = Arrays.stream(ActionStatus.values()).filter(ActionStatus::closed)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final JdbcOperations jdbc;
    private final QuestionBanks banks;
    private final AccessPolicy access;
    private final Clock clock;

    ActionTracker(JdbcOperations jdbc, QuestionBanks banks, AccessPolicy access, Clock clock) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.access = access;
        this.clock = clock;
    }

    // ---- the filters ----

    /** A choice of a filter: its value in the query string and its words. */
    public record Option(String value, String label) {
    }

    /** A bank's section actions were written against: the filter's value is "bank:section". */
    public record SectionChoice(String bankKey, String sectionKey, String label) {
        public String value() {
            return bankKey + ":" + sectionKey;
        }
    }

    /** The filters as applied: each null when not set or when what was asked for was not understood (then {@code ignored} says so). */
    public record Filters(@Nullable Long cycleId, @Nullable OrganisationKind type, @Nullable Phase phase, @Nullable SectionChoice section,
                          @Nullable ActionStatus status, boolean overdue, @Nullable ActionSource source, int page, List<String> ignored) {
        public static Filters none() {
            return new Filters(null, null, null, null, null, false, null, 1, List.of());
        }

        /** The query string for these filters (without the page), for links and the download. */
        public String query() {
            Map<String, String> q = new LinkedHashMap<>();
            if (cycleId != null) {
                q.put("cycle", String.valueOf(cycleId));
            }
            if (type != null) {
                q.put("type", type.name());
            }
            if (phase != null) {
                q.put("phase", phase.name());
            }
            if (section != null) {
                q.put("section", section.value());
            }
            if (status != null) {
                q.put("status", status.name());
            }
            if (overdue) {
                q.put("overdue", "yes");
            }
            if (source != null) {
                q.put("source", source.name());
            }
            return q.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        public boolean any() {
            return cycleId != null || type != null || phase != null || section != null || status != null || overdue || source != null;
        }

        // the form's values, "" when unset
        public String cycleValue() {
            return cycleId == null ? "" : String.valueOf(cycleId);
        }

        public String typeValue() {
            return type == null ? "" : type.name();
        }

        public String phaseValue() {
            return phase == null ? "" : phase.name();
        }

        public String sectionValue() {
            return section == null ? "" : section.value();
        }

        public String statusValue() {
            return status == null ? "" : status.name();
        }

        public String sourceValue() {
            return source == null ? "" : source.name();
        }

        Filters onPage(int p) {
            return new Filters(cycleId, type, phase, section, status, overdue, source, p, ignored);
        }
    }

    /** The query string as typed: anything not understood is ignored, with a message, never an error page. */
    public record Query(@Nullable String cycle, @Nullable String type, @Nullable String phase, @Nullable String section, @Nullable String status,
                        @Nullable String overdue, @Nullable String source, @Nullable String page) {
        public static Query none() {
            return new Query(null, null, null, null, null, null, null, null);
        }
    }

    /** What the filter form offers: the partnership's cycles and the sections its actions were written against. */
    public record Choices(List<Option> cycles, List<Option> types, List<Option> phases, List<SectionChoice> sections, List<Option> statuses,
                          List<Option> sources) {
    }

    // ---- what the page shows ----

    public record Counts(long open, long overdue, long awaitingVerification, long verified, long withdrawn, long total) {
    }

    /** A row of the list and of the download. */
    public record Row(long id, String organisation, String organisationType, String phase, String cycle, String section, String what,
                      String ownerName, String ownerRole, String ownerEmail, LocalDate dueOn, ActionStatus status, boolean overdue,
                      ActionSource source) {
        public String path() {
            return "/actions/" + id;
        }

        public String due() {
            return Dates.date(dueOn);
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
    }

    /** A week's point of the chart: at the end of {@code on}, how many actions were open, overdue, and verified so far. */
    public record Point(LocalDate on, long open, long overdue, long verified) {
        public String date() {
            return Dates.date(on);
        }

        /** Short, for the chart's axis and the table's rows. */
        public String shortDate() {
            return on.getDayOfMonth() + " " + on.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK) + " " + on.getYear();
        }
    }

    public record Chart(List<Point> points) {
        public long max() {
            return Math.max(1, points.stream().mapToLong(p -> Math.max(p.open(), Math.max(p.overdue(), p.verified()))).max().orElse(1));
        }

        /** The SVG polyline points of one series ("open", "overdue" or "verified") in a 560 × 200 plot starting at (60, 20). */
        public String line(String series) {
            long max = max();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                long v = switch (series) {
                    case "open" -> p.open();
                    case "overdue" -> p.overdue();
                    default -> p.verified();
                };
                double x = 60 + (points.size() == 1 ? 0 : 560.0 * i / (points.size() - 1));
                double y = 220 - 200.0 * v / max;
                s.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.1f,%.1f", x, y));
            }
            return s.toString();
        }

        public Point first() {
            return points.get(0);
        }

        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    public record Tracker(Filters filters, Choices choices, Counts counts, List<Row> rows, int page, int pages, Chart chart, boolean mayOpenActions) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public long firstShown() {
            return counts.total() == 0 ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
        }

        public long lastShown() {
            return (long) (page - 1) * PAGE_SIZE + rows.size();
        }

        /** A link to another page of the list, with the same filters. */
        public String pagePath(int p) {
            String q = filters.query();
            return "/actions?" + (q.isEmpty() ? "" : q + "&") + "page=" + p;
        }

        public String downloadPath() {
            String q = filters.query();
            return "/actions/tracker.xlsx" + (q.isEmpty() ? "" : "?" + q);
        }
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public Tracker tracker(CurrentUser user, Query query) {
        requireReader(user);
        long partnershipId = user.partnershipId();
        Choices choices = choices(partnershipId);
        Filters filters = read(query, choices);
        LocalDate today = Dates.today(clock);
        Counts counts = counts(partnershipId, filters, today);
        int pages = (int) Math.max(1, (counts.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (filters.page() > pages) {
            filters = filters.onPage(pages);
        }
        List<Row> rows = new ArrayList<>();
        rows(partnershipId, filters, today, PAGE_SIZE, (filters.page() - 1) * PAGE_SIZE, rows::add);
        return new Tracker(filters, choices, counts, rows, filters.page(), pages, chart(partnershipId, filters, today),
                access.allows(user, Action.ADMINISTER, Target.partnership(partnershipId)));
    }

    /** Every row the filters select, in the list's order, handed one at a time to {@code each} (the download streams them). */
    @Transactional(readOnly = true)
    public void eachRow(CurrentUser user, Query query, Consumer<Row> each) {
        requireReader(user);
        Filters filters = read(query, choices(user.partnershipId()));
        rows(user.partnershipId(), filters, Dates.today(clock), Integer.MAX_VALUE, 0, each);
    }

    /**
     * A page of one cycle's actions in the list's order, for the actions export job (exports.ActionsExport), which runs
     * without a signed-in user: the admin who asked for it was checked then. Offset paging is stable: the order ends on the id.
     */
    @Transactional(readOnly = true)
    public void cyclePage(long partnershipId, long cycleId, int limit, int offset, Consumer<Row> each) {
        rows(partnershipId, ofCycle(cycleId), Dates.today(clock), limit, offset, each);
    }

    @Transactional(readOnly = true)
    public long cycleCount(long partnershipId, long cycleId) {
        return counts(partnershipId, ofCycle(cycleId), Dates.today(clock)).total();
    }

    private static Filters ofCycle(long cycleId) {
        Filters none = Filters.none();
        return new Filters(cycleId, null, null, null, null, false, null, 1, none.ignored());
    }

    private void requireReader(CurrentUser user) {
        access.require(user, Action.READ_REPORTS, Target.partnership(user.partnershipId()), "Page");
    }

    private Choices choices(long partnershipId) {
        List<Option> cycles = jdbc.prepareStatement("SELECT id, name FROM audit_cycle WHERE partnership_id = ? ORDER BY opens_on DESC, id DESC", st -> {
            st.setLong(1, partnershipId);
            List<Option> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Option(String.valueOf(rs.getLong(1)), rs.getString(2)));
                }
            }
            return out;
        });
        // the sections actions were written against, named from the bank version each was asked in (the latest wins)
        Map<String, SectionChoice> sections = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT DISTINCT bank_key, bank_version, section_key FROM action_item WHERE partnership_id = ? AND bank_key IS NOT NULL "
                + "AND section_key IS NOT NULL ORDER BY bank_key, bank_version, section_key", st -> {
            st.setLong(1, partnershipId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String bank = rs.getString(1);
                    String section = rs.getString(3);
                    sections.put(bank + ":" + section, new SectionChoice(bank, section, sectionLabel(bank, rs.getString(2), section)));
                }
            }
            return null;
        });
        List<SectionChoice> sorted = sections.values().stream().sorted(java.util.Comparator.comparing(SectionChoice::label)).toList();
        return new Choices(cycles,
                Arrays.stream(OrganisationKind.values()).map(k -> new Option(k.name(), k.label())).toList(),
                Arrays.stream(Phase.values()).map(p -> new Option(p.name(), p.label())).toList(), sorted,
                Arrays.stream(ActionStatus.values()).map(s -> new Option(s.name(), s.label())).toList(),
                Arrays.stream(ActionSource.values()).map(s -> new Option(s.name(), s.label())).toList());
    }

    private String sectionLabel(String bankKey, @Nullable String version, String sectionKey) {
        try {
            BankModel.Version bank = banks.get(bankKey, version);
            int n = 0;
            for (BankModel.Section s : bank.sections()) {
                n++;
                if (s.key().equals(sectionKey)) {
                    return bank.title() + " – " + n + ". " + s.title();
                }
            }
            return bank.title() + " – " + sectionKey;
        } catch (RuntimeException unknown) {
            return bankKey + " – " + sectionKey;
        }
    }

    /** The query string, read against what the partnership has: another partnership's cycle is as unknown as a made-up one. */
    static Filters read(Query q, Choices choices) {
        List<String> ignored = new ArrayList<>();
        Long cycle = null;
        if (!Text.blank(q.cycle())) {
            String c = q.cycle().strip();
            if (choices.cycles().stream().anyMatch(o -> o.value().equals(c))) {
                cycle = Long.valueOf(c);
            } else {
                ignored.add("The cycle asked for is not one of the partnership's, so all cycles are shown.");
            }
        }
        OrganisationKind type = parse(OrganisationKind.class, q.type(), "organisation type", ignored);
        Phase phase = parse(Phase.class, q.phase(), "school phase", ignored);
        SectionChoice section = null;
        if (!Text.blank(q.section())) {
            String s = q.section().strip();
            section = choices.sections().stream().filter(o -> o.value().equals(s)).findFirst().orElse(null);
            if (section == null) {
                ignored.add("The section asked for has no actions, so all sections are shown.");
            }
        }
        ActionStatus status = parse(ActionStatus.class, q.status(), "status", ignored);
        boolean overdue = false;
        if (!Text.blank(q.overdue())) {
            if (q.overdue().strip().equals("yes")) {
                overdue = true;
            } else {
                ignored.add("The overdue filter takes only \"yes\", so it was ignored.");
            }
        }
        ActionSource source = parse(ActionSource.class, q.source(), "source", ignored);
        int page = 1;
        if (!Text.blank(q.page())) {
            Long p = Text.parseId(q.page());
            if (p == null || p < 1 || p > 1_000_000) {
                ignored.add("There is no page \"" + q.page().strip() + "\" of the list, so the first is shown.");
            } else {
                page = p.intValue();
            }
        }
        return new Filters(cycle, type, phase, section, status, overdue, source, page, List.copyOf(ignored));
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String what, List<String> ignored) {
        if (Text.blank(value)) {
            return null;
        }
        E e = Text.parseEnum(type, value);
        if (e == null) {
            ignored.add("The " + what + " filter was not one we know, so it was ignored.");
        }
        return e;
    }

    // ---- the queries ----

    /** The WHERE clause of the filters and its parameters; {@code now} adds the status and overdue filters, which the history leaves out. */
    private record Where(String sql, List<Object> params) {
    }

    private static Where where(long partnershipId, Filters f, LocalDate today, boolean now) {
        StringBuilder sql = new StringBuilder(" WHERE a.partnership_id = ?");
        List<Object> params = new ArrayList<>(List.of(partnershipId));
        if (f.cycleId() != null) {
            sql.append(" AND a.cycle_id = ?");
            params.add(f.cycleId());
        }
        if (f.type() != null) {
            sql.append(" AND o.kind = ?");
            params.add(f.type().name());
        }
        if (f.phase() != null) {
            sql.append(" AND o.phase = ?");
            params.add(f.phase().name());
        }
        if (f.section() != null) {
            sql.append(" AND a.bank_key = ? AND a.section_key = ?");
            params.add(f.section().bankKey());
            params.add(f.section().sectionKey());
        }
        if (f.source() != null) {
            sql.append(" AND a.source = ?");
            params.add(f.source().name());
        }
        if (now && f.status() != null) {
            sql.append(" AND a.status = ?");
            params.add(f.status().name());
        }
        if (now && f.overdue()) {
            sql.append(" AND a.status IN ").append(OVERDUE_STATUSES).append(" AND a.due_on < ?");
            params.add(java.sql.Date.valueOf(today));
        }
        return new Where(sql.toString(), params);
    }

    private static final String FROM = " FROM action_item a JOIN organisation o ON o.id = a.organisation_id AND o.partnership_id = a.partnership_id";

    private Counts counts(long partnershipId, Filters f, LocalDate today) {
        Where w = where(partnershipId, f, today, true);
        String sql = "SELECT SUM(CASE WHEN a.status NOT IN " + CLOSED_STATUSES + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.status IN " + OVERDUE_STATUSES + " AND a.due_on < ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.status = 'AWAITING_VERIFICATION' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.status = 'VERIFIED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.status = 'WITHDRAWN' THEN 1 ELSE 0 END), COUNT(*)" + FROM + w.sql();
        return jdbc.prepareStatement(sql, st -> {
            st.setDate(1, java.sql.Date.valueOf(today));
            SqlParams.bind(st, 2, w.params());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
        });
    }

    private void rows(long partnershipId, Filters f, LocalDate today, int limit, int offset, Consumer<Row> each) {
        Where w = where(partnershipId, f, today, true);
        String sql = "SELECT a.id, o.name, o.kind, o.phase, c.name, a.bank_key, a.bank_version, a.section_key, a.what, a.owner_name, a.owner_role,"
                + " a.owner_email, a.due_on, a.status, a.source" + FROM + " LEFT JOIN audit_cycle c ON c.id = a.cycle_id AND c.partnership_id = a.partnership_id"
                + w.sql() + " ORDER BY o.name, o.id, a.due_on, a.id" + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit + " OFFSET " + offset);
        Map<String, String> sectionNames = new java.util.HashMap<>();
        jdbc.prepareStatement(sql, st -> {
            SqlParams.bind(st, 1, w.params());
            st.setFetchSize(500);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String bank = rs.getString(6);
                    String version = rs.getString(7);
                    String sectionKey = rs.getString(8);
                    String section = bank == null || sectionKey == null ? ""
                            : sectionNames.computeIfAbsent(bank + "/" + version + "/" + sectionKey, k -> sectionLabel(bank, version, sectionKey));
                    OrganisationKind kind = Text.parseEnum(OrganisationKind.class, rs.getString(3));
                    Phase phase = Text.parseEnum(Phase.class, rs.getString(4));
                    ActionStatus status = ActionStatus.valueOf(rs.getString(14));
                    LocalDate due = rs.getDate(13).toLocalDate();
                    each.accept(new Row(rs.getLong(1), rs.getString(2), kind == null ? "" : kind.label(), phase == null ? "" : phase.label(),
                            Text.orEmpty(rs.getString(5)), section, rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), due, status,
                            status.overdue(due, today), ActionSource.valueOf(rs.getString(15))));
                }
            }
            return null;
        });
    }

    /**
     * Open, overdue and verified at the end of each of the last 26 weeks (today, a week before, ...), in one grouped query.
     * An action was open from its creation until it was closed; its status at a moment is the last status its updates moved
     * it to by then; its due date then is the one in force (the last due-date change accepted by then, else the first
     * accepted change's old date, else its due date); verified counts every action verified by then.
     */
    private Chart chart(long partnershipId, Filters f, LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (int k = WEEKS - 1; k >= 0; k--) {
            days.add(today.minusWeeks(k));
        }
        // the weeks as literals generated here from dates (never from input): one derived table both databases read alike
        String weeks = days.stream().map(d -> "SELECT DATE '" + d + "' AS d, TIMESTAMP '" + endOf(d) + "' AS e")
                .collect(Collectors.joining(" UNION ALL "));
        Where w = where(partnershipId, f, today, false);
        String statusThen = "COALESCE((SELECT u.to_status FROM action_update u WHERE u.action_id = a.id AND u.to_status IS NOT NULL"
                + " AND u.recorded_at < wk.e ORDER BY u.recorded_at DESC, u.id DESC LIMIT 1), a.status)";
        String dueThen = "COALESCE((SELECT c.to_due_on FROM action_due_change c WHERE c.action_id = a.id AND c.accepted = TRUE AND c.decided_at < wk.e"
                + " ORDER BY c.decided_at DESC, c.id DESC LIMIT 1),"
                + " (SELECT c.from_due_on FROM action_due_change c WHERE c.action_id = a.id AND c.accepted = TRUE ORDER BY c.decided_at, c.id LIMIT 1),"
                + " a.due_on)";
        String openThen = "(a.closed_at IS NULL OR a.closed_at >= wk.e)";
        String sql = "SELECT x.d, SUM(x.open_then), SUM(x.overdue_then), SUM(x.verified_then) FROM (SELECT wk.d,"
                + " CASE WHEN " + openThen + " THEN 1 ELSE 0 END AS open_then,"
                + " CASE WHEN " + openThen + " AND " + statusThen + " IN " + OVERDUE_STATUSES + " AND " + dueThen + " < wk.d THEN 1 ELSE 0 END AS overdue_then,"
                + " CASE WHEN a.status = 'VERIFIED' AND a.closed_at < wk.e THEN 1 ELSE 0 END AS verified_then"
                + " FROM (" + weeks + ") wk JOIN action_item a ON a.created_at < wk.e"
                + " JOIN organisation o ON o.id = a.organisation_id AND o.partnership_id = a.partnership_id" + w.sql() + ") x GROUP BY x.d";
        Map<LocalDate, Point> found = new java.util.HashMap<>();
        jdbc.prepareStatement(sql, st -> {
            SqlParams.bind(st, 1, w.params());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate d = rs.getDate(1).toLocalDate();
                    found.put(d, new Point(d, rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return null;
        });
        return new Chart(days.stream().map(d -> found.getOrDefault(d, new Point(d, 0, 0, 0))).toList());
    }

    /** The first moment after the day, written as the JDBC driver writes an Instant (as Micronaut Data binds it). */
    private static String endOf(LocalDate d) {
        return Timestamp.from(d.plusDays(1).atStartOfDay(Dates.ZONE).toInstant()).toString();
    }
}
