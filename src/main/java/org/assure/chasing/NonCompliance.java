package org.assure.chasing;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.chasing.ChasingRepositories.ChaseMessage;
import org.assure.kernel.Dates;
import org.assure.notify.Addressee;
import org.assure.notify.Notifications;
import org.assure.notify.Recipients;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.partnerships.PartnershipService;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnFacts;
import org.assure.returns.ReturnSubmitted;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A submitted return with more "not met" answers than the cycle's threshold, or any among its critical questions,
 * is raised with the safeguarding executive and put on the assurance panel's list — in the submission's own
 * transaction. "Not met" is the scale's last rating that is not "not applicable" (Red on the RAG scale).
 * A panel outcome of "not assured" (issue 12) raises the same way, through {@link #notAssured}.
 */
@Singleton
public class NonCompliance {
    private final CycleLookup cycles;
    private final RulesStore rules;
    private final ReturnFacts facts;
    private final QuestionBanks banks;
    private final OrganisationService organisations;
    private final PartnershipService partnerships;
    private final Recipients recipients;
    private final Notifications notifications;
    private final ChasingRepositories.Messages messages;
    private final PanelListing panelList;
    private final Clock clock;

    NonCompliance(CycleLookup cycles, RulesStore rules, ReturnFacts facts, QuestionBanks banks, OrganisationService organisations,
                  PartnershipService partnerships, Recipients recipients, Notifications notifications, ChasingRepositories.Messages messages,
                  PanelListing panelList, Clock clock) {
        this.cycles = cycles;
        this.rules = rules;
        this.facts = facts;
        this.banks = banks;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.recipients = recipients;
        this.notifications = notifications;
        this.messages = messages;
        this.panelList = panelList;
        this.clock = clock;
    }

    @EventListener
    void onSubmitted(ReturnSubmitted e) {
        CycleTerms cycle = cycles.terms(e.cycleId());
        ChasingRules r = rules.of(cycle.id());
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion());
        String notMet = notMetCode(bank.scale());
        if (notMet == null || (r.notMetThreshold() == null && r.criticalQuestions().isEmpty())) {
            return;
        }
        Map<String, String> ratings = facts.submittedRatings(e.submissionId());
        int count = (int) ratings.values().stream().filter(notMet::equals).count();
        List<String> critical = r.criticalQuestions().stream().filter(k -> notMet.equals(ratings.get(k)))
                .map(k -> bank.question(k).map(BankModel.Question::text).orElse(k)).toList();
        if ((r.notMetThreshold() == null || count <= r.notMetThreshold()) && critical.isEmpty()) {
            return;
        }
        Organisation o = organisations.findInPartnership(e.partnershipId(), e.organisationId()).orElseThrow();
        raise(cycle, o, e.returnId(), "submission-" + e.submissionId(), new NonComplianceEmail(
                partnerships.find(e.partnershipId()).orElseThrow().name(), o.name(), cycle.name(), count,
                r.notMetThreshold() == null ? "not set" : String.valueOf(r.notMetThreshold()), critical, "/returns/" + e.returnId()),
                org.assure.kernel.Text.plural(count, "answer") + " not met" + (critical.isEmpty() ? "" : ", " + critical.size() + " of them critical"));
    }

    /**
     * A panel's moderator confirmed "not assured" for a return: the non-compliance step, once per return however often
     * the moderation is confirmed again (the executive has been told; the list entry stands).
     */
    @io.micronaut.transaction.annotation.Transactional
    public void notAssured(long partnershipId, long cycleId, long returnId, long organisationId, String panelName, String detail) {
        CycleTerms cycle = cycles.terms(cycleId);
        if (cycle.partnershipId() != partnershipId) {
            throw new IllegalArgumentException("cycle " + cycleId + " is not of partnership " + partnershipId);
        }
        String group = "r" + returnId + ":non_compliance:" + NOT_ASSURED;
        if (messages.findByReturnIdOrderByIdDesc(returnId).stream().anyMatch(m -> m.chaseKey().startsWith(group + ":"))) {
            return;
        }
        Organisation o = organisations.findInPartnership(partnershipId, organisationId).orElseThrow();
        raise(cycle, o, returnId, NOT_ASSURED, new NotAssuredEmail(partnerships.find(partnershipId).orElseThrow().name(), o.name(), cycle.name(),
                panelName, detail, "/returns/" + returnId), "Not assured by " + panelName + ": " + detail);
    }

    static final String NOT_ASSURED = "not-assured";

    /** Writes to the safeguarding executive (once per occasion) and lists the organisation for the panel. */
    void raise(CycleTerms cycle, Organisation o, long returnId, String occasion, org.assure.notify.Message email, String detail) {
        List<ChaseMessage> written = new ArrayList<>();
        String group = "r" + returnId + ":non_compliance:" + occasion;
        List<Addressee> people = recipients.resolve(cycle.partnershipId(), LadderRecipient.SAFEGUARDING_EXECUTIVE.of(o));
        var now = clock.instant();
        if (people.isEmpty()) {
            written.add(new ChaseMessage(null, cycle.partnershipId(), cycle.id(), returnId, o.id(), group + ":SAFEGUARDING_EXECUTIVE:none",
                    "NON_COMPLIANCE", 0, LadderRecipient.SAFEGUARDING_EXECUTIVE.name(), null, null, ChaseMessage.NOT_SENT,
                    LadderRecipient.SAFEGUARDING_EXECUTIVE.missing(o), null, Dates.today(clock), now));
        }
        for (Addressee person : people) {
            long outboxId = notifications.sendTo(cycle.partnershipId(), email, person);
            written.add(new ChaseMessage(null, cycle.partnershipId(), cycle.id(), returnId, o.id(),
                    group + ":" + person.address().toLowerCase(Locale.ROOT), "NON_COMPLIANCE", 0, LadderRecipient.SAFEGUARDING_EXECUTIVE.name(),
                    person.name(), person.address(), ChaseMessage.SENT, null, outboxId, Dates.today(clock), now));
        }
        messages.saveAll(written);
        panelList.add(cycle.partnershipId(), cycle.id(), o.id(), returnId, PanelListing.NON_COMPLIANCE, detail);
    }

    /** The code of the scale's worst rating: the last one that is not "not applicable". */
    static String notMetCode(BankModel.Scale scale) {
        String worst = null;
        for (BankModel.Rating rating : scale.ratings()) {
            if (!rating.notApplicable()) {
                worst = rating.code();
            }
        }
        return worst;
    }
}
