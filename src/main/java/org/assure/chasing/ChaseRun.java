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
    private final Clock clock;

    ChaseRun(ReturnFacts facts, RulesStore rules, ReturnStates states, OrganisationService organisations, PartnershipService partnerships,
             QuestionBanks banks, ChasingRepositories.Messages messages, PanelListing panelList, Recipients recipients,
             Notifications notifications, Clock clock) {
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
        this.clock = clock;
    }

    /** What a run did, in words for the jobs page: "12 sent, 1 not sent, 2 held by the weekly cap". */
    record Outcome(int sent, int notSent, int held) {
        String summary() {
            if (sent + notSent + held == 0) {
                return "nothing due";
            }
            return sent + " sent" + (notSent > 0 ? ", " + notSent + " not sent" : "") + (held > 0 ? ", " + held + " held by the weekly cap" : "");
        }
    }

    @Transactional
    Outcome run(CycleTerms cycle, LocalDate today) {
        List<ReturnFacts.Fact> returns = facts.ofCycle(cycle.id());
        if (returns.isEmpty()) {
            return new Outcome(0, 0, 0);
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
        Map<String, Integer> sentThisWeek = new HashMap<>();
        messages.sentSince(cycle.id(), now.minus(Duration.ofDays(7))).forEach(m -> sentThisWeek.merge(address(m.recipientEmail()), 1, Integer::sum));
        Map<Long, Organisation> orgs = organisations.active(cycle.partnershipId()).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion());
        String partnershipName = partnerships.find(cycle.partnershipId()).orElseThrow().name();
        Map<String, BankModel.Version> askedByShape = new HashMap<>();

        int sent = 0;
        int notSent = 0;
        int held = 0;
        List<ChaseMessage> toSave = new ArrayList<>();
        for (ReturnFacts.Fact f : returns) {
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
                for (Map.Entry<String, List<Recipient>> role : rolesOf(due, o, f, asked).entrySet()) {
                    List<Addressee> people = recipients.resolve(cycle.partnershipId(), role.getValue());
                    if (people.isEmpty() && !ASSIGNEE.equals(role.getKey()) && LadderRecipient.valueOf(role.getKey()).ifThereIsOne()) {
                        continue;
                    }
                    if (people.isEmpty()) {
                        String key = group + ":" + role.getKey() + ":none";
                        if (written.putIfAbsent(key, ChaseMessage.NOT_SENT) == null) {
                            String reason = ASSIGNEE.equals(role.getKey()) ? "The section's assignee has no email address"
                                    : LadderRecipient.valueOf(role.getKey()).missing(o);
                            toSave.add(new ChaseMessage(null, cycle.partnershipId(), cycle.id(), f.returnId(), o.id(), key, due.kind().name(),
                                    due.step(), role.getKey(), null, null, ChaseMessage.NOT_SENT, reason, null, due.dueOn(), now));
                            notSent++;
                        }
                        continue;
                    }
                    for (Addressee person : people) {
                        String key = group + ":" + address(person.address());
                        String before = written.get(key);
                        if (ChaseMessage.SENT.equals(before)) {
                            continue;
                        }
                        if (sentThisWeek.getOrDefault(address(person.address()), 0) >= r.weeklyCap()) {
                            held++;
                            if (before == null) {
                                written.put(key, ChaseMessage.HELD);
                                toSave.add(new ChaseMessage(null, cycle.partnershipId(), cycle.id(), f.returnId(), o.id(), key, due.kind().name(),
                                        due.step(), role.getKey(), person.name(), person.address(), ChaseMessage.HELD,
                                        "Held back by the weekly cap; sent on a later day if it is still due", null, due.dueOn(), now));
                            }
                            continue;
                        }
                        long outboxId = notifications.sendTo(cycle.partnershipId(), email, person);
                        written.put(key, ChaseMessage.SENT);
                        sentThisWeek.merge(address(person.address()), 1, Integer::sum);
                        ChaseMessage message = new ChaseMessage(null, cycle.partnershipId(), cycle.id(), f.returnId(), o.id(), key,
                                due.kind().name(), due.step(), role.getKey(), person.name(), person.address(), ChaseMessage.SENT, null, outboxId,
                                due.dueOn(), now);
                        if (ChaseMessage.HELD.equals(before)) {
                            // the row held back on an earlier run: now sent (the update fails if another run sent it meanwhile)
                            ChaseMessage earlier = messages.findByChaseKey(key).orElseThrow();
                            messages.update(new ChaseMessage(earlier.id(), message.partnershipId(), message.cycleId(), message.returnId(),
                                    message.organisationId(), key, message.kind(), message.step(), message.recipientRole(), message.recipientName(),
                                    message.recipientEmail(), ChaseMessage.SENT, null, outboxId, message.dueOn(), now));
                        } else {
                            toSave.add(message);
                        }
                        sent++;
                    }
                }
                if (due.ladderStep() != null && due.ladderStep().addsToPanelList()) {
                    panelList.add(cycle.partnershipId(), cycle.id(), o.id(), f.returnId(), PanelListing.NON_COMPLETION,
                            "Not submitted " + ChronoUnit.DAYS.between(s.deadline(), today) + " days after the deadline (step "
                                    + due.step() + ")");
                }
            }
        }
        messages.saveAll(toSave);
        return new Outcome(sent, notSent, held);
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
