package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;
import org.assure.kernel.DateInput;
import org.assure.kernel.FieldLimits;
import org.assure.kernel.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One question's fields as typed (or as stored, to show): kept as strings so a refused form comes back
 * exactly as it was. {@code version} is the answer's version the page was shown with (-1: no answer yet).
 */
public record AnswerInput(String rating, List<String> values, String evidence, String reason, String day, String month, String year,
                          int version, boolean confirmed) {
    public static final int NEW = -1;

    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }

    public boolean has(String code) {
        return values.contains(code) || code.equals(rating);
    }

    AnswerInput withVersion(int v) {
        return new AnswerInput(rating, values, evidence, reason, day, month, year, v, confirmed);
    }

    /** The stored answer in the form's shape; an empty input when there is none. */
    static AnswerInput of(@Nullable ReturnAnswer a) {
        if (a == null) {
            return new AnswerInput("", List.of(), "", "", "", "", "", NEW, false);
        }
        String v = a.answerValue() == null ? "" : a.answerValue();
        DateInput date = v.matches("\\d{4}-\\d{2}-\\d{2}") ? DateInput.of(LocalDate.parse(v)) : new DateInput("", "", "");
        return new AnswerInput(a.rating() == null ? "" : a.rating(), v.isEmpty() ? List.of() : List.of(v.split(",")),
                Text.orEmpty(a.evidence()), Text.orEmpty(a.naReason()), date.day(), date.month(), date.year(), a.version(), false);
    }

    /** An answer as it would be stored, to compare with what is. */
    record Value(@Nullable String rating, @Nullable String value, @Nullable String evidence, @Nullable String reason) {
        boolean sameAs(@Nullable ReturnAnswer a) {
            if (a == null) {
                return rating == null && value == null && evidence == null && reason == null;
            }
            return Objects.equals(rating, a.rating()) && Objects.equals(value, a.answerValue())
                    && Objects.equals(evidence, Text.clean(a.evidence())) && Objects.equals(reason, Text.clean(a.naReason()));
        }
    }

    /** What parsing the input gave: the value to store, or the error to show on {@code field} (the value is then null). */
    record Parsed(@Nullable Value value, @Nullable String field, @Nullable String error) {
        boolean ok() {
            return error == null;
        }
    }

    /**
     * The input read by the question's type: a number must be a number, a date a real date. Evidence is kept
     * only for ratings, and a reason only for a not-applicable rating that asks for one.
     *
     * @param label how errors name the question ("question 3")
     */
    Parsed parse(BankModel.Question q, BankModel.Scale scale, String label) {
        SectionFields fields = SectionFields.of(q.key());
        String unknown = AllowedCodes.refusal(q, scale, this, label);
        if (unknown != null) {
            return new Parsed(null, fields.answer(), unknown);
        }
        Parsed tooLong = tooLong(q, fields, label);
        if (tooLong != null) {
            return tooLong;
        }
        String value = null;
        switch (q.type()) {
            case RATING -> { }
            case MULTIPLE_CHOICE -> value = values.isEmpty() ? null : String.join(",", values);
            case NUMBER -> {
                value = Text.clean(value());
                if (value != null && (value.length() > FieldLimits.NUMBER || !isNumber(value))) {
                    return new Parsed(null, fields.answer(), capitalised(label) + " must be a number, like 12 or 3.5");
                }
            }
            case DATE -> {
                DateInput input = new DateInput(day, month, year);
                DateInput.Reading date = input.read();
                if (!input.blank() && !date.ok()) {
                    return new Parsed(null, fields.day(), DateInput.message(date.problem(), label));
                }
                value = date.date() == null ? null : date.date().toString();
            }
            default -> value = Text.clean(value());
        }
        boolean rated = q.type() == BankModel.QuestionType.RATING;
        String chosen = rated ? Text.clean(rating) : null;
        boolean needsReason = chosen != null && scale.rating(chosen)
                .map(r -> r.notApplicable() && r.reason() != BankModel.Requirement.NONE).orElse(false);
        return new Parsed(new Value(chosen, value, rated ? Text.clean(evidence) : null, needsReason ? Text.clean(reason) : null), null, null);
    }

    /**
     * The first field typed longer than its limit ({@link FieldLimits}) as the error on it; null when none is.
     * Checked before anything else, so an over-long answer is neither parsed nor saved, and the rest of the
     * section still is.
     */
    private @Nullable Parsed tooLong(BankModel.Question q, SectionFields fields, String label) {
        return switch (q.type()) {
            case LONG_TEXT -> FieldLimits.over(value(), FieldLimits.LONG_TEXT)
                    ? refused(fields.answer(), "The answer to " + label, FieldLimits.LONG_TEXT) : null;
            case SHORT_TEXT -> FieldLimits.over(value(), FieldLimits.SHORT_TEXT)
                    ? refused(fields.answer(), "The answer to " + label, FieldLimits.SHORT_TEXT) : null;
            case RATING -> FieldLimits.over(evidence, FieldLimits.LONG_TEXT)
                    ? refused(fields.evidence(), "Evidence for " + label, FieldLimits.LONG_TEXT)
                    : FieldLimits.over(reason, FieldLimits.LONG_TEXT)
                    ? refused(fields.reason(), "The reason " + label + " does not apply", FieldLimits.LONG_TEXT) : null;
            default -> null;
        };
    }

    private static Parsed refused(String field, String what, int max) {
        return new Parsed(null, field, FieldLimits.message(what, max));
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.replace(",", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
