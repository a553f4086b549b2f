package org.assure.returns;

import org.assure.banks.BankModel;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a section may be marked complete: every question it asks now has what the bank requires. Pure, so each
 * rule is tested without an application: a required question is answered; an answer carried forward from the
 * last submission has been checked (confirmed or changed); a rating that needs evidence has it; a not-applicable
 * rating that needs a reason has one. Questions whose input did not parse already carry that error.
 */
final class CompletionRules {
    private CompletionRules() {
    }

    /**
     * The errors that stop the section being complete, in page order, each on the field to fix.
     *
     * @param stored   the section's answers as saved, after this save
     * @param unparsed questions whose typed input was refused (a number that is not one): their error is shown instead
     */
    static FormErrors check(BankModel.Section section, BankModel.Scale scale, Map<String, ReturnAnswer> stored, Set<String> unparsed) {
        FormErrors errors = FormErrors.none();
        int number = 0;
        for (BankModel.Question q : Conditions.asked(section, stored)) {
            number++;
            if (unparsed.contains(q.key())) {
                continue;
            }
            SectionFields f = SectionFields.of(q.key());
            ReturnAnswer a = stored.get(q.key());
            if (q.required() && (a == null || !a.answered())) {
                errors.add(f.errorField(q.type() == BankModel.QuestionType.DATE),
                        (q.type() == BankModel.QuestionType.RATING ? "Select a rating for question " : "Answer question ") + number);
            } else if (a != null && a.carriedForward()) {
                errors.add(f.confirm(), "Check the answer carried forward to question " + number + ", then confirm it or change it");
            } else if (a != null && a.rating() != null) {
                BankModel.Rating r = scale.rating(a.rating()).orElse(null);
                if (r != null && r.evidence() == BankModel.Requirement.REQUIRED && Text.blank(a.evidence())) {
                    errors.add(f.evidence(), "Give evidence for question " + number + " (rated " + r.label() + ")");
                }
                if (r != null && r.notApplicable() && r.reason() == BankModel.Requirement.REQUIRED && Text.blank(a.naReason())) {
                    errors.add(f.reason(), "Say why question " + number + " does not apply");
                }
            }
        }
        return errors;
    }

    /** The section page's fields in the order they appear, for an error summary in page order. */
    static List<String> fieldOrder(BankModel.Section section) {
        List<String> order = new ArrayList<>();
        for (BankModel.Question q : section.questions()) {
            SectionFields f = SectionFields.of(q.key());
            order.addAll(List.of(f.answer(), f.day(), f.evidence(), f.reason(), f.confirm()));
        }
        return order;
    }
}
