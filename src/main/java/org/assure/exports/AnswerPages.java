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
 * A cycle's answers a page of returns at a time, in organisation-name order (keyset paging on name and return id), each
 * page its own short read. An export never holds every answer in memory nor one transaction open for the whole file, and
 * paging works the same on H2, MariaDB and MySQL (whose drivers each stream a cursor differently, or not at all).
 */
@Singleton
class AnswerPages {
    static final int RETURNS_PER_PAGE = 50;
    private final JdbcOperations jdbc;

    AnswerPages(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One return and what it holds now: answers by question key, and the panel's moderated agreed ratings by item key. */
    record ReturnAnswers(long returnId, String organisation, Map<String, Answer> answers, Map<String, String> agreed) {
    }

    record Answer(@Nullable String rating, @Nullable String value, @Nullable String evidence, @Nullable String naReason) {
    }

    /** Where a page ends: the next page starts after this organisation name and return id. */
    record Cursor(String organisation, long returnId) {
        static final Cursor START = new Cursor("", 0);
    }

    @Transactional
    long returns(long partnershipId, long cycleId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM audit_return WHERE partnership_id = ? AND cycle_id = ?", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, cycleId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** The next page of returns after {@code after}; empty at the end. */
    @Transactional
    List<ReturnAnswers> page(long partnershipId, long cycleId, Cursor after) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT r.id, o.name FROM audit_return r JOIN organisation o ON o.id = r.organisation_id "
                + "WHERE r.partnership_id = ? AND r.cycle_id = ? AND (o.name > ? OR (o.name = ? AND r.id > ?)) "
                + "ORDER BY o.name, r.id LIMIT " + RETURNS_PER_PAGE, s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, cycleId);
            s.setString(3, after.organisation());
            s.setString(4, after.organisation());
            s.setLong(5, after.returnId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.put(r.getLong(1), r.getString(2));
                }
            }
            return null;
        });
        if (names.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", names.keySet().stream().map(String::valueOf).toList());
        Map<Long, Map<String, Answer>> answers = new HashMap<>();
        jdbc.prepareStatement("SELECT return_id, question_key, rating, answer_value, evidence, na_reason FROM return_answer WHERE return_id IN ("
                + ids + ")", s -> {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    answers.computeIfAbsent(r.getLong(1), k -> new HashMap<>())
                            .put(r.getString(2), new Answer(r.getString(3), r.getString(4), r.getString(5), r.getString(6)));
                }
            }
            return null;
        });
        // The panel's rating is the agreed one of a moderated case (its outcome set), the latest case if a return was before two.
        Map<Long, Map<String, String>> agreed = new HashMap<>();
        jdbc.prepareStatement("SELECT c.return_id, a.item_key, a.rating FROM panel_case c JOIN case_moderation m ON m.case_id = c.id "
                + "JOIN case_agreed_rating a ON a.case_id = c.id WHERE c.partnership_id = ? AND m.outcome IS NOT NULL AND c.return_id IN ("
                + ids + ") ORDER BY c.id", s -> {
            s.setLong(1, partnershipId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    agreed.computeIfAbsent(r.getLong(1), k -> new HashMap<>()).put(r.getString(2), r.getString(3));
                }
            }
            return null;
        });
        List<ReturnAnswers> page = new ArrayList<>();
        names.forEach((id, name) -> page.add(new ReturnAnswers(id, name, answers.getOrDefault(id, Map.of()), agreed.getOrDefault(id, Map.of()))));
        return page;
    }
}
