package org.assure.returns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel;
import org.assure.organisations.Organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The share of a return's questions that are answered: of the questions in the sections that apply to
 * the organisation, those visible given the answers so far (conditions count only once they apply).
 */
@Singleton
class AnsweredShare {
    private final ReturnRepositories.Answers answers;

    AnsweredShare(ReturnRepositories.Answers answers) {
        this.answers = answers;
    }

    /** Return id to the percentage of its asked questions that have an answer someone has given or confirmed. */
    @Transactional
    Map<Long, Integer> percentAnswered(List<AuditReturn> returns, BankModel.Version bank, Function<Long, Organisation> organisationOf) {
        Map<Long, Integer> shares = new HashMap<>();
        if (returns.isEmpty()) {
            return shares;
        }
        Map<Long, List<ReturnAnswer>> byReturn = answers.findByReturnIdIn(returns.stream().map(AuditReturn::id).toList()).stream()
                .collect(Collectors.groupingBy(ReturnAnswer::returnId));
        for (AuditReturn r : returns) {
            Map<String, ReturnAnswer> stored = new HashMap<>();
            byReturn.getOrDefault(r.id(), List.of()).forEach(a -> stored.put(a.questionKey(), a));
            int visible = 0;
            int answered = 0;
            for (BankModel.Section section : bank.askedOf(organisationOf.apply(r.organisationId())).sections()) {
                for (BankModel.Question q : Conditions.asked(section, stored)) {
                    visible++;
                    ReturnAnswer a = stored.get(q.key());
                    // a carried-forward answer counts once someone has confirmed it
                    answered += a != null && !a.carriedForward() && a.answered() ? 1 : 0;
                }
            }
            shares.put(r.id(), visible == 0 ? 0 : Math.round(100f * answered / visible));
        }
        return shares;
    }
}
