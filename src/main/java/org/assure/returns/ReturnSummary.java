package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assure.kernel.Dates;

/**
 * A whole return in words, section by section: what check-your-answers, the printable view and a past
 * submission show. Only questions asked (conditions hold) are listed, as on the section pages.
 */
public final class ReturnSummary {
    private ReturnSummary() {
    }

    /** {@code questionKey} and {@code rating} (the self-rating's code, null for a question not rated) for the return report. */
    public record Line(int number, String question, boolean answered, String answer, String evidence, String reason,
                       boolean carriedForward, @Nullable String colour, String questionKey, @Nullable String rating) {
    }

    public record SectionSummary(BankModel.Section section, SectionStatus status, List<Line> lines) {
        public String key() {
            return section.key();
        }

        public boolean complete() {
            return status == SectionStatus.COMPLETED;
        }
    }

    static List<SectionSummary> of(ReturnContext ctx, Map<String, ReturnAnswer> stored, Map<String, SectionStatus> statuses) {
        List<SectionSummary> summaries = new ArrayList<>();
        for (BankModel.Section s : ctx.applicableSections()) {
            summaries.add(new SectionSummary(s, statuses.getOrDefault(s.key(), SectionStatus.NOT_STARTED), lines(s, stored, ctx.bank().scale())));
        }
        return summaries;
    }

    /** One section's questions asked, each with its answer in words: also a read-only section page. */
    static List<Line> lines(BankModel.Section s, Map<String, ReturnAnswer> stored, BankModel.Scale scale) {
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (BankModel.Question q : Conditions.asked(s, stored)) {
            n++;
            ReturnAnswer a = stored.get(q.key());
            String colour = a == null || a.rating() == null ? null : scale.rating(a.rating()).map(BankModel.Rating::colour).orElse(null);
            lines.add(new Line(n, q.text(), a != null && a.answered(), answerText(q, a, scale), a == null || a.evidence() == null ? "" : a.evidence(),
                    a == null || a.naReason() == null ? "" : a.naReason(), a != null && a.carriedForward(), colour, q.key(),
                    a == null ? null : a.rating()));
        }
        return lines;
    }

    /** The answer as a person reads it: the rating's label, Yes/No, the options' labels, a date in words. */
    static String answerText(BankModel.Question q, @Nullable ReturnAnswer a, BankModel.Scale scale) {
        return a == null ? "" : answerText(q, scale, a.rating(), a.answerValue());
    }

    /** As above, for an answer as it would be stored (the conflict page's "yours"). */
    static String answerText(BankModel.Question q, BankModel.Scale scale, @Nullable String rating, @Nullable String value) {
        if (rating != null) {
            return ratingText(scale, rating);
        }
        return value == null ? "" : valueText(q, value);
    }

    /** A rating's label and what it means ("Green — Fully met"); the code itself if the scale has no such rating. */
    public static String ratingText(BankModel.Scale scale, String code) {
        return scale.rating(code).map(r -> r.description() == null || r.description().isBlank() ? r.label()
                : r.label() + " — " + r.description()).orElse(code);
    }

    /** A stored value (not a rating) as a person reads it: Yes/No, the options' labels, a date in words. */
    static String valueText(BankModel.Question q, String v) {
        return switch (q.type()) {
            case YES_NO -> v.equals("YES") ? "Yes" : v.equals("NO") ? "No" : v;
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> String.join(", ", Arrays.stream(v.split(","))
                    .map(code -> q.options().stream().filter(o -> o.code().equals(code)).map(BankModel.Option::label).findFirst().orElse(code))
                    .toList());
            case DATE -> v.matches("\\d{4}-\\d{2}-\\d{2}") ? Dates.date(LocalDate.parse(v)) : v;
            default -> v;
        };
    }
}
