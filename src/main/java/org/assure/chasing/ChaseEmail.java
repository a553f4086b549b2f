package org.assure.chasing;

import org.assure.notify.Message;

import java.util.List;

/**
 * A reminder before the deadline or a ladder step after it, for one organisation's return. {@code words} are
 * the step's own words as the partnership set them (or the reminder's standard ones); the rest says what is
 * outstanding and by when. {@code when} is already in words ("in 7 days, on 9 March 2027", "9 days ago, on …").
 */
public record ChaseEmail(String partnershipName, String organisationName, String cycleName, String subjectLine, String words,
                         boolean reminder, boolean formalRequest, String deadline, String when, int percentAnswered,
                         List<String> sectionsToDo, String returnPath) implements Message {
    public ChaseEmail {
        sectionsToDo = List.copyOf(sectionsToDo);
    }

    @Override
    public String template() {
        return "chase";
    }
}
