package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.assure.panels.Agreement;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often each of the cycle's panels' markers agreed (issue 14, ADR 0046), by {@link Agreement}, the same figures
 * as the panel's own page: one query reads the submitted marks of every panel of the cycle (bounded by the panels'
 * cases, not by the returns), and Agreement pairs them. No marker is named.
 */
@Singleton
class ReportAgreement {
    private final JdbcOperations jdbc;

    ReportAgreement(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A panel's agreement over its marked cases; {@code suppressed} when too few cases to show in the anonymised report. */
    public record PanelAgreement(String panel, long cases, Agreement.Figures figures, boolean suppressed) {
    }

    private record Marks(String name, Map<String, Map<Long, String>> byItem, Set<Long> cases) {
    }

    List<PanelAgreement> agreement(long partnershipId, long cycleId, @Nullable Integer suppressBelow) {
        Map<Long, Marks> byPanel = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT p.id, p.name, c.id, k.item_key, m.account_id, k.panel_rating FROM panel p "
                + "JOIN panel_case c ON c.panel_id = p.id JOIN case_marking m ON m.case_id = c.id AND m.submitted_at IS NOT NULL "
                + "JOIN case_mark k ON k.marking_id = m.id AND k.panel_rating IS NOT NULL "
                + "WHERE p.partnership_id = ? AND p.cycle_id = ? AND c.partnership_id = ? ORDER BY p.id, c.id, k.id", st -> {
            st.setLong(1, partnershipId);
            st.setLong(2, cycleId);
            st.setLong(3, partnershipId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    Marks marks = byPanel.computeIfAbsent(rs.getLong(1), id -> new Marks(name, new LinkedHashMap<>(), new HashSet<>()));
                    // an item is a case's section or question: the same key in two cases is two items
                    marks.byItem().computeIfAbsent(rs.getLong(3) + ":" + rs.getString(4), k -> new LinkedHashMap<>()).put(rs.getLong(5), rs.getString(6));
                    marks.cases().add(rs.getLong(3));
                }
            }
            return null;
        });
        List<PanelAgreement> out = new ArrayList<>();
        int n = 0;
        for (Marks m : byPanel.values()) {
            n++;
            Agreement.Figures figures = Agreement.of(m.byItem().values());
            long cases = m.cases().size();
            // the anonymised page names no panel either: a panel's name may carry a trust's or an area's
            out.add(new PanelAgreement(suppressBelow == null ? m.name() : "Panel " + n, cases, figures, suppressBelow != null && cases < suppressBelow));
        }
        return out;
    }
}
