package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.banks.BankComparison;
import org.assure.banks.BankModel;
import org.assure.banks.LoadedBanks;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.AuditCycle;
import org.assure.cycles.CycleService;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two cycles of the same bank compared question by question (issue 14, ADR 0045), across versions: each question of the
 * later cycle's version is matched to the earlier version's questions it descends from through lineage (renamed, merged,
 * split, followed through versions in between). The earlier figure of a later question is the answers to all the
 * questions it descends from, pooled: a renamed question its old self, a merged one its old questions together, each
 * part of a split the whole old question. Figures are the database's, grouped per question and rating.
 */
@Singleton
public class YearOnYear {
    private final ReportTallies tallies;
    private final QuestionBanks banks;
    private final CycleService cycles;
    private final AccessPolicy access;

    YearOnYear(ReportTallies tallies, QuestionBanks banks, CycleService cycles, AccessPolicy access) {
        this.tallies = tallies;
        this.banks = banks;
        this.cycles = cycles;
        this.access = access;
    }

    // ---- what the pages show ----

    /** A cycle that has a report (open or closed), newest first; {@code earlier}: the cycles it may be compared with. */
    public record CycleChoice(long id, String name, String status, String bankKey, String bankVersion, String bankLabel, List<CycleChoice> earlier) {
        public String reportPath() {
            return "/cycles/" + id + "/report";
        }

        public String label() {
            return name + " (" + bankVersion + ")";
        }
    }

    /** A compliance figure: compliant answers of the base (not applicable left out, and counted apart). */
    public record Figure(long compliant, long base, long notApplicable) {
        public boolean hasBase() {
            return base > 0;
        }

        /** Whole per cent of the base; the change between two figures is the change between these. */
        public long percent() {
            return base == 0 ? 0 : Math.round(100.0 * compliant / base);
        }

        static Figure pooled(Map<String, ReportTallies.QuestionTally> tallies, Iterable<String> questionKeys, List<BankModel.Rating> ratings) {
            long compliant = 0;
            long base = 0;
            long na = 0;
            for (String key : questionKeys) {
                ReportTallies.QuestionTally t = tallies.get(key);
                if (t == null) {
                    continue;
                }
                for (BankModel.Rating r : ratings) {
                    long n = t.answers(r.code());
                    if (!r.inComplianceBase()) {
                        na += n;
                    } else {
                        base += n;
                        compliant += r.countsAsCompliant() ? n : 0;
                    }
                }
            }
            return new Figure(compliant, base, na);
        }
    }

    public enum Verdict {
        IMPROVED("Improved", "green"), WORSE("Worse", "red"), SAME("Same", "grey"), NOT_COMPARABLE("Not comparable", "yellow");

        private final String label;
        private final String colour;

        Verdict(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }

        static Verdict of(Figure earlier, Figure later) {
            if (!earlier.hasBase() || !later.hasBase()) {
                return NOT_COMPARABLE;
            }
            long change = later.percent() - earlier.percent();
            return change > 0 ? IMPROVED : change < 0 ? WORSE : SAME;
        }
    }

    /** An earlier question a later one descends from. */
    public record Earlier(String key, String text) {
    }

    /**
     * A later question with its earlier figure. {@code lineage} is null for the same question, else the words for how
     * it descends ("Renamed", "Merged", "Split"); {@code from} the earlier questions it is compared with.
     */
    public record QuestionChange(String number, String key, String text, String section, @Nullable String lineage, List<Earlier> from,
                                 Figure earlier, Figure later) {
        public Verdict verdict() {
            return Verdict.of(earlier, later);
        }

        public long change() {
            return later.percent() - earlier.percent();
        }
    }

    /** A section of the later version: its questions pooled, against the distinct earlier questions they descend from. */
    public record SectionChange(String number, String title, Figure earlier, Figure later, long improved, long worse, long same) {
        public Verdict verdict() {
            return Verdict.of(earlier, later);
        }

        public long change() {
            return later.percent() - earlier.percent();
        }
    }

    /** A question on one side with nothing on the other, and why. */
    public record Unmatched(String key, String text, String why) {
    }

    /** A split or merge in words: which earlier questions became which later ones, and how they are compared. */
    public record Reshaped(String kind, List<Earlier> before, List<Earlier> after, String howCompared) {
    }

    public record Comparison(CycleChoice from, CycleChoice to, boolean acrossVersions, List<SectionChange> sections, List<QuestionChange> questions,
                             List<Unmatched> added, List<Unmatched> removed, List<Reshaped> reshaped) {
        public long count(String verdict) {
            return questions.stream().filter(q -> q.verdict().name().equals(verdict)).count();
        }
    }

    /** The page: what was asked (kept as typed), what is wrong with it, and the comparison when nothing is. */
    public record Page(List<CycleChoice> cycles, @Nullable String from, @Nullable String to, FormErrors errors, @Nullable Comparison comparison) {
    }

    // ---- reading ----

    /** The partnership's cycles that have reports, newest first, each with the earlier cycles of its bank. */
    @Transactional(readOnly = true)
    public List<CycleChoice> cycles(CurrentUser user) {
        access.require(user, Action.READ_REPORTS, Target.partnership(user.partnershipId()), "Reports");
        List<CycleService.FollowedCycle> followed = cycles.followed(user);
        List<CycleChoice> out = new ArrayList<>();
        for (int i = 0; i < followed.size(); i++) {
            CycleService.FollowedCycle c = followed.get(i);
            BankModel.Version version = version(c.cycle());
            List<CycleChoice> earlier = new ArrayList<>();
            // newest first, so the cycles after this one are older: of the same bank, in this version or an earlier one
            for (CycleService.FollowedCycle e : followed.subList(i + 1, followed.size())) {
                if (e.cycle().bankKey().equals(c.cycle().bankKey()) && version != null && version(e.cycle()) != null
                        && !version(e.cycle()).effectiveFrom().isAfter(version.effectiveFrom())) {
                    earlier.add(choice(e, List.of()));
                }
            }
            out.add(choice(c, earlier));
        }
        return out;
    }

    private static CycleChoice choice(CycleService.FollowedCycle c, List<CycleChoice> earlier) {
        AuditCycle a = c.cycle();
        return new CycleChoice(a.id(), a.name(), a.status().name().charAt(0) + a.status().name().substring(1).toLowerCase(), a.bankKey(),
                a.bankVersion(), c.bankLabel(), earlier);
    }

    private @Nullable BankModel.Version version(AuditCycle c) {
        return banks.banks().find(c.bankKey(), c.bankVersion()).map(LoadedBanks.LoadedVersion::version).orElse(null);
    }

    /**
     * The comparison asked for by query string. Every bad value is a message beside its field, never an error page: an id
     * that is not one of the partnership's cycles says only that, so another partnership's cycle is not named. Not one
     * read-only transaction: the tallies of a cycle that predates them are built on the way ({@link ReportTallies#ensureBuilt}).
     */
    public Page compare(CurrentUser user, @Nullable String fromAsked, @Nullable String toAsked) {
        List<CycleChoice> all = cycles(user);
        FormErrors errors = FormErrors.none();
        Optional<CycleChoice> from = chosen(all, "from", fromAsked, "Select the earlier cycle", errors);
        Optional<CycleChoice> to = chosen(all, "to", toAsked, "Select the later cycle", errors);
        if (from.isPresent() && to.isPresent()) {
            CycleChoice a = from.get();
            CycleChoice b = to.get();
            if (a.id() == b.id()) {
                errors.add("from", "Select two different cycles: the earlier cycle is the same as the later one");
            } else if (!a.bankKey().equals(b.bankKey())) {
                errors.add("from", "Select an earlier cycle of the same question bank: " + a.name() + " uses " + a.bankLabel() + ", "
                        + b.name() + " uses " + b.bankLabel());
            } else if (banks.get(a.bankKey(), a.bankVersion()).effectiveFrom().isAfter(banks.get(b.bankKey(), b.bankVersion()).effectiveFrom())) {
                errors.add("from", "Select the cycle with the earlier version as the earlier cycle: " + a.name() + " uses version " + a.bankVersion()
                        + ", later than " + b.name() + "'s version " + b.bankVersion());
            }
        }
        if (!errors.isEmpty()) {
            return new Page(all, fromAsked, toAsked, errors, null);
        }
        // cycles that predate the tallies are counted once, committed before they are read
        tallies.ensureBuilt(user.partnershipId(), from.get().id());
        tallies.ensureBuilt(user.partnershipId(), to.get().id());
        return new Page(all, fromAsked, toAsked, errors, comparison(user.partnershipId(), from.get(), to.get()));
    }

    private static Optional<CycleChoice> chosen(List<CycleChoice> all, String field, @Nullable String asked, String blank, FormErrors errors) {
        if (Text.blank(asked)) {
            errors.add(field, blank);
            return Optional.empty();
        }
        Long id = Text.parseId(asked);
        Optional<CycleChoice> found = id == null ? Optional.empty() : all.stream().filter(c -> c.id() == id).findFirst();
        if (found.isEmpty()) {
            errors.add(field, "There is no such cycle with a report in your partnership: select one from the list");
        }
        return found;
    }

    private Comparison comparison(long partnershipId, CycleChoice fromCycle, CycleChoice toCycle) {
        BankModel.Version from = banks.get(fromCycle.bankKey(), fromCycle.bankVersion());
        BankModel.Version to = banks.get(toCycle.bankKey(), toCycle.bankVersion());
        List<BankModel.Version> between = banks.banks().byBank().getOrDefault(to.bank(), List.of()).stream().map(LoadedBanks.LoadedVersion::version).toList();
        // only rated questions have a compliance figure; the others are not compared
        Set<String> ratedBefore = rated(from);
        Map<String, Set<String>> ancestors = new HashMap<>();
        BankComparison.ancestors(between, from, to).forEach((k, olds) -> {
            Set<String> kept = new LinkedHashSet<>(olds);
            kept.retainAll(ratedBefore);
            ancestors.put(k, kept);
        });
        Map<String, String> lineage = new HashMap<>();
        List<Reshaped> reshaped = new ArrayList<>();
        BankComparison.Comparison changes = BankComparison.compare(between, from, to);
        for (BankComparison.Change c : changes.changes()) {
            switch (c.kind()) {
                case RENAMED -> c.after().forEach(q -> lineage.put(q.key(), "Renamed"));
                case MERGED -> {
                    c.after().forEach(q -> lineage.put(q.key(), "Merged"));
                    reshaped.add(new Reshaped("Merged", earlier(c.before()), earlier(c.after()),
                            "the later question is compared with the earlier questions' answers pooled together"));
                }
                case SPLIT -> {
                    c.after().forEach(q -> lineage.put(q.key(), "Split"));
                    reshaped.add(new Reshaped("Split", earlier(c.before()), earlier(c.after()),
                            "each later question is compared with the whole earlier question"));
                }
                default -> {
                }
            }
        }
        Map<String, ReportTallies.QuestionTally> before = tallies.byQuestion(partnershipId, fromCycle.id());
        Map<String, ReportTallies.QuestionTally> after = tallies.byQuestion(partnershipId, toCycle.id());
        List<BankModel.Rating> beforeRatings = from.scale().ratings();
        List<BankModel.Rating> afterRatings = to.scale().ratings();

        List<QuestionChange> questions = new ArrayList<>();
        List<SectionChange> sections = new ArrayList<>();
        List<Unmatched> added = new ArrayList<>();
        Set<String> matchedBefore = new LinkedHashSet<>();
        int n = 0;
        for (BankModel.Section s : to.sections()) {
            n++;
            int m = 0;
            List<String> sectionQuestions = new ArrayList<>();
            Set<String> sectionAncestors = new LinkedHashSet<>();
            long improved = 0;
            long worse = 0;
            long same = 0;
            for (BankModel.Question q : s.questions()) {
                m++;
                if (q.type() != BankModel.QuestionType.RATING) {
                    continue;
                }
                Set<String> olds = ancestors.getOrDefault(q.key(), Set.of());
                if (olds.isEmpty()) {
                    added.add(new Unmatched(q.key(), q.text(), "Added in version " + to.version() + ": no question of version " + from.version()
                            + " it descends from"));
                    continue;
                }
                matchedBefore.addAll(olds);
                sectionQuestions.add(q.key());
                sectionAncestors.addAll(olds);
                QuestionChange change = new QuestionChange(n + "." + m, q.key(), q.text(), s.title(), lineage.get(q.key()),
                        olds.stream().map(k -> new Earlier(k, from.question(k).map(BankModel.Question::text).orElse(k))).toList(),
                        Figure.pooled(before, olds, beforeRatings), Figure.pooled(after, List.of(q.key()), afterRatings));
                questions.add(change);
                switch (change.verdict()) {
                    case IMPROVED -> improved++;
                    case WORSE -> worse++;
                    case SAME -> same++;
                    default -> {
                    }
                }
            }
            sections.add(new SectionChange(String.valueOf(n), s.title(), Figure.pooled(before, sectionAncestors, beforeRatings),
                    Figure.pooled(after, sectionQuestions, afterRatings), improved, worse, same));
        }
        List<Unmatched> removed = new ArrayList<>();
        for (BankModel.Question q : from.questions()) {
            if (ratedBefore.contains(q.key()) && !matchedBefore.contains(q.key())) {
                removed.add(new Unmatched(q.key(), q.text(), "Removed in version " + to.version() + ": no question of version " + to.version() + " descends from this one"));
            }
        }
        return new Comparison(fromCycle, toCycle, !from.version().equals(to.version()), sections, questions, added, removed, reshaped);
    }

    private static Set<String> rated(BankModel.Version v) {
        Set<String> keys = new LinkedHashSet<>();
        v.questions().stream().filter(q -> q.type() == BankModel.QuestionType.RATING).forEach(q -> keys.add(q.key()));
        return keys;
    }

    private static List<Earlier> earlier(List<BankComparison.QuestionRef> refs) {
        return refs.stream().map(r -> new Earlier(r.key(), r.text())).toList();
    }
}
