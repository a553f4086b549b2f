package org.assure.api;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Rows the API tests read and write straight: counts, and the odd row whose own flow is tested elsewhere. */
@Singleton
class ApiTestRows {
    private final JdbcOperations jdbc;
    private final Clock clock;

    ApiTestRows(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    long count(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Transactional
    List<String> strings(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Transactional
    int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        });
    }

    /** A confirmed moderation of a case (the moderating flow itself is ModerationWebTest's). */
    void confirmModeration(long partnershipId, long caseId, String outcome) {
        update("INSERT INTO case_moderation (partnership_id, case_id, outcome, summary, moderated_by, moderated_at) VALUES (?, ?, ?, 'ok', 1, ?)",
                partnershipId, caseId, outcome, Timestamp.from(clock.instant()));
    }

    /** An action of a return, as the action plans raise them (their own flow is ActionsWebTest's). */
    void action(long partnershipId, long organisationId, long cycleId, long returnId, long by) {
        Timestamp now = Timestamp.from(clock.instant());
        update("INSERT INTO action_item (partnership_id, organisation_id, cycle_id, return_id, source, what, owner_name, owner_role, owner_email, "
                + "due_on, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'PARTNERSHIP', 'Train the governors', 'Dee Esel', "
                + "'DSL', 'dee@example.org', ?, 'NOT_STARTED', ?, ?, ?)", partnershipId, organisationId, cycleId, returnId,
                java.sql.Date.valueOf(org.assure.kernel.Dates.today(clock).plusDays(30)), by, now, now);
    }
}
