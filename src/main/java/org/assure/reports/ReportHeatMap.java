package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel;
import org.assure.kernel.SqlParams;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named report's heat map of organisations × sections (issue 14): each cell an organisation's % compliant in a
 * section, not applicable out of the base, with the number written in the cell and its band as colour, so colour is
 * never the only cue. A cycle may hold 2,000 organisations, so the map shows the {@link #SHOWN} lowest-scoring overall,
 * the ones a board asks about; every organisation is in the drill-down and the exports. Two queries over the report's
 * tallies (ADR 0048), whatever the size of the cycle. Never on the anonymised page: every row names an organisation.
 */
@Singleton
class ReportHeatMap {
    static final int SHOWN = 50;

    private final JdbcOperations jdbc;

    ReportHeatMap(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A band of % compliant and its words for the legend; its colours are in the stylesheet ({@code assure-heat--high}
     * …, text contrast at least 4.5:1), since the page's content security policy allows no inline styles.
     */
    public enum Band {
        HIGH("95% or more"), GOOD("80% to 94%"), FAIR("60% to 79%"), LOW("Below 60%");

        private final String label;

        Band(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String cssClass() {
            return "assure-heat--" + name().toLowerCase();
        }

        static Band of(long percent) {
            return percent >= 95 ? HIGH : percent >= 80 ? GOOD : percent >= 60 ? FAIR : LOW;
        }
    }

    /** One organisation's answers in one section: {@code base} those in the compliance base, {@code compliant} those met. */
    public record Cell(long base, long compliant) {
        public boolean answered() {
            return base > 0;
        }

        public long percent() {
            return base == 0 ? 0 : Math.round(100.0 * compliant / base);
        }

        public @Nullable Band band() {
            return base == 0 ? null : Band.of(percent());
        }
    }

    public record Line(long returnId, String organisation, long percent, List<Cell> cells) {
        public String path() {
            return "/returns/" + returnId + "/report";
        }
    }

    public record Column(String number, String title) {
    }

    /** {@code organisations}: how many organisations have answers in the base, of which {@code lines} are the lowest. */
    public record HeatMap(List<Column> columns, List<Line> lines, long organisations) {
        public List<Band> bands() {
            return List.of(Band.values());
        }

        public boolean partial() {
            return organisations > lines.size();
        }
    }

    HeatMap heatMap(long partnershipId, long cycleId, BankModel.Version bank) {
        List<String> base = bank.scale().ratings().stream().filter(BankModel.Rating::inComplianceBase).map(BankModel.Rating::code).toList();
        List<String> compliant = bank.scale().ratings().stream().filter(BankModel.Rating::countsAsCompliant).map(BankModel.Rating::code).toList();
        List<Column> columns = new ArrayList<>();
        int n = 0;
        for (BankModel.Section s : bank.sections()) {
            columns.add(new Column(String.valueOf(++n), s.title()));
        }
        if (base.isEmpty()) {
            return new HeatMap(columns, List.of(), 0);
        }
        String sums = "SUM(CASE WHEN t.rating IN " + SqlParams.in(base.size()) + " THEN t.answers ELSE 0 END) AS based, "
                + "SUM(CASE WHEN t.rating IN " + SqlParams.in(compliant.size()) + " THEN t.answers ELSE 0 END) AS met";
        List<Object> codes = new ArrayList<>(base);
        codes.addAll(compliant);

        // the lowest-scoring organisations overall (ties by name), ordered in a derived table so both databases accept it
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, long[]> overall = new HashMap<>();
        long[] organisations = new long[1];
        List<Object> args = new ArrayList<>(codes);
        args.add(cycleId);
        args.add(partnershipId);
        // summed per return before the organisation's name is joined: one join per organisation, not per tally row
        jdbc.prepareStatement("SELECT x.return_id, o.name, x.based, x.met, COUNT(*) OVER () FROM (SELECT t.return_id AS return_id, "
                + "t.organisation_id AS organisation_id, " + sums + " FROM tally_section t WHERE t.cycle_id = ? AND t.partnership_id = ? "
                + "GROUP BY t.return_id, t.organisation_id) x JOIN organisation o ON o.id = x.organisation_id WHERE x.based > 0 "
                + "ORDER BY x.met * 1.0 / x.based, o.name, x.return_id LIMIT " + SHOWN, st -> {
            SqlParams.bind(st, 1, args);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                    overall.put(rs.getLong(1), new long[]{rs.getLong(3), rs.getLong(4)});
                    organisations[0] = rs.getLong(5);
                }
            }
            return null;
        });
        if (names.isEmpty()) {
            return new HeatMap(columns, List.of(), 0);
        }
        Map<Long, Map<String, Cell>> cells = new HashMap<>();
        List<Object> cellArgs = new ArrayList<>(codes);
        cellArgs.add(cycleId);
        cellArgs.add(partnershipId);
        cellArgs.addAll(names.keySet());
        jdbc.prepareStatement("SELECT t.return_id, t.section_key, " + sums + " FROM tally_section t WHERE t.cycle_id = ? AND t.partnership_id = ? "
                + "AND t.return_id IN " + SqlParams.in(names.size()) + " GROUP BY t.return_id, t.section_key", st -> {
            SqlParams.bind(st, 1, cellArgs);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cells.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), new Cell(rs.getLong(3), rs.getLong(4)));
                }
            }
            return null;
        });
        List<Line> lines = new ArrayList<>();
        names.forEach((returnId, name) -> {
            long[] o = overall.get(returnId);
            Map<String, Cell> mine = cells.getOrDefault(returnId, Map.of());
            lines.add(new Line(returnId, name, Math.round(100.0 * o[1] / o[0]),
                    bank.sections().stream().map(s -> mine.getOrDefault(s.key(), new Cell(0, 0))).toList()));
        });
        return new HeatMap(columns, lines, organisations[0]);
    }
}
