package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;
import org.assure.kernel.Text;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether what was posted for a question with set answers (a rating, yes or no, one option, several options)
 * is one of those answers. Radios and checkboxes only offer the bank's codes, so anything else — a made-up
 * rating, an overlong value, two ratings for one question — was not typed on the page: it is refused on the
 * question's field and nothing is stored for it. Kept apart from the length checks of free text.
 */
final class AllowedCodes {
    static final Set<String> YES_NO = Set.of("YES", "NO");

    private AllowedCodes() {
    }

    /**
     * The error to show for this input, or null when every chosen code is allowed (choosing nothing is allowed
     * here: whether an answer is required is {@link CompletionRules}' question).
     *
     * @param label how the error names the question ("question 3")
     */
    static @Nullable String refusal(BankModel.Question q, BankModel.Scale scale, AnswerInput input, String label) {
        return switch (q.type()) {
            case RATING -> {
                String rating = Text.clean(input.rating());
                if (rating == null) {
                    yield null;
                }
                if (rating.contains(SectionForm.SEVERAL)) {
                    yield "Select only one rating for " + label;
                }
                if (scale.rating(rating).map(BankModel.Rating::notApplicable).orElse(false) && !q.notApplicableAllowed()) {
                    yield "Not applicable is not an answer to " + label + ": it is a requirement for everyone asked it. Select a rating";
                }
                yield q.ratings(scale).stream().anyMatch(r -> r.code().equals(rating)) ? null : "Select one of the ratings shown for " + label;
            }
            case YES_NO -> single(input.values(), YES_NO, "Select yes or no for " + label, "Select only one answer for " + label);
            case SINGLE_CHOICE -> single(input.values(), codes(q), "Select one of the options shown for " + label,
                    "Select only one option for " + label);
            case MULTIPLE_CHOICE -> codes(q).containsAll(input.values()) ? null : "Select only the options shown for " + label;
            default -> null;
        };
    }

    private static @Nullable String single(List<String> values, Set<String> allowed, String unknown, String several) {
        if (values.stream().distinct().count() > 1) {
            return several;
        }
        return allowed.containsAll(values) ? null : unknown;
    }

    private static Set<String> codes(BankModel.Question q) {
        return q.options().stream().map(BankModel.Option::code).collect(Collectors.toSet());
    }
}
