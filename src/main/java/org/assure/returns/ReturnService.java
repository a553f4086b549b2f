package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.accounts.AccountService;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.AuditCycle;
import org.assure.cycles.AuditReturn;
import org.assure.cycles.CycleStatus;
import org.assure.cycles.ReturnRecords;
import org.assure.cycles.ReturnStatus;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Dates;
import org.assure.kernel.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The returns feature's entrance: organisation leads and contributors complete their organisation's
 * returns section by section; admins of the partnership may look at any. Every read goes through
 * {@link #load} and its access rule.
 */
@Singleton
public class ReturnService {
    private final ReturnRecords records;
    private final ReturnRepositories.Answers answers;
    private final ReturnRepositories.Sections sections;
    private final OrganisationService organisations;
    private final QuestionBanks banks;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnService(ReturnRecords records, ReturnRepositories.Answers answers, ReturnRepositories.Sections sections,
                  OrganisationService organisations, QuestionBanks banks, AccountService accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.records = records;
        this.answers = answers;
        this.sections = sections;
        this.organisations = organisations;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A change the return does not allow now (read-only, or someone saved at the same moment), with the way back to it. */
    static Refusal refused(long returnId, String reason) {
        return Refusal.conflict(reason).backTo("/returns/" + returnId, "Back to the return");
    }

    static final String SAME_MOMENT = "Someone saved this answer at the same moment. Your answers were not saved; go back and save again.";

    /** How the person looking at a return stands to it. */
    public enum Access {
        /** A partnership admin: sees everything, changes nothing (the return is the organisation's own account). */
        ADMIN,
        /** The organisation's lead: sees and edits everything, assigns sections, submits. */
        LEAD,
        /** A colleague of the lead: sees and edits only the sections assigned to them. */
        CONTRIBUTOR
    }

    /** A return with what it hangs off, once access is checked; {@code assignedToMe} matters only to contributors. */
    public record Context(AuditReturn ret, AuditCycle cycle, Organisation organisation, BankModel.Version bank, Access access,
                          LocalDate today, Set<String> assignedToMe) {

        /** Nobody may change it: submitted, the cycle not open, or the final deadline passed (unless returned for changes). */
        public boolean locked() {
            return ret.status() == ReturnStatus.SUBMITTED || cycle.status() != CycleStatus.OPEN || pastFinalDeadline();
        }

        /** Past the final deadline; a return the partnership sent back for changes stays open so it can be fixed. */
        public boolean pastFinalDeadline() {
            return cycle.finalDeadline() != null && today.isAfter(cycle.finalDeadline()) && ret.status() != ReturnStatus.RETURNED;
        }

        /** After the deadline: still editable until the final deadline, but late. */
        public boolean late() {
            return today.isAfter(cycle.deadline());
        }

        public boolean readOnly() {
            return locked() || access == Access.ADMIN;
        }

        public String readOnlyReason() {
            if (ret.status() == ReturnStatus.SUBMITTED) {
                return "This return has been submitted, so it can no longer be changed.";
            }
            if (cycle.status() != CycleStatus.OPEN) {
                return "This cycle is " + cycle.status().label().toLowerCase() + ", so its returns can no longer be changed.";
            }
            if (pastFinalDeadline()) {
                return "The final deadline, " + Dates.date(cycle.finalDeadline()) + ", has passed, so this return can no longer be changed.";
            }
            return access == Access.ADMIN ? "You are looking at this return as a partnership admin. Only "
                    + organisation.name() + " can change its answers." : "";
        }

        public boolean isLead() {
            return access == Access.LEAD;
        }

        public boolean isAdmin() {
            return access == Access.ADMIN;
        }

        /** Whether this person may open the section: contributors only their assigned ones. */
        public boolean maySee(String sectionKey) {
            return access != Access.CONTRIBUTOR || assignedToMe.contains(sectionKey);
        }

        /** The bank's sections that apply to this organisation, in bank order. */
        public List<BankModel.Section> applicableSections() {
            return bank.sections().stream().filter(s -> applies(s.appliesTo(), organisation)).toList();
        }

        public String deadline() {
            return Dates.date(cycle.deadline());
        }

        public String finalDeadline() {
            return cycle.finalDeadline() == null ? "" : Dates.date(cycle.finalDeadline());
        }
    }

    // ---- access ----

    /**
     * The one access rule: admins see any return of their partnership; leads and contributors their
     * organisation's (contributors then only their assigned sections, see {@link Context#maySee}).
     */
    static Optional<Access> accessOf(CurrentUser user, AuditReturn r) {
        if (user.partnershipId() != r.partnershipId()) {
            return Optional.empty();
        }
        if (user.isAdmin()) {
            return Optional.of(Access.ADMIN);
        }
        if (!user.organisationIds().contains(r.organisationId())) {
            return Optional.empty();
        }
        if (user.has(Roles.LEAD)) {
            return Optional.of(Access.LEAD);
        }
        return user.has(Roles.CONTRIBUTOR) ? Optional.of(Access.CONTRIBUTOR) : Optional.empty();
    }

    static boolean mayView(CurrentUser user, AuditReturn r) {
        return accessOf(user, r).isPresent();
    }

    @Transactional
    public Context load(CurrentUser user, long returnId) {
        AuditReturn r = records.findReturn(returnId).orElseThrow(() -> Refusal.notFound("Return"));
        Access access = accessOf(user, r).orElseThrow(() -> Refusal.notFound("Return"));
        AuditCycle cycle = records.cycleOf(r);
        Organisation o = organisations.findInPartnership(r.partnershipId(), r.organisationId()).orElseThrow(() -> Refusal.notFound("Return"));
        Set<String> mine = access != Access.CONTRIBUTOR ? Set.of() : sections.findByReturnId(returnId).stream()
                .filter(s -> Objects.equals(s.assignedAccountId(), user.accountId())).map(ReturnSection::sectionKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Context(r, cycle, o, banks.get(cycle.bankKey(), cycle.bankVersion()), access, today(), mine);
    }

    /** Only the organisation's lead: assigning, checking answers, submitting. */
    @Transactional
    public Context loadAsLead(CurrentUser user, long returnId) {
        Context ctx = load(user, returnId);
        if (!ctx.isLead()) {
            throw Refusal.forbidden("Only the organisation's lead can do this");
        }
        return ctx;
    }

    /** Whether a section is for this organisation: no applies-to means every organisation of the bank's audience. */
    static boolean applies(@Nullable BankModel.Audience a, Organisation o) {
        return a == null || a.includes(o);
    }

    public LocalDate today() {
        return Dates.today(clock);
    }

    // ---- dashboard ----

    public record DashboardRow(long returnId, String cycleName, String organisation, String bank, ReturnStatus status,
                               String deadline, long daysLeft, String due, boolean late) {
    }

    /** The returns of the person's organisations in open cycles, soonest deadline first. */
    @Transactional
    public List<DashboardRow> dashboard(CurrentUser user) {
        if (!(user.has(Roles.LEAD) || user.has(Roles.CONTRIBUTOR))) {
            return List.of();
        }
        LocalDate today = today();
        List<DashboardRow> rows = new ArrayList<>();
        for (AuditReturn r : records.returnsOf(user.organisationIds())) {
            if (!mayView(user, r)) {
                continue;
            }
            AuditCycle c = records.cycleOf(r);
            if (c.status() != CycleStatus.OPEN) {
                continue;
            }
            Organisation o = organisations.findInPartnership(r.partnershipId(), r.organisationId()).orElseThrow();
            BankModel.Version v = banks.get(c.bankKey(), c.bankVersion());
            long days = ChronoUnit.DAYS.between(today, c.deadline());
            rows.add(new DashboardRow(r.id(), c.name(), o.name(), v.title() + " — " + v.guidance(), r.status(),
                    Dates.date(c.deadline()), days, due(days), days < 0 && r.status() != ReturnStatus.SUBMITTED));
        }
        rows.sort(Comparator.comparingLong(DashboardRow::daysLeft).thenComparing(DashboardRow::returnId));
        return rows;
    }

    static String due(long days) {
        if (days == 0) {
            return "due today";
        }
        long n = Math.abs(days);
        return n + (n == 1 ? " day " : " days ") + (days > 0 ? "left" : "late");
    }

    // ---- task list ----

    public record TaskRow(String key, String title, SectionStatus status, String assignedTo, long carriedForward) {
    }

    /** The sections this person may open (contributors: their assigned ones), with who each is assigned to. */
    public record TaskList(Context context, List<TaskRow> rows, long completed, int applicable) {
        public int total() {
            return rows.size();
        }

        public boolean allComplete() {
            return completed == applicable;
        }
    }

    @Transactional
    public TaskList taskList(CurrentUser user, long returnId) {
        Context ctx = load(user, returnId);
        Map<String, ReturnSection> stored = new HashMap<>();
        sections.findByReturnId(returnId).forEach(s -> stored.put(s.sectionKey(), s));
        Map<String, Long> carried = new HashMap<>();
        Map<String, BankModel.Section> sectionOf = ctx.bank().sectionOfQuestion();
        answers.findByReturnId(returnId).stream().filter(ReturnAnswer::carriedForward).filter(a -> sectionOf.containsKey(a.questionKey()))
                .forEach(a -> carried.merge(sectionOf.get(a.questionKey()).key(), 1L, Long::sum));
        Map<Long, String> names = new HashMap<>();
        List<TaskRow> all = ctx.applicableSections().stream().map(s -> {
            ReturnSection row = stored.get(s.key());
            Long assignee = row == null ? null : row.assignedAccountId();
            String name = assignee == null ? "" : names.computeIfAbsent(assignee, id -> accounts.nameOf(ctx.ret().partnershipId(), id));
            return new TaskRow(s.key(), s.title(), row == null ? SectionStatus.NOT_STARTED : row.status(), name,
                    carried.getOrDefault(s.key(), 0L));
        }).toList();
        List<TaskRow> rows = all.stream().filter(r -> ctx.maySee(r.key())).toList();
        long completed = all.stream().filter(r -> r.status() == SectionStatus.COMPLETED).count();
        return new TaskList(ctx, rows, completed, all.size());
    }

    // ---- section page ----

    /** What one question's controls show: the saved answer, or what was just typed (with its carried-forward tick). */
    public record Entry(String rating, List<String> values, String evidence, String reason, String day, String month, String year,
                        int version, boolean confirmed) {
        public String value() {
            return values.isEmpty() ? "" : values.get(0);
        }

        Entry withVersion(int v) {
            return new Entry(rating, values, evidence, reason, day, month, year, v, confirmed);
        }

        public boolean has(String code) {
            return values.contains(code) || code.equals(rating);
        }

        static Entry of(@Nullable ReturnAnswer a) {
            if (a == null) {
                return new Entry("", List.of(), "", "", "", "", "", -1, false);
            }
            String v = a.answerValue() == null ? "" : a.answerValue();
            String d = "", m = "", y = "";
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate date = LocalDate.parse(v);
                d = String.valueOf(date.getDayOfMonth());
                m = String.valueOf(date.getMonthValue());
                y = String.valueOf(date.getYear());
            }
            return new Entry(a.rating() == null ? "" : a.rating(), v.isEmpty() ? List.of() : List.of(v.split(",")),
                    nz(a.evidence()), nz(a.naReason()), d, m, y, a.version(), false);
        }
    }

    /** One question as the section page shows it; carriedForward asks the person to check and confirm it. */
    public record QuestionView(int number, BankModel.Question question, Entry entry, boolean carriedForward) {
        public String key() {
            return question.key();
        }
    }

    public record SectionView(Context context, BankModel.Section section, List<QuestionView> questions, boolean hasConditions,
                              SectionStatus status) {
        public List<BankModel.Rating> ratings() {
            return context.bank().scale().ratings();
        }

        public long carriedForward() {
            return questions.stream().filter(QuestionView::carriedForward).count();
        }

        public boolean reasonRequired() {
            return ratings().stream().anyMatch(r -> r.notApplicable() && r.reason() == BankModel.Requirement.REQUIRED);
        }
    }

    @Transactional
    public SectionView section(CurrentUser user, long returnId, String sectionKey) {
        return sectionAsTyped(user, returnId, sectionKey, Map.of());
    }

    /**
     * The section page with a form's typed answers in place of the stored ones: a form kept across an expired
     * session. It is the section page itself, so it is shown only to whom that page is, by the same rules.
     */
    @Transactional
    public SectionView sectionAsTyped(CurrentUser user, long returnId, String sectionKey, Map<String, List<String>> form) {
        Context ctx = load(user, returnId);
        mustSee(ctx, sectionKey);
        BankModel.Section section = sectionOf(ctx, sectionKey);
        Map<String, Entry> typed = new HashMap<>();
        for (BankModel.Question q : section.questions()) {
            if (form.containsKey(q.key() + "-version")) {
                // the version the form was shown with is kept, so saving it still detects someone else's change
                typed.put(q.key(), typedEntry(q, form, parseInt(first(form, q.key() + "-version"), -1)));
            }
        }
        return view(ctx, section, stored(returnId), typed);
    }

    private Map<String, ReturnAnswer> stored(long returnId) {
        Map<String, ReturnAnswer> map = new HashMap<>();
        answers.findByReturnId(returnId).forEach(a -> map.put(a.questionKey(), a));
        return map;
    }

    /** A contributor opening a section that is not theirs is refused (403), not shown read-only. */
    static void mustSee(Context ctx, String sectionKey) {
        if (!ctx.maySee(sectionKey)) {
            throw Refusal.forbidden("This section is assigned to someone else");
        }
    }

    static BankModel.Section sectionOf(Context ctx, String key) {
        return ctx.applicableSections().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> Refusal.notFound("Section"));
    }

    private SectionView view(Context ctx, BankModel.Section section, Map<String, ReturnAnswer> stored, Map<String, Entry> typed) {
        List<QuestionView> shown = new ArrayList<>();
        int n = 0;
        for (BankModel.Question q : section.questions()) {
            if (!visible(q, stored)) {
                continue;
            }
            n++;
            ReturnAnswer a = stored.get(q.key());
            Entry e = typed.containsKey(q.key()) ? typed.get(q.key()) : Entry.of(a);
            shown.add(new QuestionView(n, q, e, a != null && a.carriedForward()));
        }
        SectionStatus status = sections.findByReturnIdAndSectionKey(ctx.ret().id(), section.key()).map(ReturnSection::status)
                .orElse(SectionStatus.NOT_STARTED);
        return new SectionView(ctx, section, shown, section.questions().stream().anyMatch(q -> q.showWhen() != null), status);
    }

    /** A conditional question is asked only when the saved answer to its earlier question is one of the listed values. */
    static boolean visible(BankModel.Question q, Map<String, ReturnAnswer> stored) {
        if (q.showWhen() == null) {
            return true;
        }
        ReturnAnswer a = stored.get(q.showWhen().question());
        if (a == null) {
            return false;
        }
        List<String> codes = new ArrayList<>();
        if (a.rating() != null) codes.add(a.rating());
        if (a.answerValue() != null) codes.addAll(List.of(a.answerValue().split(",")));
        return codes.stream().anyMatch(q.showWhen().equals()::contains);
    }

    // ---- saving ----

    public enum Action { CONTINUE, LATER, STAY }

    public record Clash(BankModel.Question question, Entry mine, ReturnAnswer theirs, String theirName, String theirWhen) {
    }

    /** The result of a save: errors (422) with the page to show again, clashes (409), or where to go next. */
    public record Outcome(FormErrors errors, @Nullable SectionView page, List<Clash> clashes, String next, boolean saved) {
    }

    /** What one question's fields carried in the post, parsed. */
    private record Submitted(@Nullable String rating, @Nullable String value, @Nullable String evidence, @Nullable String reason) {
        boolean sameAs(@Nullable ReturnAnswer a) {
            if (a == null) {
                return rating == null && value == null && evidence == null && reason == null;
            }
            return Objects.equals(rating, a.rating()) && Objects.equals(value, a.answerValue())
                    && Objects.equals(evidence, blankToNull(a.evidence())) && Objects.equals(reason, blankToNull(a.naReason()));
        }
    }

    /**
     * Saves what the section form carried. Each answer is written only when it changed; an answer someone
     * else changed since the form was shown (its version moved and their value differs) is not written but
     * reported as a clash. Valid answers are saved even when completing the section fails.
     */
    @Transactional
    public Outcome save(CurrentUser user, long returnId, String sectionKey, Map<String, List<String>> form, boolean complete, Action action) {
        records.lockForSave(returnId); // first: concurrent saves of this return wait here, then read what the other saved
        Context ctx = load(user, returnId);
        mustSee(ctx, sectionKey);
        if (ctx.readOnly()) {
            throw refused(returnId, ctx.readOnlyReason());
        }
        BankModel.Section section = sectionOf(ctx, sectionKey);
        BankModel.Scale scale = ctx.bank().scale();
        Map<String, ReturnAnswer> stored = stored(returnId);
        Map<String, Entry> typed = new LinkedHashMap<>();
        FormErrors errors = FormErrors.none();
        List<Clash> clashes = new ArrayList<>();
        Instant now = clock.instant();
        List<AuditTrail.Change> answerChanges = new ArrayList<>();
        boolean changed = false;
        int number = 0;
        for (BankModel.Question q : section.questions()) {
            if (!visible(q, stored)) {
                continue;
            }
            number++;
            String k = q.key();
            if (!form.containsKey(k + "-version")) {
                continue; // not on the page this person saw (it appeared since): nothing typed for it
            }
            int formVersion = parseInt(first(form, k + "-version"), -1);
            Entry entry = typedEntry(q, form, formVersion);
            typed.put(k, entry);
            String value = null;
            boolean parsedOk = true;
            switch (q.type()) {
                case RATING -> { }
                case MULTIPLE_CHOICE -> value = entry.values().isEmpty() ? null : String.join(",", entry.values());
                case NUMBER -> {
                    value = blankToNull(entry.value());
                    if (value != null && !isNumber(value)) {
                        errors.add(k, "Question " + number + " must be a number, like 12 or 3.5");
                        parsedOk = false;
                    }
                }
                case DATE -> {
                    boolean blank = entry.day().isBlank() && entry.month().isBlank() && entry.year().isBlank();
                    LocalDate d = blank ? null : parseDate(entry.day(), entry.month(), entry.year());
                    if (!blank && d == null) {
                        errors.add(k + "-day", "Question " + number + " must be a real date, like 27 3 2025");
                        parsedOk = false;
                    }
                    value = d == null ? null : d.toString();
                }
                default -> value = blankToNull(entry.value());
            }
            String rating = q.type() == BankModel.QuestionType.RATING ? blankToNull(entry.rating()) : null;
            Optional<BankModel.Rating> scaleRating = rating == null ? Optional.empty() : scale.rating(rating);
            boolean needsReason = scaleRating.map(r -> r.notApplicable() && r.reason() != BankModel.Requirement.NONE).orElse(false);
            Submitted submitted = new Submitted(rating, value,
                    q.type() == BankModel.QuestionType.RATING ? blankToNull(entry.evidence()) : null,
                    needsReason ? blankToNull(entry.reason()) : null);
            ReturnAnswer current = stored.get(k);
            if (parsedOk && current != null && current.carriedForward() && submitted.sameAs(current)
                    && "true".equals(first(form, k + "-confirm"))) {
                stored.put(k, confirm(user, current, now, answerChanges));
                changed = true;
            }
            if (parsedOk && !submitted.sameAs(current)) {
                if (current != null && current.version() != formVersion) {
                    clashes.add(new Clash(q, entry, current, "", ""));
                } else {
                    stored.put(k, write(ctx, user, k, current, submitted, now, answerChanges));
                    changed = true;
                }
            }
            if (parsedOk && stored.containsKey(k) && submitted.sameAs(stored.get(k))) {
                // what is shown again is what is stored now: carry its version, or the next save would clash with itself
                typed.put(k, entry.withVersion(stored.get(k).version()));
            }
            if (complete) {
                ReturnAnswer a = stored.get(k);
                boolean answered = a != null && (a.rating() != null || a.answerValue() != null);
                if (!parsedOk) {
                    continue;
                }
                if (q.required() && !answered) {
                    errors.add(errorField(q), (q.type() == BankModel.QuestionType.RATING ? "Select a rating for question " : "Answer question ") + number);
                } else if (a != null && a.carriedForward()) {
                    errors.add(k + "-confirm", "Check the answer carried forward to question " + number + ", then confirm it or change it");
                } else if (a != null && a.rating() != null) {
                    BankModel.Rating r = scale.rating(a.rating()).orElse(null);
                    if (r != null && r.evidence() == BankModel.Requirement.REQUIRED && blankToNull(a.evidence()) == null) {
                        errors.add(k + "-evidence", "Give evidence for question " + number + " (rated " + r.label() + ")");
                    }
                    if (r != null && r.notApplicable() && r.reason() == BankModel.Requirement.REQUIRED && blankToNull(a.naReason()) == null) {
                        errors.add(k + "-reason", "Say why question " + number + " does not apply");
                    }
                }
            }
        }
        audit.recordAll(ctx.ret().partnershipId(), user.accountId(), "return", returnId, answerChanges);
        // a conditional question made visible by this save, and required, blocks completion too
        if (complete) {
            int n = 0;
            for (BankModel.Question q : section.questions()) {
                if (!visible(q, stored)) continue;
                n++;
                ReturnAnswer a = stored.get(q.key());
                if (!typed.containsKey(q.key()) && q.required() && (a == null || (a.rating() == null && a.answerValue() == null))) {
                    errors.add(errorField(q), "Answer question " + n);
                } else if (!typed.containsKey(q.key()) && a != null && a.carriedForward()) {
                    errors.add(q.key() + "-confirm", "Check the answer carried forward to question " + n + ", then confirm it or change it");
                }
            }
        }
        boolean completing = complete && errors.isEmpty() && clashes.isEmpty();
        ReturnSection s = sections.findByReturnIdAndSectionKey(returnId, sectionKey).orElse(null);
        SectionStatus before = s == null ? SectionStatus.NOT_STARTED : s.status();
        SectionStatus after = completing ? SectionStatus.COMPLETED : (changed || complete) ? SectionStatus.IN_PROGRESS : before;
        if (after != before) {
            if (s == null) {
                sections.save(new ReturnSection(null, returnId, sectionKey, after, null, 0, now));
            } else {
                sections.update(new ReturnSection(s.id(), returnId, sectionKey, after, s.assignedAccountId(), s.version() + 1, now));
            }
            audit.record(ctx.ret().partnershipId(), user.accountId(), "return", returnId,
                    "section " + sectionKey + " " + after.label().toLowerCase(), before.name(), after.name());
        }
        if (changed || after != before) {
            ReturnStatus status = ctx.ret().status() == ReturnStatus.NOT_STARTED ? ReturnStatus.IN_PROGRESS : ctx.ret().status();
            if (status != ctx.ret().status()) {
                audit.record(ctx.ret().partnershipId(), user.accountId(), "return", returnId, "status", ctx.ret().status().name(), status.name());
            }
            records.touch(ctx.ret(), status, now);
        }
        if (!clashes.isEmpty()) {
            return new Outcome(errors, null, clashes.stream().map(c -> new Clash(c.question(), c.mine(), c.theirs(),
                    c.theirs().updatedBy() == null ? "someone" : accounts.nameOf(ctx.ret().partnershipId(), c.theirs().updatedBy()),
                    Dates.moment(c.theirs().updatedAt())))
                    .toList(), "", changed);
        }
        if (!errors.isEmpty()) {
            // show stored answers for what parsed, and what was typed for everything on the page
            return new Outcome(errors, view(ctx, section, stored, typed), List.of(), "", changed);
        }
        StringBuilder next = new StringBuilder("/returns/" + returnId);
        if (action == Action.CONTINUE) {
            // the next section this person may open: a contributor skips the ones assigned to others
            List<BankModel.Section> all = ctx.applicableSections();
            all.stream().skip(all.indexOf(section) + 1L).filter(later -> ctx.maySee(later.key())).findFirst()
                    .ifPresent(later -> next.append("/sections/").append(later.key()));
        } else if (action == Action.STAY) {
            next.append("/sections/").append(sectionKey);
        }
        return new Outcome(errors, null, List.of(), next.toString(), changed);
    }

    /** Writes one answer and adds its audit entry to {@code changes}, which the save records in one statement. */
    private ReturnAnswer write(Context ctx, CurrentUser user, String key, @Nullable ReturnAnswer current, Submitted s, Instant now,
                               List<AuditTrail.Change> changes) {
        ReturnAnswer saved;
        if (current == null) {
            saved = answers.save(new ReturnAnswer(null, ctx.ret().id(), key, s.rating(), s.value(), s.evidence(), s.reason(), false, 0,
                    user.accountId(), now));
        } else {
            ReturnAnswer next = new ReturnAnswer(current.id(), current.returnId(), key, s.rating(), s.value(), s.evidence(), s.reason(),
                    false, current.version() + 1, user.accountId(), now);
            if (answers.updateIfVersion(current.id(), s.rating(), s.value(), s.evidence(), s.reason(), user.accountId(), now, current.version()) != 1) {
                throw refused(current.returnId(), SAME_MOMENT);
            }
            saved = next;
        }
        changes.add(new AuditTrail.Change("answer " + key, current == null ? null : current.summary(), saved.summary()));
        return saved;
    }

    /** Keeps a carried-forward answer as it is, now checked by this person; its audit entry joins the save's others. */
    private ReturnAnswer confirm(CurrentUser user, ReturnAnswer current, Instant now, List<AuditTrail.Change> changes) {
        if (answers.confirm(current.id(), user.accountId(), now, current.version()) != 1) {
            throw refused(current.returnId(), SAME_MOMENT);
        }
        changes.add(new AuditTrail.Change("confirmed " + current.questionKey(), current.summary(), current.summary()));
        return new ReturnAnswer(current.id(), current.returnId(), current.questionKey(), current.rating(), current.answerValue(),
                current.evidence(), current.naReason(), false, current.version() + 1, user.accountId(), now);
    }


    private static String errorField(BankModel.Question q) {
        return q.type() == BankModel.QuestionType.DATE ? q.key() + "-day" : q.key();
    }

    private static Entry typedEntry(BankModel.Question q, Map<String, List<String>> form, int version) {
        String k = q.key();
        List<String> values = form.getOrDefault(k, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        return new Entry(q.type() == BankModel.QuestionType.RATING ? first(form, k) : "",
                q.type() == BankModel.QuestionType.RATING ? List.of() : values,
                first(form, k + "-evidence"), first(form, k + "-reason"),
                first(form, k + "-day"), first(form, k + "-month"), first(form, k + "-year"), version, "true".equals(first(form, k + "-confirm")));
    }

    static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static boolean isNumber(String s) {
        try {
            new java.math.BigDecimal(s.replace(",", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static @Nullable LocalDate parseDate(String d, String m, String y) {
        try {
            if (y.strip().length() != 4) return null;
            return LocalDate.of(Integer.parseInt(y.strip()), Integer.parseInt(m.strip()), Integer.parseInt(d.strip()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
