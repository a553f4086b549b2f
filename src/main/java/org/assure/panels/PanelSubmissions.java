package org.assure.panels;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.assure.returns.ReturnSubmitted;

/**
 * When a return before a panel is submitted: a case waiting for its first submission now judges it. A case already
 * judging an earlier submission keeps it (the marks were made against it); its letter, if approved, then needs
 * approving again ({@link OutcomeLetters#resubmitted}).
 */
@Singleton
class PanelSubmissions {
    private final PanelRepositories.Cases cases;
    private final OutcomeLetters letters;

    PanelSubmissions(PanelRepositories.Cases cases, OutcomeLetters letters) {
        this.cases = cases;
        this.letters = letters;
    }

    @EventListener
    void onSubmitted(ReturnSubmitted e) {
        for (PanelRepositories.Case c : cases.findByPartnershipIdAndReturnId(e.partnershipId(), e.returnId())) {
            if (c.submissionId() == null) {
                cases.update(c.judging(e.submissionId()));
            }
        }
        letters.resubmitted(e.partnershipId(), e.returnId(), e.submissionId());
    }
}
