package org.assure.exports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cycle's panel marks a page of cases at a time (keyset on the case id, each page its own short read, like
 * {@link AnswerPages}): the submitted marks of each case, and its agreed ratings and outcome once the moderator confirmed
 * them. A marker's marks before they submit, and a moderator's draft outcome, are theirs alone and never read here.
 */
@Singleton
class PanelMarkPages {
    static final int CASES_PER_PAGE = 50;
    private final JdbcOperations jdbc;

    PanelMarkPages(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A case of the page: its panel and organisation, its confirmed outcome (null until then), agreed ratings and marks. */
    record Case(long caseId, String panel, String organisation, @Nullable String outcome, Map<String, String> agreed, List<Mark> marks) {
    }

    record Mark(String marker, String itemKey, @Nullable String selfRating, @Nullable String panelRating, @Nullable Boolean agrees,
                @Nullable String comment) {
    }

    /** Submitted marks of the cycle's cases: the rows the export will have. */
    @Transactional
    long marks(long partnershipId, long cycleId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM panel_case c JOIN case_marking mk ON mk.case_id = c.id "
                + "JOIN case_mark k ON k.marking_id = mk.id WHERE c.partnership_id = ? AND c.cycle_id = ? AND mk.submitted_at IS NOT NULL", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, cycleId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** The next page of cases after the case id {@code after} (0 to start); empty at the end. */
    @Transactional
    List<Case> page(long partnershipId, long cycleId, long after) {
        record Head(String panel, String organisation, @Nullable String outcome) {
        }
        Map<Long, Head> heads = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT c.id, p.name, o.name, m.outcome FROM panel_case c JOIN panel p ON p.id = c.panel_id "
                + "JOIN organisation o ON o.id = c.organisation_id LEFT JOIN case_moderation m ON m.case_id = c.id "
                + "WHERE c.partnership_id = ? AND c.cycle_id = ? AND c.id > ? ORDER BY c.id LIMIT " + CASES_PER_PAGE, s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, cycleId);
            s.setLong(3, after);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    heads.put(r.getLong(1), new Head(r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            return null;
        });
        if (heads.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", heads.keySet().stream().map(String::valueOf).toList());
        Map<Long, List<Mark>> marks = new HashMap<>();
        jdbc.prepareStatement("SELECT mk.case_id, a.display_name, k.item_key, k.self_rating, k.panel_rating, k.agrees, k.comment "
                + "FROM case_marking mk JOIN case_mark k ON k.marking_id = mk.id JOIN account a ON a.id = mk.account_id "
                + "WHERE mk.partnership_id = ? AND mk.submitted_at IS NOT NULL AND mk.case_id IN (" + ids + ") "
                + "ORDER BY mk.case_id, a.display_name, mk.id, k.id", s -> {
            s.setLong(1, partnershipId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    boolean agrees = r.getBoolean(6);
                    Boolean agreesOrNull = r.wasNull() ? null : agrees;
                    marks.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(new Mark(r.getString(2), r.getString(3), r.getString(4), r.getString(5), agreesOrNull, r.getString(7)));
                }
            }
            return null;
        });
        // agreed ratings count only once the outcome is confirmed (outcome set, ADR 0035); until then they are the moderator's draft
        Map<Long, Map<String, String>> agreed = new HashMap<>();
        jdbc.prepareStatement("SELECT a.case_id, a.item_key, a.rating FROM case_agreed_rating a JOIN case_moderation m ON m.case_id = a.case_id "
                + "WHERE a.partnership_id = ? AND m.outcome IS NOT NULL AND a.case_id IN (" + ids + ")", s -> {
            s.setLong(1, partnershipId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    agreed.computeIfAbsent(r.getLong(1), k -> new HashMap<>()).put(r.getString(2), r.getString(3));
                }
            }
            return null;
        });
        List<Case> page = new ArrayList<>();
        heads.forEach((id, h) -> page.add(new Case(id, h.panel(), h.organisation(), h.outcome(), agreed.getOrDefault(id, Map.of()),
                marks.getOrDefault(id, List.of()))));
        return page;
    }
}
