package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What other features may read of a cycle's returns without loading them whole: status, sections and their
 * assignees, how many answers someone has given, and a submission's ratings. A few grouped queries per cycle,
 * so the chasing run stays fast over thousands of returns. Access is the caller's business: these are facts
 * for the application's own work (reminders, escalation), never shown without the caller's own checks.
 */
@Singleton
public class ReturnFacts {
    private final ReturnRepositories.Returns returns;
    private final Counts counts;
    private final ReturnRepositories.SubmittedAnswers submittedAnswers;
    private final ReturnRepositories.Submissions submissions;

    ReturnFacts(ReturnRepositories.Returns returns, Counts counts, ReturnRepositories.SubmittedAnswers submittedAnswers,
                ReturnRepositories.Submissions submissions) {
        this.returns = returns;
        this.counts = counts;
        this.submittedAnswers = submittedAnswers;
        this.submissions = submissions;
    }

    /**
     * One return of a cycle: {@code answered} counts answers someone has given or confirmed (not those carried
     * forward and unconfirmed); {@code completed} the sections marked complete; {@code assignees} who each
     * delegated section is assigned to (the others are the leads').
     */
    public record Fact(long returnId, long partnershipId, long organisationId, ReturnStatus status, @Nullable Instant submittedAt,
                       int answered, java.util.Set<String> completed, Map<String, Long> assignees) {
    }

    @Transactional
    public List<Fact> ofCycle(long cycleId) {
        List<AuditReturn> rows = returns.findByCycleIdOrderById(cycleId);
        if (rows.isEmpty()) {
            return List.of();
        }
        return facts(rows, counts.answeredByReturn(cycleId), counts.sectionsOfCycle(cycleId));
    }

    /** One return's facts, read for that return alone (a page about it), not its whole cycle. */
    @Transactional
    public Fact ofReturn(long returnId) {
        AuditReturn row = returns.findById(returnId).orElseThrow();
        return facts(List.of(row), counts.answeredOfReturn(returnId), counts.sectionsOfReturn(returnId)).get(0);
    }

    private static List<Fact> facts(List<AuditReturn> rows, List<AnsweredCount> answeredCounts, List<SectionRow> sectionRows) {
        Map<Long, Integer> answered = new HashMap<>();
        answeredCounts.forEach(c -> answered.put(c.returnId(), (int) c.answered()));
        Map<Long, java.util.Set<String>> completed = new HashMap<>();
        Map<Long, Map<String, Long>> assignees = new HashMap<>();
        for (SectionRow s : sectionRows) {
            if (SectionStatus.COMPLETED.name().equals(s.status())) {
                completed.computeIfAbsent(s.returnId(), k -> new java.util.HashSet<>()).add(s.sectionKey());
            }
            if (s.assignedAccountId() != null) {
                assignees.computeIfAbsent(s.returnId(), k -> new HashMap<>()).put(s.sectionKey(), s.assignedAccountId());
            }
        }
        List<Fact> facts = new ArrayList<>(rows.size());
        for (AuditReturn r : rows) {
            facts.add(new Fact(r.id(), r.partnershipId(), r.organisationId(), r.status(), r.submittedAt(), answered.getOrDefault(r.id(), 0),
                    java.util.Set.copyOf(completed.getOrDefault(r.id(), java.util.Set.of())), Map.copyOf(assignees.getOrDefault(r.id(), Map.of()))));
        }
        return facts;
    }

    /** A submission's ratings by question key (questions without a rating left out). */
    @Transactional
    public Map<String, String> submittedRatings(long submissionId) {
        Map<String, String> ratings = new HashMap<>();
        submittedAnswers.findBySubmissionId(submissionId).stream().filter(a -> a.rating() != null)
                .forEach(a -> ratings.put(a.questionKey(), a.rating()));
        return ratings;
    }

    /** The return's latest submission's id, or null when it was never submitted. */
    @Transactional
    public @Nullable Long latestSubmission(long returnId) {
        List<ReturnSubmission> made = submissions.findByReturnIdOrderBySubmissionNumber(returnId);
        return made.isEmpty() ? null : made.get(made.size() - 1).id();
    }

    @io.micronaut.core.annotation.Introspected
    record AnsweredCount(long returnId, long answered) {
    }

    @io.micronaut.core.annotation.Introspected
    record SectionRow(long returnId, String sectionKey, String status, @Nullable Long assignedAccountId) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Counts extends GenericRepository<AuditReturn, Long> {
        @Query(value = "SELECT a.return_id AS return_id, COUNT(*) AS answered FROM return_answer a JOIN audit_return r ON r.id = a.return_id "
                + "WHERE r.cycle_id = :cycleId AND a.carried_forward = FALSE AND (a.rating IS NOT NULL OR a.answer_value IS NOT NULL) "
                + "GROUP BY a.return_id", readOnly = true)
        List<AnsweredCount> answeredByReturn(long cycleId);

        @Query(value = "SELECT s.return_id AS return_id, s.section_key AS section_key, s.status AS status, "
                + "s.assigned_account_id AS assigned_account_id FROM return_section s JOIN audit_return r ON r.id = s.return_id "
                + "WHERE r.cycle_id = :cycleId", readOnly = true)
        List<SectionRow> sectionsOfCycle(long cycleId);

        @Query(value = "SELECT a.return_id AS return_id, COUNT(*) AS answered FROM return_answer a "
                + "WHERE a.return_id = :returnId AND a.carried_forward = FALSE AND (a.rating IS NOT NULL OR a.answer_value IS NOT NULL) "
                + "GROUP BY a.return_id", readOnly = true)
        List<AnsweredCount> answeredOfReturn(long returnId);

        @Query(value = "SELECT s.return_id AS return_id, s.section_key AS section_key, s.status AS status, "
                + "s.assigned_account_id AS assigned_account_id FROM return_section s WHERE s.return_id = :returnId", readOnly = true)
        List<SectionRow> sectionsOfReturn(long returnId);
    }
}
