package org.assure.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A cycle's answers counted by the database per question and rating, over the latest submission of each return that
 * stands submitted (a return sent back for changes is outstanding). The year-on-year comparison reads its figures here;
 * CycleReport still holds its own copy of the same query (LATEST_SUBMISSIONS, questionTallies) and can switch over.
 */
@Singleton
class ComplianceTallies {
    static final String LATEST_SUBMISSIONS = "audit_return r JOIN return_submission s ON s.return_id = r.id "
            + "AND s.submission_number = (SELECT MAX(s2.submission_number) FROM return_submission s2 WHERE s2.return_id = r.id) "
            + "JOIN return_submission_answer a ON a.submission_id = s.id "
            + "WHERE r.partnership_id = ? AND r.cycle_id = ? AND r.status = 'SUBMITTED' AND a.rating IS NOT NULL";

    /** One question's answers by rating code. */
    record QuestionTally(Map<String, Long> answersByRating) {
        long answers(String rating) {
            return answersByRating.getOrDefault(rating, 0L);
        }
    }

    private final JdbcOperations jdbc;

    ComplianceTallies(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Question key → its answers by rating, in one grouped query; a question nobody rated is absent. */
    Map<String, QuestionTally> byQuestion(long partnershipId, long cycleId) {
        Map<String, QuestionTally> out = new HashMap<>();
        jdbc.prepareStatement("SELECT a.question_key, a.rating, COUNT(*) FROM " + LATEST_SUBMISSIONS + " GROUP BY a.question_key, a.rating", st -> {
            st.setLong(1, partnershipId);
            st.setLong(2, cycleId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new QuestionTally(new HashMap<>())).answersByRating().put(rs.getString(2), rs.getLong(3));
                }
            }
            return null;
        });
        return out;
    }
}
