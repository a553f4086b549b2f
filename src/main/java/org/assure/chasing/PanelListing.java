package org.assure.chasing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The cycle's list for its assurance panel: an organisation is on it once per reason. */
@Singleton
class PanelListing {
    static final String NON_COMPLETION = "NON_COMPLETION";
    static final String NON_COMPLIANCE = "NON_COMPLIANCE";

    private final ChasingRepositories.PanelList list;
    private final Clock clock;

    PanelListing(ChasingRepositories.PanelList list, Clock clock) {
        this.list = list;
        this.clock = clock;
    }

    @Transactional
    void add(long partnershipId, long cycleId, long organisationId, long returnId, String reason, String detail) {
        if (list.findByCycleIdAndOrganisationIdAndReason(cycleId, organisationId, reason).isEmpty()) {
            list.save(new ChasingRepositories.PanelListEntry(null, partnershipId, cycleId, organisationId, returnId, reason,
                    detail.length() > 500 ? detail.substring(0, 500) : detail, clock.instant()));
        }
    }
}
