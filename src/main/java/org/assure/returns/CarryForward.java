package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankComparison;
import org.assure.banks.BankModel;
import org.assure.banks.LoadedBanks;
import org.assure.banks.QuestionBanks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a cycle creates an organisation's return, answers it submitted last time on the same bank are
 * copied in through the questions' lineage (renamed, moved, merged, split), each marked carried forward:
 * the section cannot be completed until every one is confirmed or changed, so nothing is falsely done.
 * <p>
 * The source is the organisation's latest submission on an earlier or the same version of the bank —
 * what it declared, not drafts. Merged questions take a rating only when all the old ones agree, and
 * join their evidence; a rating or option the new version no longer has is dropped, so it must be chosen.
 */
@Singleton
class CarryForward {
    private final ReturnRows rows;
    private final CycleLookup cycles;
    private final ReturnRepositories.Submissions submissions;
    private final ReturnRepositories.SubmittedAnswers submittedAnswers;
    private final ReturnRepositories.Answers answers;
    private final QuestionBanks banks;
    private final AuditTrail audit;
    private final Clock clock;

    CarryForward(ReturnRows rows, CycleLookup cycles, ReturnRepositories.Submissions submissions, ReturnRepositories.SubmittedAnswers submittedAnswers,
                 ReturnRepositories.Answers answers, QuestionBanks banks, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.cycles = cycles;
        this.submissions = submissions;
        this.submittedAnswers = submittedAnswers;
        this.answers = answers;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
    }

    private record Source(CycleTerms cycle, ReturnSubmission submission, BankModel.Version version) {
    }

    /** Called in the transaction that creates the return (opening a cycle, adding an organisation to it). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void prefill(CycleTerms cycle, AuditReturn created) {
        BankModel.Version to = banks.get(cycle.bankKey(), cycle.bankVersion());
        Optional<Source> source = latestSubmission(created, to);
        if (source.isEmpty()) {
            return;
        }
        Map<String, SubmittedAnswer> old = new HashMap<>();
        submittedAnswers.findBySubmissionId(source.get().submission().id()).forEach(a -> old.put(a.questionKey(), a));
        List<BankModel.Version> between = banks.banks().byBank().getOrDefault(to.bank(), List.of()).stream()
                .map(LoadedBanks.LoadedVersion::version).toList();
        Map<String, Set<String>> ancestors = BankComparison.ancestors(between, source.get().version(), to);
        Instant now = clock.instant();
        List<ReturnAnswer> carried = new ArrayList<>();
        for (BankModel.Question q : to.questions()) {
            if (!q.carryForward()) {
                continue; // the expectation changed: answered afresh, not confirmed from last time
            }
            List<SubmittedAnswer> from = ancestors.getOrDefault(q.key(), Set.of()).stream().map(old::get).filter(Objects::nonNull)
                    .filter(a -> source.get().version().question(a.questionKey()).map(oq -> oq.type() == q.type()).orElse(false))
                    .sorted(Comparator.comparing(SubmittedAnswer::questionKey)).toList();
            if (!from.isEmpty()) {
                ReturnAnswer a = combine(created.id(), q, to.scale(), from, source.get().version(), now);
                if (a != null) {
                    carried.add(a);
                }
            }
        }
        if (!carried.isEmpty()) {
            answers.saveAll(carried);
            audit.record(created.partnershipId(), null, ReturnAudit.CARRIED_FORWARD, created.id(), null,
                    AuditFields.of(ReturnAudit.ANSWERS, String.valueOf(carried.size()), ReturnAudit.REFERENCE, source.get().submission().reference(),
                            ReturnAudit.CYCLE, source.get().cycle().name()));
        }
    }

    private Optional<Source> latestSubmission(AuditReturn created, BankModel.Version to) {
        Source best = null;
        for (AuditReturn r : rows.ofOrganisations(Set.of(created.organisationId()))) {
            if (r.id().equals(created.id()) || r.partnershipId() != created.partnershipId()) {
                continue;
            }
            CycleTerms c = cycles.terms(r.cycleId());
            if (!c.bankKey().equals(to.bank())) {
                continue;
            }
            BankModel.Version v = banks.banks().find(c.bankKey(), c.bankVersion()).map(LoadedBanks.LoadedVersion::version).orElse(null);
            if (v == null || v.effectiveFrom().isAfter(to.effectiveFrom())) {
                continue;
            }
            List<ReturnSubmission> made = submissions.findByReturnIdOrderBySubmissionNumber(r.id());
            if (!made.isEmpty()) {
                ReturnSubmission last = made.get(made.size() - 1);
                if (best == null || last.submittedAt().isAfter(best.submission().submittedAt())) {
                    best = new Source(c, last, v);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** One new answer from one old answer (same, renamed, moved, split) or several (merged); null when nothing carries. */
    static @Nullable ReturnAnswer combine(long returnId, BankModel.Question q, BankModel.Scale scale, List<SubmittedAnswer> from,
                                          BankModel.Version oldVersion, Instant now) {
        Set<String> ratings = from.stream().map(SubmittedAnswer::rating).filter(Objects::nonNull).collect(Collectors.toSet());
        String rating = ratings.size() == 1 && from.stream().allMatch(a -> a.rating() != null) ? ratings.iterator().next() : null;
        String carried = rating;
        if (rating != null && q.ratings(scale).stream().noneMatch(r -> r.code().equals(carried))) {
            rating = null; // no longer on the scale, or not applicable is no longer offered for this question
        }
        Set<String> values = from.stream().map(SubmittedAnswer::answerValue).filter(Objects::nonNull).collect(Collectors.toSet());
        String value = values.size() == 1 && from.stream().allMatch(a -> a.answerValue() != null) ? stillOffered(q, values.iterator().next()) : null;
        String evidence = joined(from, SubmittedAnswer::evidence, oldVersion);
        String reason = rating != null && scale.rating(rating).map(BankModel.Rating::notApplicable).orElse(false)
                ? joined(from, SubmittedAnswer::naReason, oldVersion) : null;
        if (rating == null && value == null && evidence == null) {
            return null;
        }
        return new ReturnAnswer(null, returnId, q.key(), rating, value, evidence, reason, true, 0, null, now);
    }

    /** Choice answers keep only the options the new version still offers. */
    private static @Nullable String stillOffered(BankModel.Question q, String value) {
        if (!q.type().hasOptions()) {
            return value;
        }
        Set<String> codes = q.options().stream().map(BankModel.Option::code).collect(Collectors.toSet());
        String kept = Arrays.stream(value.split(",")).filter(codes::contains).collect(Collectors.joining(","));
        return kept.isEmpty() ? null : kept;
    }

    /** One old answer's text as it was; several each headed by the old question they answered. */
    private static @Nullable String joined(List<SubmittedAnswer> from, java.util.function.Function<SubmittedAnswer, String> field,
                                           BankModel.Version oldVersion) {
        List<SubmittedAnswer> with = from.stream().filter(a -> field.apply(a) != null && !field.apply(a).isBlank()).toList();
        if (with.isEmpty()) {
            return null;
        }
        if (from.size() == 1) {
            return field.apply(with.get(0));
        }
        return with.stream().map(a -> "From “" + oldVersion.question(a.questionKey()).map(BankModel.Question::text).orElse(a.questionKey())
                + "”: " + field.apply(a)).collect(Collectors.joining("\n\n"));
    }
}
