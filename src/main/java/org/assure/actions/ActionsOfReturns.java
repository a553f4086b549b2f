package org.assure.actions;

import jakarta.inject.Singleton;
import org.assure.returns.ReturnActions;

import java.util.Map;

/** The actions feature's side of the returns' port: how many live actions each answer of a return has. */
@Singleton
class ActionsOfReturns implements ReturnActions {
    private final ActionPlans plans;

    ActionsOfReturns(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public Map<String, Integer> actionsByQuestion(long returnId) {
        return plans.actionsByQuestion(returnId);
    }
}
