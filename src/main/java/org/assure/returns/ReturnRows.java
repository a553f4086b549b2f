package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The return's own row: created, locked and moved through {@link ReturnLifecycle} only here, so every
 * change of status is checked against the lifecycle and audited the same way.
 */
@Singleton
class ReturnRows {
    private final ReturnRepositories.Returns returns;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnRows(ReturnRepositories.Returns returns, AuditTrail audit, Clock clock) {
        this.returns = returns;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    AuditReturn create(CycleTerms cycle, long organisationId) {
        return returns.save(new AuditReturn(null, cycle.partnershipId(), cycle.id(), organisationId, ReturnStatus.NOT_STARTED,
                clock.instant(), null, null, 0));
    }

    Optional<AuditReturn> find(long id) {
        return returns.findById(id);
    }

    /**
     * Locks a return's row until the transaction ends, so changes to one return (a lead and a contributor saving
     * different sections, a submission, an assignment) run one after the other. Without it both read the return's
     * version, and the second's update failed its version check (a 500) or the two deadlocked on the row. Call it
     * before the transaction's first read, so that what the change reads includes the change that went before.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void lock(long returnId) {
        returns.lockById(returnId);
    }

    /**
     * Moves the return as the lifecycle says, as it was when the person's page was checked: if anyone changed
     * the row since (its version moved), nothing is changed and the person is told to look again.
     *
     * @param who the account that caused the event, for the audit trail
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    AuditReturn move(AuditReturn seen, ReturnLifecycle.Event event, @Nullable Long who) {
        ReturnStatus next = ReturnLifecycle.next(seen.status(), event).orElseThrow(() -> ReturnService.refused(seen.id(),
                "This return is " + seen.status().label().toLowerCase() + ", so that cannot be done now."));
        Instant now = clock.instant();
        AuditReturn moved;
        try {
            moved = returns.update(seen.moved(next, now, event != ReturnLifecycle.Event.RETURNED_FOR_CHANGES));
        } catch (OptimisticLockException e) {
            throw ReturnService.refused(seen.id(), ReturnService.SAME_MOMENT);
        }
        if (next != seen.status()) {
            audit.record(seen.partnershipId(), who, ReturnAudit.STATUS, seen.id(), AuditFields.status(seen.status()), AuditFields.status(next));
        }
        return moved;
    }

    List<AuditReturn> ofCycle(long cycleId) {
        return returns.findByCycleIdOrderById(cycleId);
    }

    List<AuditReturn> ofPartnership(long partnershipId) {
        return returns.findByPartnershipId(partnershipId);
    }

    List<AuditReturn> ofOrganisations(Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? List.of() : returns.findByOrganisationIdInOrderById(organisationIds);
    }

    Optional<AuditReturn> of(long cycleId, long organisationId) {
        return returns.findByCycleIdAndOrganisationId(cycleId, organisationId);
    }
}
