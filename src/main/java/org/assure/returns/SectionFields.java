package org.assure.returns;

/**
 * The names of one question's fields in the section form, its conflict page and a form kept across an
 * expired session: the only place that knows them. Templates read them from the question's view.
 */
public record SectionFields(String answer, String evidence, String reason, String day, String month, String year,
                            String version, String confirm, String choice) {
    /** The form's own fields, beside the questions'. */
    static final String COMPLETE = "complete";
    static final String ACTION = "action";

    public static SectionFields of(String questionKey) {
        return new SectionFields(questionKey, questionKey + "-evidence", questionKey + "-reason", questionKey + "-day",
                questionKey + "-month", questionKey + "-year", questionKey + "-version", questionKey + "-confirm", questionKey + "-choice");
    }

    /** The field an error about the whole question is shown against: the day box of a date, else the answer itself. */
    public String errorField(boolean date) {
        return date ? day : answer;
    }
}
