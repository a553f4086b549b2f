package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Dates;
import org.assure.kernel.Refusal;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submission as a panel judges it (issue 12): each section asked of the organisation with its questions, the
 * self-rating by code, the answer in words and the evidence, exactly as submitted. Access is the caller's: the panels
 * module lets only the partnership and the case's unconflicted panel members read it.
 */
@Singleton
public class JudgedReturns {
    private final ReturnRows rows;
    private final ReturnRepositories.Submissions submissions;
    private final ReturnRepositories.SubmittedAnswers answers;
    private final CycleLookup cycles;
    private final QuestionBanks banks;
    private final OrganisationService organisations;

    JudgedReturns(ReturnRows rows, ReturnRepositories.Submissions submissions, ReturnRepositories.SubmittedAnswers answers, CycleLookup cycles,
                  QuestionBanks banks, OrganisationService organisations) {
        this.rows = rows;
        this.submissions = submissions;
        this.answers = answers;
        this.cycles = cycles;
        this.banks = banks;
        this.organisations = organisations;
    }

    public record Question(String key, int number, String text, boolean rated, @Nullable String rating, String answer, String evidence,
                           String notApplicableReason, @Nullable String colour, List<String> references) {
    }

    public record Section(String key, String title, List<Question> questions) {
        /**
         * The section's self-rating for marking by section: the worst rating its questions were given (the scale lists
         * ratings best first); not applicable only when every rated question is; null when none is rated.
         */
        public @Nullable String selfRating(BankModel.Scale scale) {
            int worst = -1;
            String notApplicable = null;
            for (Question q : questions) {
                if (q.rating() == null) {
                    continue;
                }
                int at = indexOf(scale, q.rating());
                BankModel.Rating r = at < 0 ? null : scale.ratings().get(at);
                if (r != null && r.notApplicable()) {
                    notApplicable = r.code();
                } else if (at > worst) {
                    worst = at;
                }
            }
            return worst >= 0 ? scale.ratings().get(worst).code() : notApplicable;
        }

        public boolean rated() {
            return questions.stream().anyMatch(Question::rated);
        }

        private static int indexOf(BankModel.Scale scale, String code) {
            for (int i = 0; i < scale.ratings().size(); i++) {
                if (scale.ratings().get(i).code().equals(code)) {
                    return i;
                }
            }
            return -1;
        }
    }

    public record Judged(long returnId, long submissionId, int submissionNumber, String reference, String submittedAt, boolean late,
                         Organisation organisation, CycleTerms cycle, BankModel.Version bank, List<Section> sections) {
        public Optional<Section> section(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).findFirst();
        }

        public Optional<Question> question(String key) {
            return sections.stream().flatMap(s -> s.questions().stream()).filter(q -> q.key().equals(key)).findFirst();
        }
    }

    /** The return's latest submission, if it was ever submitted (a case judges the latest when marking begins). */
    @Transactional
    public Optional<Long> latestSubmission(long partnershipId, long returnId) {
        AuditReturn r = rows.find(returnId).filter(x -> x.partnershipId() == partnershipId).orElseThrow(() -> Refusal.notFound("Return"));
        List<ReturnSubmission> made = submissions.findByReturnIdOrderBySubmissionNumber(r.id());
        return made.isEmpty() ? Optional.empty() : Optional.of(made.get(made.size() - 1).id());
    }

    /** One submission of a return of the partnership, as submitted. */
    @Transactional
    public Judged read(long partnershipId, long returnId, long submissionId) {
        AuditReturn r = rows.find(returnId).filter(x -> x.partnershipId() == partnershipId).orElseThrow(() -> Refusal.notFound("Return"));
        ReturnSubmission s = submissions.findById(submissionId).filter(x -> x.returnId() == returnId)
                .orElseThrow(() -> Refusal.notFound("Submission"));
        CycleTerms cycle = cycles.terms(r.cycleId());
        Organisation o = organisations.findInPartnership(partnershipId, r.organisationId()).orElseThrow(() -> Refusal.notFound("Return"));
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion()).askedOf(o);
        Map<String, ReturnAnswer> stored = new HashMap<>();
        answers.findBySubmissionId(submissionId).forEach(a -> stored.put(a.questionKey(), a.asAnswer(returnId, s.submittedAt())));
        List<Section> sections = new ArrayList<>();
        for (BankModel.Section section : bank.sections()) {
            List<Question> questions = new ArrayList<>();
            int n = 0;
            for (BankModel.Question q : Conditions.asked(section, stored)) {
                n++;
                ReturnAnswer a = stored.get(q.key());
                String rating = a == null ? null : a.rating();
                String colour = rating == null ? null : bank.scale().rating(rating).map(BankModel.Rating::colour).orElse(null);
                questions.add(new Question(q.key(), n, q.text(), q.type() == BankModel.QuestionType.RATING, rating,
                        ReturnSummary.answerText(q, a, bank.scale()), a == null || a.evidence() == null ? "" : a.evidence(),
                        a == null || a.naReason() == null ? "" : a.naReason(), colour, q.references()));
            }
            sections.add(new Section(section.key(), section.title(), questions));
        }
        return new Judged(returnId, submissionId, s.submissionNumber(), s.reference(), Dates.moment(s.submittedAt()), s.late(), o, cycle, bank,
                sections);
    }
}
