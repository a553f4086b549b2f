package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.organisations.Organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The port the cycles feature uses: opening a return for an organisation in a cycle (with what it answered
 * last time carried forward), and each cycle's returns as its progress page shows them. Access is the
 * caller's: cycles are administered by partnership admins.
 */
@Singleton
public class CycleReturns {
    private final ReturnRows rows;
    private final CarryForward carryForward;
    private final AnsweredShare answered;
    private final ReturnRepositories.Submissions submissions;
    private final QuestionBanks banks;
    private final ReturnDeadlines deadlines;
    private final AuditTrail audit;

    CycleReturns(ReturnRows rows, CarryForward carryForward, AnsweredShare answered, ReturnRepositories.Submissions submissions,
                 QuestionBanks banks, AuditTrail audit, ReturnDeadlines deadlines) {
        this.deadlines = deadlines;
        this.audit = audit;
        this.rows = rows;
        this.carryForward = carryForward;
        this.answered = answered;
        this.submissions = submissions;
        this.banks = banks;
    }

    /** Creates the organisation's return in the cycle, in the caller's transaction, and carries its last submission forward. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long open(CycleTerms cycle, long organisationId) {
        AuditReturn created = rows.create(cycle, organisationId);
        carryForward.prefill(cycle, created);
        return created.id();
    }

    @Transactional
    public Optional<Long> returnOf(long cycleId, long organisationId) {
        return rows.of(cycleId, organisationId).map(AuditReturn::id);
    }

    /** The organisations that have a return in the cycle. */
    @Transactional
    public List<Long> organisationIds(long cycleId) {
        return rows.ofCycle(cycleId).stream().map(AuditReturn::organisationId).toList();
    }

    /**
     * Whether anything happened to any of the cycle's returns after the moment (an answer, a status, a submission,
     * an assignment, a return for changes): everything a return does is in the audit trail, so this asks it.
     */
    @Transactional
    public boolean changedSince(long partnershipId, long cycleId, Instant moment) {
        return audit.anyAfter(partnershipId, ReturnAudit.KIND, rows.ofCycle(cycleId).stream().map(AuditReturn::id).toList(), moment);
    }

    /** How many returns each cycle of the partnership has, and how many of them are submitted. */
    public record Counts(long returns, long submitted) {
    }

    @Transactional
    public Map<Long, Counts> countsByCycle(long partnershipId) {
        return rows.ofPartnership(partnershipId).stream().collect(Collectors.groupingBy(AuditReturn::cycleId,
                Collectors.collectingAndThen(Collectors.toList(), rs -> new Counts(rs.size(),
                        rs.stream().filter(r -> r.status() == ReturnStatus.SUBMITTED).count()))));
    }

    /** One return on a cycle's progress page. */
    public record Progress(long returnId, long organisationId, ReturnStatus status, int percentAnswered,
                           @Nullable Instant lastActivityAt, @Nullable Instant submittedAt, boolean late, @Nullable String note) {
    }

    /** Every return of the cycle; {@code organisationOf} gives each return's organisation (its sections depend on it). */
    @Transactional
    public List<Progress> progress(CycleTerms cycle, Function<Long, Organisation> organisationOf, LocalDate today) {
        List<AuditReturn> returns = rows.ofCycle(cycle.id());
        if (returns.isEmpty()) {
            return List.of();
        }
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion());
        Map<Long, Integer> shares = answered.percentAnswered(returns, bank, organisationOf);
        Map<Long, Instant> firstSubmitted = new HashMap<>();
        submissions.findByReturnIdInAndSubmissionNumber(returns.stream().map(AuditReturn::id).toList(), 1)
                .forEach(s -> firstSubmitted.put(s.returnId(), s.submittedAt()));
        Map<Long, ReturnDeadlines.Own> own = deadlines.of(cycle, returns.stream().map(AuditReturn::id).toList());
        return returns.stream().map(r -> {
            ReturnDeadlines.Own terms = own.get(r.id());
            return new Progress(r.id(), r.organisationId(), r.status(), shares.getOrDefault(r.id(), 0), r.lastActivityAt(), r.submittedAt(),
                    Timeliness.late(terms == null ? cycle.deadline() : terms.deadline(), today, firstSubmitted.get(r.id())),
                    terms == null ? null : terms.note());
        }).toList();
    }
}
