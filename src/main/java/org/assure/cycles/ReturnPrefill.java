package org.assure.cycles;

/**
 * Fills a new return with what the organisation answered before (carry forward). The returns feature
 * owns answers and implements this, so cycles need not depend on it; called in the transaction that
 * creates the return.
 */
public interface ReturnPrefill {
    void prefill(AuditCycle cycle, AuditReturn created);
}
