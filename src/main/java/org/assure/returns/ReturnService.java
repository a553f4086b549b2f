package org.assure.returns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Dates;
import org.assure.kernel.Refusal;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The returns feature's entrance: a return loaded for a person, with the access policy's answers, and
 * each person's returns for their dashboard. The work on a return is done beside it: {@link SectionPages},
 * {@link SectionSaving}, {@link Delegation}, {@link Submissions}; cycles open returns through {@link CycleReturns}.
 */
@Singleton
public class ReturnService {
    static final String SAME_MOMENT = "Someone saved this answer at the same moment. Your answers were not saved; go back and save again.";
    private final ReturnRows rows;
    private final ReturnRepositories.Sections sections;
    private final ReturnRepositories.Submissions submissions;
    private final CycleLookup cycles;
    private final OrganisationService organisations;
    private final QuestionBanks banks;
    private final AccessPolicy access;
    private final Clock clock;
    private final ReturnDeadlines deadlines;

    ReturnService(ReturnRows rows, ReturnRepositories.Sections sections, ReturnRepositories.Submissions submissions, CycleLookup cycles,
                  OrganisationService organisations, QuestionBanks banks, AccessPolicy access, Clock clock, ReturnDeadlines deadlines) {
        this.deadlines = deadlines;
        this.rows = rows;
        this.sections = sections;
        this.submissions = submissions;
        this.cycles = cycles;
        this.organisations = organisations;
        this.banks = banks;
        this.access = access;
        this.clock = clock;
    }

    /** A change the return does not allow now (read-only, or someone saved at the same moment), with the way back to it. */
    static Refusal refused(long returnId, String reason) {
        return Refusal.conflict(reason).backTo("/returns/" + returnId, "Back to the return");
    }

    /** The return, for someone the policy lets open it; any other is "not found", as if it did not exist. */
    @Transactional
    public ReturnContext load(CurrentUser user, long returnId) {
        return load(user, returnId, Action.OPEN);
    }

    /** The return, for someone who may also do this to it (403 with the reason otherwise). */
    @Transactional
    public ReturnContext load(CurrentUser user, long returnId, Action action) {
        AuditReturn r = rows.find(returnId).orElseThrow(() -> Refusal.notFound("Return"));
        Target.Return target = Target.ofReturn(r.partnershipId(), r.organisationId());
        // the action alone decides: each includes seeing the return, and a chair views it whole without opening its working pages
        access.require(user, action, target, "Return");
        CycleTerms cycle = cycles.terms(r.cycleId());
        Organisation o = organisations.findInPartnership(r.partnershipId(), r.organisationId()).orElseThrow(() -> Refusal.notFound("Return"));
        // the sections and questions this organisation is asked: every page of the return reads the bank through it
        BankModel.Version bank = banks.get(cycle.bankKey(), cycle.bankVersion()).askedOf(o);
        Map<String, Long> assignees = new HashMap<>();
        sections.findByReturnId(returnId).stream().filter(s -> s.assignedAccountId() != null)
                .forEach(s -> assignees.put(s.sectionKey(), s.assignedAccountId()));
        Set<String> openable = new LinkedHashSet<>();
        bank.sections().stream()
                .filter(s -> access.allows(user, Action.OPEN, Target.section(r.partnershipId(), r.organisationId(), assignees.get(s.key()))))
                .forEach(s -> openable.add(s.key()));
        var may = new ReturnContext.Permissions(access.allows(user, Action.OPEN, target), access.allows(user, Action.VIEW, target),
                access.allows(user, Action.EDIT, target),
                access.allows(user, Action.ASSIGN, target), access.allows(user, Action.SUBMIT, target),
                access.allows(user, Action.RETURN_FOR_CHANGES, target), access.allows(user, Action.READ_REPORTS, target));
        ReturnDeadlines.Own own = deadlines.of(cycle, List.of(returnId)).get(returnId);
        return new ReturnContext(r, cycle, o, bank, may, today(), Map.copyOf(assignees), Set.copyOf(openable),
                own == null ? cycle.deadline() : own.deadline(), own == null ? null : own.note());
    }

    /**
     * A section of the return that applies to its organisation (404 otherwise) and that this person may open
     * (a contributor opening a section assigned to someone else is refused, 403, not shown read-only).
     */
    BankModel.Section section(CurrentUser user, ReturnContext ctx, String key, Action action) {
        BankModel.Section section = ctx.applicableSections().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> Refusal.notFound("Section"));
        access.require(user, action, Target.section(ctx.ret().partnershipId(), ctx.organisation().id(), ctx.assigneeOf(key)), "Section");
        return section;
    }

    public LocalDate today() {
        return Dates.today(clock);
    }

    // ---- dashboard ----

    /** {@code note}: the return's own terms (an extension, a pause), or null. */
    public record DashboardRow(long returnId, String cycleName, String organisation, String bank, ReturnStatus status,
                               String deadline, long daysLeft, String due, boolean late, @io.micronaut.core.annotation.Nullable String note) {
    }

    /** The returns of the person's organisations in open cycles that the policy lets them open, soonest deadline first. */
    @Transactional
    public List<DashboardRow> dashboard(CurrentUser user) {
        LocalDate today = today();
        List<AuditReturn> mine = rows.ofOrganisations(user.organisationIds()).stream()
                .filter(r -> access.allows(user, Action.OPEN, Target.ofReturn(r.partnershipId(), r.organisationId()))).toList();
        Map<Long, java.time.Instant> firstSubmitted = new HashMap<>();
        if (!mine.isEmpty()) {
            submissions.findByReturnIdInAndSubmissionNumber(mine.stream().map(AuditReturn::id).toList(), 1)
                    .forEach(s -> firstSubmitted.put(s.returnId(), s.submittedAt()));
        }
        List<DashboardRow> dashboard = new ArrayList<>();
        for (AuditReturn r : mine) {
            CycleTerms c = cycles.terms(r.cycleId());
            if (!c.open()) {
                continue;
            }
            Organisation o = organisations.findInPartnership(r.partnershipId(), r.organisationId()).orElseThrow();
            BankModel.Version v = banks.get(c.bankKey(), c.bankVersion());
            ReturnDeadlines.Own own = deadlines.of(c, List.of(r.id())).get(r.id());
            LocalDate deadline = own == null ? c.deadline() : own.deadline();
            long days = ChronoUnit.DAYS.between(today, deadline);
            dashboard.add(new DashboardRow(r.id(), c.name(), o.name(), v.title() + " — " + v.guidance(), r.status(),
                    Dates.date(deadline), days, due(days), Timeliness.late(deadline, today, firstSubmitted.get(r.id())),
                    own == null ? null : own.note()));
        }
        dashboard.sort(Comparator.comparingLong(DashboardRow::daysLeft).thenComparing(DashboardRow::returnId));
        return dashboard;
    }

    /** A return the person reads whole but does not work on (a chair), with each time it was submitted. */
    public record OverseenReturn(long returnId, String cycleName, String cycleStatus, String organisation, ReturnStatus status,
                                 String deadline, List<Submitted> submissions) {
    }

    /** One submission as the dashboard lists it: its reference, when, and whether it was late or sent back. */
    public record Submitted(int number, String reference, String submittedOn, boolean late, String returnedOn) {
        public boolean returned() {
            return !returnedOn.isEmpty();
        }
    }

    /**
     * The returns of the person's organisations, in every cycle, that the policy lets them read whole but not open
     * (a chair's view: what the organisation submitted and when), newest cycle first.
     */
    @Transactional
    public List<OverseenReturn> overseen(CurrentUser user) {
        List<AuditReturn> read = new ArrayList<>(rows.ofOrganisations(user.organisationIds()).stream().filter(r -> {
            Target.Return target = Target.ofReturn(r.partnershipId(), r.organisationId());
            return access.allows(user, Action.VIEW, target) && !access.allows(user, Action.OPEN, target);
        }).toList());
        java.util.Collections.reverse(read);
        Map<Long, List<Submitted>> sent = new HashMap<>();
        if (!read.isEmpty()) {
            submissions.findByReturnIdInOrderBySubmissionNumber(read.stream().map(AuditReturn::id).toList()).forEach(s ->
                    sent.computeIfAbsent(s.returnId(), id -> new ArrayList<>()).add(new Submitted(s.submissionNumber(), s.reference(),
                            Dates.date(Dates.dateOf(s.submittedAt())), s.late(),
                            s.returnedAt() == null ? "" : Dates.date(Dates.dateOf(s.returnedAt())))));
        }
        List<OverseenReturn> overseen = new ArrayList<>();
        for (AuditReturn r : read) {
            CycleTerms c = cycles.terms(r.cycleId());
            Organisation o = organisations.findInPartnership(r.partnershipId(), r.organisationId()).orElseThrow();
            overseen.add(new OverseenReturn(r.id(), c.name(), c.statusLabel(), o.name(), r.status(), Dates.date(c.deadline()),
                    sent.getOrDefault(r.id(), List.of())));
        }
        return overseen;
    }

    static String due(long days) {
        if (days == 0) {
            return "due today";
        }
        long n = Math.abs(days);
        return n + (n == 1 ? " day " : " days ") + (days > 0 ? "left" : "late");
    }
}
