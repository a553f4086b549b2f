package org.assure.chasing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.accounts.AccountRecipient;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.chasing.ChasePlanner.Due;
import org.assure.chasing.ChasingRepositories.ChaseMessage;
import org.assure.kernel.Dates;
import org.assure.notify.Addressee;
import org.assure.notify.Notifications;
import org.assure.notify.Recipient;
import org.assure.notify.Recipients;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.partnerships.PartnershipService;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnFacts;
import org.assure.returns.ReturnStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One cycle's chasing for one day: every reminder and ladder step due by then, written once per recipient
 * (the unique chase key) in the transaction of its outbox email. A role with nobody to write to is recorded
 * as not sent, with the reason; a person who has had the week's cap from this cycle is held until the cap
 * allows (nothing recorded, so the next run tries again). Whatever a run misses, the next one catches up.
 */
@Singleton
class ChaseRun {
    private static final String ASSIGNEE = "ASSIGNEE";

    private final ReturnFacts facts;
    private final RulesStore rules;
    private final ReturnStates states;
    private final OrganisationService organisations;
    private final PartnershipService partnerships;
    private final QuestionBanks banks;
    private final ChasingRepositories.Messages messages;
    private final PanelListing panelList;
    private final Recipients recipients;
    private final Notifications notifications;
    private final ChaseMessageWriter messageWriter;
    private final Clock clock;

    ChaseRun(ReturnFacts facts, RulesStore rules, ReturnStates states, OrganisationService organisations, PartnershipService partnerships,
             QuestionBanks banks, ChasingRepositories.Messages messages, PanelListing panelList, Recipients recipients,
             Notifications notifications, ChaseMessageWriter messageWriter, Clock clock) {
        this.facts = facts;
        this.rules = rules;
        this.states = states;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.banks = banks;
        this.messages = messages;
        this.panelList = panelList;
        this.recipients = recipients;
        this.notifications = notifications;
        this.messageWriter = messageWriter;
        this.clock = clock;
    }

    @Transactional
    ChaseOutcome run(CycleTerms cycle, LocalDate today) {
        List<ReturnFacts.Fact> returns = facts.ofCycle(cycle.id());
        if (returns.isEmpty()) {
            return new ChaseOutcome(0, 0, 0);
        }
        ChasingRules r = rules.of(cycle.id());
        Map<Long, ReturnStates.State> state = states.of(cycle, returns.stream().map(ReturnFacts.Fact::returnId).toList(), today);
        Map<String, String> written = new HashMap<>();
        messages.keysOfCycle(cycle.id()).forEach(k -> written.put(k.chaseKey(), k.status()));
        // a group (one reminder or step of one return) is done once something in it was sent and nobody in it is held by the cap
        // or recorded as missing (a contact added since gets it, ADR 0029)
        Set<String> openGroups = written.entrySet().stream().filter(e -> !ChaseMessage.SENT.equals(e.getValue()))
                .map(e -> group(e.getKey())).collect(Collectors.toSet());
        Set<String> sentGroups = written.entrySet().stream().filter(e -> ChaseMessage.SENT.equals(e.getValue()))
                .map(e -> group(e.getKey())).filter(g -> !openGroups.contains(g)).collect(Collectors.toSet());
        Instant now = clock.instant();
        Map<String, Integer> sentThisWeek = new HashMap<>(); // read when the first email is due: a run with nothing due never needs it
        Map<Long, Organisation> orgs = organisations.active(cycle.partnershipId()).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion());
        String partnershipName = partnerships.find(cycle.partnershipId()).orElseThrow().name();
        Map<String, BankModel.Version> askedByShape = new HashMap<>();

        Set<Long> listed = null; // read when a step that lists the organisation is first due
        Tally tally = new Tally();
        for (int from = 0; from < returns.size(); from += RETURNS_PER_BATCH) {
            List<Wanted> wanted = new ArrayList<>();
            List<PanelListing.Entry> toList = new ArrayList<>();
            for (ReturnFacts.Fact f : returns.subList(from, Math.min(returns.size(), from + RETURNS_PER_BATCH))) {
                Organisation o = orgs.get(f.organisationId());
                ReturnStates.State s = state.get(f.returnId());
                if (o == null || s == null) {
                    continue; // an organisation archived since the cycle opened is not chased
                }
                List<Due> dues = ChasePlanner.due(s.planned(f.status() == ReturnStatus.SUBMITTED), r.reminderDays(), r.ladderFor(o.kind()), today);
                if (dues.isEmpty()) {
                    continue;
                }
                BankModel.Version asked = askedByShape.computeIfAbsent(o.kind() + "/" + o.category() + "/" + o.sector(), k -> bank.askedOf(o));
                for (Due due : dues) {
                    String group = due.key(f.returnId());
                    if (sentGroups.contains(group)) {
                        continue; // written on an earlier run (to whoever it could reach then)
                    }
                    ChaseEmail email = email(partnershipName, cycle, o, f, asked, due, s.deadline(), today);
                    rolesOf(due, o, f, asked).forEach((role, to) -> wanted.add(new Wanted(f, o, due, group, email, role, to)));
                    if (due.ladderStep() != null && due.ladderStep().addsToPanelList()) {
                        if (listed == null) {
                            listed = panelList.listed(cycle.id(), PanelListing.NON_COMPLETION);
                        }
                        if (listed.add(o.id())) {
                            toList.add(new PanelListing.Entry(o.id(), f.returnId(), "Not submitted " + ChronoUnit.DAYS.between(s.deadline(), today)
                                    + " days after the deadline (step " + due.step() + ")"));
                        }
                    }
                }
            }
            write(cycle, r, wanted, written, sentThisWeek, now, tally);
            panelList.addAll(cycle.partnershipId(), cycle.id(), PanelListing.NON_COMPLETION, toList);
        }
        return new ChaseOutcome(tally.sent, tally.notSent, tally.held);
    }

    /** How many returns' emails are resolved, rendered and written together: a few queries and batches each, memory bounded. */
    static final int RETURNS_PER_BATCH = 500;

    /** One role of one due item of one return, and the recipients that name it. */
    private record Wanted(ReturnFacts.Fact f, Organisation o, Due due, String group, ChaseEmail email, String role, List<Recipient> to) {
    }

    private static final class Tally {
        int sent;
        int notSent;
        int held;
        boolean capRead;
    }

    /**
     * Resolves every role of the batch at once, then, in order, records a role with nobody as not sent, holds what the
     * weekly cap holds, and writes the rest: the outbox emails in one batch, then their chase messages.
     */
    private void write(CycleTerms cycle, ChasingRules r, List<Wanted> wanted, Map<String, String> written, Map<String, Integer> sentThisWeek,
                       Instant now, Tally tally) {
        if (wanted.isEmpty()) {
            return;
        }
        if (!tally.capRead) {
            messages.sentSince(cycle.id(), now.minus(Duration.ofDays(7))).forEach(a -> sentThisWeek.merge(address(a), 1, Integer::sum));
            tally.capRead = true;
        }
        List<List<Addressee>> people = recipients.resolveEach(cycle.partnershipId(), wanted.stream().map(Wanted::to).toList());
        List<ChaseMessage> rows = new ArrayList<>(); // in the order the one-at-a-time run wrote them
        List<Integer> sentRows = new ArrayList<>();
        List<Notifications.Addressed> emails = new ArrayList<>();
        List<ChaseMessage> wasHeld = new ArrayList<>(); // held back on an earlier run and sent now: their rows are updated
        for (int i = 0; i < wanted.size(); i++) {
            Wanted w = wanted.get(i);
            List<Addressee> found = people.get(i);
            if (found.isEmpty() && !ASSIGNEE.equals(w.role()) && LadderRecipient.valueOf(w.role()).ifThereIsOne()) {
                continue;
            }
            if (found.isEmpty()) {
                String key = w.group() + ":" + w.role() + ":none";
                if (written.putIfAbsent(key, ChaseMessage.NOT_SENT) == null) {
                    String reason = ASSIGNEE.equals(w.role()) ? "The section's assignee has no email address"
                            : LadderRecipient.valueOf(w.role()).missing(w.o());
                    rows.add(message(cycle, w, key, null, ChaseMessage.NOT_SENT, reason, now));
                    tally.notSent++;
                }
                continue;
            }
            for (Addressee person : found) {
                String key = w.group() + ":" + address(person.address());
                String before = written.get(key);
                if (ChaseMessage.SENT.equals(before)) {
                    continue;
                }
                if (sentThisWeek.getOrDefault(address(person.address()), 0) >= r.weeklyCap()) {
                    tally.held++;
                    if (before == null) {
                        written.put(key, ChaseMessage.HELD);
                        rows.add(message(cycle, w, key, person, ChaseMessage.HELD, "Held back by the weekly cap; sent on a later day if it is still due",
                                now));
                    }
                    continue;
                }
                written.put(key, ChaseMessage.SENT);
                sentThisWeek.merge(address(person.address()), 1, Integer::sum);
                emails.add(new Notifications.Addressed(w.email(), person));
                if (ChaseMessage.HELD.equals(before)) {
                    sentRows.add(-1 - wasHeld.size());
                    wasHeld.add(message(cycle, w, key, person, ChaseMessage.SENT, null, now));
                } else {
                    sentRows.add(rows.size());
                    rows.add(message(cycle, w, key, person, ChaseMessage.SENT, null, now));
                }
                tally.sent++;
            }
        }
        List<Long> outboxIds = notifications.sendEach(cycle.partnershipId(), emails);
        for (int i = 0; i < sentRows.size(); i++) {
            int at = sentRows.get(i);
            if (at >= 0) {
                rows.set(at, withOutbox(rows.get(at), rows.get(at).id(), outboxIds.get(i)));
            } else {
                // the row held back on an earlier run: now sent (the update fails if another run sent it meanwhile)
                ChaseMessage m = wasHeld.get(-1 - at);
                messages.update(withOutbox(m, messages.findByChaseKey(m.chaseKey()).orElseThrow().id(), outboxIds.get(i)));
            }
        }
        messageWriter.insertAll(rows);
    }

    private static ChaseMessage message(CycleTerms cycle, Wanted w, String key, Addressee person, String status, String reason, Instant now) {
        return new ChaseMessage(null, cycle.partnershipId(), cycle.id(), w.f().returnId(), w.o().id(), key, w.due().kind().name(), w.due().step(),
                w.role(), person == null ? null : person.name(), person == null ? null : person.address(), status, reason, null, w.due().dueOn(), now);
    }

    private static ChaseMessage withOutbox(ChaseMessage m, Long id, long outboxId) {
        return new ChaseMessage(id, m.partnershipId(), m.cycleId(), m.returnId(), m.organisationId(), m.chaseKey(), m.kind(), m.step(),
                m.recipientRole(), m.recipientName(), m.recipientEmail(), m.status(), m.reason(), outboxId, m.dueOn(), m.createdAt());
    }

    /** The roles a due item goes to, each with the recipients that name it; a reminder also goes to each open section's assignee. */
    private static Map<String, List<Recipient>> rolesOf(Due due, Organisation o, ReturnFacts.Fact f, BankModel.Version asked) {
        Map<String, List<Recipient>> roles = new java.util.LinkedHashMap<>();
        if (due.kind() == ChasePlanner.Kind.REMINDER) {
            roles.put(LadderRecipient.LEAD.name(), LadderRecipient.LEAD.of(o));
            for (BankModel.Section s : asked.sections()) {
                Long assignee = f.assignees().get(s.key());
                if (assignee != null && !f.completed().contains(s.key())) {
                    roles.computeIfAbsent(ASSIGNEE, k -> new ArrayList<>()).add(AccountRecipient.account(assignee));
                }
            }
        } else {
            due.ladderStep().recipients().forEach(role -> roles.put(role.name(), role.of(o)));
        }
        return roles;
    }

    private static ChaseEmail email(String partnershipName, CycleTerms cycle, Organisation o, ReturnFacts.Fact f, BankModel.Version asked,
                                    Due due, LocalDate deadline, LocalDate today) {
        List<String> toDo = asked.sections().stream().filter(s -> !f.completed().contains(s.key())).map(BankModel.Section::title).toList();
        int percent = percentAnswered(f, asked);
        long days = Math.abs(ChronoUnit.DAYS.between(today, deadline));
        boolean reminder = due.kind() == ChasePlanner.Kind.REMINDER;
        String when = reminder ? (days == 0 ? "today, " + Dates.date(deadline) : "in " + days + (days == 1 ? " day" : " days") + ", on " + Dates.date(deadline))
                : days + (days == 1 ? " day" : " days") + " ago, on " + Dates.date(deadline);
        String subject = reminder ? "Reminder: safeguarding self-assessment due " + (days == 0 ? "today" : "in " + days + (days == 1 ? " day" : " days"))
                : due.ladderStep().subject();
        String words = reminder ? "This is a reminder that your organisation's safeguarding self-assessment for the partnership is not yet "
                + "submitted. Please complete the sections still open and submit it by the deadline." : due.ladderStep().body();
        return new ChaseEmail(partnershipName, o.name(), cycle.name(), subject, words, reminder,
                !reminder && due.ladderStep().formalRequest(), Dates.date(deadline), when, percent, toDo, "/returns/" + f.returnId());
    }

    /**
     * The share of the questions asked of the organisation that someone has answered or confirmed. Conditional
     * questions are left out of the base (whether they are asked depends on answers), so this can differ by a few
     * points from the task list's figure, which counts them once they are shown.
     */
    static int percentAnswered(ReturnFacts.Fact f, BankModel.Version asked) {
        long questions = asked.questions().stream().filter(q -> q.showWhen() == null).count();
        return questions == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * f.answered() / questions));
    }

    private static String group(String key) {
        String[] parts = key.split(":", 4);
        return parts[0] + ":" + parts[1] + ":" + parts[2];
    }

    private static String address(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
