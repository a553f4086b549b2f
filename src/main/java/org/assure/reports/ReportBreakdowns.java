package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel;
import org.assure.kernel.SqlParams;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The cycle's figures by organisation type, agency sector, school phase and school category (issue 14, ADR 0046). Two
 * grouped queries, by the four columns together, whatever the number of organisations; each breakdown is then summed
 * from those few combinations. In the anonymised composite every column of a breakdown is suppressed so that what is
 * withheld cannot be worked out from what is shown ({@link #complement}).
 */
@Singleton
class ReportBreakdowns {
    private final JdbcOperations jdbc;

    ReportBreakdowns(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One group: its organisations (one return each), those submitted and on time, and its compliance base and the
     * compliant answers in it (not applicable excluded). {@code code} is the filter value of the drill-down.
     */
    public record Group(String code, String label, CycleReport.Count returns, CycleReport.Count submitted, CycleReport.Count onTime,
                        long base, CycleReport.Count compliant, boolean suppressed) {
        public long onTimePercent() {
            return onTime.percentOf(submitted.value());
        }

        public long compliantPercent() {
            return compliant.percentOf(base);
        }
    }

    /** {@code by} is the drill-down's filter name: kind, sector, phase or category. */
    public record Breakdown(String by, String title, List<Group> groups) {
    }

    /** The tallies of one combination of kind, sector, phase and category. */
    private static final class Tally {
        long returns;
        long submitted;
        long onTime;
        long base;
        long baseOrganisations;
        long compliant;
        long compliantOrganisations;

        void add(Tally t) {
            returns += t.returns;
            submitted += t.submitted;
            onTime += t.onTime;
            base += t.base;
            baseOrganisations += t.baseOrganisations;
            compliant += t.compliant;
            compliantOrganisations += t.compliantOrganisations;
        }
    }

    private record Key(String kind, @Nullable String sector, @Nullable String phase, @Nullable String category) {
    }

    List<Breakdown> breakdowns(long partnershipId, long cycleId, List<BankModel.Rating> ratings, @Nullable Integer suppressBelow) {
        Map<Key, Tally> tallies = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT o.kind, o.sector, o.phase, o.category, COUNT(*), "
                + "SUM(CASE WHEN r.status = 'SUBMITTED' THEN 1 ELSE 0 END), SUM(CASE WHEN r.status = 'SUBMITTED' AND f.late = FALSE THEN 1 ELSE 0 END) "
                + "FROM audit_return r JOIN organisation o ON o.id = r.organisation_id "
                + "LEFT JOIN return_submission f ON f.return_id = r.id AND f.submission_number = 1 "
                + "WHERE r.partnership_id = ? AND r.cycle_id = ? GROUP BY o.kind, o.sector, o.phase, o.category", st -> {
            st.setLong(1, partnershipId);
            st.setLong(2, cycleId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Tally t = tallies.computeIfAbsent(key(rs), k -> new Tally());
                    t.returns = rs.getLong(5);
                    t.submitted = rs.getLong(6);
                    t.onTime = rs.getLong(7);
                }
            }
            return null;
        });
        List<String> inBase = ratings.stream().filter(BankModel.Rating::inComplianceBase).map(BankModel.Rating::code).toList();
        List<String> compliant = ratings.stream().filter(BankModel.Rating::countsAsCompliant).map(BankModel.Rating::code).toList();
        if (!inBase.isEmpty()) {
            String baseIn = SqlParams.in(inBase.size());
            String compliantIn = SqlParams.in(compliant.size());
            // the report's tallies (ADR 0048), summed per organisation first, so only one row per organisation is joined
            jdbc.prepareStatement("SELECT o.kind, o.sector, o.phase, o.category, SUM(x.based), SUM(CASE WHEN x.based > 0 THEN 1 ELSE 0 END), "
                    + "SUM(x.met), SUM(CASE WHEN x.met > 0 THEN 1 ELSE 0 END) FROM (SELECT t.organisation_id AS organisation_id, "
                    + "SUM(CASE WHEN t.rating IN " + baseIn + " THEN t.answers ELSE 0 END) AS based, "
                    + "SUM(CASE WHEN t.rating IN " + compliantIn + " THEN t.answers ELSE 0 END) AS met "
                    + "FROM tally_section t WHERE t.cycle_id = ? AND t.partnership_id = ? GROUP BY t.organisation_id) x "
                    + "JOIN organisation o ON o.id = x.organisation_id GROUP BY o.kind, o.sector, o.phase, o.category", st -> {
                int i = 1;
                for (String c : inBase) {
                    st.setString(i++, c);
                }
                for (String c : compliant) {
                    st.setString(i++, c);
                }
                st.setLong(i++, cycleId);
                st.setLong(i, partnershipId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Tally t = tallies.computeIfAbsent(key(rs), k -> new Tally());
                        t.base = rs.getLong(5);
                        t.baseOrganisations = rs.getLong(6);
                        t.compliant = rs.getLong(7);
                        t.compliantOrganisations = rs.getLong(8);
                    }
                }
                return null;
            });
        }
        List<Breakdown> out = new ArrayList<>();
        out.add(breakdown("kind", "By type of organisation", tallies, Key::kind, c -> OrganisationKind.valueOf(c).label(), suppressBelow));
        out.add(breakdown("sector", "Agencies by sector", filter(tallies, OrganisationKind.AGENCY), Key::sector, c -> Sector.valueOf(c).label(), suppressBelow));
        out.add(breakdown("phase", "Schools by phase", filter(tallies, OrganisationKind.SCHOOL), Key::phase, c -> Phase.valueOf(c).label(), suppressBelow));
        out.add(breakdown("category", "Schools by category", filter(tallies, OrganisationKind.SCHOOL), Key::category, c -> SchoolCategory.valueOf(c).label(),
                suppressBelow));
        return out;
    }

    private static Key key(ResultSet rs) throws java.sql.SQLException {
        return new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static Map<Key, Tally> filter(Map<Key, Tally> tallies, OrganisationKind kind) {
        Map<Key, Tally> out = new LinkedHashMap<>();
        tallies.forEach((k, t) -> {
            if (kind.name().equals(k.kind())) {
                out.put(k, t);
            }
        });
        return out;
    }

    /** The groups of one breakdown, by label; organisations with no value recorded come last, as "Not recorded". */
    private static Breakdown breakdown(String by, String title, Map<Key, Tally> tallies, Function<Key, String> groupOf, Function<String, String> label,
                                       @Nullable Integer suppressBelow) {
        Map<String, Tally> byGroup = new LinkedHashMap<>();
        tallies.forEach((k, t) -> byGroup.computeIfAbsent(groupOf.apply(k) == null ? NOT_RECORDED : groupOf.apply(k), g -> new Tally()).add(t));
        List<String> codes = new ArrayList<>(byGroup.keySet());
        codes.sort(Comparator.comparing((String c) -> c.equals(NOT_RECORDED)).thenComparing(c -> label.apply(c)));
        List<Tally> rows = codes.stream().map(byGroup::get).toList();
        // each return is one organisation's: the group's returns, submitted and on time are also its organisations
        Set<Integer> hiddenGroups = suppressBelow == null ? Set.of() : complement(rows.stream().map(t -> t.returns).toList(), Set.of(), suppressBelow);
        Set<Integer> hiddenSubmitted = suppressBelow == null ? Set.of() : complement(rows.stream().map(t -> t.submitted).toList(), hiddenGroups, suppressBelow);
        Set<Integer> hiddenOnTime = suppressBelow == null ? Set.of() : complement(rows.stream().map(t -> t.onTime).toList(), hiddenSubmitted, suppressBelow);
        Set<Integer> hiddenBase = suppressBelow == null ? Set.of()
                : complement(rows.stream().map(t -> t.baseOrganisations).toList(), hiddenGroups, suppressBelow);
        Set<Integer> hiddenCompliant = suppressBelow == null ? Set.of()
                : complement(rows.stream().map(t -> t.compliantOrganisations).toList(), hiddenBase, suppressBelow);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Tally t = rows.get(i);
            String code = codes.get(i);
            groups.add(new Group(code, code.equals(NOT_RECORDED) ? "Not recorded" : label.apply(code), shown(t.returns, t.returns, hiddenGroups, i),
                    shown(t.submitted, t.submitted, hiddenSubmitted, i), shown(t.onTime, t.onTime, hiddenOnTime, i),
                    hiddenBase.contains(i) ? 0 : t.base, shown(t.compliant, t.compliantOrganisations, hiddenCompliant, i), hiddenGroups.contains(i)));
        }
        return new Breakdown(by, title, groups);
    }

    static final String NOT_RECORDED = "NONE";

    private static CycleReport.Count shown(long value, long organisations, Set<Integer> hidden, int i) {
        return new CycleReport.Count(value, organisations, !hidden.contains(i));
    }

    /**
     * Which cells of one column of a breakdown to withhold, given the organisations each is drawn from and those
     * withheld already (their group is). Primary: a cell drawn from 1 to threshold−1 organisations. Secondary: while
     * what is withheld could be worked out by subtracting the shown cells from the total (a single cell withheld, or
     * withheld cells together drawn from fewer organisations than the threshold), the smallest shown cell that is not
     * zero is withheld too. A zero is shown: it names no one, and withholding it would hide nothing.
     */
    static Set<Integer> complement(List<Long> organisations, Set<Integer> already, int threshold) {
        Set<Integer> hidden = new HashSet<>(already);
        for (int i = 0; i < organisations.size(); i++) {
            long n = organisations.get(i);
            if (n > 0 && n < threshold) {
                hidden.add(i);
            }
        }
        while (!hidden.isEmpty() && (hidden.size() == 1 || hidden.stream().mapToLong(organisations::get).sum() < threshold)) {
            int next = -1;
            for (int i = 0; i < organisations.size(); i++) {
                if (!hidden.contains(i) && organisations.get(i) > 0 && (next < 0 || organisations.get(i) < organisations.get(next))) {
                    next = i;
                }
            }
            if (next < 0) {
                break;
            }
            hidden.add(next);
        }
        return hidden;
    }
}
