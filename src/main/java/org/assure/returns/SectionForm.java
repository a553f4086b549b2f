package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section form as posted, typed: for each question that was on the page the person saw (its version
 * field came back), what they typed; whether they ticked "Mark this section as complete"; and which
 * button they pressed. Questions not on their page are absent, so nothing is saved over them.
 */
public record SectionForm(Map<String, AnswerInput> answers, boolean complete, Next next) {
    /** Joins two or more ratings posted for one question (codes hold no commas), which no scale has, so it is refused. */
    static final String SEVERAL = ",";

    /** Where the person goes after saving. */
    public enum Next {
        /** "Save and continue": the next section they may open, or the task list. */
        CONTINUE,
        /** "Save and come back later": the task list. */
        LATER,
        /** Back to the same section (the conflict page's choices). */
        STAY
    }

    /** Reads a posted form against the section's questions. */
    public static SectionForm parse(Map<String, List<String>> posted, BankModel.Section section) {
        Map<String, AnswerInput> answers = new LinkedHashMap<>();
        for (BankModel.Question q : section.questions()) {
            SectionFields f = SectionFields.of(q.key());
            if (!posted.containsKey(f.version())) {
                continue;
            }
            boolean rated = q.type() == BankModel.QuestionType.RATING;
            // a field posted twice with the same value is one choice; different values are kept for AllowedCodes to refuse
            List<String> values = posted.getOrDefault(f.answer(), List.of()).stream()
                    .map(v -> v == null ? "" : v.strip()).filter(v -> !v.isEmpty()).distinct().toList();
            String rating = values.size() > 1 ? String.join(SEVERAL, values) : values.isEmpty() ? "" : values.get(0);
            answers.put(q.key(), new AnswerInput(rated ? rating : "", rated ? List.of() : values,
                    first(posted, f.evidence()), first(posted, f.reason()), first(posted, f.day()), first(posted, f.month()),
                    first(posted, f.year()), version(first(posted, f.version())), "true".equals(first(posted, f.confirm()))));
        }
        Next next = "later".equals(first(posted, SectionFields.ACTION)) ? Next.LATER : Next.CONTINUE;
        return new SectionForm(answers, "true".equals(first(posted, SectionFields.COMPLETE)), next);
    }

    /**
     * From the conflict page's choices, the fields of the answers the person chose to keep as theirs: those
     * are saved again over the version they have now seen; the others are left as the other person saved them.
     */
    public static Map<String, List<String>> chosenAsMine(Map<String, List<String>> posted, BankModel.Section section) {
        Map<String, List<String>> mine = new LinkedHashMap<>();
        for (BankModel.Question q : section.questions()) {
            SectionFields f = SectionFields.of(q.key());
            if (!posted.getOrDefault(f.choice(), List.of()).contains("mine")) {
                continue;
            }
            for (String name : List.of(f.answer(), f.evidence(), f.reason(), f.day(), f.month(), f.year(), f.version())) {
                if (posted.containsKey(name)) {
                    mine.put(name, posted.get(name));
                }
            }
            if (q.type() == BankModel.QuestionType.MULTIPLE_CHOICE && mine.containsKey(f.answer())) {
                // the conflict page carries the options as one comma-separated field (codes hold no commas)
                mine.put(f.answer(), mine.get(f.answer()).stream().flatMap(v -> List.of(v.split(",")).stream())
                        .filter(v -> !v.isBlank()).toList());
            }
        }
        return mine;
    }

    static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
    }

    private static int version(@Nullable String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return AnswerInput.NEW;
        }
    }
}
