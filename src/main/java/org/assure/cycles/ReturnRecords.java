package org.assure.cycles;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the returns feature may read and change of the cycles feature's rows, without access checks:
 * org.assure.returns.ReturnService checks who may see a return before calling these.
 */
@Singleton
public class ReturnRecords {
    private final CycleRepositories.Cycles cycles;
    private final CycleRepositories.Returns returns;

    ReturnRecords(CycleRepositories.Cycles cycles, CycleRepositories.Returns returns) {
        this.cycles = cycles;
        this.returns = returns;
    }

    @Transactional
    public Optional<AuditReturn> findReturn(long id) {
        return returns.findById(id);
    }

    @Transactional
    public AuditCycle cycleOf(AuditReturn r) {
        return cycles.findById(r.cycleId()).orElseThrow();
    }

    @Transactional
    public List<AuditReturn> returnsOf(Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? List.of() : returns.findByOrganisationIdInOrderById(organisationIds);
    }

    /**
     * Locks a return's row until the transaction ends, so saves of one return (a lead and a contributor on
     * different sections) run one after the other. Without it both read the return's version, and the second's
     * update of the return failed its version check (a 500) or the two deadlocked on the row. Call it before the
     * transaction's first read, so that what the save reads includes the save that went before.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lockForSave(long returnId) {
        returns.lockById(returnId);
    }

    /** Records activity on a return, moving it to the given status. */
    @Transactional
    public AuditReturn touch(AuditReturn r, ReturnStatus status, Instant now) {
        AuditReturn current = returns.findById(r.id()).orElseThrow();
        return returns.update(new AuditReturn(current.id(), current.partnershipId(), current.cycleId(), current.organisationId(),
                status, current.createdAt(), now, current.submittedAt(), current.version()));
    }

    /**
     * Submits the return as it was when the lead's page was checked: if anyone saved since (its version
     * moved), Micronaut Data refuses the update with an OptimisticLockException and nothing is submitted.
     */
    @Transactional
    public AuditReturn markSubmitted(AuditReturn seen, Instant now) {
        return returns.update(new AuditReturn(seen.id(), seen.partnershipId(), seen.cycleId(), seen.organisationId(),
                ReturnStatus.SUBMITTED, seen.createdAt(), now, now, seen.version()));
    }

    /** Sets a return's status directly (returned for changes; tests). */
    @Transactional
    public AuditReturn setStatus(long returnId, ReturnStatus status, Instant now) {
        AuditReturn current = returns.findById(returnId).orElseThrow();
        return returns.update(new AuditReturn(current.id(), current.partnershipId(), current.cycleId(), current.organisationId(),
                status, current.createdAt(), current.lastActivityAt(), status == ReturnStatus.SUBMITTED ? now : current.submittedAt(),
                current.version()));
    }
}
