package org.assure.cycles;

import org.assure.banks.BankModel;
import org.assure.organisations.Organisation;

import java.util.List;
import java.util.Map;

/**
 * How much of each return is answered, for the progress page. The returns feature owns answers and
 * implements this, so cycles need not depend on it.
 */
public interface AnswerProgress {
    /** Return id to the percentage of its visible questions that have an answer. */
    Map<Long, Integer> percentAnswered(List<AuditReturn> returns, BankModel.Version bank, Map<Long, Organisation> organisations);
}
