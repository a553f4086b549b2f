package org.assure.api;

import org.assure.kernel.SqlParams;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the read-only API reads: every query scoped to the token's partnership, paged by id, filtered by cycle and
 * by a changed-since instant for incremental refresh. Field names are the ones src/main/resources/api/openapi.yaml lists.
 */
@Singleton
class ApiData {
    /** A page of rows, and whether there is a page after it. */
    record Rows(List<Map<String, Object>> data, boolean more) {
    }

    /** A cycle id the token's partnership does not have: 404, so ids of other partnerships reveal nothing. */
    static final class UnknownCycle extends RuntimeException {
        UnknownCycle() {
            super("No such cycle");
        }
    }

    /** Returns a moderated-only token sees: those with a confirmed panel moderation (outcome set, ADR 0035). */
    private static final String MODERATED = "EXISTS (SELECT 1 FROM panel_case mpc JOIN case_moderation mm ON mm.case_id = mpc.id "
            + "WHERE mpc.return_id = %s AND mm.outcome IS NOT NULL)";

    private final JdbcOperations jdbc;

    ApiData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Rows cycles(ApiTokens.Caller caller, ApiQuery q) {
        Sql sql = new Sql("SELECT id, name, bank_key, bank_version, opens_on, deadline, final_deadline, status, updated_at "
                + "FROM audit_cycle WHERE partnership_id = ?", caller.partnershipId());
        sql.andIf(q.cycle() != null, "id = ?", q.cycle());
        sql.andIf(q.changedSince() != null, "updated_at > ?", ts(q));
        return page(sql, q, rs -> row("id", rs.getLong("id"), "name", rs.getString("name"), "bankKey", rs.getString("bank_key"),
                "bankVersion", rs.getString("bank_version"), "opensOn", date(rs, "opens_on"), "deadline", date(rs, "deadline"),
                "finalDeadline", date(rs, "final_deadline"), "status", rs.getString("status"), "updatedAt", instant(rs, "updated_at")));
    }

    @Transactional
    public Rows organisations(ApiTokens.Caller caller, ApiQuery q) {
        requireCycle(caller, q);
        Sql sql = new Sql("SELECT id, kind, name, sector, phase, category, urn, trust_name, local_authority, parent_id, archived_at, "
                + "updated_at FROM organisation WHERE partnership_id = ?", caller.partnershipId());
        sql.andIf(q.cycle() != null, "id IN (SELECT organisation_id FROM audit_return WHERE cycle_id = ?)", q.cycle());
        sql.andIf(q.changedSince() != null, "updated_at > ?", ts(q));
        return page(sql, q, rs -> row("id", rs.getLong("id"), "kind", rs.getString("kind"), "name", rs.getString("name"),
                "sector", rs.getString("sector"), "phase", rs.getString("phase"), "category", rs.getString("category"),
                "urn", rs.getString("urn"), "trustName", rs.getString("trust_name"), "localAuthority", rs.getString("local_authority"),
                "parentId", rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), "archived", rs.getTimestamp("archived_at") != null,
                "updatedAt", instant(rs, "updated_at")));
    }

    /**
     * Returns with the answers of their latest submission still standing (one sent back is not); a return never
     * submitted, or sent back, has no answers here: drafts are the organisation's own until they submit.
     */
    @Transactional
    public Rows returns(ApiTokens.Caller caller, ApiQuery q) {
        requireCycle(caller, q);
        Sql sql = new Sql("SELECT r.id, r.cycle_id, r.organisation_id, r.status, r.submitted_at, "
                + "GREATEST(r.created_at, COALESCE(r.last_activity_at, r.created_at), COALESCE(r.submitted_at, r.created_at)) AS changed_at, "
                + "(SELECT s.id FROM return_submission s WHERE s.return_id = r.id AND s.returned_at IS NULL "
                + "ORDER BY s.submission_number DESC LIMIT 1) AS submission_id, "
                + "(SELECT mm.outcome FROM panel_case mpc JOIN case_moderation mm ON mm.case_id = mpc.id WHERE mpc.return_id = r.id "
                + "AND mm.outcome IS NOT NULL ORDER BY mm.moderated_at DESC LIMIT 1) AS outcome "
                + "FROM audit_return r WHERE r.partnership_id = ?", caller.partnershipId());
        sql.andIf(q.cycle() != null, "r.cycle_id = ?", q.cycle());
        sql.andIf(q.changedSince() != null, "GREATEST(r.created_at, COALESCE(r.last_activity_at, r.created_at), "
                + "COALESCE(r.submitted_at, r.created_at)) > ?", ts(q));
        sql.andIf(caller.moderatedOnly(), MODERATED.formatted("r.id"));
        Rows rows = page(sql, q, rs -> row("id", rs.getLong("id"), "cycleId", rs.getLong("cycle_id"), "organisationId", rs.getLong("organisation_id"),
                "status", rs.getString("status"), "submittedAt", instant(rs, "submitted_at"), "moderatedOutcome", rs.getString("outcome"),
                "changedAt", instant(rs, "changed_at"), "submissionId", rs.getObject("submission_id") == null ? null : rs.getLong("submission_id"),
                "answers", new ArrayList<Map<String, Object>>()));
        List<Long> submissions = rows.data().stream().map(r -> (Long) r.get("submissionId")).filter(id -> id != null).toList();
        if (!submissions.isEmpty()) {
            Map<Long, List<Map<String, Object>>> answers = answers(submissions);
            for (Map<String, Object> r : rows.data()) {
                Long id = (Long) r.get("submissionId");
                if (id != null) {
                    r.put("answers", answers.getOrDefault(id, List.of()));
                }
            }
        }
        rows.data().forEach(r -> r.remove("submissionId"));
        return rows;
    }

    private Map<Long, List<Map<String, Object>>> answers(List<Long> submissionIds) {
        return jdbc.prepareStatement("SELECT submission_id, question_key, rating, answer_value, evidence, na_reason "
                + "FROM return_submission_answer WHERE submission_id IN " + SqlParams.in(submissionIds.size()) + " ORDER BY id", ps -> {
            SqlParams.bind(ps, 1, submissionIds);
            Map<Long, List<Map<String, Object>>> by = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.computeIfAbsent(rs.getLong("submission_id"), k -> new ArrayList<>()).add(row("questionKey", rs.getString("question_key"),
                            "rating", rs.getString("rating"), "answer", rs.getString("answer_value"), "evidence", rs.getString("evidence"),
                            "naReason", rs.getString("na_reason")));
                }
            }
            return by;
        });
    }

    /** Actions; a moderated-only token sees those of moderated returns and those raised outside any return. */
    @Transactional
    public Rows actions(ApiTokens.Caller caller, ApiQuery q) {
        requireCycle(caller, q);
        Sql sql = new Sql("SELECT a.id, a.organisation_id, a.cycle_id, a.return_id, a.bank_key, a.bank_version, a.section_key, a.question_key, "
                + "a.source, a.what, a.owner_name, a.owner_role, a.due_on, a.status, a.created_at, a.updated_at, a.closed_at "
                + "FROM action_item a WHERE a.partnership_id = ?", caller.partnershipId());
        sql.andIf(q.cycle() != null, "a.cycle_id = ?", q.cycle());
        sql.andIf(q.changedSince() != null, "a.updated_at > ?", ts(q));
        sql.andIf(caller.moderatedOnly(), "(a.return_id IS NULL OR " + MODERATED.formatted("a.return_id") + ")");
        return page(sql, q, rs -> row("id", rs.getLong("id"), "organisationId", rs.getLong("organisation_id"),
                "cycleId", rs.getObject("cycle_id") == null ? null : rs.getLong("cycle_id"),
                "returnId", rs.getObject("return_id") == null ? null : rs.getLong("return_id"), "bankKey", rs.getString("bank_key"),
                "bankVersion", rs.getString("bank_version"), "sectionKey", rs.getString("section_key"), "questionKey", rs.getString("question_key"),
                "source", rs.getString("source"), "what", rs.getString("what"), "ownerName", rs.getString("owner_name"),
                "ownerRole", rs.getString("owner_role"), "dueOn", date(rs, "due_on"), "status", rs.getString("status"),
                "createdAt", instant(rs, "created_at"), "updatedAt", instant(rs, "updated_at"), "closedAt", instant(rs, "closed_at")));
    }

    /** Confirmed panel outcomes only: a draft outcome is the moderator's until they confirm it. */
    @Transactional
    public Rows panelOutcomes(ApiTokens.Caller caller, ApiQuery q) {
        requireCycle(caller, q);
        Sql sql = new Sql("SELECT pc.id, pc.panel_id, pc.cycle_id, pc.return_id, pc.organisation_id, m.outcome, m.moderated_at "
                + "FROM panel_case pc JOIN case_moderation m ON m.case_id = pc.id WHERE pc.partnership_id = ? AND m.outcome IS NOT NULL",
                caller.partnershipId());
        sql.andIf(q.cycle() != null, "pc.cycle_id = ?", q.cycle());
        sql.andIf(q.changedSince() != null, "m.moderated_at > ?", ts(q));
        Rows rows = page(sql.orderBy("pc.id"), q, rs -> row("caseId", rs.getLong("id"), "panelId", rs.getLong("panel_id"),
                "cycleId", rs.getLong("cycle_id"), "returnId", rs.getLong("return_id"), "organisationId", rs.getLong("organisation_id"),
                "outcome", rs.getString("outcome"), "moderatedAt", instant(rs, "moderated_at"), "agreedRatings", new ArrayList<>()));
        List<Long> caseIds = rows.data().stream().map(r -> (Long) r.get("caseId")).toList();
        Map<Long, List<Map<String, Object>>> agreed = agreedRatings(caller.partnershipId(), caseIds);
        rows.data().forEach(r -> r.put("agreedRatings", agreed.getOrDefault((Long) r.get("caseId"), List.of())));
        return rows;
    }

    /** The agreed ratings of a page's cases in one read, not one per case. */
    private Map<Long, List<Map<String, Object>>> agreedRatings(long partnershipId, List<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT case_id, item_key, rating FROM case_agreed_rating WHERE partnership_id = ? AND case_id IN "
                + SqlParams.in(caseIds.size()) + " ORDER BY id", ps -> {
            ps.setLong(1, partnershipId);
            SqlParams.bind(ps, 2, caseIds);
            Map<Long, List<Map<String, Object>>> by = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(row("itemKey", rs.getString("item_key"),
                            "rating", rs.getString("rating")));
                }
            }
            return by;
        });
    }

    private void requireCycle(ApiTokens.Caller caller, ApiQuery q) {
        if (q.cycle() == null) {
            return;
        }
        boolean known = jdbc.prepareStatement("SELECT 1 FROM audit_cycle WHERE id = ? AND partnership_id = ?", ps -> {
            ps.setLong(1, q.cycle());
            ps.setLong(2, caller.partnershipId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (!known) {
            throw new UnknownCycle();
        }
    }

    private interface RowMapper {
        Map<String, Object> map(ResultSet rs) throws SQLException;
    }

    private Rows page(Sql sql, ApiQuery q, RowMapper mapper) {
        String text = sql.text() + " LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(text, ps -> {
            int i = sql.bind(ps);
            ps.setInt(i++, q.size() + 1);
            ps.setInt(i, q.offset());
            List<Map<String, Object>> data = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    data.add(mapper.map(rs));
                }
            }
            boolean more = data.size() > q.size();
            return new Rows(more ? new ArrayList<>(data.subList(0, q.size())) : data, more);
        });
    }

    private static Timestamp ts(ApiQuery q) {
        return q.changedSince() == null ? null : Timestamp.from(q.changedSince());
    }

    private static @Nullable String date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate().toString();
    }

    private static @Nullable String instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().toString();
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /** A WHERE clause built from conditions that apply, and their parameters in order; rows in id order for stable pages. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();
        private String order = "id";

        Sql(String select, Object firstParam) {
            this.text = new StringBuilder(select);
            params.add(firstParam);
            if (select.contains(" r.id,") || select.startsWith("SELECT r.")) {
                order = "r.id";
            } else if (select.startsWith("SELECT a.")) {
                order = "a.id";
            }
        }

        void andIf(boolean applies, String condition, Object... values) {
            if (applies) {
                text.append(" AND ").append(condition);
                params.addAll(List.of(values));
            }
        }

        Sql orderBy(String column) {
            order = column;
            return this;
        }

        String text() {
            return text + " ORDER BY " + order;
        }

        int bind(PreparedStatement ps) throws SQLException {
            return SqlParams.bind(ps, 1, params);
        }
    }
}
