package org.assure.actions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.accounts.AccountService;
import org.assure.actions.ActionRepositories.Item;
import org.assure.actions.ActionRepositories.Update;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Dates;
import org.assure.panels.AgreedAreas;
import org.assure.returns.CycleLookup;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The actions feature's side of the panels' port (ADR 0039): each area to improve of a confirmed moderation is one
 * proposed action. Moderation writes its findings afresh each time, so an area is recognised again by its words and the
 * item it names, not by its row id: re-confirming keeps the one action (pointing it at the new row) and an area no longer
 * agreed withdraws its action while it is still a proposal, with the reason. One the partnership has accepted is the
 * organisation's to deliver and stays.
 */
@Singleton
class PanelProposals implements AgreedAreas {
    static final String REMOVED = "The panel no longer lists this area to improve: it was removed when the moderation was confirmed again";

    private final ActionPlans plans;
    private final ActionRepositories.Items items;
    private final ActionRepositories.Updates updates;
    private final CycleLookup cycles;
    private final QuestionBanks banks;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final Clock clock;

    PanelProposals(ActionPlans plans, ActionRepositories.Items items, ActionRepositories.Updates updates, CycleLookup cycles, QuestionBanks banks,
                   AccountService accounts, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.items = items;
        this.updates = updates;
        this.cycles = cycles;
        this.banks = banks;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void confirmed(long partnershipId, long organisationId, long cycleId, long returnId, long caseId, List<Area> areas, long by) {
        BankModel.Version bank = cycles.find(partnershipId, cycleId).map(c -> banks.get(c.bankKey(), c.bankVersion())).orElse(null);
        List<Item> existing = new ArrayList<>(items.findByPartnershipIdAndPanelCaseIdOrderById(partnershipId, caseId).stream()
                .filter(i -> i.source() == ActionSource.PANEL && i.status() != ActionStatus.WITHDRAWN).toList());
        Set<Long> kept = new HashSet<>();
        Instant now = clock.instant();
        for (Area a : areas) {
            String section = sectionOf(bank, a.itemKey());
            Optional<Item> same = existing.stream().filter(i -> !kept.contains(i.id()) && i.what().equals(a.text())
                    && Objects.equals(i.sectionKey(), section)).findFirst();
            if (same.isPresent()) {
                kept.add(same.get().id());
                if (!Objects.equals(same.get().findingId(), a.findingId())) {
                    items.update(same.get().finding(a.findingId(), now));
                }
            } else {
                kept.add(plans.proposeFromPanel(partnershipId, organisationId, cycleId, returnId, caseId, a.findingId(), a.text(), section, by));
            }
        }
        String person = accounts.nameOf(partnershipId, by);
        for (Item gone : existing) {
            if (!kept.contains(gone.id()) && gone.status() == ActionStatus.PROPOSED) {
                Item withdrawn = items.update(gone.moved(ActionStatus.WITHDRAWN, now));
                updates.save(new Update(null, partnershipId, gone.id(), UpdateKind.WITHDRAWN, REMOVED, ActionStatus.PROPOSED, ActionStatus.WITHDRAWN,
                        by, person, Dates.today(clock), now));
                audit.record(partnershipId, by, ActionAudit.WITHDRAWN, withdrawn.id(), AuditFields.of(AuditFields.STATUS, ActionStatus.PROPOSED.name()),
                        AuditFields.of(AuditFields.STATUS, ActionStatus.WITHDRAWN.name(), ActionAudit.REASON, REMOVED));
            }
        }
    }

    /** The section an area names: itself when panels mark by section, the question's section when they mark by question. */
    private static String sectionOf(BankModel.Version bank, String itemKey) {
        if (itemKey == null || bank == null) {
            return itemKey;
        }
        BankModel.Section s = bank.sectionOfQuestion().get(itemKey);
        return s == null ? itemKey : s.key();
    }
}
