package org.assure.chasing;

import java.time.LocalDate;
import java.util.List;

/**
 * One rung of an escalation ladder: so many days after the deadline (or after the step before), to these
 * people, in these words. {@code addsToPanelList}: the organisation is put on the assurance panel's list;
 * {@code formalRequest}: the email is a formal request for the information under section 14B of the
 * Children Act 2004.
 */
public record LadderStep(int position, int days, CountedFrom countedFrom, List<LadderRecipient> recipients, String subject,
                         String body, boolean addsToPanelList, boolean formalRequest) {

    public enum CountedFrom {
        DEADLINE("after the deadline"), PREVIOUS("after the step before");

        private final String words;

        CountedFrom(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The day each step of a ladder falls due for a return whose deadline is {@code deadline}. */
    static List<LocalDate> dueDates(List<LadderStep> ladder, LocalDate deadline) {
        List<LocalDate> dates = new java.util.ArrayList<>();
        LocalDate previous = deadline;
        for (LadderStep step : ladder) {
            LocalDate due = (step.countedFrom() == CountedFrom.DEADLINE ? deadline : previous).plusDays(step.days());
            dates.add(due);
            previous = due;
        }
        return dates;
    }
}
