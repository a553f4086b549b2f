package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Target;
import org.assure.accounts.AccountService;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.chasing.PanelListing;
import org.assure.kernel.DateInput;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.panels.PanelRepositories.Case;
import org.assure.panels.PanelRepositories.Conflict;
import org.assure.panels.PanelRepositories.Member;
import org.assure.panels.PanelRepositories.Panel;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.JudgedReturns;
import org.assure.returns.ReturnFacts;
import org.assure.returns.ReturnStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Panels (issue 12, ADR 0033): an admin sets one up for a cycle with its members and moderator and puts cases before it
 * (the cycle's panel list, every agency for a scrutiny day, or any return by hand); conflicts of interest are worked out
 * from the data and kept up to date as members and cases are added. Every other panel feature (marking, moderation,
 * challenges, letters) reaches a case through {@link #caseFor}, which asks the access policy.
 */
@Singleton
public class Panels {
    static final int MAX_NAME = 200;
    static final int MAX_PLACE = 500;
    static final int MAX_REASON = 500;

    private final PanelRepositories.Panels panels;
    private final PanelRepositories.Members members;
    private final PanelRepositories.Cases cases;
    private final PanelRepositories.Conflicts conflicts;
    private final PanelRepositories.Markings markings;
    private final PanelRepositories.Moderations moderations;
    private final PanelRepositories.Letters letters;
    private final CycleLookup cycles;
    private final ReturnFacts facts;
    private final JudgedReturns judged;
    private final PanelListing panelList;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    Panels(PanelRepositories.Panels panels, PanelRepositories.Members members, PanelRepositories.Cases cases, PanelRepositories.Conflicts conflicts,
           PanelRepositories.Markings markings, PanelRepositories.Moderations moderations, PanelRepositories.Letters letters, CycleLookup cycles,
           ReturnFacts facts, JudgedReturns judged, PanelListing panelList, OrganisationService organisations, AccountService accounts,
           AccessPolicy access, AuditTrail audit, Clock clock) {
        this.panels = panels;
        this.members = members;
        this.cases = cases;
        this.conflicts = conflicts;
        this.markings = markings;
        this.moderations = moderations;
        this.letters = letters;
        this.cycles = cycles;
        this.facts = facts;
        this.judged = judged;
        this.panelList = panelList;
        this.organisations = organisations;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- what pages show ----

    public record PanelView(long id, String name, String kind, boolean scrutinyDay, long cycleId, String cycleName, String meetsOn,
                            String place, String marksDueOn, String markingBy, boolean byQuestion, @Nullable Long moderatorId,
                            String moderator) {
        public String path() {
            return "/panels/" + id;
        }
    }

    public record PanelRow(PanelView panel, int members, int cases, int moderated) {
    }

    public record MemberView(long id, long accountId, String name, String email, boolean pending, String worksFor) {
    }

    public record CaseRow(long id, long returnId, String organisation, String reason, String detail, CaseState state, String stateLabel,
                          int markersDone, int conflicts, int unconflictedMarkers) {
        public boolean shortOfMarkers() {
            return unconflictedMarkers < CaseState.MARKERS_NEEDED;
        }
    }

    public record ConflictView(long id, long accountId, String person, String source, String reason, String recorded, boolean standing,
                               String cleared) {
    }

    public record Choice(String value, String label) {
    }

    public record PanelPage(PanelView panel, List<MemberView> members, List<CaseRow> cases, boolean admin, List<Choice> people,
                            List<Choice> organisations, List<Choice> listed, List<Choice> returns, int agenciesNotYetCases) {
    }

    /** A case as every panel page needs it, for someone the access policy let in. Public for FreeMarker; built here only. */
    public record CaseContext(PanelView panel, long caseId, long returnId, long organisationId, Organisation organisation, CaseReason reason,
                              String detail, @Nullable Long submissionId, boolean member, boolean moderator, boolean conflicted,
                              boolean admin) {
        public String path() {
            return panel.path() + "/cases/" + caseId;
        }

        public String reasonLabel() {
            return reason.label();
        }
    }

    public record CasePage(CaseContext context, @Nullable JudgedReturns.Judged submission, List<ConflictView> conflicts, CaseState state,
                           List<Choice> people) {
    }

    /** One of a panel member's (or moderator's) cases, for their dashboard. */
    public record MyCase(String path, String panel, String organisation, String meetsOn, String marksDueOn, boolean overdue, String todo,
                         boolean conflicted) {
    }

    /** The form as typed, all text, so a bad value comes back as it was. */
    public record PanelForm(@Nullable String cycleId, @Nullable String name, @Nullable String kind, @Nullable String meetsDay,
                            @Nullable String meetsMonth, @Nullable String meetsYear, @Nullable String place, @Nullable String dueDay,
                            @Nullable String dueMonth, @Nullable String dueYear, @Nullable String markingBy, @Nullable String moderatorId) {
        static PanelForm blank() {
            return new PanelForm(null, null, PanelKind.ASSURANCE.name(), null, null, null, null, null, null, null, MarkingBy.SECTION.name(), null);
        }

        static PanelForm of(Panel p) {
            return new PanelForm(String.valueOf(p.cycleId()), p.name(), p.kind().name(), day(p.meetsOn()), month(p.meetsOn()), year(p.meetsOn()),
                    p.place(), day(p.marksDueOn()), month(p.marksDueOn()), year(p.marksDueOn()), p.markingBy().name(),
                    p.moderatorId() == null ? null : String.valueOf(p.moderatorId()));
        }

        private static String day(LocalDate d) {
            return String.valueOf(d.getDayOfMonth());
        }

        private static String month(LocalDate d) {
            return String.valueOf(d.getMonthValue());
        }

        private static String year(LocalDate d) {
            return String.valueOf(d.getYear());
        }
    }

    public record FormPage(@Nullable PanelView editing, List<Choice> cycles, List<Choice> moderators, boolean marksStarted) {
    }

    // ---- the list and the form ----

    @Transactional
    public List<PanelRow> list(CurrentUser admin) {
        access.requireAdmin(admin);
        List<Panel> all = panels.findByPartnershipIdOrderByMeetsOnDesc(admin.partnershipId());
        Map<Long, String> names = names(admin.partnershipId(), all.stream().map(Panel::moderatorId).filter(java.util.Objects::nonNull).toList());
        List<PanelRow> rows = new ArrayList<>();
        for (Panel p : all) {
            List<Case> of = cases.findByPanelIdOrderById(p.id());
            int moderated = of.isEmpty() ? 0 : (int) moderations.findByCaseIdIn(of.stream().map(Case::id).toList()).stream()
                    .filter(m -> m.outcome() != null).count();
            rows.add(new PanelRow(view(p, names), members.findByPanelIdOrderById(p.id()).size(), of.size(), moderated));
        }
        return rows;
    }

    @Transactional
    public FormPage form(CurrentUser admin, @Nullable Long panelId) {
        access.requireAdmin(admin);
        Panel editing = panelId == null ? null : panel(admin, panelId);
        List<Choice> cycleChoices = cycles.opened(admin.partnershipId()).stream()
                .map(c -> new Choice(String.valueOf(c.id()), c.name() + " (" + c.statusLabel().toLowerCase(java.util.Locale.ROOT) + ")")).toList();
        List<Choice> moderators = new ArrayList<>();
        for (Role role : List.of(Role.PANEL_MEMBER, Role.PARTNERSHIP_ADMIN)) {
            for (AccountService.PanelPerson p : accounts.withRole(admin.partnershipId(), role)) {
                if (moderators.stream().noneMatch(c -> c.value().equals(String.valueOf(p.id())))) {
                    moderators.add(new Choice(String.valueOf(p.id()), p.name() + " (" + role.label().toLowerCase(java.util.Locale.ROOT) + ")"));
                }
            }
        }
        boolean started = editing != null && anyMarking(editing.id());
        return new FormPage(editing == null ? null : view(editing, names(admin.partnershipId(), moderatorIds(editing))), cycleChoices, moderators,
                started);
    }

    public PanelForm blankForm() {
        return PanelForm.blank();
    }

    @Transactional
    public PanelForm formOf(CurrentUser admin, long panelId) {
        access.requireAdmin(admin);
        return PanelForm.of(panel(admin, panelId));
    }

    private record Checked(CycleTerms cycle, String name, PanelKind kind, LocalDate meetsOn, String place, LocalDate marksDueOn,
                           MarkingBy markingBy, @Nullable Long moderatorId) {
    }

    private Validated<Checked> check(CurrentUser admin, PanelForm form, @Nullable Panel editing) {
        FormErrors errors = FormErrors.none();
        Long cycleId = Text.parseId(form.cycleId());
        CycleTerms cycle = cycleId == null ? null : cycles.find(admin.partnershipId(), cycleId).filter(c -> cycles.opened(admin.partnershipId())
                .stream().anyMatch(o -> o.id() == c.id())).orElse(null);
        if (editing == null && cycle == null) {
            errors.add("cycleId", "Select the cycle whose returns the panel will hear");
        }
        String name = Text.clean(form.name());
        if (name == null) {
            errors.add("name", "Enter a name for the panel");
        } else if (name.length() > MAX_NAME) {
            errors.add("name", "Name must be " + MAX_NAME + " characters or fewer");
        }
        PanelKind kind = Text.parseEnum(PanelKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "Select the kind of panel");
        }
        LocalDate meetsOn = new DateInput(form.meetsDay(), form.meetsMonth(), form.meetsYear()).read("meetsOn", "The date the panel meets", true, errors);
        String place = Text.clean(form.place());
        if (place == null) {
            errors.add("place", "Enter where the panel meets, or the link to the meeting");
        } else if (place.length() > MAX_PLACE || place.contains("\n")) {
            errors.add("place", "Place must be on one line and " + MAX_PLACE + " characters or fewer");
        }
        LocalDate dueOn = new DateInput(form.dueDay(), form.dueMonth(), form.dueYear()).read("marksDueOn", "The date marks are due", true, errors);
        if (meetsOn != null && dueOn != null && dueOn.isAfter(meetsOn)) {
            errors.add("marksDueOn", "Marks must be due on or before the day the panel meets");
        }
        MarkingBy markingBy = Text.parseEnum(MarkingBy.class, form.markingBy());
        if (markingBy == null) {
            errors.add("markingBy", "Select whether members mark each section or each question");
        } else if (editing != null && markingBy != editing.markingBy() && anyMarking(editing.id())) {
            errors.add("markingBy", "Members have started marking, so the panel must keep marking " + editing.markingBy().label().toLowerCase());
        }
        Long moderatorId = Text.parseId(form.moderatorId());
        if (moderatorId == null || !canModerate(admin.partnershipId(), moderatorId)) {
            errors.add("moderatorId", "Select the panel's moderator");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors.inPageOrder(List.of("cycleId", "name", "kind", "meetsOn", "place", "marksDueOn", "markingBy", "moderatorId")));
        }
        return Validated.valid(new Checked(editing == null ? cycle : cycles.terms(editing.cycleId()), name, kind, meetsOn, place, dueOn, markingBy,
                moderatorId));
    }

    private boolean canModerate(long partnershipId, long accountId) {
        return accounts.withRole(partnershipId, Role.PANEL_MEMBER).stream().anyMatch(p -> p.id() == accountId)
                || accounts.withRole(partnershipId, Role.PARTNERSHIP_ADMIN).stream().anyMatch(p -> p.id() == accountId);
    }

    @Transactional
    public Validated<Long> create(CurrentUser admin, PanelForm form) {
        access.requireAdmin(admin);
        Validated<Checked> checked = check(admin, form, null);
        if (!checked.isValid()) {
            return Validated.invalid(checked.errors());
        }
        Checked c = checked.value();
        Panel p = panels.save(new Panel(null, admin.partnershipId(), c.cycle().id(), c.name(), c.kind(), c.meetsOn(), c.place(), c.marksDueOn(),
                c.markingBy(), c.moderatorId(), admin.accountId(), clock.instant(), 0));
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.CREATED, p.id(), null, AuditFields.of(PanelAudit.FIELDS, describe(p)));
        return Validated.valid(p.id());
    }

    @Transactional
    public Validated<Long> edit(CurrentUser admin, long panelId, PanelForm form) {
        access.requireAdmin(admin);
        Panel before = panel(admin, panelId);
        Validated<Checked> checked = check(admin, form, before);
        if (!checked.isValid()) {
            return Validated.invalid(checked.errors());
        }
        Checked c = checked.value();
        Panel after = panels.update(before.with(c.name(), c.kind(), c.meetsOn(), c.place(), c.marksDueOn(), c.markingBy(), c.moderatorId()));
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.CHANGED, panelId, AuditFields.of(PanelAudit.FIELDS, describe(before)),
                AuditFields.of(PanelAudit.FIELDS, describe(after)));
        if (!java.util.Objects.equals(before.moderatorId(), after.moderatorId())) {
            workOutConflicts(admin, after);
        }
        return Validated.valid(panelId);
    }

    private static String describe(Panel p) {
        return p.name() + "; " + p.kind().label() + "; meets " + p.meetsOn() + " at " + p.place() + "; marks due " + p.marksDueOn() + "; "
                + p.markingBy().label().toLowerCase() + "; moderator " + p.moderatorId();
    }

    // ---- a panel's page ----

    @Transactional
    public PanelPage page(CurrentUser user, long panelId) {
        Panel p = panels.findByIdAndPartnershipId(panelId, user.partnershipId()).orElseThrow(() -> Refusal.notFound("Panel"));
        boolean sits = sits(p, user.accountId());
        access.require(user, Action.OPEN, new Target.Panel(user.partnershipId(), sits), "Panel");
        List<Member> on = members.findByPanelIdOrderById(panelId);
        Map<Long, String> names = names(p.partnershipId(), union(on.stream().map(Member::accountId).toList(), moderatorIds(p)));
        Map<Long, AccountService.PanelPerson> people = accounts.people(p.partnershipId(), on.stream().map(Member::accountId).toList()).stream()
                .collect(Collectors.toMap(AccountService.PanelPerson::id, Function.identity()));
        Map<Long, Organisation> orgs = organisations.active(p.partnershipId()).stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        List<MemberView> memberViews = new ArrayList<>();
        for (Member m : on) {
            AccountService.PanelPerson person = people.get(m.accountId());
            Set<Long> worksFor = worksFor(m, person);
            memberViews.add(new MemberView(m.id(), m.accountId(), names.getOrDefault(m.accountId(), ""), person == null ? "" : person.email(),
                    person != null && person.pending(), worksFor.stream().map(id -> orgs.containsKey(id) ? orgs.get(id).name() : "")
                    .filter(s -> !s.isEmpty()).sorted().collect(Collectors.joining(", "))));
        }
        List<Case> all = cases.findByPanelIdOrderById(panelId);
        // a member sees only their unconflicted cases; the partnership sees every case
        List<CaseRow> rows = caseRows(p, all, on, user.isAdmin() ? null : user.accountId());
        boolean admin = access.allows(user, Action.ADMINISTER, Target.partnership(user.partnershipId()));
        List<Choice> peopleChoices = List.of();
        List<Choice> orgChoices = List.of();
        List<Choice> listedChoices = List.of();
        List<Choice> returnChoices = List.of();
        int agencies = 0;
        if (admin) {
            Set<Long> already = on.stream().map(Member::accountId).collect(Collectors.toSet());
            peopleChoices = accounts.withRole(p.partnershipId(), Role.PANEL_MEMBER).stream().filter(x -> !already.contains(x.id()))
                    .map(x -> new Choice(String.valueOf(x.id()), x.name() + " (" + x.email() + ")")).toList();
            orgChoices = orgs.values().stream().sorted(java.util.Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                    .map(o -> new Choice(String.valueOf(o.id()), o.label())).toList();
            Set<Long> heard = all.stream().map(Case::returnId).collect(Collectors.toSet());
            Map<Long, List<String>> listedReasons = new java.util.LinkedHashMap<>();
            for (PanelListing.Listed e : panelList.entries(p.cycleId())) {
                if (!heard.contains(e.returnId())) {
                    listedReasons.computeIfAbsent(e.returnId(), k -> new ArrayList<>()).add(reasonOf(e.reason()).label().toLowerCase());
                }
            }
            Map<Long, ReturnFacts.Fact> returnsOf = facts.ofCycle(p.cycleId()).stream()
                    .collect(Collectors.toMap(ReturnFacts.Fact::returnId, Function.identity()));
            List<Choice> listed = new ArrayList<>();
            listedReasons.forEach((returnId, reasons) -> {
                ReturnFacts.Fact f = returnsOf.get(returnId);
                if (f != null && orgs.containsKey(f.organisationId())) {
                    listed.add(new Choice(String.valueOf(returnId), orgs.get(f.organisationId()).label() + " – " + String.join(", ", reasons)));
                }
            });
            listedChoices = listed;
            List<Choice> byHand = new ArrayList<>();
            for (ReturnFacts.Fact f : returnsOf.values()) {
                Organisation o = orgs.get(f.organisationId());
                if (o != null && !heard.contains(f.returnId())) {
                    byHand.add(new Choice(String.valueOf(f.returnId()), o.label() + " – " + f.status().label().toLowerCase()));
                    if (!o.isSchool()) {
                        agencies++;
                    }
                }
            }
            byHand.sort(java.util.Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER));
            returnChoices = byHand;
        }
        return new PanelPage(view(p, names), memberViews, rows, admin, peopleChoices, orgChoices, listedChoices, returnChoices, agencies);
    }

    private List<CaseRow> caseRows(Panel p, List<Case> all, List<Member> on, @Nullable Long onlyFor) {
        if (all.isEmpty()) {
            return List.of();
        }
        List<Long> ids = all.stream().map(Case::id).toList();
        Map<Long, List<Conflict>> standing = conflicts.findByCaseIdInOrderById(ids).stream().filter(Conflict::standing)
                .collect(Collectors.groupingBy(Conflict::caseId));
        Map<Long, Long> done = markings.findByCaseIdInOrderById(ids).stream().filter(PanelRepositories.Marking::submitted)
                .collect(Collectors.groupingBy(PanelRepositories.Marking::caseId, Collectors.counting()));
        Set<Long> moderated = moderations.findByCaseIdIn(ids).stream().filter(m -> m.outcome() != null).map(PanelRepositories.Moderation::caseId)
                .collect(Collectors.toSet());
        Set<Long> sent = letters.findByCaseIdIn(ids).stream().filter(l -> l.sentAt() != null).map(PanelRepositories.Letter::caseId)
                .collect(Collectors.toSet());
        Map<Long, Organisation> orgs = new HashMap<>();
        List<CaseRow> rows = new ArrayList<>();
        for (Case c : all) {
            List<Conflict> against = standing.getOrDefault(c.id(), List.of());
            if (onlyFor != null && against.stream().anyMatch(x -> x.accountId() == onlyFor)) {
                continue;
            }
            Organisation o = orgs.computeIfAbsent(c.organisationId(), id -> organisations.findInPartnership(p.partnershipId(), id).orElseThrow());
            Set<Long> conflicted = against.stream().map(Conflict::accountId).collect(Collectors.toSet());
            int free = (int) on.stream().filter(m -> !conflicted.contains(m.accountId())).count();
            int markersDone = done.getOrDefault(c.id(), 0L).intValue();
            CaseState state = CaseState.of(c.submissionId() != null, markersDone, moderated.contains(c.id()), sent.contains(c.id()));
            rows.add(new CaseRow(c.id(), c.returnId(), o.label(), c.reason().label(), c.detail(), state, state.label(), markersDone,
                    onlyFor == null ? against.size() : 0, free));
        }
        return rows;
    }

    // ---- members ----

    public record MemberForm(@Nullable String accountId, @Nullable String worksForId, @Nullable String name, @Nullable String email) {
    }

    /** Adds a panel-member account, or invites someone new as a panel member, and works out their conflicts with every case. */
    @Transactional
    public Validated<Long> addMember(CurrentUser admin, long panelId, MemberForm form) {
        access.requireAdmin(admin);
        Panel p = panel(admin, panelId);
        FormErrors errors = FormErrors.none();
        Long worksFor = Text.parseId(form.worksForId());
        if (!Text.blank(form.worksForId()) && (worksFor == null || organisations.findInPartnership(admin.partnershipId(), worksFor).isEmpty())) {
            errors.add("worksForId", "Select the organisation this person works for, or leave it blank");
        }
        Long accountId = Text.parseId(form.accountId());
        boolean inviting = Text.blank(form.accountId());
        if (!inviting && (accountId == null || accounts.withRole(admin.partnershipId(), Role.PANEL_MEMBER).stream().noneMatch(x -> x.id() == accountId))) {
            errors.add("accountId", "Select a panel member, or leave it blank and invite someone new below");
        }
        String name = Text.clean(form.name());
        String email = Text.clean(form.email());
        if (inviting) {
            if (name == null) {
                errors.add("name", "Enter the name of the person to invite, or select a panel member above");
            } else if (name.length() > 200) {
                errors.add("name", "Name must be 200 characters or fewer");
            }
            if (email == null || !org.assure.kernel.EmailAddress.valid(email)) {
                errors.add("email", org.assure.kernel.EmailAddress.FORMAT_MESSAGE);
            } else if (accounts.existsInPartnership(admin.partnershipId(), email)) {
                errors.add("email", "There is already an account with this email address: give them the panel member role on the People page, "
                        + "then select them above");
            }
        } else if (accountId != null && members.findByPanelIdAndAccountId(panelId, accountId).isPresent()) {
            errors.add("accountId", "This person is already on the panel");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors.inPageOrder(List.of("accountId", "worksForId", "name", "email")));
        }
        long account = inviting ? accounts.invite(admin, name, email, Role.PANEL_MEMBER, null) : accountId;
        Member m = members.save(new Member(null, admin.partnershipId(), panelId, account, worksFor, clock.instant()));
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.MEMBER_ADDED, panelId, null,
                AuditFields.of(PanelAudit.ACCOUNT, String.valueOf(account), PanelAudit.ORGANISATION, worksFor == null ? "" : String.valueOf(worksFor)));
        workOutConflicts(admin, p);
        return Validated.valid(m.id());
    }

    /** Takes a member off the panel; not once they have started marking (their marks are part of the record). */
    @Transactional
    public void removeMember(CurrentUser admin, long panelId, long memberId) {
        access.requireAdmin(admin);
        Panel p = panel(admin, panelId);
        Member m = members.findByIdAndPanelIdAndPartnershipId(memberId, panelId, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Member"));
        boolean marked = cases.findByPanelIdOrderById(panelId).stream().anyMatch(c -> markings.findByCaseIdAndAccountId(c.id(), m.accountId()).isPresent());
        if (marked) {
            throw Refusal.conflict("This member has started marking, so they stay on the panel: their marks are part of its record")
                    .backTo(p.id() == null ? "/panels" : "/panels/" + p.id(), "Back to the panel");
        }
        members.delete(m);
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.MEMBER_REMOVED, panelId,
                AuditFields.of(PanelAudit.ACCOUNT, String.valueOf(m.accountId())), null);
    }

    // ---- cases ----

    public record CasesForm(@Nullable String source, @Nullable List<String> listed, @Nullable String returnId, @Nullable String detail) {
    }

    /** Sources of cases: the cycle's panel list (ticked), every agency of the cycle (a scrutiny day), or one return by hand. */
    static final String FROM_LIST = "LISTED";
    static final String ALL_AGENCIES = "AGENCIES";
    static final String ONE = "ONE";

    /** Puts returns of the panel's cycle before it; a return already before it is left as it is. Returns how many were added. */
    @Transactional
    public Validated<Integer> addCases(CurrentUser admin, long panelId, CasesForm form) {
        access.requireAdmin(admin);
        Panel p = panel(admin, panelId);
        FormErrors errors = FormErrors.none();
        Map<Long, ReturnFacts.Fact> returnsOf = facts.ofCycle(p.cycleId()).stream().collect(Collectors.toMap(ReturnFacts.Fact::returnId, Function.identity()));
        Set<Long> heard = cases.findByPanelIdOrderById(panelId).stream().map(Case::returnId).collect(Collectors.toSet());
        record Adding(ReturnFacts.Fact fact, CaseReason reason, String detail) {
        }
        List<Adding> adding = new ArrayList<>();
        String source = Text.orEmpty(form.source());
        switch (source) {
            case FROM_LIST -> {
                List<String> ticked = form.listed() == null ? List.of() : form.listed();
                Map<Long, List<PanelListing.Listed>> listed = panelList.entries(p.cycleId()).stream()
                        .collect(Collectors.groupingBy(PanelListing.Listed::returnId));
                for (String value : new LinkedHashSet<>(ticked)) {
                    Long returnId = Text.parseId(value);
                    if (returnId == null || !listed.containsKey(returnId) || !returnsOf.containsKey(returnId)) {
                        errors.add("listed", "Select organisations from the panel list shown");
                        break;
                    }
                    List<PanelListing.Listed> why = listed.get(returnId);
                    adding.add(new Adding(returnsOf.get(returnId), reasonOf(why.get(0).reason()),
                            why.stream().map(PanelListing.Listed::detail).collect(Collectors.joining("; "))));
                }
                if (ticked.isEmpty()) {
                    errors.add("listed", "Select at least one organisation from the panel list");
                }
            }
            case ALL_AGENCIES -> {
                for (ReturnFacts.Fact f : returnsOf.values()) {
                    Organisation o = organisations.findInPartnership(p.partnershipId(), f.organisationId()).orElse(null);
                    if (o != null && !o.isSchool()) {
                        adding.add(new Adding(f, CaseReason.SCRUTINY_DAY, "Every agency of the cycle examines its return at the scrutiny day"));
                    }
                }
                if (adding.isEmpty()) {
                    errors.add("source", "The cycle has no agencies' returns");
                }
            }
            case ONE -> {
                Long returnId = Text.parseId(form.returnId());
                String detail = Text.clean(form.detail());
                if (returnId == null || !returnsOf.containsKey(returnId)) {
                    errors.add("returnId", "Select a return of the panel's cycle");
                }
                if (detail == null) {
                    errors.add("detail", "Say why this return is going before the panel");
                } else if (detail.length() > MAX_REASON) {
                    errors.add("detail", "Reason must be " + MAX_REASON + " characters or fewer");
                }
                if (errors.isEmpty()) {
                    adding.add(new Adding(returnsOf.get(returnId), CaseReason.BY_HAND, detail));
                }
            }
            default -> errors.add("source", "Select where the cases come from");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        int added = 0;
        for (Adding a : adding) {
            if (heard.add(a.fact().returnId())) {
                Long submission = a.fact().status() == ReturnStatus.SUBMITTED || a.fact().submittedAt() != null
                        ? judged.latestSubmission(p.partnershipId(), a.fact().returnId()).orElse(null) : null;
                Case c = cases.save(new Case(null, p.partnershipId(), panelId, p.cycleId(), a.fact().returnId(), a.fact().organisationId(), a.reason(),
                        clip(a.detail()), submission, admin.accountId(), clock.instant()));
                audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.CASE_ADDED, panelId, null, AuditFields.of(PanelAudit.CASE,
                        String.valueOf(c.id()), PanelAudit.RETURN, String.valueOf(c.returnId()), PanelAudit.REASON, c.reason().name()));
                added++;
            }
        }
        workOutConflicts(admin, p);
        return Validated.valid(added);
    }

    private static String clip(String s) {
        return s.length() > MAX_REASON ? s.substring(0, MAX_REASON) : s;
    }

    private static CaseReason reasonOf(String listReason) {
        return switch (listReason) {
            case PanelListing.NON_COMPLETION -> CaseReason.NON_COMPLETION;
            case PanelListing.NON_COMPLIANCE -> CaseReason.NON_COMPLIANCE;
            case PanelListing.DIP_SAMPLE -> CaseReason.DIP_SAMPLE;
            default -> CaseReason.BY_HAND;
        };
    }

    /** Takes a case off the panel; not once marking has begun. */
    @Transactional
    public void removeCase(CurrentUser admin, long panelId, long caseId) {
        access.requireAdmin(admin);
        Case c = cases.findByIdAndPanelIdAndPartnershipId(caseId, panelId, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Case"));
        if (!markings.findByCaseIdOrderById(caseId).isEmpty()) {
            throw Refusal.conflict("Marking of this case has begun, so it stays before the panel").backTo("/panels/" + panelId, "Back to the panel");
        }
        conflicts.findByCaseIdOrderById(caseId).forEach(conflicts::delete);
        cases.delete(c);
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.CASE_REMOVED, panelId,
                AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.RETURN, String.valueOf(c.returnId())), null);
    }

    // ---- conflicts of interest ----

    /**
     * Records the conflicts the data shows between everyone who sits on the panel (members and moderator) and every case:
     * each (case, person, kind) once, so one cleared by an admin is not raised again.
     */
    private void workOutConflicts(CurrentUser admin, Panel p) {
        List<Member> on = members.findByPanelIdOrderById(p.id());
        Map<Long, Set<Long>> worksFor = new HashMap<>();
        Map<Long, AccountService.PanelPerson> people = accounts.people(p.partnershipId(), union(on.stream().map(Member::accountId).toList(),
                moderatorIds(p))).stream().collect(Collectors.toMap(AccountService.PanelPerson::id, Function.identity()));
        for (Member m : on) {
            worksFor.put(m.accountId(), worksFor(m, people.get(m.accountId())));
        }
        if (p.moderatorId() != null && people.containsKey(p.moderatorId())) {
            worksFor.computeIfAbsent(p.moderatorId(), k -> new HashSet<>()).addAll(people.get(p.moderatorId()).organisationIds());
        }
        Map<Long, Organisation> orgs = new HashMap<>();
        Function<Long, Optional<Organisation>> org = id -> Optional.ofNullable(orgs.computeIfAbsent(id,
                k -> organisations.findInPartnership(p.partnershipId(), k).orElse(null)));
        Instant now = clock.instant();
        for (Case c : cases.findByPanelIdOrderById(p.id())) {
            Organisation judgedOrg = org.apply(c.organisationId()).orElse(null);
            if (judgedOrg == null) {
                continue;
            }
            Set<String> recorded = conflicts.findByCaseIdOrderById(c.id()).stream().map(x -> x.accountId() + ":" + x.source())
                    .collect(Collectors.toSet());
            for (Map.Entry<Long, Set<Long>> person : worksFor.entrySet()) {
                List<Organisation> own = person.getValue().stream().map(org).flatMap(Optional::stream).toList();
                for (ConflictRules.Found f : ConflictRules.between(own, judgedOrg)) {
                    if (recorded.add(person.getKey() + ":" + f.source())) {
                        Conflict saved = conflicts.save(new Conflict(null, p.partnershipId(), c.id(), person.getKey(), f.source(), f.reason(), null, now,
                                null, null, null));
                        audit.record(p.partnershipId(), admin.accountId(), PanelAudit.CONFLICT_RECORDED, p.id(), null, AuditFields.of(PanelAudit.CASE,
                                String.valueOf(c.id()), PanelAudit.ACCOUNT, String.valueOf(saved.accountId()), PanelAudit.SOURCE, f.source().name(),
                                PanelAudit.REASON, f.reason()));
                    }
                }
            }
        }
    }

    /** A member declares an interest in a case: from then on they neither mark it nor see its marks. */
    @Transactional
    public Validated<Long> declare(CurrentUser member, long panelId, long caseId, @Nullable String reason) {
        CaseContext ctx = caseFor(member, panelId, caseId, Action.OPEN);
        if (!ctx.member() && !ctx.moderator()) {
            throw Refusal.forbidden("Only the panel's members and moderator declare interests in its cases");
        }
        return record(member, ctx, member.accountId(), ConflictSource.DECLARED, reason, "declaredReason");
    }

    /** An admin records a conflict the data does not show. */
    @Transactional
    public Validated<Long> addConflict(CurrentUser admin, long panelId, long caseId, @Nullable String accountId, @Nullable String reason) {
        access.requireAdmin(admin);
        CaseContext ctx = caseFor(admin, panelId, caseId, Action.ADMINISTER);
        Panel p = panel(admin, panelId);
        Long account = Text.parseId(accountId);
        if (account == null || !sits(p, account)) {
            Validated<Long> bad = record(admin, ctx, -1, ConflictSource.ADDED, reason, "conflictReason");
            FormErrors errors = FormErrors.none().add("conflictAccountId", "Select a member of the panel");
            return Validated.invalid(bad.isValid() ? errors : errors.addAll(bad.errors()));
        }
        return record(admin, ctx, account, ConflictSource.ADDED, reason, "conflictReason");
    }

    private Validated<Long> record(CurrentUser by, CaseContext ctx, long accountId, ConflictSource source, @Nullable String reason, String field) {
        String why = Text.clean(reason);
        if (why == null) {
            return Validated.invalid(FormErrors.none().add(field, "Say what the interest is"));
        }
        if (why.length() > MAX_REASON) {
            return Validated.invalid(FormErrors.none().add(field, "The interest must be " + MAX_REASON + " characters or fewer"));
        }
        if (accountId < 0) {
            return Validated.valid(0L);
        }
        Conflict saved = conflicts.save(new Conflict(null, by.partnershipId(), ctx.caseId(), accountId, source, why, by.accountId(), clock.instant(),
                null, null, null));
        audit.record(by.partnershipId(), by.accountId(), PanelAudit.CONFLICT_RECORDED, ctx.panel().id(), null, AuditFields.of(PanelAudit.CASE,
                String.valueOf(ctx.caseId()), PanelAudit.ACCOUNT, String.valueOf(accountId), PanelAudit.SOURCE, source.name(), PanelAudit.REASON, why));
        return Validated.valid(saved.id());
    }

    /** An admin clears a conflict with a reason; the row stays, so the record shows it was raised and why it was cleared. */
    @Transactional
    public Validated<Long> clearConflict(CurrentUser admin, long panelId, long caseId, long conflictId, @Nullable String reason) {
        access.requireAdmin(admin);
        CaseContext ctx = caseFor(admin, panelId, caseId, Action.ADMINISTER);
        Conflict c = conflicts.findByIdAndCaseIdAndPartnershipId(conflictId, caseId, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Conflict"));
        String why = Text.clean(reason);
        if (why == null || why.length() > MAX_REASON) {
            return Validated.invalid(FormErrors.none().add("clearReason-" + conflictId, why == null ? "Say why the conflict no longer stands"
                    : "The reason must be " + MAX_REASON + " characters or fewer"));
        }
        if (!c.standing()) {
            return Validated.valid(conflictId); // cleared already: posting twice changes things once
        }
        conflicts.update(c.cleared(admin.accountId(), clock.instant(), why));
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.CONFLICT_CLEARED, ctx.panel().id(), null, AuditFields.of(PanelAudit.CASE,
                String.valueOf(caseId), PanelAudit.ACCOUNT, String.valueOf(c.accountId()), PanelAudit.SOURCE, c.source().name(), PanelAudit.REASON, why));
        return Validated.valid(conflictId);
    }

    // ---- a case ----

    /**
     * The case, for someone the access policy lets do this to it: the partnership's admins, the panel's members and its
     * moderator, never someone with a standing conflict (403 with the reason); anyone else, and another partnership's or
     * another panel's case id, is "not found".
     */
    @Transactional
    public CaseContext caseFor(CurrentUser user, long panelId, long caseId, Action action) {
        Panel p = panels.findByIdAndPartnershipId(panelId, user.partnershipId()).orElseThrow(() -> Refusal.notFound("Case"));
        Case c = cases.findByIdAndPanelIdAndPartnershipId(caseId, panelId, user.partnershipId()).orElseThrow(() -> Refusal.notFound("Case"));
        boolean member = members.findByPanelIdAndAccountId(panelId, user.accountId()).isPresent();
        boolean moderator = p.moderatorId() != null && p.moderatorId() == user.accountId();
        boolean conflicted = conflicts.findByCaseIdOrderById(caseId).stream().anyMatch(x -> x.standing() && x.accountId() == user.accountId());
        access.require(user, action, new Target.PanelCase(user.partnershipId(), member, moderator, conflicted), "Case");
        Organisation o = organisations.findInPartnership(p.partnershipId(), c.organisationId()).orElseThrow(() -> Refusal.notFound("Case"));
        return new CaseContext(view(p, names(p.partnershipId(), moderatorIds(p))), caseId, c.returnId(), c.organisationId(), o, c.reason(),
                c.detail(), c.submissionId(), member, moderator, conflicted, user.isAdmin());
    }

    @Transactional
    public CasePage casePage(CurrentUser user, long panelId, long caseId) {
        CaseContext ctx = caseFor(user, panelId, caseId, Action.OPEN);
        JudgedReturns.Judged submission = ctx.submissionId() == null ? null : judged.read(user.partnershipId(), ctx.returnId(), ctx.submissionId());
        Panel p = panel(user, panelId);
        List<Conflict> all = conflicts.findByCaseIdOrderById(caseId);
        // members see only their own declarations; the partnership sees every conflict
        List<Conflict> shown = ctx.admin() ? all : all.stream().filter(c -> c.accountId() == user.accountId()).toList();
        Map<Long, String> names = names(p.partnershipId(), union(shown.stream().map(Conflict::accountId).toList(),
                shown.stream().map(Conflict::clearedBy).filter(java.util.Objects::nonNull).toList()));
        List<ConflictView> views = shown.stream().map(c -> new ConflictView(c.id(), c.accountId(), names.getOrDefault(c.accountId(), ""),
                c.source().label(), c.reason(), Dates.moment(c.recordedAt()), c.standing(),
                c.standing() ? "" : "Cleared by " + names.getOrDefault(c.clearedBy(), "") + " on " + Dates.moment(c.clearedAt()) + ": " + c.clearedReason()))
                .toList();
        List<Member> on = members.findByPanelIdOrderById(panelId);
        CaseState state = caseRows(p, cases.findByIdAndPanelIdAndPartnershipId(caseId, panelId, p.partnershipId()).stream().toList(), on, null)
                .get(0).state();
        List<Choice> people = List.of();
        if (ctx.admin()) {
            Map<Long, String> memberNames = names(p.partnershipId(), union(on.stream().map(Member::accountId).toList(), moderatorIds(p)));
            people = memberNames.entrySet().stream().map(e -> new Choice(String.valueOf(e.getKey()), e.getValue()))
                    .sorted(java.util.Comparator.comparing(Choice::label)).toList();
        }
        return new CasePage(ctx, submission, views, state, people);
    }

    /** The cases of every panel someone sits on, for their dashboard: what they still have to mark (or moderate) and by when. */
    @Transactional
    public List<MyCase> myCases(CurrentUser user) {
        Set<Long> panelIds = new LinkedHashSet<>();
        members.findByPartnershipIdAndAccountId(user.partnershipId(), user.accountId()).forEach(m -> panelIds.add(m.panelId()));
        panels.findByPartnershipIdAndModeratorIdOrderByMeetsOn(user.partnershipId(), user.accountId()).forEach(p -> panelIds.add(p.id()));
        if (panelIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = Dates.today(clock);
        List<MyCase> mine = new ArrayList<>();
        for (Panel p : panels.findByPartnershipIdAndIdInOrderByMeetsOn(user.partnershipId(), panelIds)) {
            boolean member = members.findByPanelIdAndAccountId(p.id(), user.accountId()).isPresent();
            boolean moderator = p.moderatorId() != null && p.moderatorId() == user.accountId();
            List<Case> all = cases.findByPanelIdOrderById(p.id());
            List<Member> on = members.findByPanelIdOrderById(p.id());
            Map<Long, CaseRow> rows = caseRows(p, all, on, null).stream().collect(Collectors.toMap(CaseRow::id, Function.identity()));
            for (Case c : all) {
                boolean conflicted = conflicts.findByCaseIdOrderById(c.id()).stream().anyMatch(x -> x.standing() && x.accountId() == user.accountId());
                CaseRow row = rows.get(c.id());
                Optional<PanelRepositories.Marking> my = markings.findByCaseIdAndAccountId(c.id(), user.accountId());
                String todo;
                boolean owed = false;
                if (conflicted) {
                    todo = "Conflict of interest: you do not mark this case";
                } else if (row.state() == CaseState.NOT_SUBMITTED) {
                    todo = "Waiting for the return to be submitted";
                } else if (row.state() == CaseState.MODERATED || row.state() == CaseState.LETTER_SENT) {
                    todo = row.stateLabel() + ": nothing to do"; // marking ends at moderation, whoever had not marked
                } else if (member && my.map(PanelRepositories.Marking::submitted).orElse(false)) {
                    todo = moderator && row.state() == CaseState.MARKED ? "To moderate" : "Your marks are in";
                } else if (member) {
                    todo = my.isPresent() ? "Marking started: to finish" : "To mark";
                    owed = true;
                } else {
                    todo = row.state() == CaseState.MARKED ? "To moderate" : row.stateLabel();
                }
                // a member goes straight to their marks; the moderator to the case
                String path = "/panels/" + p.id() + "/cases/" + c.id() + (member && !conflicted && row.state() != CaseState.NOT_SUBMITTED ? "/marks" : "");
                mine.add(new MyCase(path, p.name(), conflicted ? "A case you have declared or been found to have an interest in"
                        : row.organisation(), Dates.date(p.meetsOn()), Dates.date(p.marksDueOn()), owed && p.marksDueOn().isBefore(today), todo, conflicted));
            }
        }
        return mine;
    }

    // ---- helpers shared by the panel features ----

    Panel panel(CurrentUser user, long panelId) {
        return panels.findByIdAndPartnershipId(panelId, user.partnershipId()).orElseThrow(() -> Refusal.notFound("Panel"));
    }

    private boolean sits(Panel p, long accountId) {
        return p.moderatorId() != null && p.moderatorId() == accountId || members.findByPanelIdAndAccountId(p.id(), accountId).isPresent();
    }

    private boolean anyMarking(long panelId) {
        return cases.findByPanelIdOrderById(panelId).stream().anyMatch(c -> !markings.findByCaseIdOrderById(c.id()).isEmpty());
    }

    private static Set<Long> worksFor(Member m, @Nullable AccountService.PanelPerson person) {
        Set<Long> ids = new HashSet<>(person == null ? Set.of() : person.organisationIds());
        if (m.worksForId() != null) {
            ids.add(m.worksForId());
        }
        return ids;
    }

    private static List<Long> moderatorIds(Panel p) {
        return p.moderatorId() == null ? List.of() : List.of(p.moderatorId());
    }

    private static List<Long> union(Collection<Long> a, Collection<Long> b) {
        Set<Long> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private Map<Long, String> names(long partnershipId, Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        accounts.people(partnershipId, Set.copyOf(accountIds)).forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    private PanelView view(Panel p, Map<Long, String> names) {
        CycleTerms cycle = cycles.terms(p.cycleId());
        return new PanelView(p.id(), p.name(), p.kind().label(), p.kind() == PanelKind.SCRUTINY_DAY, p.cycleId(), cycle.name(), Dates.date(p.meetsOn()),
                p.place(), Dates.date(p.marksDueOn()), p.markingBy().label(), p.markingBy() == MarkingBy.QUESTION, p.moderatorId(),
                p.moderatorId() == null ? "" : names.getOrDefault(p.moderatorId(), ""));
    }
}
