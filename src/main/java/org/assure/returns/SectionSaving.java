package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.accounts.AccountService;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saving a section. Each answer is written only when it changed; an answer someone else changed since the
 * form was shown (its version moved and their value differs) is not written but reported as a clash. Valid
 * answers are saved even when completing the section fails ({@link CompletionRules}).
 */
@Singleton
public class SectionSaving {
    private final ReturnService returns;
    private final ReturnRows rows;
    private final SectionPages pages;
    private final ReturnRepositories.Answers answers;
    private final ReturnRepositories.Sections sections;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final Clock clock;

    SectionSaving(ReturnService returns, ReturnRows rows, SectionPages pages, ReturnRepositories.Answers answers,
                  ReturnRepositories.Sections sections, AccountService accounts, AuditTrail audit, Clock clock) {
        this.returns = returns;
        this.rows = rows;
        this.pages = pages;
        this.answers = answers;
        this.sections = sections;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Someone else's answer beside the one this person typed, for the conflict page; each answer also in words
     * (the scale's label, the options' labels, a date), as the person chose it, not as its code.
     */
    public record Clash(BankModel.Question question, AnswerInput mine, ReturnAnswer theirs, String theirName, String theirWhen,
                        String mineAnswer, String theirAnswer) {
        public SectionFields fields() {
            return SectionFields.of(question.key());
        }
    }

    /** The result of a save: errors (422) with the page to show again, clashes (409), or where to go next. */
    public record Outcome(FormErrors errors, @Nullable SectionPages.SectionView page, List<Clash> clashes, String next, boolean saved) {
    }

    /** Saves the section form as posted. */
    @Transactional
    public Outcome save(CurrentUser user, long returnId, String sectionKey, Map<String, List<String>> posted) {
        Editing editing = open(user, returnId, sectionKey);
        return save(user, editing, SectionForm.parse(posted, editing.section()));
    }

    /** The conflict page's choices: the answers the person kept as theirs are saved over the version they have now seen. */
    @Transactional
    public Outcome resolve(CurrentUser user, long returnId, String sectionKey, Map<String, List<String>> posted) {
        Editing editing = open(user, returnId, sectionKey);
        SectionForm mine = SectionForm.parse(SectionForm.chosenAsMine(posted, editing.section()), editing.section());
        return save(user, editing, new SectionForm(mine.answers(), false, SectionForm.Next.STAY));
    }

    /** Saves a typed form (the demo data fills returns this way). */
    @Transactional
    public Outcome save(CurrentUser user, long returnId, String sectionKey, SectionForm form) {
        return save(user, open(user, returnId, sectionKey), form);
    }

    /** A section this person may change now, with its return locked for the save. */
    private record Editing(ReturnContext ctx, BankModel.Section section) {
    }

    private Editing open(CurrentUser user, long returnId, String sectionKey) {
        rows.lock(returnId); // first: concurrent saves of this return wait here, then read what the other saved
        ReturnContext ctx = returns.load(user, returnId);
        BankModel.Section section = returns.section(user, ctx, sectionKey, Action.OPEN);
        if (ctx.readOnly()) {
            throw ReturnService.refused(returnId, ctx.readOnlyReason());
        }
        returns.section(user, ctx, sectionKey, Action.EDIT);
        return new Editing(ctx, section);
    }

    private Outcome save(CurrentUser user, Editing editing, SectionForm form) {
        ReturnContext ctx = editing.ctx();
        BankModel.Section section = editing.section();
        long returnId = ctx.ret().id();
        BankModel.Scale scale = ctx.bank().scale();
        Map<String, ReturnAnswer> stored = pages.stored(returnId);
        Map<String, AnswerInput> shown = new LinkedHashMap<>(form.answers());
        FormErrors errors = FormErrors.none();
        Set<String> unparsed = new HashSet<>();
        List<Clash> clashes = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        Instant now = clock.instant();
        boolean changed = false;
        int number = 0;
        for (BankModel.Question q : section.questions()) {
            // asked given the answers saved so far in this save: a question this save hides is not written
            if (!Conditions.asked(q, stored)) {
                continue;
            }
            number++;
            String k = q.key();
            AnswerInput input = form.answers().get(k);
            if (input == null) {
                continue; // not on the page this person saw (it appeared since): nothing typed for it
            }
            AnswerInput.Parsed parsed = input.parse(q, scale, "question " + number);
            if (!parsed.ok()) {
                errors.add(parsed.field(), parsed.error());
                unparsed.add(k);
                continue;
            }
            ReturnAnswer current = stored.get(k);
            if (current != null && current.carriedForward() && parsed.value().sameAs(current) && input.confirmed()) {
                stored.put(k, confirm(user, current, now, changes));
                changed = true;
            }
            if (!parsed.value().sameAs(current)) {
                if (current != null && current.version() != input.version()) {
                    clashes.add(new Clash(q, input, current, current.updatedBy() == null ? "someone"
                            : accounts.nameOf(ctx.ret().partnershipId(), current.updatedBy()), Dates.moment(current.updatedAt()),
                            ReturnSummary.answerText(q, scale, parsed.value().rating(), parsed.value().value()),
                            ReturnSummary.answerText(q, current, scale)));
                } else {
                    stored.put(k, write(ctx, user, k, current, parsed.value(), now, changes));
                    changed = true;
                }
            }
            if (stored.containsKey(k) && parsed.value().sameAs(stored.get(k))) {
                // what is shown again is what is stored now: carry its version, or the next save would clash with itself
                shown.put(k, input.withVersion(stored.get(k).version()));
            }
        }
        audit.recordAll(ctx.ret().partnershipId(), user.accountId(), returnId, changes);
        if (form.complete()) {
            errors.addAll(CompletionRules.check(section, scale, stored, unparsed));
        }
        errors = errors.inPageOrder(CompletionRules.fieldOrder(section));
        boolean completing = form.complete() && errors.isEmpty() && clashes.isEmpty();
        SectionStatus after = setStatus(ctx, user, section, completing ? SectionStatus.COMPLETED
                : (changed || form.complete()) ? SectionStatus.IN_PROGRESS : null, now);
        if (changed || after != null) {
            rows.move(ctx.ret(), ReturnLifecycle.Event.SAVED, user.accountId());
        }
        if (!clashes.isEmpty()) {
            return new Outcome(errors, null, clashes, "", changed);
        }
        if (!errors.isEmpty()) {
            // stored answers for what parsed, and what was typed for everything on the page
            return new Outcome(errors, pages.view(ctx, section, stored, shown), List.of(), "", changed);
        }
        return new Outcome(errors, null, List.of(), next(ctx, section, form.next()), changed);
    }

    /** Where the person goes: "continue" to the next section they may open, else the task list; the conflict page back to the section. */
    private static String next(ReturnContext ctx, BankModel.Section section, SectionForm.Next where) {
        return switch (where) {
            case CONTINUE -> {
                BankModel.Section later = ctx.nextFor(section);
                yield later == null ? ctx.path() : ctx.path() + "/sections/" + later.key();
            }
            case LATER -> ctx.path();
            case STAY -> ctx.path() + "/sections/" + section.key();
        };
    }

    /** Moves the section to this status if it is not there already; the new status, or null when nothing changed. */
    private @Nullable SectionStatus setStatus(ReturnContext ctx, CurrentUser user, BankModel.Section section, @Nullable SectionStatus wanted,
                                              Instant now) {
        ReturnSection s = sections.findByReturnIdAndSectionKey(ctx.ret().id(), section.key()).orElse(null);
        SectionStatus before = s == null ? SectionStatus.NOT_STARTED : s.status();
        if (wanted == null || wanted == before) {
            return null;
        }
        if (s == null) {
            sections.save(new ReturnSection(null, ctx.ret().id(), section.key(), wanted, null, 0, now));
        } else {
            sections.update(new ReturnSection(s.id(), s.returnId(), s.sectionKey(), wanted, s.assignedAccountId(), s.version() + 1, now));
        }
        audit.record(ctx.ret().partnershipId(), user.accountId(), ReturnAudit.SECTION_STATUS, ctx.ret().id(), section.key(),
                AuditFields.status(before), AuditFields.status(wanted));
        return wanted;
    }

    /** Writes one answer and adds its audit entry to {@code changes}, which the save records in one statement. */
    private ReturnAnswer write(ReturnContext ctx, CurrentUser user, String key, @Nullable ReturnAnswer current, AnswerInput.Value v,
                               Instant now, List<AuditTrail.Change> changes) {
        ReturnAnswer saved;
        if (current == null) {
            saved = answers.save(new ReturnAnswer(null, ctx.ret().id(), key, v.rating(), v.value(), v.evidence(), v.reason(), false, 0,
                    user.accountId(), now));
        } else {
            if (answers.updateIfVersion(current.id(), v.rating(), v.value(), v.evidence(), v.reason(), user.accountId(), now, current.version()) != 1) {
                throw ReturnService.refused(ctx.ret().id(), ReturnService.SAME_MOMENT);
            }
            saved = new ReturnAnswer(current.id(), current.returnId(), key, v.rating(), v.value(), v.evidence(), v.reason(),
                    false, current.version() + 1, user.accountId(), now);
        }
        changes.add(new AuditTrail.Change(ReturnAudit.ANSWER, key, current == null ? null : ReturnAudit.answer(current), ReturnAudit.answer(saved)));
        return saved;
    }

    /** Keeps a carried-forward answer as it is, now checked by this person; its audit entry joins the save's others. */
    private ReturnAnswer confirm(CurrentUser user, ReturnAnswer current, Instant now, List<AuditTrail.Change> changes) {
        if (answers.confirm(current.id(), user.accountId(), now, current.version()) != 1) {
            throw ReturnService.refused(current.returnId(), ReturnService.SAME_MOMENT);
        }
        changes.add(new AuditTrail.Change(ReturnAudit.CONFIRMED, current.questionKey(), ReturnAudit.answer(current), ReturnAudit.answer(current)));
        return new ReturnAnswer(current.id(), current.returnId(), current.questionKey(), current.rating(), current.answerValue(),
                current.evidence(), current.naReason(), false, current.version() + 1, user.accountId(), now);
    }
}
