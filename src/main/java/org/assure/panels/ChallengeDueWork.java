package org.assure.panels;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.assure.accounts.AccountRecipient;
import org.assure.jobs.DuePiece;
import org.assure.jobs.DueWork;
import org.assure.kernel.Dates;
import org.assure.notify.Notifications;
import org.assure.notify.Recipient;
import org.assure.organisations.OrganisationService;
import org.assure.panels.PanelRepositories.Challenge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Challenges on the due-work runner: for each released, unanswered challenge, a reminder to the organisation's leads
 * {@value #REMINDER_DAYS} days before it is due ("challenge:12:reminder") and an overdue notice the day after, to the leads
 * and the partnership's admins ("challenge:12:overdue"), each once, at the chasing hour in England. A challenge released
 * within the reminder's days gets no reminder (the release email has just told them), and one overdue for more than
 * {@value #OFFERED_DAYS} days is no longer offered, to keep the answer bounded.
 */
@Singleton
class ChallengeDueWork implements DueWork {
    static final int REMINDER_DAYS = 3;
    static final int OFFERED_DAYS = 30;

    private final PanelRepositories.Challenges challenges;
    private final PanelRepositories.Cases cases;
    private final PanelRepositories.Panels panels;
    private final PanelRepositories.Moderations moderations;
    private final OrganisationService organisations;
    private final Notifications notifications;
    private final LocalTime sendAt;

    ChallengeDueWork(PanelRepositories.Challenges challenges, PanelRepositories.Cases cases, PanelRepositories.Panels panels,
                     PanelRepositories.Moderations moderations, OrganisationService organisations, Notifications notifications,
                     @Value("${assure.chasing.send-hour:7}") int sendHour) {
        this.challenges = challenges;
        this.cases = cases;
        this.panels = panels;
        this.moderations = moderations;
        this.organisations = organisations;
        this.notifications = notifications;
        this.sendAt = LocalTime.of(sendHour, 0);
    }

    @Override
    public String name() {
        return "challenges";
    }

    @Override
    public List<DuePiece> due(Instant now) {
        LocalDate today = Dates.dateOf(now);
        List<DuePiece> pieces = new ArrayList<>();
        for (Challenge c : challenges.findByReleasedAtIsNotNullAndAnsweredAtIsNullAndDueOnLessThanEquals(today.plusDays(REMINDER_DAYS))) {
            if (c.dueOn() == null || c.dueOn().isBefore(today.minusDays(OFFERED_DAYS))) {
                continue;
            }
            LocalDate remindOn = c.dueOn().minusDays(REMINDER_DAYS);
            Instant remindAt = at(remindOn);
            if (!remindAt.isAfter(now) && !today.isAfter(c.dueOn()) && Dates.dateOf(c.releasedAt()).isBefore(remindOn)) {
                pieces.add(DuePiece.once("challenge:" + c.id() + ":reminder", remindAt, "reminder of a panel's challenge",
                        () -> send(c.id(), false)).forPartnership(c.partnershipId()));
            }
            Instant overdueAt = at(c.dueOn().plusDays(1));
            if (!overdueAt.isAfter(now)) {
                pieces.add(DuePiece.once("challenge:" + c.id() + ":overdue", overdueAt, "overdue notice of a panel's challenge",
                        () -> send(c.id(), true)).forPartnership(c.partnershipId()));
            }
        }
        return pieces;
    }

    private Instant at(LocalDate day) {
        return day.atTime(sendAt).atZone(Dates.ZONE).toInstant();
    }

    /** Read again inside the piece's transaction: answered (or the case moderated) since it was offered, nothing is sent. */
    private String send(long challengeId, boolean overdue) {
        Challenge c = challenges.findById(challengeId).orElse(null);
        if (c == null || c.answered() || !c.released()) {
            return "answered or withdrawn: nothing sent";
        }
        if (moderations.findByCaseId(c.caseId()).map(m -> m.outcome() != null).orElse(false)) {
            return "case moderated: nothing sent";
        }
        PanelRepositories.Case theCase = cases.findById(c.caseId()).orElseThrow();
        String panelName = panels.findByIdAndPartnershipId(theCase.panelId(), c.partnershipId()).map(PanelRepositories.Panel::name).orElse("panel");
        String organisation = organisations.findInPartnership(c.partnershipId(), theCase.organisationId()).map(o -> o.name()).orElse("");
        ChallengeDueEmail email = new ChallengeDueEmail(organisation, panelName, c.kind().label(), c.text(), Dates.date(c.dueOn()), overdue,
                CaseChallenges.returnPath(c.returnId()));
        List<Recipient> to = new ArrayList<>(List.of(AccountRecipient.leadsOf(theCase.organisationId())));
        if (overdue) {
            to.add(AccountRecipient.partnershipAdmins());
        }
        int sent = notifications.send(c.partnershipId(), email, to).size();
        return sent + " sent";
    }
}
