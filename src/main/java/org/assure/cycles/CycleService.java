package org.assure.cycles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.returns.CycleReturns;
import org.assure.returns.ReturnStatus;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.banks.LoadedBanks;
import org.assure.banks.QuestionBanks;
import org.assure.notify.Notifications;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;
import org.assure.kernel.Refusal;
import org.assure.kernel.FormErrors;
import org.assure.kernel.DateInput;
import org.assure.kernel.Dates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;

/** The cycles feature's entrance: partnership admins create, open, close and archive cycles and watch progress. */
@Singleton
public class CycleService {
    private final CycleRepositories.Cycles cycles;
    private final CycleReturns returns;
    private final CycleRepositories.ChosenOrganisations chosen;
    private final OrganisationService organisations;
    private final QuestionBanks banks;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccessPolicy access;
    private final LeadReach reach;

    CycleService(CycleRepositories.Cycles cycles, CycleReturns returns, CycleRepositories.ChosenOrganisations chosen,
                 OrganisationService organisations, QuestionBanks banks, Notifications notifications, AuditTrail audit,
                 Clock clock, AccessPolicy access, LeadReach reach) {
        this.access = access;
        this.reach = reach;
        this.cycles = cycles;
        this.returns = returns;
        this.chosen = chosen;
        this.organisations = organisations;
        this.banks = banks;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    public record BankOption(String value, String label, BankModel.Audience audience) {
    }

    /** Every loaded bank version, newest first within each bank. */
    public List<BankOption> bankOptions() {
        List<BankOption> options = new ArrayList<>();
        banks.banks().byBank().values().forEach(versions -> {
            List<LoadedBanks.LoadedVersion> newestFirst = new ArrayList<>(versions);
            java.util.Collections.reverse(newestFirst);
            newestFirst.forEach(v -> options.add(new BankOption(v.version().id(), label(v.version()), v.version().audience())));
        });
        return options;
    }

    static String label(BankModel.Version v) {
        return v.title() + " — " + v.guidance();
    }

    public LocalDate today() {
        return Dates.today(clock);
    }

    // ---- reading ----

    @Transactional
    public AuditCycle get(CurrentUser admin, long id) {
        access.requireAdmin(admin);
        return cycles.findByIdAndPartnershipId(id, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Cycle"));
    }

    public record CycleRow(AuditCycle cycle, String bankLabel, long returns, long submitted) {
        public String deadline() {
            return Dates.date(cycle.deadline());
        }
    }

    @Transactional
    public List<CycleRow> list(CurrentUser admin) {
        access.requireAdmin(admin);
        Map<Long, CycleReturns.Counts> counts = returns.countsByCycle(admin.partnershipId());
        return cycles.findByPartnershipIdOrderByIdDesc(admin.partnershipId()).stream().map(c -> {
            CycleReturns.Counts n = counts.getOrDefault(c.id(), new CycleReturns.Counts(0, 0));
            return new CycleRow(c, bankLabel(c), n.returns(), n.submitted());
        }).toList();
    }

    /** A cycle as people who follow the partnership's work see it: its dates, and its figures when they read reports. */
    public record FollowedCycle(AuditCycle cycle, String bankLabel, @Nullable Figures figures) {
        public String opensOn() {
            return Dates.date(cycle.opensOn());
        }

        public String deadline() {
            return Dates.date(cycle.deadline());
        }

        public String finalDeadline() {
            return Dates.dateOrBlank(cycle.finalDeadline());
        }

        public String panelDate() {
            return Dates.dateOrBlank(cycle.panelDate());
        }
    }

    /** How far a cycle's returns have got: how many there are, how many are submitted, and that as a share. */
    public record Figures(long returns, long submitted) {
        public int submittedPercent() {
            return returns == 0 ? 0 : Math.round(100f * submitted / returns);
        }
    }

    /**
     * The partnership's cycles that are open or were closed, newest first, for panel members and board viewers
     * (FOLLOW_CYCLES); with each cycle's figures for those who read the partnership's reports (READ_REPORTS).
     * Nothing of any one organisation's return is in it.
     */
    @Transactional
    public List<FollowedCycle> followed(CurrentUser user) {
        access.require(user, Action.FOLLOW_CYCLES, Target.partnership(user.partnershipId()), "Page");
        boolean figures = access.allows(user, Action.READ_REPORTS, Target.partnership(user.partnershipId()));
        Map<Long, CycleReturns.Counts> counts = figures ? returns.countsByCycle(user.partnershipId()) : Map.of();
        return cycles.findByPartnershipIdOrderByIdDesc(user.partnershipId()).stream()
                .filter(c -> c.status() == CycleStatus.OPEN || c.status() == CycleStatus.CLOSED)
                .map(c -> {
                    CycleReturns.Counts n = counts.getOrDefault(c.id(), new CycleReturns.Counts(0, 0));
                    return new FollowedCycle(c, bankLabel(c), figures ? new Figures(n.returns(), n.submitted()) : null);
                }).toList();
    }

    String bankLabel(AuditCycle c) {
        return banks.banks().find(c.bankKey(), c.bankVersion()).map(v -> label(v.version())).orElse(c.bankKey() + " " + c.bankVersion());
    }

    /** A cycle the admin may still edit: a draft; any other is refused with why. */
    @Transactional
    public AuditCycle editable(CurrentUser admin, long id) {
        return requireDraft(get(admin, id), "edited");
    }

    /** A cycle organisations can be added to: an open one. */
    @Transactional
    public AuditCycle requireOpen(CurrentUser admin, long id) {
        AuditCycle cycle = get(admin, id);
        if (!cycle.isOpen()) {
            throw refused(id, "Organisations can be added only while the cycle is open. This cycle is " + cycle.status().label().toLowerCase() + ".");
        }
        return cycle;
    }

    @Transactional
    public CycleForms.CycleForm form(CurrentUser admin, long id) {
        AuditCycle c = get(admin, id);
        return CycleForms.CycleForm.of(c, chosen.organisationIds(id));
    }

    @Transactional
    public List<Organisation> activeOrganisations(CurrentUser admin) {
        access.requireAdmin(admin);
        return organisations.active(admin.partnershipId());
    }

    /** What the form's audience describes, in words, for the detail page. */
    @Transactional
    public String audienceDescription(AuditCycle c) {
        if (c.audienceMode() == AudienceMode.CHOSEN) {
            List<Long> ids = chosen.organisationIds(c.id());
            return Text.plural(ids.size(), "chosen organisation");
        }
        List<String> parts = new ArrayList<>();
        parts.add(c.kinds().isEmpty() ? "Every kind of organisation"
                : c.kinds().stream().map(k -> OrganisationKind.valueOf(k).label()).collect(Collectors.joining(", ")));
        if (!c.categories().isEmpty()) {
            parts.add("categories: " + c.categories().stream().map(k -> SchoolCategory.valueOf(k).label()).collect(Collectors.joining(", ")));
        }
        if (!c.sectors().isEmpty()) {
            parts.add("sectors: " + c.sectors().stream().map(k -> Sector.valueOf(k).label()).collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    // ---- creating and editing ----

    /** A form that passed every check, as the values to save. */
    record Checked(String name, String bankKey, String bankVersion, AudienceMode mode, List<String> kinds, List<String> categories,
                   List<String> sectors, List<Long> organisationIds, LocalDate opensOn, LocalDate deadline,
                   @Nullable LocalDate finalDeadline, @Nullable LocalDate panelDate) {
    }

    /**
     * The form's rules, after those its annotations found ({@code found}): what to save, or every error.
     */
    @Transactional
    Validated<Checked> check(CurrentUser admin, CycleForms.CycleForm form, FormErrors found) {
        access.requireAdmin(admin);
        FormErrors errors = FormErrors.none().addAll(found);
        if (Text.blank(form.name())) {
            errors.add("name", "Enter a name for the cycle");
        }
        BankOption bank = bankOptions().stream().filter(o -> o.value().equals(form.bank())).findFirst().orElse(null);
        if (bank == null) {
            errors.add("bank", "Select a question bank version");
        }
        AudienceMode mode = "CHOSEN".equals(form.audience()) ? AudienceMode.CHOSEN : "TYPES".equals(form.audience()) ? AudienceMode.TYPES : null;
        if (mode == null) {
            errors.add("audience", "Select who the cycle is for");
        }
        List<String> kinds = known(OrganisationKind.class, form.kindList());
        List<String> categories = known(SchoolCategory.class, form.categoryList());
        List<String> sectors = known(Sector.class, form.sectorList());
        if (mode == AudienceMode.TYPES && bank != null && kinds.isEmpty() && categories.isEmpty() && sectors.isEmpty()) {
            kinds = bank.audience().kinds();
            categories = bank.audience().categories();
            sectors = bank.audience().sectors();
        }
        Map<Long, Organisation> active = organisations.active(admin.partnershipId()).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        List<Long> ids = form.organisationList().stream().map(Text::parseId).filter(Objects::nonNull).distinct().toList();
        if (mode == AudienceMode.CHOSEN) {
            if (ids.isEmpty()) {
                errors.add("organisations", "Select at least one organisation");
            } else if (!active.keySet().containsAll(ids)) {
                errors.add("organisations", "Select organisations from the list");
            } else if (bank != null) {
                AudienceFit.checkChosen(bank.audience(), ids.stream().map(active::get).toList(), errors);
            }
        } else if (mode == AudienceMode.TYPES && bank != null) {
            AudienceFit.checkTypes(bank.audience(), kinds, categories, sectors, errors);
        }
        LocalDate opens = new DateInput(form.opensDay(), form.opensMonth(), form.opensYear()).read("opens", "opening date", true, errors);
        LocalDate deadline = new DateInput(form.deadlineDay(), form.deadlineMonth(), form.deadlineYear()).read("deadline", "deadline", true, errors);
        LocalDate fin = new DateInput(form.finalDay(), form.finalMonth(), form.finalYear()).read("final", "final deadline", false, errors);
        LocalDate panel = new DateInput(form.panelDay(), form.panelMonth(), form.panelYear()).read("panel", "panel date", false, errors);
        if (opens != null && deadline != null && !deadline.isAfter(opens)) {
            errors.add("deadline", "The deadline must be after the opening date");
        }
        if (deadline != null && fin != null && fin.isBefore(deadline)) {
            errors.add("final", "The final deadline must be on or after the deadline");
        }
        if (deadline != null && panel != null && !panel.isAfter(deadline)) {
            errors.add("panel", "The panel date must be after the deadline");
        }
        if (opens != null && deadline != null && !form.pastDatesAccepted()) {
            String past = pastDates(opens, deadline, fin, panel);
            if (!past.isEmpty()) {
                errors.add(PAST_DATES, past + ". Check the dates, or tick the box to use them anyway");
            }
        }
        if (mode == AudienceMode.TYPES && errors.isEmpty()) {
            BankModel.Audience chosenTypes = new BankModel.Audience(kinds, categories, sectors);
            if (active.values().stream().noneMatch(chosenTypes::includes)) {
                errors.add("kinds", "No active organisation is of the types you selected. Select other types, or choose organisations from a list");
            }
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        if (mode == AudienceMode.CHOSEN) {
            kinds = List.of();
            categories = List.of();
            sectors = List.of();
        }
        String[] b = bank.value().split("/", 2);
        return Validated.valid(new Checked(form.name().strip(), b[0], b[1], mode, kinds, categories, sectors,
                mode == AudienceMode.CHOSEN ? ids : List.of(), opens, deadline, fin, panel));
    }

    /** The field that confirms dates in the past: a warning the admin answers, not a refusal. */
    static final String PAST_DATES = "pastDatesConfirmed";

    /** "The opening date (3 March 2026) is in the past" (and the others): empty when every date is today or later. */
    String pastDates(LocalDate opens, LocalDate deadline, @Nullable LocalDate fin, @Nullable LocalDate panel) {
        LocalDate today = today();
        List<String> past = new ArrayList<>();
        if (opens.isBefore(today)) {
            past.add("the opening date (" + Dates.date(opens) + ")");
        }
        if (deadline.isBefore(today)) {
            past.add("the deadline (" + Dates.date(deadline) + ")");
        }
        if (fin != null && fin.isBefore(today)) {
            past.add("the final deadline (" + Dates.date(fin) + ")");
        }
        if (panel != null && panel.isBefore(today)) {
            past.add("the panel date (" + Dates.date(panel) + ")");
        }
        if (past.isEmpty()) {
            return "";
        }
        String list = past.size() == 1 ? past.get(0)
                : String.join(", ", past.subList(0, past.size() - 1)) + " and " + past.get(past.size() - 1);
        return Character.toUpperCase(list.charAt(0)) + list.substring(1) + (past.size() == 1 ? " is" : " are") + " in the past";
    }

    /**
     * When the bank was changed on the page, the form to show again: its type boxes ticked for the new bank's own
     * audience and only the chosen organisations that bank is for, so the old bank's audience is never saved with
     * the new bank. Empty when the bank was not changed (or is not a known one).
     */
    @Transactional
    public Optional<CycleForms.CycleForm> resetForChangedBank(CurrentUser admin, CycleForms.CycleForm form) {
        access.requireAdmin(admin);
        if (!form.bankChangedOnPage()) {
            return Optional.empty();
        }
        return bankOptions().stream().filter(o -> o.value().equals(form.bank())).findFirst().map(bank -> {
            Set<String> fitting = organisations.active(admin.partnershipId()).stream().filter(o -> AudienceFit.fits(bank.audience(), o))
                    .map(o -> String.valueOf(o.id())).collect(Collectors.toSet());
            return form.withAudienceOf(bank.value(), bank.audience(), form.organisationList().stream().filter(fitting::contains).toList());
        });
    }

    /** Creates a cycle from a form's values, by the same rules as the page, and opens it: for scripted set-up. */
    @Transactional
    public long createAndOpen(CurrentUser admin, CycleForms.CycleForm form) {
        // scripted set-up means the dates it gives, past ones included (an earlier round in the demo data)
        Validated<Checked> checked = check(admin, form.acceptingPastDates(), FormErrors.none());
        if (!checked.isValid()) {
            throw new IllegalArgumentException("Cannot create cycle '" + form.name() + "': " + checked.errors().getAll());
        }
        long id = create(admin, checked.value()).id();
        open(admin, id);
        return id;
    }

    /** The return of an organisation in a cycle, if it has one. */
    @Transactional
    public Optional<Long> returnOf(long cycleId, long organisationId) {
        return returns.returnOf(cycleId, organisationId);
    }

    @Transactional
    AuditCycle create(CurrentUser admin, Checked c) {
        access.requireAdmin(admin);
        Instant now = clock.instant();
        AuditCycle saved = cycles.save(new AuditCycle(null, admin.partnershipId(), c.name(), c.bankKey(), c.bankVersion(), c.mode(),
                String.join(",", c.kinds()), String.join(",", c.categories()), String.join(",", c.sectors()),
                c.opensOn(), c.deadline(), c.finalDeadline(), c.panelDate(), CycleStatus.DRAFT, null, null, null, 0, now, now));
        c.organisationIds().forEach(id -> chosen.add(saved.id(), id));
        audit.record(admin.partnershipId(), admin.accountId(), CycleAudit.CREATED, saved.id(), null, CycleAudit.fields(saved, c.organisationIds()));
        return saved;
    }

    /** Saves an edit of a draft cycle that the form was loaded from; refused once opened or after someone else saved. */
    @Transactional
    AuditCycle update(CurrentUser admin, long id, @Nullable String formVersion, Checked c) {
        AuditCycle current = requireDraft(get(admin, id), "edited");
        if (!String.valueOf(current.version()).equals(formVersion)) {
            throw refused(id, "Someone else changed this cycle while you were editing it. Open the edit page again to see their changes.");
        }
        List<Long> before = chosen.organisationIds(id);
        AuditCycle next = new AuditCycle(current.id(), current.partnershipId(), c.name(), c.bankKey(), c.bankVersion(), c.mode(),
                String.join(",", c.kinds()), String.join(",", c.categories()), String.join(",", c.sectors()),
                c.opensOn(), c.deadline(), c.finalDeadline(), c.panelDate(), current.status(), null, null, null,
                current.version(), current.createdAt(), clock.instant());
        AuditCycle updated;
        try {
            updated = cycles.update(next);
        } catch (OptimisticLockException e) {
            throw refused(id, "Someone else changed this cycle while you were editing it. Open the edit page again to see their changes.");
        }
        chosen.deleteAll(id);
        c.organisationIds().forEach(o -> chosen.add(id, o));
        audit.record(admin.partnershipId(), admin.accountId(), CycleAudit.UPDATED, id, CycleAudit.fields(current, before),
                CycleAudit.fields(updated, c.organisationIds()));
        return updated;
    }

    // ---- state changes ----

    /**
     * DRAFT to OPEN in one transaction: freezes the bank version, creates a return for every active
     * organisation in the audience and queues each one's invitation.
     */
    @Transactional
    public int open(CurrentUser admin, long id) {
        AuditCycle cycle = requireDraft(get(admin, id), "opened");
        List<Organisation> audience = audience(cycle);
        if (audience.isEmpty()) {
            throw refused(id, "No active organisation is in this cycle's audience. Edit the audience before opening it.");
        }
        banks.freeze(cycle.bankKey(), cycle.bankVersion());
        AuditCycle opened = changeStatus(admin, cycle, CycleStatus.OPEN);
        List<LeadReach.Reach> reached = reach.of(admin.partnershipId(), audience);
        reached.forEach(r -> addReturn(admin, opened, r));
        return audience.size();
    }

    /** Adds an active organisation of the partnership to an open cycle: its return and its invitation. */
    @Transactional
    public Organisation addOrganisation(CurrentUser admin, long id, long organisationId) {
        AuditCycle cycle = requireOpen(admin, id);
        Organisation organisation = organisations.findInPartnership(admin.partnershipId(), organisationId)
                .filter(o -> !o.isArchived()).orElseThrow(() -> Refusal.notFound("Organisation"));
        if (returns.returnOf(id, organisationId).isPresent()) {
            throw refused(id, organisation.name() + " is already in this cycle.");
        }
        BankModel.Audience bank = bankAudience(cycle);
        if (!AudienceFit.fits(bank, organisation)) {
            throw refused(id, organisation.name() + " cannot be added: this cycle's question bank is for "
                    + AudienceFit.kindsOf(bank) + " only.");
        }
        addReturn(admin, cycle, reach.of(admin.partnershipId(), List.of(organisation)).get(0));
        audit.record(admin.partnershipId(), admin.accountId(), CycleAudit.ORGANISATION_ADDED, id, null,
                AuditFields.of(CycleAudit.ORGANISATION, String.valueOf(organisation.id()), CycleAudit.ORGANISATION_NAME, organisation.name()));
        return organisation;
    }

    /** An open cycle, for its close confirmation page. */
    @Transactional
    public AuditCycle closable(CurrentUser admin, long id) {
        AuditCycle cycle = get(admin, id);
        if (!cycle.isOpen()) {
            throw refused(id, "Only an open cycle can be closed. This cycle is " + cycle.status().label().toLowerCase() + ".");
        }
        return cycle;
    }

    @Transactional
    public void close(CurrentUser admin, long id) {
        changeStatus(admin, closable(admin, id), CycleStatus.CLOSED);
    }

    /**
     * Why a closed cycle cannot be reopened, or empty when it can: it is closed (not archived) and nothing has
     * happened to any of its returns since it was closed (ADR 0025).
     */
    @Transactional
    public Optional<String> whyNotReopen(CurrentUser admin, AuditCycle cycle) {
        access.requireAdmin(admin);
        if (!cycle.isClosed()) {
            return Optional.of("Only a closed cycle can be reopened. This cycle is " + cycle.status().label().toLowerCase() + ".");
        }
        if (cycle.closedAt() == null || returns.changedSince(cycle.partnershipId(), cycle.id(), cycle.closedAt())) {
            return Optional.of("Something has happened to this cycle's returns since it was closed, so it can no longer be reopened.");
        }
        return Optional.empty();
    }

    @Transactional
    public void reopen(CurrentUser admin, long id) {
        AuditCycle cycle = get(admin, id);
        whyNotReopen(admin, cycle).ifPresent(why -> {
            throw refused(id, why);
        });
        AuditCycle reopened;
        try {
            reopened = cycles.update(cycle.reopened(clock.instant()));
        } catch (OptimisticLockException e) {
            throw refused(id, "Someone else changed this cycle at the same moment. Look at it again and retry.");
        }
        audit.record(admin.partnershipId(), admin.accountId(), CycleAudit.REOPENED, id,
                AuditFields.status(cycle.status()), AuditFields.status(reopened.status()));
    }

    /** A draft cycle, for its delete confirmation page; any other is refused with why. */
    @Transactional
    public AuditCycle deletable(CurrentUser admin, long id) {
        return requireDraft(get(admin, id), "deleted");
    }

    /** Deletes a draft cycle (it has no returns yet); the audit trail keeps what it was. */
    @Transactional
    public void delete(CurrentUser admin, long id) {
        AuditCycle cycle = deletable(admin, id);
        List<Long> chosenIds = chosen.organisationIds(id);
        chosen.deleteAll(id);
        try {
            cycles.delete(cycle);
        } catch (OptimisticLockException e) {
            throw refused(id, "Someone else changed this cycle at the same moment. Look at it again and retry.");
        }
        audit.record(admin.partnershipId(), admin.accountId(), CycleAudit.DELETED, id, CycleAudit.fields(cycle, chosenIds), null);
    }

    @Transactional
    public void archive(CurrentUser admin, long id) {
        AuditCycle cycle = get(admin, id);
        if (!cycle.isClosed()) {
            throw refused(id, "Only a closed cycle can be archived. This cycle is " + cycle.status().label().toLowerCase() + ".");
        }
        changeStatus(admin, cycle, CycleStatus.ARCHIVED);
    }

    private AuditCycle changeStatus(CurrentUser admin, AuditCycle cycle, CycleStatus next) {
        AuditCycle updated;
        try {
            updated = cycles.update(cycle.withStatus(next, clock.instant()));
        } catch (OptimisticLockException e) {
            throw refused(cycle.id(), "Someone else changed this cycle at the same moment. Look at it again and retry.");
        }
        audit.record(admin.partnershipId(), admin.accountId(), CycleAudit.movedTo(next), cycle.id(),
                AuditFields.status(cycle.status()), AuditFields.status(next));
        return updated;
    }

    private static AuditCycle requireDraft(AuditCycle cycle, String verb) {
        if (!cycle.isDraft()) {
            throw refused(cycle.id(), "This cycle is " + cycle.status().label().toLowerCase() + ", so it can no longer be " + verb
                    + ". Only a draft cycle can be " + verb + ".");
        }
        return cycle;
    }

    /** The organisation's return, and its leads told (or its lead contact invited): see {@link LeadReach}. */
    private void addReturn(CurrentUser admin, AuditCycle cycle, LeadReach.Reach r) {
        Organisation organisation = r.organisation();
        returns.open(CycleTermsLookup.terms(cycle), organisation.id());
        reach.tell(admin, r, invited -> openedEmail(admin, cycle, organisation, invited));
    }

    private CycleOpenedEmail openedEmail(CurrentUser admin, AuditCycle cycle, Organisation organisation, boolean invited) {
        return new CycleOpenedEmail(admin.partnershipName(), cycle.name(), organisation.name(), bankLabel(cycle),
                Dates.date(cycle.deadline()), "/", invited);
    }

    /** The audience of the cycle's bank version: who may answer it at all. */
    BankModel.Audience bankAudience(AuditCycle cycle) {
        return banks.banks().find(cycle.bankKey(), cycle.bankVersion()).map(v -> v.version().audience()).orElse(BankModel.Audience.none());
    }

    /** The active organisations that could still be added to an open cycle: not in it yet, and its bank is for them. */
    @Transactional
    public List<Organisation> addable(CurrentUser admin, AuditCycle cycle) {
        access.requireAdmin(admin);
        if (!cycle.isOpen()) {
            return List.of();
        }
        Set<Long> taken = Set.copyOf(returns.organisationIds(cycle.id()));
        BankModel.Audience bank = bankAudience(cycle);
        return organisations.active(admin.partnershipId()).stream()
                .filter(o -> !taken.contains(o.id()) && AudienceFit.fits(bank, o)).toList();
    }

    /** Who the cycle reaches at each organisation: its audience while a draft, the organisations with a return once open. */
    @Transactional
    public List<LeadReach.Reach> reach(CurrentUser admin, AuditCycle cycle) {
        access.requireAdmin(admin);
        return reach.of(admin.partnershipId(), reachable(admin, cycle));
    }

    private List<Organisation> reachable(CurrentUser admin, AuditCycle cycle) {
        if (cycle.isDraft()) {
            return audience(cycle);
        }
        Set<Long> withReturn = Set.copyOf(returns.organisationIds(cycle.id()));
        return organisations.active(admin.partnershipId()).stream().filter(o -> withReturn.contains(o.id())).toList();
    }

    /**
     * Invites, as lead, the lead contact of every organisation of the cycle that has no lead account (the bulk
     * action of the cycle page). Once the cycle is open each one is also told about it, as opening would have;
     * a draft's are told when it opens. Returns how many were invited.
     */
    @Transactional
    public int inviteLeads(CurrentUser admin, long id) {
        AuditCycle cycle = get(admin, id);
        if (!cycle.isDraft() && !cycle.isOpen()) {
            throw refused(id, "Leads can be invited only while the cycle is a draft or open. This cycle is "
                    + cycle.status().label().toLowerCase() + ".");
        }
        try {
            // two admins inviting at once: the second waits for the first's row lock, then finds the version moved on
            cycles.update(cycle.touched(clock.instant()));
        } catch (OptimisticLockException e) {
            throw refused(id, "Someone else changed this cycle at the same moment. Look at it again and retry.");
        }
        int invited = 0;
        for (LeadReach.Reach r : reach(admin, cycle)) {
            if (r.kind() != LeadReach.Kind.CONTACT_TO_INVITE) {
                continue;
            }
            if (cycle.isOpen()) {
                reach.tell(admin, r, inv -> openedEmail(admin, cycle, r.organisation(), inv));
            } else {
                reach.invite(admin, r);
            }
            invited++;
        }
        audit.record(admin.partnershipId(), admin.accountId(), CycleAudit.LEADS_INVITED, id, null,
                AuditFields.of(CycleAudit.INVITED, String.valueOf(invited)));
        return invited;
    }

    /** The active organisations a cycle is for, by name. */
    @Transactional
    public List<Organisation> audience(AuditCycle cycle) {
        List<Organisation> active = organisations.active(cycle.partnershipId());
        if (cycle.audienceMode() == AudienceMode.CHOSEN) {
            Set<Long> ids = Set.copyOf(chosen.organisationIds(cycle.id()));
            return active.stream().filter(o -> ids.contains(o.id())).toList();
        }
        BankModel.Audience types = new BankModel.Audience(cycle.kinds(), cycle.categories(), cycle.sectors());
        return active.stream().filter(types::includes).toList();
    }

    /** Like a bank's audience: an empty list means "any"; categories apply to schools, sectors to agencies. */
    // ---- progress ----

    public record ProgressRow(long returnId, long organisationId, String organisation, OrganisationKind kind, String type,
                              @Nullable Phase phase, ReturnStatus status, int percentAnswered,
                              @Nullable Instant lastActivityAt, @Nullable Instant submittedAt, boolean late, @Nullable String note) {
        public String phaseLabel() {
            return phase == null ? "" : phase.label();
        }

        public String lastActivity() {
            return lastActivityAt == null ? "" : Dates.date(Dates.dateOf(lastActivityAt));
        }

        public String submitted() {
            return submittedAt == null ? "" : Dates.date(Dates.dateOf(submittedAt));
        }
    }

    public record Progress(int total, Map<ReturnStatus, Integer> counts, int submittedPercent, long late, List<ProgressRow> rows) {
        public int count(String status) {
            return counts.getOrDefault(ReturnStatus.valueOf(status), 0);
        }
    }

    /** Every return of the cycle, then filtered; counts are of the whole cycle, not the filtered rows. */
    @Transactional
    public Progress progress(CurrentUser admin, long id, @Nullable String status, @Nullable String kind, @Nullable String phase) {
        List<ProgressRow> all = progressRows(admin.partnershipId(), get(admin, id));
        Map<ReturnStatus, Integer> counts = new EnumMap<>(ReturnStatus.class);
        Arrays.stream(ReturnStatus.values()).forEach(s -> counts.put(s, 0));
        all.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        int percent = all.isEmpty() ? 0 : Math.round(100f * counts.get(ReturnStatus.SUBMITTED) / all.size());
        List<ProgressRow> shown = all.stream()
                .filter(r -> Text.blank(status) || r.status().name().equals(status))
                .filter(r -> Text.blank(kind) || r.kind().name().equals(kind))
                .filter(r -> Text.blank(phase) || (r.phase() != null && r.phase().name().equals(phase)))
                .toList();
        return new Progress(all.size(), counts, percent, all.stream().filter(ProgressRow::late).count(), shown);
    }

    /**
     * The whole progress list of a cycle of the partnership, in organisation-name order: what the page, its download and
     * the progress export (exports.ProgressExport, which runs without a signed-in user) all show. Empty for another
     * partnership's cycle.
     */
    @Transactional
    public List<ProgressRow> progressRows(long partnershipId, long cycleId) {
        return cycles.findByIdAndPartnershipId(cycleId, partnershipId).map(c -> progressRows(partnershipId, c)).orElse(List.of());
    }

    private List<ProgressRow> progressRows(long partnershipId, AuditCycle cycle) {
        LocalDate today = today();
        // active organisations in one query; one archived since the cycle opened is looked up on its own
        Map<Long, Organisation> known = organisations.active(partnershipId).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity(), (a, b) -> a, java.util.HashMap::new));
        Function<Long, Organisation> organisationOf = orgId -> known.computeIfAbsent(orgId,
                archived -> organisations.findInPartnership(partnershipId, archived).orElseThrow());
        return returns.progress(CycleTermsLookup.terms(cycle), organisationOf, today).stream().map(r -> {
            Organisation o = organisationOf.apply(r.organisationId());
            String type = o.isSchool() ? (o.category() == null ? "School" : o.category().label())
                    : (o.sector() == null ? "Agency" : o.sector().label());
            return new ProgressRow(r.returnId(), o.id(), o.name(), o.kind(), type, o.phase(), r.status(), r.percentAnswered(),
                    r.lastActivityAt(), r.submittedAt(), r.late(), r.note());
        }).sorted(java.util.Comparator.comparing((ProgressRow p) -> p.organisation().toLowerCase())).toList();
    }

    // ---- helpers ----

    /** A change of state the cycle does not allow now, with the way back to its page. */
    static Refusal refused(long cycleId, String reason) {
        return Refusal.conflict(reason).backTo("/cycles/" + cycleId, "Back to the cycle");
    }

    private static <E extends Enum<E>> List<String> known(Class<E> type, List<String> values) {
        Set<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
        return values.stream().filter(names::contains).distinct().toList();
    }


    public record Filter(String status, String kind, String phase) {
        public boolean any() {
            return !status.isEmpty() || !kind.isEmpty() || !phase.isEmpty();
        }
    }

    public record CycleDates(String opensOn, String deadline, String finalDeadline, String panelDate) {
    }

    /** What the cycle page says about who the cycle reaches: counts, and the organisations nobody can be invited for. */
    public record ReachSummary(List<LeadReach.Reach> all) {
        public long count(String kind) {
            return all.stream().filter(r -> r.kind().name().equals(kind)).count();
        }

        public List<LeadReach.Reach> nobody() {
            return all.stream().filter(LeadReach.Reach::nobody).toList();
        }

        public List<LeadReach.Reach> toInvite() {
            return all.stream().filter(r -> r.kind() == LeadReach.Kind.CONTACT_TO_INVITE).toList();
        }
    }

}
