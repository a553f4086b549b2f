package org.assure.actions;

import jakarta.inject.Singleton;
import org.assure.kernel.Dates;
import org.assure.returns.EarlierActions;
import org.assure.returns.ReturnActions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The actions feature's side of the returns' ports: how many live actions each answer of a return has, and the
 * organisation's actions still open from earlier cycles of a bank (carried into its next return, ADR 0039).
 */
@Singleton
class ActionsOfReturns implements ReturnActions, EarlierActions {
    private final ActionPlans plans;
    private final ActionRepositories.Items items;
    private final Clock clock;

    ActionsOfReturns(ActionPlans plans, ActionRepositories.Items items, Clock clock) {
        this.plans = plans;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public Map<String, Integer> actionsByQuestion(long returnId) {
        return plans.actionsByQuestion(returnId);
    }

    @Override
    public List<Open> openOn(long partnershipId, long organisationId, String bankKey, long exceptCycleId) {
        LocalDate today = Dates.today(clock);
        // a proposal not yet accepted is the panel's suggestion, not yet a promise: it carries once accepted
        return items.findByPartnershipIdAndOrganisationIdAndBankKeyOrderById(partnershipId, organisationId, bankKey).stream()
                .filter(i -> !i.status().closed() && i.status() != ActionStatus.PROPOSED && i.cycleId() != null && !Objects.equals(i.cycleId(), exceptCycleId)
                        && i.bankVersion() != null)
                .map(i -> new Open(i.id(), i.what(), i.dueOn(), i.status().label(), i.status().colour(), i.status().overdue(i.dueOn(), today), i.cycleId(),
                        i.bankVersion(), i.sectionKey(), i.questionKey()))
                .toList();
    }
}
