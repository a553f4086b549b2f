package org.assure.returns;

import java.util.Map;

/**
 * The port through which returns learns what the action plan holds, without depending on the actions feature (which
 * implements it): how many live actions (not withdrawn) each question of a return has.
 */
public interface ReturnActions {
    /** Question key → number of live actions written for it on this return; questions without any are absent. */
    Map<String, Integer> actionsByQuestion(long returnId);
}
