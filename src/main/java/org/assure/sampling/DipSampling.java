package org.assure.sampling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.chasing.PanelListing;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.SheetText;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.notify.Notifications;
import org.assure.organisations.ContactRecipient;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.returns.CycleLookup;
import org.assure.returns.CycleTerms;
import org.assure.returns.ReturnFacts;
import org.assure.returns.ReturnStatus;
import org.assure.sampling.DipSample.Exclusion;
import org.assure.sampling.DipSample.Replacement;
import org.assure.sampling.DipSample.Ticket;
import org.assure.sampling.DipSampleRepositories.ReplacementRow;
import org.assure.sampling.DipSampleRepositories.Run;
import org.assure.sampling.DipSampleRepositories.School;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A cycle's dip samples (issue 12, ADR 0031/0032): the draw run and stored for good, the record, verify, replace and
 * the eligible list as CSV. Picks go on the cycle's assurance panel list and their DSL and headteacher are told.
 */
@Singleton
public class DipSampling {
    static final int MAX_SIZE = 50;
    static final int MAX_YEARS = 10;
    static final int MAX_SEED = 200;
    static final int MAX_REASON = 500;
    static final String DRAW = "DRAW";
    static final String TYPED = "TYPED";

    private final CycleLookup cycles;
    private final ReturnFacts facts;
    private final OrganisationService organisations;
    private final PanelListing panelList;
    private final Notifications notifications;
    private final DipSampleRepositories.Runs runs;
    private final DipSampleRepositories.Schools schools;
    private final DipSampleRepositories.Replacements replacements;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    DipSampling(CycleLookup cycles, ReturnFacts facts, OrganisationService organisations, PanelListing panelList, Notifications notifications,
                DipSampleRepositories.Runs runs, DipSampleRepositories.Schools schools, DipSampleRepositories.Replacements replacements,
                AccessPolicy access, AuditTrail audit, Clock clock) {
        this.cycles = cycles;
        this.facts = facts;
        this.organisations = organisations;
        this.panelList = panelList;
        this.notifications = notifications;
        this.runs = runs;
        this.schools = schools;
        this.replacements = replacements;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The form as typed (all text, so a bad value comes back as it was). Checkboxes: "true" when ticked. */
    public record RunForm(@Nullable String sampleSize, @Nullable String onlySubmitted, @Nullable String exclusionYears,
                          @Nullable String excludeGoingToPanel, @Nullable String stratify, @Nullable String seedChoice, @Nullable String seed,
                          @Nullable String reason) {
        public static RunForm defaults() {
            return new RunForm("5", null, String.valueOf(SampleOptions.DEFAULT_EXCLUSION_YEARS), "true", "NONE", DRAW, null, null);
        }

        public boolean onlySubmittedTicked() {
            return "true".equals(onlySubmitted);
        }

        public boolean excludeGoingToPanelTicked() {
            return "true".equals(excludeGoingToPanel);
        }
    }

    public record RunRow(long id, String at, String by, String seed, int eligible, int picks, @Nullable String rerunReason,
                         @Nullable Long earlierRunId, boolean current) {
    }

    public record RunsPage(CycleTerms cycle, List<RunRow> runs) {
        public boolean rerun() {
            return !runs.isEmpty();
        }
    }

    public record ReplacementView(String withdrawn, String reason, String by, String who, String at) {
    }

    /** What the record page shows of the stored run besides the sample itself. */
    public record RunInfo(long id, String by, boolean seedDrawn, @Nullable String rerunReason, @Nullable Long earlierRunId,
                          @Nullable Long followedByRunId) {
    }

    public record RecordPage(CycleTerms cycle, RunInfo run, DipSample sample, String at, List<ReplacementView> replacements, boolean current) {
        public boolean picked(String urn) {
            return sample.picks().stream().anyMatch(t -> t.urn().equals(urn));
        }
    }

    // ---- the runs page ----

    @Transactional
    public RunsPage page(CurrentUser admin, long cycleId) {
        CycleTerms cycle = cycleOf(admin, cycleId);
        List<Run> all = runs.findByCycleIdOrderByIdDesc(cycleId);
        List<RunRow> rows = new ArrayList<>();
        for (Run r : all) {
            List<School> of = schools.findByRunIdOrderById(r.id());
            rows.add(new RunRow(r.id(), Dates.moment(r.runAt()), r.runByName(), r.seed(), (int) of.stream().filter(School::eligible).count(),
                    (int) of.stream().filter(School::picked).count(), r.rerunReason(), r.earlierRunId(), r.followedByRunId() == null));
        }
        return new RunsPage(cycle, rows);
    }

    /** Draws, stores and lists the sample; the new run's id. Nothing is stored when the form is wrong or nobody is eligible. */
    @Transactional
    public Validated<Long> run(CurrentUser admin, long cycleId, RunForm form) {
        CycleTerms cycle = cycleOf(admin, cycleId);
        FormErrors errors = FormErrors.none();
        Integer size = number(form.sampleSize(), "sampleSize", "Enter how many schools to pick", "The sample size must be a whole number, like 5",
                1, MAX_SIZE, "The sample size must be between 1 and " + MAX_SIZE, errors);
        Integer years = number(form.exclusionYears(), "exclusionYears", "Enter the exclusion window in years (0 to leave nobody out for it)",
                "The exclusion window must be a whole number of years, like 3", 0, MAX_YEARS,
                "The exclusion window must be between 0 and " + MAX_YEARS + " years", errors);
        SampleOptions.Stratify stratify = Text.parseEnum(SampleOptions.Stratify.class, form.stratify());
        if (stratify == null) {
            errors.add("stratify", "Choose whether to stratify: not at all, by phase or by category");
        }
        String seed = null;
        boolean drawn = false;
        if (DRAW.equals(form.seedChoice())) {
            drawn = true;
        } else if (TYPED.equals(form.seedChoice())) {
            seed = Text.clean(form.seed());
            if (seed == null) {
                errors.add("seed", "Enter the seed, for example the numbers of a named public lottery draw");
            } else if (seed.length() > MAX_SEED) {
                errors.add("seed", "The seed must be " + MAX_SEED + " characters or fewer");
            } else if (seed.chars().anyMatch(Character::isISOControl)) {
                errors.add("seed", "The seed must be on one line, without tabs or line breaks");
            }
        } else {
            errors.add("seedChoice", "Choose whether to type a seed or have Assure draw one");
        }
        Run earlier = runs.findByCycleIdOrderByIdDesc(cycleId).stream().filter(r -> r.followedByRunId() == null).findFirst().orElse(null);
        String reason = Text.clean(form.reason());
        if (earlier != null) {
            if (reason == null) {
                errors.add("reason", "Say why the sample is drawn again: the earlier draw is kept and shown beside this one");
            } else if (reason.length() > MAX_REASON) {
                errors.add("reason", "The reason must be " + MAX_REASON + " characters or fewer");
            }
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        if (drawn) {
            seed = DipSampler.drawSeed();
        }
        SampleOptions options = new SampleOptions(size, form.onlySubmittedTicked(), years, form.excludeGoingToPanelTicked(), stratify);
        Population population = population(cycle);
        LocalDate today = Dates.today(clock);
        DipSample sample;
        try {
            sample = DipSampler.draw(population.candidates(), options, seed, today);
        } catch (IllegalArgumentException e) {
            return Validated.invalid(FormErrors.none().add("sampleSize", "Two schools share a URN (" + e.getMessage()
                    + "): correct the schools' records before drawing"));
        }
        if (sample.eligible().isEmpty()) {
            return Validated.invalid(FormErrors.none().add("sampleSize", sample.message()));
        }
        Run saved;
        try {
            saved = runs.save(new Run(null, cycle.partnershipId(), cycleId, cycle.bankKey(), admin.accountId(), admin.name(), clock.instant(),
                    today, sample.seed(), drawn, size, options.onlySubmitted(), years, options.excludeGoingToPanel(), stratify.name(),
                    sample.fingerprint(), sample.method(), sample.message(), earlier == null ? null : reason,
                    earlier == null ? null : earlier.id(), null, earlier == null ? "c" + cycleId : "r" + earlier.id()));
        } catch (DataAccessException e) {
            throw Refusal.conflict("Someone else drew this cycle's sample at the same moment. Look at the draws; to draw again, give a reason.")
                    .backTo("/cycles/" + cycleId + "/dip-sample", "Back to the dip samples");
        }
        long runId = saved.id();
        Set<Long> picked = sample.picks().stream().map(Ticket::organisationId).collect(Collectors.toSet());
        List<School> rows = new ArrayList<>();
        for (Ticket t : sample.eligible()) {
            rows.add(new School(null, cycle.partnershipId(), runId, t.organisationId(), population.returns().get(t.organisationId()), t.urn(),
                    clip(t.name(), 200), clip(t.stratum(), 100), t.ticket(), null, picked.contains(t.organisationId())));
        }
        for (Exclusion e : sample.excluded()) {
            rows.add(new School(null, cycle.partnershipId(), runId, e.organisationId(), population.returns().get(e.organisationId()),
                    e.urn() == null ? null : clip(e.urn().strip(), 20), clip(e.name(), 200), "", null, clip(String.join("\n", e.reasons()), 1000), false));
        }
        schools.saveAll(rows);
        Set<Long> alreadyListed = panelList.listed(cycleId, PanelListing.DIP_SAMPLE);
        if (earlier != null) {
            runs.update(earlier.followedBy(runId));
            for (School s : schools.findByRunIdOrderById(earlier.id())) {
                if (s.picked() && !picked.contains(s.organisationId())) {
                    panelList.remove(cycleId, s.organisationId(), PanelListing.DIP_SAMPLE);
                }
            }
        }
        for (Ticket t : sample.picks()) {
            if (!alreadyListed.contains(t.organisationId())) {
                list(admin, cycle, t, population.returns().get(t.organisationId()), sample.seed(), false);
            }
        }
        audit.record(cycle.partnershipId(), admin.accountId(), earlier == null ? DipSampleAudit.RUN : DipSampleAudit.RE_RUN, runId, null,
                new AuditFields(auditValues(cycleId, sample, earlier, reason)));
        return Validated.valid(runId);
    }

    private static Map<String, String> auditValues(long cycleId, DipSample sample, @Nullable Run earlier, @Nullable String reason) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put(DipSampleAudit.CYCLE, String.valueOf(cycleId));
        values.put(DipSampleAudit.SEED, sample.seed());
        values.put(DipSampleAudit.FINGERPRINT, sample.fingerprint());
        SampleOptions o = sample.options();
        values.put(DipSampleAudit.OPTIONS, "size " + o.sampleSize() + ", only submitted " + o.onlySubmitted() + ", window " + o.exclusionYears()
                + " years, going to panel left out " + o.excludeGoingToPanel() + ", stratify " + o.stratify().name());
        values.put(DipSampleAudit.PICKS, sample.picks().stream().map(Ticket::urn).collect(Collectors.joining(", ")));
        if (earlier != null) {
            values.put(DipSampleAudit.EARLIER, String.valueOf(earlier.id()));
            values.put(DipSampleAudit.REASON, reason);
        }
        return values;
    }

    // ---- the record ----

    @Transactional
    public RecordPage record(CurrentUser admin, long cycleId, long runId) {
        CycleTerms cycle = cycleOf(admin, cycleId);
        Run run = runs.findByIdAndCycleIdAndPartnershipId(runId, cycleId, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Dip sample"));
        List<School> rows = schools.findByRunIdOrderById(runId);
        List<ReplacementRow> made = replacements.findByRunIdOrderById(runId);
        DipSample sample = sampleOf(run, rows, made);
        Map<Long, School> byOrg = rows.stream().collect(Collectors.toMap(School::organisationId, Function.identity()));
        List<ReplacementView> views = made.stream().map(r -> new ReplacementView(label(byOrg.get(r.withdrawnId())), r.reason(),
                r.byId() == null ? "No school was left to take its place" : label(byOrg.get(r.byId())), r.replacedByName(),
                Dates.moment(r.replacedAt()))).toList();
        return new RecordPage(cycle, new RunInfo(run.id(), run.runByName(), run.seedDrawn(), run.rerunReason(), run.earlierRunId(),
                run.followedByRunId()), sample, Dates.moment(run.runAt()), views, run.followedByRunId() == null);
    }

    @Transactional
    public SampleVerification verify(CurrentUser admin, long cycleId, long runId) {
        RecordPage page = record(admin, cycleId, runId);
        SampleVerification result = DipSampler.verify(page.sample());
        audit.record(page.cycle().partnershipId(), admin.accountId(), DipSampleAudit.VERIFIED, runId, null,
                AuditFields.of(DipSampleAudit.RESULT, result.matches() ? "matches" : String.join(" ", result.differences())));
        return result;
    }

    /** Withdraws a picked school and puts the next ticket in its place; the errors are the replace form's. */
    @Transactional
    public Validated<Long> replace(CurrentUser admin, long cycleId, long runId, @Nullable String school, @Nullable String reason) {
        RecordPage page = record(admin, cycleId, runId);
        if (!page.current()) {
            throw Refusal.conflict("This draw was followed by a re-run: replace schools in the latest draw")
                    .backTo("/cycles/" + cycleId + "/dip-sample", "Back to the dip samples");
        }
        FormErrors errors = FormErrors.none();
        Long organisationId = Text.parseId(school);
        Ticket withdrawn = organisationId == null ? null
                : page.sample().picks().stream().filter(t -> t.organisationId() == organisationId).findFirst().orElse(null);
        if (withdrawn == null) {
            errors.add("school", "Choose the picked school to replace");
        }
        String why = Text.clean(reason);
        if (why == null) {
            errors.add("replaceReason", "Say why the school is replaced, for example that it has closed");
        } else if (why.length() > MAX_REASON) {
            errors.add("replaceReason", "The reason must be " + MAX_REASON + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        DipSample after = DipSampler.replace(page.sample(), withdrawn.organisationId(), why);
        Replacement made = after.replacements().get(after.replacements().size() - 1);
        List<School> rows = schools.findByRunIdOrderById(runId);
        Map<Long, School> byOrg = rows.stream().collect(Collectors.toMap(School::organisationId, Function.identity()));
        schools.update(byOrg.get(withdrawn.organisationId()).withPicked(false));
        panelList.remove(cycleId, withdrawn.organisationId(), PanelListing.DIP_SAMPLE);
        if (made.by() != null) {
            School by = byOrg.get(made.by().organisationId());
            schools.update(by.withPicked(true));
            list(admin, page.cycle(), made.by(), by.returnId(), after.seed(), true);
        }
        replacements.save(new ReplacementRow(null, admin.partnershipId(), runId, withdrawn.organisationId(),
                made.by() == null ? null : made.by().organisationId(), why, admin.accountId(), admin.name(), clock.instant()));
        audit.record(admin.partnershipId(), admin.accountId(), DipSampleAudit.REPLACED, runId, null,
                AuditFields.of(DipSampleAudit.WITHDRAWN, withdrawn.urn(), DipSampleAudit.BY, made.by() == null ? "none left" : made.by().urn(),
                        DipSampleAudit.REASON, why));
        return Validated.valid(runId);
    }

    /** The eligible list as CSV: URN, school, stratum, the text to hash, the ticket and whether picked. */
    @Transactional
    public String csv(CurrentUser admin, long cycleId, long runId) {
        RecordPage page = record(admin, cycleId, runId);
        StringBuilder csv = new StringBuilder("URN,School,Stratum,Text to hash (SHA-256),Ticket,Picked\r\n");
        for (Ticket t : page.sample().eligible()) {
            csv.append(cell(t.urn())).append(',').append(cell(t.name())).append(',').append(cell(t.stratum())).append(',')
                    .append(cell(page.sample().seed() + ":" + t.urn())).append(',').append(t.ticket()).append(',')
                    .append(page.picked(t.urn()) ? "yes" : "no").append("\r\n");
        }
        return csv.toString();
    }

    // ---- the parts ----

    private record Population(List<SampleCandidate> candidates, Map<Long, Long> returns) {
    }

    /** Every active school with a return in the cycle, with when it was last picked in the partnership's other cycles of the bank. */
    private Population population(CycleTerms cycle) {
        Map<Long, Organisation> orgs = organisations.active(cycle.partnershipId()).stream().filter(Organisation::isSchool)
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        Set<Long> goingToPanel = panelList.listed(cycle.id(), PanelListing.NON_COMPLETION);
        Map<Long, LocalDate> lastSampled = lastSampled(cycle);
        List<SampleCandidate> candidates = new ArrayList<>();
        Map<Long, Long> returns = new HashMap<>();
        for (ReturnFacts.Fact f : facts.ofCycle(cycle.id())) {
            Organisation o = orgs.get(f.organisationId());
            if (o == null) {
                continue;
            }
            returns.put(o.id(), f.returnId());
            candidates.add(new SampleCandidate(o.id(), o.urn(), o.name(), o.phase() == null ? null : o.phase().label(),
                    o.category() == null ? null : o.category().label(), lastSampled.get(o.id()), goingToPanel.contains(o.id()),
                    f.status() == ReturnStatus.SUBMITTED));
        }
        return new Population(candidates, returns);
    }

    private Map<Long, LocalDate> lastSampled(CycleTerms cycle) {
        Map<Long, LocalDate> drawnOn = new HashMap<>();
        runs.findByPartnershipIdAndBankKeyAndFollowedByRunIdIsNull(cycle.partnershipId(), cycle.bankKey()).stream()
                .filter(r -> r.cycleId() != cycle.id()).forEach(r -> drawnOn.put(r.id(), r.drawnOn()));
        Map<Long, LocalDate> last = new HashMap<>();
        if (!drawnOn.isEmpty()) {
            for (School s : schools.findByRunIdInAndPickedTrue(drawnOn.keySet())) {
                last.merge(s.organisationId(), drawnOn.get(s.runId()), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return last;
    }

    private static DipSample sampleOf(Run run, List<School> rows, List<ReplacementRow> made) {
        Comparator<Ticket> lowest = Comparator.comparing(Ticket::ticket).thenComparing(Ticket::urn);
        Map<Long, Ticket> tickets = new HashMap<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (School s : rows) {
            if (s.eligible()) {
                tickets.put(s.organisationId(), new Ticket(s.organisationId(), s.urn(), s.name(), s.stratum(), s.ticket()));
            } else {
                excluded.add(new Exclusion(s.organisationId(), s.urn(), s.name(), s.reasons() == null ? List.of() : List.of(s.reasons().split("\n"))));
            }
        }
        List<Ticket> eligible = tickets.values().stream().sorted(lowest).toList();
        List<Ticket> picks = rows.stream().filter(School::picked).map(s -> tickets.get(s.organisationId())).sorted(lowest).toList();
        List<Replacement> replaced = made.stream().map(r -> new Replacement(tickets.get(r.withdrawnId()), r.reason(),
                r.byId() == null ? null : tickets.get(r.byId()))).toList();
        return new DipSample(run.method(), run.seed(), run.drawnOn(), run.options(), run.fingerprint(), eligible, excluded, picks, replaced,
                run.message());
    }

    private void list(CurrentUser admin, CycleTerms cycle, Ticket t, long returnId, String seed, boolean replacement) {
        panelList.add(cycle.partnershipId(), cycle.id(), t.organisationId(), returnId, PanelListing.DIP_SAMPLE,
                (replacement ? "Picked as a replacement in the dip sample" : "Picked in the dip sample") + " (ticket " + t.ticket() + ")");
        notifications.send(cycle.partnershipId(), new DipSampleEmail(admin.partnershipName(), t.name(), cycle.name(), seed, t.ticket(), replacement,
                        "/returns/" + returnId),
                List.of(new ContactRecipient(t.organisationId(), ContactRole.DSL), new ContactRecipient(t.organisationId(), ContactRole.HEADTEACHER)));
    }

    private CycleTerms cycleOf(CurrentUser admin, long cycleId) {
        access.requireAdmin(admin);
        return cycles.find(admin.partnershipId(), cycleId).orElseThrow(() -> Refusal.notFound("Cycle"));
    }

    private static @Nullable Integer number(@Nullable String typed, String field, String missing, String notANumber, int min, int max,
                                            String outOfRange, FormErrors errors) {
        String t = Text.clean(typed);
        if (t == null) {
            errors.add(field, missing);
            return null;
        }
        if (!t.matches("-?[0-9]+")) {
            errors.add(field, notANumber);
            return null;
        }
        if (t.startsWith("-") || t.length() > 4) {
            errors.add(field, outOfRange);
            return null;
        }
        int n = Integer.parseInt(t);
        if (n < min || n > max) {
            errors.add(field, outOfRange);
            return null;
        }
        return n;
    }

    private static String label(@Nullable School s) {
        return s == null ? "a school" : s.urn() == null ? s.name() : s.name() + " (URN " + s.urn() + ")";
    }

    private static String cell(String value) {
        String v = SheetText.escape(value);
        return v.matches(".*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
