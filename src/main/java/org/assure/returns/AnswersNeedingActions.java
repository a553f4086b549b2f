package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which answers of a return need an action: those asked now (conditions hold) whose rating the bank's scale says needs
 * one (BankModel.Rating.action, e.g. Amber and Red). The check page, the section page and the action plan read it here.
 */
@Singleton
public class AnswersNeedingActions {
    private final ReturnRepositories.Answers answers;

    AnswersNeedingActions(ReturnRepositories.Answers answers) {
        this.answers = answers;
    }

    /** One answer needing an action, with where it is in the return and its rating in words. */
    public record Needing(String sectionKey, String sectionTitle, int number, String questionKey, String question, String ratingCode,
                          String rating, @Nullable String colour) {
    }

    /** The answers of the return as it stands needing an action, in the order of the return. */
    public List<Needing> of(ReturnContext ctx) {
        Map<String, ReturnAnswer> stored = new HashMap<>();
        answers.findByReturnId(ctx.ret().id()).forEach(a -> stored.put(a.questionKey(), a));
        return of(ctx, stored);
    }

    static List<Needing> of(ReturnContext ctx, Map<String, ReturnAnswer> stored) {
        BankModel.Scale scale = ctx.bank().scale();
        List<Needing> needing = new ArrayList<>();
        for (BankModel.Section s : ctx.applicableSections()) {
            int n = 0;
            for (BankModel.Question q : Conditions.asked(s, stored)) {
                n++;
                ReturnAnswer a = stored.get(q.key());
                if (a == null || a.rating() == null) {
                    continue;
                }
                var rating = scale.rating(a.rating());
                if (rating.isPresent() && rating.get().action()) {
                    needing.add(new Needing(s.key(), s.title(), n, q.key(), q.text(), a.rating(), rating.get().label(), rating.get().colour()));
                }
            }
        }
        return needing;
    }

    /** Those still without an action, given the action plan's counts by question. */
    public static List<Needing> missing(List<Needing> needing, Map<String, Integer> actionsByQuestion) {
        return needing.stream().filter(n -> actionsByQuestion.getOrDefault(n.questionKey(), 0) == 0).toList();
    }
}
