package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;
import org.assure.organisations.Organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which sections and questions a return asks: the bank's applies-to and show-when, read one way everywhere. */
final class Conditions {
    private Conditions() {
    }

    /** Whether a section is for this organisation: no applies-to means every organisation of the bank's audience. */
    static boolean applies(@Nullable BankModel.Audience appliesTo, Organisation organisation) {
        return appliesTo == null || appliesTo.includes(organisation);
    }

    /** A conditional question is asked only when the saved answer to its earlier question is one of the listed values. */
    static boolean asked(BankModel.Question q, Map<String, ReturnAnswer> stored) {
        if (q.showWhen() == null) {
            return true;
        }
        ReturnAnswer a = stored.get(q.showWhen().question());
        if (a == null) {
            return false;
        }
        List<String> codes = new ArrayList<>();
        if (a.rating() != null) {
            codes.add(a.rating());
        }
        if (a.answerValue() != null) {
            codes.addAll(List.of(a.answerValue().split(",")));
        }
        return codes.stream().anyMatch(q.showWhen().equals()::contains);
    }

    /** The section's questions asked now, in order. */
    static List<BankModel.Question> asked(BankModel.Section section, Map<String, ReturnAnswer> stored) {
        return section.questions().stream().filter(q -> asked(q, stored)).toList();
    }
}
