package org.assure.actions;

import org.assure.chasing.ChaseOutcome;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.actions.ActionRepositories.Chase;
import org.assure.actions.ActionRepositories.Item;
import org.assure.chasing.ChasePlanner;
import org.assure.chasing.ChasingRules;
import org.assure.chasing.LadderRecipient;
import org.assure.kernel.Dates;
import org.assure.notify.Addressee;
import org.assure.notify.Notifications;
import org.assure.notify.Recipient;
import org.assure.notify.Recipients;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.partnerships.PartnershipService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One partnership's action chasing for one day (ADR 0038): every reminder and escalation step due by then for its open
 * actions, written once per recipient (the unique chase key) in the transaction of its outbox email, as the returns'
 * chasing writes (ADR 0029, 0030). A role with nobody to write to is recorded as not sent, with the reason; a person who
 * has had the week's cap of action emails is held (recorded, and sent by the first run the cap allows).
 */
@Singleton
class ActionChaseRun {
    static final String OWNER = "OWNER";
    /** How many actions' emails are resolved and written together, so memory and statements stay bounded. */
    static final int ACTIONS_PER_BATCH = 500;
    static final Set<ActionStatus> CHASED = EnumSet.of(ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS);

    private final ActionRepositories.Items items;
    private final ActionRepositories.Chases chases;
    private final OrganisationService organisations;
    private final PartnershipService partnerships;
    private final Recipients recipients;
    private final Notifications notifications;
    private final Clock clock;

    ActionChaseRun(ActionRepositories.Items items, ActionRepositories.Chases chases, OrganisationService organisations,
                   PartnershipService partnerships, Recipients recipients, Notifications notifications, Clock clock) {
        this.items = items;
        this.chases = chases;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.recipients = recipients;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The days a run looks at: from the oldest due date that may still owe a step to the furthest a reminder reaches. */
    static LocalDate firstDueLookedAt(LocalDate today) {
        return today.minusDays(ActionLadder.OVERDUE_DAYS_LOOKED_AT);
    }

    static LocalDate lastDueLookedAt(LocalDate today) {
        return today.plusDays(ActionLadder.REMINDER_DAYS.stream().max(Integer::compare).orElse(0));
    }

    @Transactional
    ChaseOutcome run(long partnershipId, LocalDate today) {
        List<Item> open = items.findByPartnershipIdAndStatusInAndDueOnBetweenOrderById(partnershipId, CHASED, firstDueLookedAt(today),
                lastDueLookedAt(today));
        Tally tally = new Tally();
        if (open.isEmpty()) {
            return new ChaseOutcome(0, 0, 0);
        }
        Map<Long, Organisation> orgs = organisations.active(partnershipId).stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        String partnershipName = partnerships.find(partnershipId).orElseThrow().name();
        Instant now = clock.instant();
        Map<String, Integer> sentThisWeek = new HashMap<>();
        for (int from = 0; from < open.size(); from += ACTIONS_PER_BATCH) {
            List<Item> batch = open.subList(from, Math.min(open.size(), from + ACTIONS_PER_BATCH));
            Map<String, Chase> written = new HashMap<>();
            chases.findByActionIdIn(batch.stream().map(Item::id).toList()).forEach(c -> written.put(c.chaseKey(), c));
            // a group (one reminder or step of one action) is done once something in it was sent and nobody in it is held or
            // recorded as missing: a contact added since gets it, a lead who joins later is not sent old steps
            Set<String> unfinished = written.values().stream().filter(c -> !Chase.SENT.equals(c.status())).map(c -> group(c.chaseKey()))
                    .collect(Collectors.toSet());
            Set<String> done = written.values().stream().filter(c -> Chase.SENT.equals(c.status())).map(c -> group(c.chaseKey()))
                    .filter(g -> !unfinished.contains(g)).collect(Collectors.toSet());
            List<Wanted> wanted = new ArrayList<>();
            for (Item i : batch) {
                Organisation o = orgs.get(i.organisationId());
                if (o == null) {
                    continue; // an archived organisation's actions are not chased
                }
                for (ChasePlanner.Due due : ActionLadder.due(i.status(), i.dueOn(), o, today)) {
                    String group = "a" + i.id() + ":" + due.kind().name().toLowerCase(Locale.ROOT) + ":" + due.step();
                    if (done.contains(group)) {
                        continue;
                    }
                    ActionChaseEmail email = email(partnershipName, o, i, due, today);
                    rolesOf(due, o, i).forEach((role, to) -> wanted.add(new Wanted(i, o, due, group, email, role, to)));
                }
            }
            write(partnershipId, wanted, written, sentThisWeek, now, tally);
        }
        return new ChaseOutcome(tally.sent, tally.notSent, tally.held);
    }

    private record Wanted(Item action, Organisation o, ChasePlanner.Due due, String group, ActionChaseEmail email, String role, List<Recipient> to) {
    }

    private static final class Tally {
        int sent;
        int notSent;
        int held;
        boolean capRead;
    }

    private void write(long partnershipId, List<Wanted> wanted, Map<String, Chase> written, Map<String, Integer> sentThisWeek, Instant now,
                       Tally tally) {
        if (wanted.isEmpty()) {
            return;
        }
        if (!tally.capRead) {
            chases.sentSince(partnershipId, now.minus(Duration.ofDays(7))).forEach(a -> sentThisWeek.merge(address(a), 1, Integer::sum));
            tally.capRead = true;
        }
        int cap = ChasingRules.DEFAULT_WEEKLY_CAP;
        List<List<Addressee>> people = recipients.resolveEach(partnershipId, wanted.stream().map(Wanted::to).toList());
        List<Chase> rows = new ArrayList<>();
        List<Notifications.Addressed> emails = new ArrayList<>();
        List<Chase> sentRows = new ArrayList<>(); // in the order of emails: a new row, or a held row now sent
        for (int n = 0; n < wanted.size(); n++) {
            Wanted w = wanted.get(n);
            List<Addressee> found = people.get(n);
            if (found.isEmpty()) {
                String key = w.group() + ":" + w.role() + ":none";
                if (!written.containsKey(key)) {
                    String reason = OWNER.equals(w.role()) ? "The action's owner has no email address" : LadderRecipient.valueOf(w.role()).missing(w.o());
                    Chase row = row(w, key, null, Chase.NOT_SENT, reason, now);
                    written.put(key, row);
                    rows.add(row);
                    tally.notSent++;
                }
                continue;
            }
            for (Addressee person : found) {
                String key = w.group() + ":" + address(person.address());
                Chase before = written.get(key);
                if (before != null && Chase.SENT.equals(before.status())) {
                    continue; // sent on an earlier run, or to the same person in another role of this one
                }
                if (sentThisWeek.getOrDefault(address(person.address()), 0) >= cap) {
                    tally.held++;
                    if (before == null) {
                        Chase row = row(w, key, person, Chase.HELD, "Held back by the weekly cap; sent on a later day if it is still due", now);
                        written.put(key, row);
                        rows.add(row);
                    }
                    continue;
                }
                sentThisWeek.merge(address(person.address()), 1, Integer::sum);
                emails.add(new Notifications.Addressed(w.email(), person));
                Chase row = before != null ? before : row(w, key, person, Chase.SENT, null, now);
                if (before == null) {
                    rows.add(row);
                }
                written.put(key, row.sent(0, now));
                sentRows.add(row);
                tally.sent++;
            }
        }
        List<Long> outboxIds = notifications.sendEach(partnershipId, emails);
        Map<String, Long> outboxOf = new HashMap<>();
        for (int n = 0; n < sentRows.size(); n++) {
            Chase row = sentRows.get(n);
            if (row.id() != null) {
                chases.update(row.sent(outboxIds.get(n), now)); // held on an earlier run, sent now
            } else {
                outboxOf.put(row.chaseKey(), outboxIds.get(n));
            }
        }
        // new rows in one go; a key another run wrote meanwhile fails the insert and rolls this run back (ADR 0029)
        chases.saveAll(rows.stream().map(r -> outboxOf.containsKey(r.chaseKey()) ? r.sent(outboxOf.get(r.chaseKey()), now) : r).toList());
    }

    private static Chase row(Wanted w, String key, Addressee person, String status, String reason, Instant now) {
        return new Chase(null, w.action().partnershipId(), w.action().id(), w.o().id(), key, w.due().kind().name(), w.due().step(), w.role(),
                person == null ? null : person.name(), person == null ? null : person.address(), status, reason, null, w.due().dueOn(), now);
    }

    /** The roles a due item goes to: the owner (reminders and the first step), then the step's roles (a reminder's: the lead). */
    private static Map<String, List<Recipient>> rolesOf(ChasePlanner.Due due, Organisation o, Item i) {
        Map<String, List<Recipient>> roles = new LinkedHashMap<>();
        if (ActionLadder.toOwner(due)) {
            roles.put(OWNER, i.ownerEmail().isBlank() ? List.of() : List.of(Recipient.person(i.ownerName(), i.ownerEmail())));
        }
        if (due.kind() == ChasePlanner.Kind.REMINDER) {
            roles.put(LadderRecipient.LEAD.name(), LadderRecipient.LEAD.of(o));
        } else {
            due.ladderStep().recipients().forEach(role -> roles.put(role.name(), role.of(o)));
        }
        return roles;
    }

    private static ActionChaseEmail email(String partnershipName, Organisation o, Item i, ChasePlanner.Due due, LocalDate today) {
        boolean reminder = due.kind() == ChasePlanner.Kind.REMINDER;
        long days = Math.abs(ChronoUnit.DAYS.between(today, i.dueOn()));
        String inDays = days + (days == 1 ? " day" : " days");
        String when = reminder ? (days == 0 ? "today, " + Dates.date(i.dueOn()) : "in " + inDays + ", on " + Dates.date(i.dueOn()))
                : inDays + " ago, on " + Dates.date(i.dueOn());
        String subject = reminder ? "Reminder: a safeguarding action is due " + (days == 0 ? "today" : "in " + inDays) : due.ladderStep().subject();
        String words = reminder ? "This is a reminder that an action in your organisation's safeguarding action plan is due soon. Please complete "
                + "it and mark it as done, with what shows it is done." : due.ladderStep().body();
        return new ActionChaseEmail(partnershipName, o.name(), i.what(), i.ownerName(), i.ownerRole(), subject, words, reminder,
                i.status().label(), when, "/actions/" + i.id());
    }

    private static String group(String key) {
        String[] parts = key.split(":", 4);
        return parts[0] + ":" + parts[1] + ":" + parts[2];
    }

    private static String address(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
