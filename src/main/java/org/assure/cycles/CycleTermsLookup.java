package org.assure.cycles;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;

/** The cycles feature's side of the returns feature's port: a cycle's terms, as a return needs them. */
@Singleton
class CycleTermsLookup implements CycleLookup {
    private final CycleRepositories.Cycles cycles;

    CycleTermsLookup(CycleRepositories.Cycles cycles) {
        this.cycles = cycles;
    }

    @Override
    @Transactional
    public CycleTerms terms(long cycleId) {
        return terms(cycles.findById(cycleId).orElseThrow(() -> new IllegalStateException("No cycle " + cycleId)));
    }

    @Override
    @Transactional
    public java.util.Optional<CycleTerms> find(long partnershipId, long cycleId) {
        return cycles.findByIdAndPartnershipId(cycleId, partnershipId).map(CycleTermsLookup::terms);
    }

    @Override
    @Transactional
    public java.util.List<CycleTerms> open() {
        return cycles.findByStatus(CycleStatus.OPEN).stream().map(CycleTermsLookup::terms).toList();
    }

    @Override
    @Transactional
    public java.util.List<CycleTerms> opened(long partnershipId) {
        return cycles.findByPartnershipIdOrderByIdDesc(partnershipId).stream().filter(c -> c.status() != CycleStatus.DRAFT)
                .map(CycleTermsLookup::terms).toList();
    }

    static CycleTerms terms(AuditCycle c) {
        return new CycleTerms(c.id(), c.partnershipId(), c.name(), c.bankKey(), c.bankVersion(), c.opensOn(), c.deadline(),
                c.finalDeadline(), c.isOpen(), c.status().label());
    }
}
