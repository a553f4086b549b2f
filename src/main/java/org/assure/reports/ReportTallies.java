package org.assure.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.SqlParams;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnSentBack;
import org.assure.returns.ReturnSubmitted;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's counts (ADR 0048), kept in step with the returns: a submission adds its answers, a return sent back for
 * changes takes its latest submission's away, both in the transaction that moves the return, so the counts are never
 * ahead of or behind the returns. They count what {@link CycleReport} reports: the latest submission of each return
 * standing submitted, answers with a rating. A cycle whose submissions predate the tallies is counted from its answers
 * once, the first time a submission or a report needs it ({@link #ensureBuilt}); {@link #rebuild} does the same on demand.
 * Every write for a cycle first locks the cycle's row, so two submissions at one moment add one after the other.
 */
@Singleton
public class ReportTallies {
    /** The latest submission of each return standing submitted, its rated answers; bound: partnership, cycle. */
    private static final String CYCLE_ANSWERS = "audit_return r JOIN return_submission s ON s.return_id = r.id "
            + "AND s.submission_number = (SELECT MAX(s2.submission_number) FROM return_submission s2 WHERE s2.return_id = r.id) "
            + "JOIN return_submission_answer a ON a.submission_id = s.id "
            + "WHERE r.partnership_id = ? AND r.cycle_id = ? AND r.status = 'SUBMITTED' AND a.rating IS NOT NULL";
    /** One submission's rated answers; bound: partnership, cycle, submission. */
    private static final String SUBMISSION_ANSWERS = "audit_return r JOIN return_submission s ON s.return_id = r.id "
            + "JOIN return_submission_answer a ON a.submission_id = s.id "
            + "WHERE r.partnership_id = ? AND r.cycle_id = ? AND s.id = ? AND a.rating IS NOT NULL";

    private final JdbcOperations jdbc;
    private final CycleLookup cycles;
    private final QuestionBanks banks;
    private final Clock clock;

    ReportTallies(JdbcOperations jdbc, CycleLookup cycles, QuestionBanks banks, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.banks = banks;
        this.clock = clock;
    }

    @EventListener
    void onSubmitted(ReturnSubmitted e) {
        if (lockAndBuildIfNeeded(e.partnershipId(), e.cycleId())) {
            return; // built from the answers, this submission included
        }
        update("DELETE FROM tally_section WHERE return_id = ?", e.returnId());
        insertSections(e.cycleId(), SUBMISSION_ANSWERS, e.partnershipId(), e.cycleId(), e.submissionId());
        // counts the submission adds to: existing rows first, then the rows it is the first to need
        update("UPDATE tally_question SET answers = answers + 1 WHERE cycle_id = ? AND EXISTS (SELECT 1 FROM " + SUBMISSION_ANSWERS
                + " AND a.question_key = tally_question.question_key AND a.rating = tally_question.rating)", e.cycleId(), e.partnershipId(),
                e.cycleId(), e.submissionId());
        update("INSERT INTO tally_question (cycle_id, question_key, rating, partnership_id, answers) SELECT r.cycle_id, a.question_key, a.rating, "
                + "r.partnership_id, 1 FROM " + SUBMISSION_ANSWERS + " AND NOT EXISTS (SELECT 1 FROM tally_question t WHERE t.cycle_id = r.cycle_id "
                + "AND t.question_key = a.question_key AND t.rating = a.rating)", e.partnershipId(), e.cycleId(), e.submissionId());
    }

    @EventListener
    void onSentBack(ReturnSentBack e) {
        if (lockAndBuildIfNeeded(e.partnershipId(), e.cycleId())) {
            return; // built from the answers, without this return (it no longer stands submitted)
        }
        update("DELETE FROM tally_section WHERE return_id = ?", e.returnId());
        update("UPDATE tally_question SET answers = answers - 1 WHERE cycle_id = ? AND EXISTS (SELECT 1 FROM " + SUBMISSION_ANSWERS
                + " AND a.question_key = tally_question.question_key AND a.rating = tally_question.rating)", e.cycleId(), e.partnershipId(),
                e.cycleId(), e.submissionId());
        update("DELETE FROM tally_question WHERE cycle_id = ? AND answers <= 0", e.cycleId());
    }

    /** Makes sure the cycle's tallies hold every submission before a report reads them. */
    @Transactional
    public void ensureBuilt(long partnershipId, long cycleId) {
        // another partnership's cycle is never built here: its counts would be empty, and marked complete
        if (!built(cycleId) && cycles.find(partnershipId, cycleId).isPresent()) {
            lockAndBuildIfNeeded(partnershipId, cycleId);
        }
    }

    /** One question's answers by rating code (each organisation answers a question once: answers are organisations). */
    public record QuestionTally(Map<String, Long> answersByRating) {
        public long answers(String rating) {
            return answersByRating.getOrDefault(rating, 0L);
        }
    }

    /** Question key → its answers by rating; a question nobody rated is absent. Call {@link #ensureBuilt} first. */
    @Transactional(readOnly = true)
    public Map<String, QuestionTally> byQuestion(long partnershipId, long cycleId) {
        Map<String, QuestionTally> out = new HashMap<>();
        jdbc.prepareStatement("SELECT question_key, rating, answers FROM tally_question WHERE partnership_id = ? AND cycle_id = ? AND answers > 0", st -> {
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

    /** Counts the cycle again from its answers: the repair if the tallies were ever doubted. */
    @Transactional
    public void rebuild(long partnershipId, long cycleId) {
        if (cycles.find(partnershipId, cycleId).isEmpty()) {
            return;
        }
        lock(cycleId);
        build(partnershipId, cycleId);
    }

    /** Locks the cycle's row and builds its tallies if they were never built; true when it built them. */
    private boolean lockAndBuildIfNeeded(long partnershipId, long cycleId) {
        lock(cycleId);
        if (built(cycleId)) {
            return false;
        }
        build(partnershipId, cycleId);
        return true;
    }

    private void build(long partnershipId, long cycleId) {
        update("DELETE FROM tally_section WHERE cycle_id = ?", cycleId);
        update("DELETE FROM tally_question WHERE cycle_id = ?", cycleId);
        update("DELETE FROM report_tally_built WHERE cycle_id = ?", cycleId);
        update("INSERT INTO tally_question (cycle_id, question_key, rating, partnership_id, answers) SELECT r.cycle_id, a.question_key, a.rating, "
                + "r.partnership_id, COUNT(*) FROM " + CYCLE_ANSWERS + " GROUP BY r.cycle_id, a.question_key, a.rating, r.partnership_id",
                partnershipId, cycleId);
        insertSections(cycleId, CYCLE_ANSWERS, partnershipId, cycleId);
        update("INSERT INTO report_tally_built (cycle_id, built_at) VALUES (?, ?)", cycleId, Timestamp.from(clock.instant()));
    }

    /**
     * Adds section rows for the answers {@code answersFrom} picks ({@link #CYCLE_ANSWERS} or {@link #SUBMISSION_ANSWERS}). The bank's sections are not in the database, so each
     * question is mapped to its section by a CASE built from the cycle's bank version, in a derived table grouped by name
     * (a parameterised CASE repeated in GROUP BY is not "the same expression" to H2).
     */
    private void insertSections(long cycleId, String answersFrom, Object... whereArgs) {
        CycleTerms cycle = cycles.terms(cycleId);
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion());
        Map<String, BankModel.Section> sectionOf = bank.sectionOfQuestion();
        if (sectionOf.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        sectionOf.forEach((question, section) -> {
            args.add(question);
            args.add(section.key());
        });
        args.addAll(List.of(whereArgs));
        update("INSERT INTO tally_section (return_id, section_key, rating, partnership_id, cycle_id, organisation_id, answers) "
                + "SELECT return_id, section_key, rating, partnership_id, cycle_id, organisation_id, COUNT(*) FROM (SELECT r.id AS return_id, "
                + "CASE a.question_key " + "WHEN ? THEN ? ".repeat(sectionOf.size()) + "END AS section_key, a.rating AS rating, "
                + "r.partnership_id AS partnership_id, r.cycle_id AS cycle_id, r.organisation_id AS organisation_id FROM " + answersFrom
                + ") answered WHERE section_key IS NOT NULL GROUP BY return_id, section_key, rating, partnership_id, cycle_id, organisation_id",
                args.toArray());
    }

    private boolean built(long cycleId) {
        return jdbc.prepareStatement("SELECT 1 FROM report_tally_built WHERE cycle_id = ?", st -> {
            st.setLong(1, cycleId);
            try (var rs = st.executeQuery()) {
                return rs.next();
            }
        });
    }

    private void lock(long cycleId) {
        jdbc.prepareStatement("SELECT id FROM audit_cycle WHERE id = ? FOR UPDATE", st -> {
            st.setLong(1, cycleId);
            st.executeQuery().close();
            return null;
        });
    }

    private int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, st -> {
            SqlParams.bind(st, 1, Arrays.asList(args));
            return st.executeUpdate();
        });
    }
}
