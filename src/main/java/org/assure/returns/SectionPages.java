package org.assure.returns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.accounts.AccountService;
import org.assure.banks.BankModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the task list and a section page show: the sections a person may open, and a section's questions with their answers. */
@Singleton
public class SectionPages {
    private final ReturnService returns;
    private final ReturnRepositories.Answers answers;
    private final ReturnRepositories.Sections sections;
    private final AccountService accounts;
    private final ReturnActions actions;

    SectionPages(ReturnService returns, ReturnRepositories.Answers answers, ReturnRepositories.Sections sections, AccountService accounts,
                 ReturnActions actions) {
        this.actions = actions;
        this.returns = returns;
        this.answers = answers;
        this.sections = sections;
        this.accounts = accounts;
    }

    // ---- task list ----

    /** {@code needingActions}: the section's answers rated as needing an action; {@code missingActions}: those without one yet. */
    public record TaskRow(String key, String title, SectionStatus status, String assignedTo, long carriedForward, long needingActions,
                          long missingActions) {
    }

    /** The sections this person may open (contributors: their assigned ones), with who each is assigned to. */
    public record TaskList(ReturnContext context, List<TaskRow> rows, long completed, int applicable) {
        public int total() {
            return rows.size();
        }

        public boolean allComplete() {
            return completed == applicable;
        }
    }

    @Transactional
    public TaskList taskList(CurrentUser user, long returnId) {
        ReturnContext ctx = returns.load(user, returnId);
        Map<String, ReturnSection> stored = new HashMap<>();
        sections.findByReturnId(returnId).forEach(s -> stored.put(s.sectionKey(), s));
        Map<String, Long> carried = new HashMap<>();
        Map<String, BankModel.Section> sectionOf = ctx.bank().sectionOfQuestion();
        answers.findByReturnId(returnId).stream().filter(ReturnAnswer::carriedForward).filter(a -> sectionOf.containsKey(a.questionKey()))
                .forEach(a -> carried.merge(sectionOf.get(a.questionKey()).key(), 1L, Long::sum));
        Map<Long, String> names = new HashMap<>();
        List<AnswersNeedingActions.Needing> needing = AnswersNeedingActions.of(ctx, stored(returnId));
        List<AnswersNeedingActions.Needing> missing = AnswersNeedingActions.missing(needing, actions.actionsByQuestion(returnId));
        List<TaskRow> all = ctx.applicableSections().stream().map(s -> {
            ReturnSection row = stored.get(s.key());
            Long assignee = row == null ? null : row.assignedAccountId();
            String name = assignee == null ? "" : names.computeIfAbsent(assignee, id -> accounts.nameOf(ctx.ret().partnershipId(), id));
            return new TaskRow(s.key(), s.title(), row == null ? SectionStatus.NOT_STARTED : row.status(), name,
                    carried.getOrDefault(s.key(), 0L), needing.stream().filter(n -> n.sectionKey().equals(s.key())).count(),
                    missing.stream().filter(n -> n.sectionKey().equals(s.key())).count());
        }).toList();
        long completed = all.stream().filter(r -> r.status() == SectionStatus.COMPLETED).count();
        return new TaskList(ctx, all.stream().filter(r -> ctx.maySee(r.key())).toList(), completed, all.size());
    }

    // ---- section page ----

    /** One question as the section page shows it; carriedForward asks the person to check and confirm it. */
    public record QuestionView(int number, BankModel.Question question, AnswerInput entry, boolean carriedForward, List<BankModel.Rating> ratings) {
        public SectionFields fields() {
            return SectionFields.of(question.key());
        }

        /** Whether this question asks why it is not applicable: its scale asks a reason, and not applicable is offered here. */
        public boolean asksReason() {
            return ratings.stream().anyMatch(r -> r.notApplicable() && r.reason() == BankModel.Requirement.REQUIRED);
        }
    }

    /** {@code answers}: the stored answers in words, which a read-only page shows instead of the form. */
    /**
     * {@code answers}: the stored answers in words, which a read-only page shows instead of the form; {@code needingActions}: the
     * answers (by question key) whose saved rating needs an action, with how many actions each has.
     */
    public record SectionView(ReturnContext context, BankModel.Section section, List<QuestionView> questions, boolean hasConditions,
                              SectionStatus status, List<ReturnSummary.Line> answers, Map<String, Integer> needingActions) {
        public long carriedForward() {
            return questions.stream().filter(QuestionView::carriedForward).count();
        }

        public boolean needsAction(String questionKey) {
            return needingActions.containsKey(questionKey);
        }

        public int actionsFor(String questionKey) {
            return needingActions.getOrDefault(questionKey, 0);
        }
    }

    @Transactional
    public SectionView section(CurrentUser user, long returnId, String sectionKey) {
        return sectionAsTyped(user, returnId, sectionKey, Map.of());
    }

    /**
     * The section page with typed answers in place of the stored ones (a form kept across an expired session).
     * It is the section page itself, so it is shown only to whom that page is, by the same rules; the versions
     * the form was shown with are kept, so saving it still notices someone else's change.
     */
    @Transactional
    public SectionView sectionAsTyped(CurrentUser user, long returnId, String sectionKey, Map<String, AnswerInput> typed) {
        ReturnContext ctx = returns.load(user, returnId);
        BankModel.Section section = returns.section(user, ctx, sectionKey, Action.OPEN);
        return view(ctx, section, stored(returnId), typed);
    }

    Map<String, ReturnAnswer> stored(long returnId) {
        Map<String, ReturnAnswer> map = new HashMap<>();
        answers.findByReturnId(returnId).forEach(a -> map.put(a.questionKey(), a));
        return map;
    }

    SectionView view(ReturnContext ctx, BankModel.Section section, Map<String, ReturnAnswer> stored, Map<String, AnswerInput> typed) {
        List<QuestionView> shown = new ArrayList<>();
        int n = 0;
        for (BankModel.Question q : Conditions.asked(section, stored)) {
            ReturnAnswer a = stored.get(q.key());
            shown.add(new QuestionView(++n, q, typed.containsKey(q.key()) ? typed.get(q.key()) : AnswerInput.of(a), a != null && a.carriedForward(),
                    q.ratings(ctx.bank().scale())));
        }
        SectionStatus status = sections.findByReturnIdAndSectionKey(ctx.ret().id(), section.key()).map(ReturnSection::status)
                .orElse(SectionStatus.NOT_STARTED);
        Map<String, Integer> counts = actions.actionsByQuestion(ctx.ret().id());
        Map<String, Integer> needing = new java.util.LinkedHashMap<>();
        AnswersNeedingActions.of(ctx, stored).stream().filter(a -> a.sectionKey().equals(section.key()))
                .forEach(a -> needing.put(a.questionKey(), counts.getOrDefault(a.questionKey(), 0)));
        return new SectionView(ctx, section, shown, section.questions().stream().anyMatch(q -> q.showWhen() != null), status,
                ctx.readOnly() ? ReturnSummary.lines(section, stored, ctx.bank().scale()) : List.of(), needing);
    }
}
