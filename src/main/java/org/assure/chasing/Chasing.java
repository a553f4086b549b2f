package org.assure.chasing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.QuestionBanks;
import org.assure.chasing.ChasingRepositories.ChaseMessage;
import org.assure.chasing.ChasingRepositories.Extension;
import org.assure.chasing.ChasingRepositories.Pause;
import org.assure.chasing.ChasingRepositories.Response;
import org.assure.kernel.DateInput;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.notify.Notifications;
import org.assure.notify.Recipients;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnContext;
import org.assure.returns.ReturnFacts;
import org.assure.returns.ReturnService;
import org.assure.returns.ReturnStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The chasing pages' work: the cycle's chasing page and rules, a return's history, extensions, pauses and responses. */
@Singleton
public class Chasing {
    static final int LOOK_AHEAD_DAYS = 14;

    private final CycleLookup cycles;
    private final ReturnFacts facts;
    private final ReturnService returns;
    private final RulesStore rules;
    private final ReturnStates states;
    private final ChaseRun run;
    private final OrganisationService organisations;
    private final QuestionBanks banks;
    private final Recipients recipients;
    private final Notifications notifications;
    private final ChasingRepositories.Messages messages;
    private final ChasingRepositories.Extensions extensions;
    private final ChasingRepositories.Pauses pauses;
    private final ChasingRepositories.PanelList panelList;
    private final ChasingRepositories.Responses responses;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    Chasing(CycleLookup cycles, ReturnFacts facts, ReturnService returns, RulesStore rules, ReturnStates states, ChaseRun run,
            OrganisationService organisations, QuestionBanks banks, Recipients recipients, Notifications notifications, ChasingRepositories.Messages messages,
            ChasingRepositories.Extensions extensions, ChasingRepositories.Pauses pauses, ChasingRepositories.PanelList panelList,
            ChasingRepositories.Responses responses, AccessPolicy access, AuditTrail audit, Clock clock) {
        this.cycles = cycles;
        this.facts = facts;
        this.returns = returns;
        this.rules = rules;
        this.states = states;
        this.run = run;
        this.organisations = organisations;
        this.banks = banks;
        this.recipients = recipients;
        this.notifications = notifications;
        this.messages = messages;
        this.extensions = extensions;
        this.pauses = pauses;
        this.panelList = panelList;
        this.responses = responses;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the cycle's chasing page ----

    /** One outstanding return: where it is on the ladder and what is next. */
    public record Outstanding(long returnId, String organisation, String status, String deadline, String stage, @Nullable String extension,
                              @Nullable String pause, @Nullable String next) {
    }

    /** Something due within the look-ahead, to whom. */
    public record Upcoming(LocalDate on, String organisation, long returnId, String what, String to) {
        public String date() {
            return Dates.date(on);
        }
    }

    /** A chase message as the page lists it, with how delivery went. */
    public record Sent(String date, String organisation, long returnId, String what, String to, String delivery, boolean problem) {
    }

    public record PanelRow(String organisation, long returnId, String reason, String detail, String added) {
    }

    public record ResponseRow(String organisation, long returnId, String response, String at) {
    }

    public record ChasingPage(CycleTerms cycle, ChasingRules rules, List<Outstanding> outstanding, List<Upcoming> upcoming,
                              List<String> warnings, List<Sent> sent, List<Sent> problems, List<PanelRow> panel, List<ResponseRow> responses,
                              String today) {
        public String deadline() {
            return Dates.date(cycle.deadline());
        }
    }

    @Transactional
    public ChasingPage page(CurrentUser admin, long cycleId) {
        CycleTerms cycle = cycleOf(admin, cycleId);
        LocalDate today = Dates.today(clock);
        ChasingRules r = rules.of(cycleId);
        List<ReturnFacts.Fact> all = facts.ofCycle(cycleId);
        Map<Long, ReturnStates.State> state = states.of(cycle, all.stream().map(ReturnFacts.Fact::returnId).toList(), today);
        Map<Long, Organisation> orgs = organisations.active(cycle.partnershipId()).stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        List<ChaseMessage> written = messages.findByCycleIdOrderByIdDesc(cycleId);
        Map<Long, List<ChaseMessage>> byReturn = written.stream().collect(Collectors.groupingBy(ChaseMessage::returnId));

        List<Outstanding> outstanding = new ArrayList<>();
        List<Upcoming> upcoming = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<List<org.assure.notify.Recipient>> toCheck = new ArrayList<>(); // resolved together after the loop: a query or two per kind
        List<String> ifNobody = new ArrayList<>();
        for (ReturnFacts.Fact f : all) {
            Organisation o = orgs.get(f.organisationId());
            ReturnStates.State s = state.get(f.returnId());
            if (o == null || f.status() == ReturnStatus.SUBMITTED) {
                continue;
            }
            List<LadderStep> ladder = r.ladderFor(o.kind());
            List<ChasePlanner.Due> coming = ChasePlanner.upcoming(s.planned(false), r.reminderDays(), ladder, today, today.plusDays(LOOK_AHEAD_DAYS));
            List<ChasePlanner.Due> dueNow = ChasePlanner.due(s.planned(false), r.reminderDays(), ladder, today);
            for (ChasePlanner.Due d : coming) {
                upcoming.add(new Upcoming(d.dueOn(), o.name(), f.returnId(), what(d), to(d, ladder)));
            }
            // a step that cannot reach one of its people is warned before it is due, not discovered after
            List<ChasePlanner.Due> checked = new ArrayList<>(dueNow);
            checked.addAll(coming);
            for (ChasePlanner.Due d : checked) {
                if (d.ladderStep() == null) {
                    continue;
                }
                for (LadderRecipient role : d.ladderStep().recipients()) {
                    if (role.ifThereIsOne()) {
                        continue;
                    }
                    boolean alreadyRecorded = byReturn.getOrDefault(f.returnId(), List.of()).stream()
                            .anyMatch(m -> m.kind().equals("STEP") && m.step() == d.step() && m.recipientRole().equals(role.name()) && m.sent());
                    if (!alreadyRecorded) {
                        toCheck.add(role.of(o));
                        ifNobody.add(role.missing(o) + ": step " + d.step() + " (" + Dates.date(d.dueOn()) + ") cannot be sent to them");
                    }
                }
            }
            String stage;
            if (s.paused()) {
                stage = "Chasing paused";
            } else if (!today.isAfter(s.deadline())) {
                stage = "Before the deadline (" + ChronoUnit.DAYS.between(today, s.deadline()) + " days left)";
            } else {
                int reached = (int) dueNow.stream().filter(d -> d.kind() == ChasePlanner.Kind.STEP).count();
                stage = reached == 0 ? "Past the deadline" : "Step " + reached + " of " + ladder.size() + ": " + to(dueNow.get(dueNow.size() - 1), ladder);
            }
            outstanding.add(new Outstanding(f.returnId(), o.name(), f.status().label(), Dates.date(s.deadline()), stage,
                    s.extension() == null ? null : "Extended to " + Dates.date(s.extension().newDeadline()) + ": " + s.extension().reason(),
                    s.pause() == null ? null : "Paused" + (s.pause().pausedUntil() == null ? "" : " until " + Dates.date(s.pause().pausedUntil()))
                            + ": " + s.pause().reason(),
                    coming.isEmpty() ? null : Dates.date(coming.get(0).dueOn()) + ": " + what(coming.get(0))));
        }
        List<List<org.assure.notify.Addressee>> reached = recipients.resolveEach(cycle.partnershipId(), toCheck);
        for (int i = 0; i < reached.size(); i++) {
            if (reached.get(i).isEmpty()) {
                warnings.add(ifNobody.get(i));
            }
        }
        upcoming.sort(java.util.Comparator.comparing(Upcoming::on));

        Map<Long, Notifications.Delivery> delivery = notifications.deliveries(cycle.partnershipId(), written.stream().map(ChaseMessage::outboxId)
                .filter(java.util.Objects::nonNull).toList());
        List<Sent> sent = new ArrayList<>();
        List<Sent> problems = new ArrayList<>();
        for (ChaseMessage m : written) {
            Sent row = sent(m, orgs, delivery);
            (row.problem() ? problems : sent).add(row);
        }
        List<PanelRow> panel = panelList.findByCycleIdOrderById(cycleId).stream().map(p -> new PanelRow(name(orgs, p.organisationId()), p.returnId(),
                p.reason().equals(PanelListing.NON_COMPLIANCE) ? "Not compliant" : p.reason().equals(PanelListing.DIP_SAMPLE) ? "Dip sample" : "Not completed", p.detail(), Dates.moment(p.addedAt()))).toList();
        List<ResponseRow> answers = responses.findByReturnIdInOrderByIdDesc(all.stream().map(ReturnFacts.Fact::returnId).toList()).stream()
                .map(x -> new ResponseRow(name(orgs, all.stream().filter(f -> f.returnId() == x.returnId()).findFirst().orElseThrow().organisationId()),
                        x.returnId(), x.response(), Dates.moment(x.createdAt()))).toList();
        return new ChasingPage(cycle, r, outstanding, upcoming, warnings, sent.stream().limit(200).toList(), problems, panel, answers, Dates.date(today));
    }

    /** One open cycle's chasing at a glance, for the admin's dashboard. */
    public record Summary(long cycleId, String cycleName, String deadline, long outstanding, long pastDeadline, long notSent, long onPanelList) {
    }

    @Transactional
    public List<Summary> summaries(CurrentUser admin) {
        access.requireAdmin(admin);
        LocalDate today = Dates.today(clock);
        List<Summary> rows = new ArrayList<>();
        for (CycleTerms cycle : cycles.open()) {
            if (cycle.partnershipId() != admin.partnershipId()) {
                continue;
            }
            List<ReturnFacts.Fact> all = facts.ofCycle(cycle.id());
            List<ReturnFacts.Fact> open = all.stream().filter(f -> f.status() != ReturnStatus.SUBMITTED).toList();
            Map<Long, ReturnStates.State> state = states.of(cycle, open.stream().map(ReturnFacts.Fact::returnId).toList(), today);
            long past = open.stream().filter(f -> today.isAfter(state.get(f.returnId()).deadline())).count();
            long notSent = messages.countByCycleIdAndStatusNotEqual(cycle.id(), ChaseMessage.SENT);
            rows.add(new Summary(cycle.id(), cycle.name(), Dates.date(cycle.deadline()), open.size(), past, notSent,
                    panelList.countByCycleId(cycle.id())));
        }
        return rows;
    }

    /** Runs today's chasing for the cycle now, as the daily run would; what it did. */
    @Transactional
    public String sendNow(CurrentUser admin, long cycleId) {
        CycleTerms cycle = cycleOf(admin, cycleId);
        ChaseOutcome outcome = run.run(cycle, Dates.today(clock));
        audit.record(cycle.partnershipId(), admin.accountId(), ChasingAudit.SENT_NOW, cycleId, null,
                AuditFields.of(ChasingAudit.OUTCOME, outcome.summary()));
        return outcome.summary();
    }

    // ---- the rules page ----

    public record RulesPage(CycleTerms cycle, RulesForm form, boolean saved, String bankId) {
    }

    @Transactional
    public RulesPage rulesPage(CurrentUser admin, long cycleId) {
        CycleTerms cycle = cycleOf(admin, cycleId);
        ChasingRules r = rules.of(cycleId);
        return new RulesPage(cycle, RulesForm.of(r), r.saved(), cycle.bankKey() + "/" + cycle.bankVersion());
    }

    /** Saves the rules the form says, or gives back the form as posted with its errors. */
    @Transactional
    public Validated<RulesPage> saveRules(CurrentUser admin, long cycleId, Map<String, List<String>> posted) {
        CycleTerms cycle = cycleOf(admin, cycleId);
        RulesForm form = RulesForm.posted(posted);
        FormErrors errors = FormErrors.none();
        java.util.Set<String> removed = new java.util.HashSet<>(posted.getOrDefault("remove", List.of()));
        ChasingRules read = form.read(cycleId, banks.get(cycle.bankKey(), cycle.bankVersion()), removed, errors);
        RulesPage page = new RulesPage(cycle, form, true, cycle.bankKey() + "/" + cycle.bankVersion());
        if (read == null) {
            return new Validated<>(page, errors);
        }
        rules.save(cycle.partnershipId(), read, admin.accountId());
        audit.record(cycle.partnershipId(), admin.accountId(), ChasingAudit.RULES_CHANGED, cycleId, null,
                AuditFields.of(ChasingAudit.REMINDERS, RulesStore.join(read.reminderDays()), ChasingAudit.WEEKLY_CAP, String.valueOf(read.weeklyCap()),
                        ChasingAudit.THRESHOLD, read.notMetThreshold() == null ? "" : String.valueOf(read.notMetThreshold()),
                        ChasingAudit.CRITICAL, String.join(",", read.criticalQuestions())));
        return Validated.valid(page);
    }

    // ---- one return's chasing ----

    public record ReturnChasing(ReturnContext context, String deadline, int percentAnswered, @Nullable String extension, @Nullable String pause, List<Sent> sent,
                                List<ResponseRow> responses, boolean mayManage, boolean mayRespond, List<String> earlier) {
    }

    @Transactional
    public ReturnChasing returnPage(CurrentUser user, long returnId) {
        ReturnContext ctx = returns.load(user, returnId, Action.VIEW);
        ReturnStates.State s = states.of(ctx.cycle(), returnId, Dates.today(clock));
        Map<Long, Organisation> orgs = Map.of(ctx.organisation().id(), ctx.organisation());
        List<ChaseMessage> written = messages.findByReturnIdOrderByIdDesc(returnId);
        Map<Long, Notifications.Delivery> delivery = notifications.deliveries(ctx.ret().partnershipId(), written.stream().map(ChaseMessage::outboxId)
                .filter(java.util.Objects::nonNull).toList());
        boolean admin = access.allows(user, Action.ADMINISTER, Target.partnership(ctx.ret().partnershipId()));
        int percent = ChaseRun.percentAnswered(facts.ofReturn(returnId), ctx.bank());
        return new ReturnChasing(ctx, Dates.date(s.deadline()), percent,
                s.extension() == null ? null : "Extended to " + Dates.date(s.extension().newDeadline()) + ": " + s.extension().reason(),
                s.pause() == null ? null : "Chasing paused" + (s.pause().pausedUntil() == null ? "" : " until " + Dates.date(s.pause().pausedUntil()))
                        + ": " + s.pause().reason(),
                written.stream().map(m -> sent(m, orgs, delivery)).toList(),
                responses.findByReturnIdOrderByIdDesc(returnId).stream().map(x -> new ResponseRow(ctx.organisation().name(), returnId, x.response(),
                        Dates.moment(x.createdAt()))).toList(),
                admin, user.has(org.assure.access.Roles.CHAIR) && !admin, earlier(returnId));
    }

    public record ExtensionForm(@Nullable String day, @Nullable String month, @Nullable String year, @Nullable String reason) {
    }

    public record PauseForm(@Nullable String day, @Nullable String month, @Nullable String year, @Nullable String reason) {
    }

    public record ResponseForm(@Nullable String response) {
    }

    /** Every extension and pause of the return, oldest first, in words. */
    private List<String> earlier(long returnId) {
        List<String> lines = new ArrayList<>();
        extensions.findByReturnIdOrderById(returnId).forEach(e -> lines.add(Dates.moment(e.createdAt()) + ": deadline extended to "
                + Dates.date(e.newDeadline()) + " (" + e.reason() + ")"));
        pauses.findByReturnIdOrderById(returnId).forEach(p -> lines.add(Dates.moment(p.createdAt()) + ": chasing paused"
                + (p.pausedUntil() == null ? "" : " until " + Dates.date(p.pausedUntil())) + " (" + p.reason() + ")"
                + (p.endedAt() == null ? "" : "; resumed " + Dates.moment(p.endedAt()))));
        return lines;
    }

    @Transactional
    public Validated<String> extend(CurrentUser admin, long returnId, ExtensionForm form) {
        ReturnContext ctx = manageable(admin, returnId);
        FormErrors errors = FormErrors.none();
        LocalDate date = new DateInput(form.day(), form.month(), form.year()).read("extension", "the new deadline", true, errors);
        String reason = reason(form.reason(), "extensionReason", "Say why the deadline is extended", errors);
        if (date != null && !date.isAfter(ctx.cycle().deadline())) {
            errors.add("extension", "The new deadline must be after the cycle's deadline, " + Dates.date(ctx.cycle().deadline()));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        extensions.save(new Extension(null, ctx.ret().partnershipId(), returnId, date, reason, admin.accountId(), clock.instant()));
        audit.record(ctx.ret().partnershipId(), admin.accountId(), ChasingAudit.EXTENDED, returnId, null,
                AuditFields.of(ChasingAudit.DEADLINE, date.toString(), ChasingAudit.REASON, reason));
        return Validated.valid("Deadline extended to " + Dates.date(date));
    }

    @Transactional
    public Validated<String> pause(CurrentUser admin, long returnId, PauseForm form) {
        ReturnContext ctx = manageable(admin, returnId);
        FormErrors errors = FormErrors.none();
        boolean blank = Text.blank(form.day()) && Text.blank(form.month()) && Text.blank(form.year());
        LocalDate until = blank ? null : new DateInput(form.day(), form.month(), form.year()).read("pause", "the date chasing starts again", true, errors);
        String reason = reason(form.reason(), "pauseReason", "Say why chasing is paused", errors);
        if (until != null && until.isBefore(Dates.today(clock))) {
            errors.add("pause", "The date chasing starts again must be today or later");
        }
        if (pauses.findByReturnIdOrderById(returnId).stream().anyMatch(p -> p.activeOn(Dates.today(clock)))) {
            errors.add("pauseReason", "Chasing is already paused for this return: end that pause first");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        pauses.save(new Pause(null, ctx.ret().partnershipId(), returnId, reason, until, admin.accountId(), clock.instant(), null, null));
        audit.record(ctx.ret().partnershipId(), admin.accountId(), ChasingAudit.PAUSED, returnId, null,
                AuditFields.of(ChasingAudit.UNTIL, until == null ? "" : until.toString(), ChasingAudit.REASON, reason));
        return Validated.valid(until == null ? "Chasing paused" : "Chasing paused until " + Dates.date(until));
    }

    @Transactional
    public String endPause(CurrentUser admin, long returnId) {
        ReturnContext ctx = manageable(admin, returnId);
        List<Pause> active = pauses.findByReturnIdOrderById(returnId).stream().filter(p -> p.activeOn(Dates.today(clock))).toList();
        for (Pause p : active) {
            pauses.update(new Pause(p.id(), p.partnershipId(), p.returnId(), p.reason(), p.pausedUntil(), p.createdBy(), p.createdAt(),
                    admin.accountId(), clock.instant()));
            audit.record(ctx.ret().partnershipId(), admin.accountId(), ChasingAudit.PAUSE_ENDED, returnId, null, null);
        }
        return active.isEmpty() ? "Chasing was not paused" : "Chasing resumed";
    }

    @Transactional
    public Validated<String> respond(CurrentUser chair, long returnId, ResponseForm form) {
        ReturnContext ctx = returns.load(chair, returnId, Action.VIEW);
        if (!chair.has(org.assure.access.Roles.CHAIR)) {
            throw Refusal.forbidden("Only an escalation contact of the organisation records a response here");
        }
        FormErrors errors = FormErrors.none();
        String text = reason(form.response(), "response", "Write what is being done", errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        responses.save(new Response(null, ctx.ret().partnershipId(), returnId, chair.accountId(), text, clock.instant()));
        audit.record(ctx.ret().partnershipId(), chair.accountId(), ChasingAudit.RESPONDED, returnId, null, AuditFields.of(AuditFields.TEXT, text));
        return Validated.valid("Your response has been recorded; the partnership can see it");
    }

    // ---- helpers ----

    private ReturnContext manageable(CurrentUser admin, long returnId) {
        ReturnContext ctx = returns.load(admin, returnId, Action.VIEW);
        access.require(admin, Action.ADMINISTER, Target.partnership(ctx.ret().partnershipId()), "Return");
        return ctx;
    }

    CycleTerms cycleOf(CurrentUser admin, long cycleId) {
        access.requireAdmin(admin);
        return cycles.find(admin.partnershipId(), cycleId).orElseThrow(() -> Refusal.notFound("Cycle"));
    }

    private static @Nullable String reason(@Nullable String value, String field, String missing, FormErrors errors) {
        String text = Text.clean(value);
        if (text == null) {
            errors.add(field, missing);
        } else if (text.length() > 500) {
            errors.add(field, "Write 500 characters or fewer");
        }
        return text;
    }

    private static Sent sent(ChaseMessage m, Map<Long, Organisation> orgs, Map<Long, Notifications.Delivery> delivery) {
        String to = m.recipientEmail() == null ? role(m.recipientRole()) : m.recipientName() + " (" + role(m.recipientRole()) + ")";
        String what = switch (m.kind()) {
            case "REMINDER" -> "Reminder, " + m.step() + (m.step() == 1 ? " day" : " days") + " before the deadline";
            case "STEP" -> "Escalation step " + m.step();
            default -> "Non-compliance raised";
        };
        if (m.held()) {
            return new Sent(Dates.moment(m.createdAt()), name(orgs, m.organisationId()), m.returnId(), what, to, m.reason(), false);
        }
        if (!m.sent()) {
            return new Sent(Dates.moment(m.createdAt()), name(orgs, m.organisationId()), m.returnId(), what, to, "Not sent: " + m.reason(), true);
        }
        Notifications.Delivery e = m.outboxId() == null ? null : delivery.get(m.outboxId());
        String state = e == null ? "Queued" : e.refused() ? "Refused by the mail server: " + e.lastError()
                : e.sentAt() != null ? "Delivered to the mail server " + Dates.moment(e.sentAt())
                : e.attempts() > 0 ? "Failing, still trying (" + e.attempts() + " attempts)" : "Waiting to be sent";
        return new Sent(Dates.moment(m.createdAt()), name(orgs, m.organisationId()), m.returnId(), what, to, state, e != null && e.refused());
    }

    private static String role(String role) {
        return role.equals("ASSIGNEE") ? "section assignee" : LadderRecipient.valueOf(role).label().toLowerCase(java.util.Locale.ROOT);
    }

    private static String name(Map<Long, Organisation> orgs, long id) {
        Organisation o = orgs.get(id);
        return o == null ? "An archived organisation" : o.name();
    }

    private static String what(ChasePlanner.Due d) {
        return d.kind() == ChasePlanner.Kind.REMINDER ? "Reminder, " + d.step() + " days before the deadline" : "Escalation step " + d.step();
    }

    private static String to(ChasePlanner.Due d, List<LadderStep> ladder) {
        if (d.kind() == ChasePlanner.Kind.REMINDER) {
            return "the lead and anyone with a section to complete";
        }
        return d.ladderStep().recipients().stream().map(r -> r.label().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
