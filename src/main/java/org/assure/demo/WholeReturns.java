package org.assure.demo;

import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.actions.ActionPlans;
import org.assure.banks.BankModel;
import org.assure.kernel.DateInput;
import org.assure.kernel.FormErrors;
import org.assure.returns.AnswerInput;
import org.assure.returns.ReturnService;
import org.assure.returns.SectionForm;
import org.assure.returns.SectionPages;
import org.assure.returns.SectionSaving;
import org.assure.returns.Submissions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A return answered and submitted the way a lead would, through the services the pages use: the demo data's returns,
 * and tests that need a submitted return without posting every section (panels, chasing).
 */
@Singleton
public class WholeReturns {
    private final ReturnService returns;
    private final SectionPages pages;
    private final SectionSaving saving;
    private final Submissions submissions;
    private final ActionPlans actions;

    WholeReturns(ReturnService returns, SectionPages pages, SectionSaving saving, Submissions submissions, ActionPlans actions) {
        this.actions = actions;
        this.returns = returns;
        this.pages = pages;
        this.saving = saving;
        this.submissions = submissions;
    }

    /**
     * Completes every section (conditional questions appear after a save, hence the second round), then submits with a
     * declaration. {@code redEvery}: rate about one question in this many Red (0: none), the rest mostly Green, some Amber.
     */
    public void submit(CurrentUser lead, long returnId, String name, String role, int redEvery) {
        complete(lead, returnId, redEvery, Map.of());
        LocalDate today = returns.today();
        writeActions(lead, returnId, today);
        var done = submissions.submit(lead, returnId, new Submissions.DeclarationForm(name, role, "true"), FormErrors.none());
        if (!done.isValid()) {
            throw new IllegalStateException("Return " + returnId + " could not be submitted");
        }
    }

    /**
     * Completes every section without submitting (conditional questions appear after a save, hence the second round):
     * typical answers as {@link #submit} gives them, with the ratings in {@code ratings} (question key → rating code) instead.
     */
    public void complete(CurrentUser lead, long returnId, int redEvery, Map<String, String> ratings) {
        var ctx = returns.load(lead, returnId);
        LocalDate today = returns.today();
        for (var section : ctx.applicableSections()) {
            for (int round = 0; round < 2; round++) {
                Map<String, AnswerInput> answers = new HashMap<>();
                for (var view : pages.section(lead, returnId, section.key()).questions()) {
                    AnswerInput typical = typicalAnswer(view.question(), view.entry().version(),
                            "Policy reviewed this year; audit of records and staff survey results.", redEvery, today);
                    String rating = ratings.get(view.question().key());
                    answers.put(view.question().key(), rating == null ? typical : answer(rating, List.of(), typical.evidence(), DateInput.of(null),
                            view.entry().version()));
                }
                if (saving.save(lead, returnId, section.key(), new SectionForm(answers, true, SectionForm.Next.LATER)).errors().isEmpty()) {
                    break;
                }
            }
        }
    }

    /** An action for every answer that needs one and has none, as the check page lists them: a return cannot be submitted without. */
    public void writeActions(CurrentUser lead, long returnId, LocalDate today) {
        LocalDate due = today.plusMonths(3);
        for (var missing : submissions.check(lead, returnId).missingActions()) {
            var written = actions.addForQuestion(lead, returnId, new ActionPlans.ActionForm(missing.questionKey(),
                    "Review and strengthen our practice on: " + missing.question(), lead.name(), "Safeguarding lead", lead.email(),
                    String.valueOf(due.getDayOfMonth()), String.valueOf(due.getMonthValue()), String.valueOf(due.getYear()),
                    "A re-audit next term finds the expectation fully met", null));
            if (!written.isValid()) {
                throw new IllegalStateException("Could not write an action for " + missing.questionKey() + ": " + written.errors().getAll());
            }
        }
    }

    /** What a lead would typically answer to this question: mostly Green, some Amber, yes, the first option, a recent date. */
    static AnswerInput typicalAnswer(BankModel.Question q, int version, String evidence, int redEvery, LocalDate today) {
        String k = q.key();
        return switch (q.type()) {
            case RATING -> answer(redEvery > 0 && Math.abs(k.hashCode()) % redEvery == 0 ? "RED"
                    : Math.abs(k.hashCode()) % 5 == 0 ? "AMBER" : "GREEN", List.of(), evidence, DateInput.of(null), version);
            case YES_NO -> answer("", List.of("YES"), "", DateInput.of(null), version);
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> answer("", List.of(q.options().get(0).code()), "", DateInput.of(null), version);
            case NUMBER -> answer("", List.of("2"), "", DateInput.of(null), version);
            case DATE -> answer("", List.of(), "", DateInput.of(today.minusMonths(2)), version);
            case SHORT_TEXT -> answer("", List.of("Jo Whitaker"), "", DateInput.of(null), version);
            default -> answer("", List.of("Staff survey and audit of records this term; see our safeguarding report to governors."), "",
                    DateInput.of(null), version);
        };
    }

    /** An answer as the lead would type it, confirming anything carried forward. */
    static AnswerInput answer(String rating, List<String> values, String evidence, DateInput date, int version) {
        return new AnswerInput(rating, values, evidence, "", date.day(), date.month(), date.year(), version, true);
    }
}
