package org.assure.chasing;

import java.time.LocalDate;
import java.util.List;

/**
 * A port: the cycle's overdue actions by the escalation step they have reached, for the chasing page. The action plan
 * feature answers it, so chasing shows them without depending on that feature's insides.
 */
public interface OverdueActions {

    /** One step's count ("Step 2 – chair of governors or board member: 3 actions") and the organisations they belong to. */
    record Step(int step, String label, int actions, List<Plan> organisations) {
        public Step {
            organisations = List.copyOf(organisations);
        }
    }

    /** An organisation with overdue actions at that step, and where its action plan is. */
    record Plan(String name, String planPath) {
    }

    List<Step> ofCycle(long partnershipId, long cycleId, LocalDate today);
}
