package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankComparison.Change;
import org.assure.banks.BankComparison.Comparison;
import org.assure.banks.BankComparison.Kind;
import org.assure.banks.BankModel.Audience;
import org.assure.banks.BankModel.Condition;
import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.Rating;
import org.assure.banks.BankModel.Scale;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Version;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the bank pages show, worked out here so the templates only lay it out: a version in words a
 * content author or a panel member reads (who it is for, what each rating means, when a question is
 * asked, where it came from) and a comparison grouped by kind of change. Public records, because
 * FreeMarker sees only public types.
 */
public final class BankViews {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private BankViews() {
    }

    public record BankSummary(String key, String title, List<VersionRow> versions) {
        /** The versions newest first, as [value, label] pairs for the compare form's selects. */
        public List<List<String>> choices() {
            List<VersionRow> newestFirst = new ArrayList<>(versions);
            java.util.Collections.reverse(newestFirst);
            return newestFirst.stream().map(v -> List.of(v.version().version(), v.version().version() + " ("
                    + v.effectiveFrom() + ")")).toList();
        }

        public String latest() {
            return versions.get(versions.size() - 1).version().version();
        }

        public String previous() {
            return versions.size() > 1 ? versions.get(versions.size() - 2).version().version() : latest();
        }
    }

    public record VersionRow(Version version, String effectiveFrom, int sections, int questions, boolean frozen) {
    }

    public record VersionView(Version version, String effectiveFrom, boolean frozen, String audience, String scale,
                              List<RatingView> ratings, List<SectionView> sections, int questionCount) {
    }

    public record RatingView(Rating rating, List<String> rules) {
    }

    public record SectionView(Section section, String appliesTo, List<QuestionView> questions) {
    }

    /** {@code asked}: who is asked it when narrower than its section, and whether it is statutory, local or answered afresh. */
    public record QuestionView(Question question, int number, String type, @Nullable String condition, @Nullable String lineage,
                               boolean hasDetails, List<String> asked) {
    }

    /** One kind of change with its heading and the sentence that explains it. */
    public record ChangeGroup(Kind kind, String id, String heading, String explanation, List<Change> changes) {
        public int count() {
            return changes.size();
        }

        public boolean carriesAnswers() {
            return kind == Kind.RENAMED || kind == Kind.MERGED || kind == Kind.SPLIT;
        }
    }

    public record ComparisonView(Comparison comparison, List<ChangeGroup> groups, int unchanged) {
        public int total() {
            return comparison.changes().size();
        }
    }

    public enum DraftStatus { NEW_BANK, NEW_VERSION, CHANGE, FROZEN, INVALID }

    /** A draft as its page shows it; {@code problems} only when the banks have changed so that it no longer loads. */
    public record DraftPage(BankDraft draft, DraftStatus status, @Nullable VersionView version, @Nullable Version earlier,
                            @Nullable ComparisonView comparison, List<String> problems) {
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static VersionRow row(Version v, boolean frozen) {
        return new VersionRow(v, date(v.effectiveFrom()), v.sections().size(), v.questions().size(), frozen);
    }

    /** {@code earlier}: the bank's versions that take effect before this one, to say where lineage points. */
    static VersionView version(Version v, boolean frozen, List<Version> earlier) {
        List<SectionView> sections = new ArrayList<>();
        int number = 0;
        for (Section s : v.sections()) {
            List<QuestionView> questions = new ArrayList<>();
            for (Question q : s.questions()) {
                boolean details = q.hint() != null || q.guidance() != null || !q.evidenceExamples().isEmpty();
                questions.add(new QuestionView(q, ++number, type(q, v.scale()), condition(q.showWhen(), v), lineage(q, earlier), details,
                        asked(q, v.scale())));
            }
            sections.add(new SectionView(s, s.appliesTo() == null ? "Everyone this version is for" : audience(s.appliesTo()), questions));
        }
        Scale scale = v.scale();
        String scaleText = scale.name() != null
                ? "The shared scale “" + (scale.title() != null ? scale.title() : scale.name()) + "” (" + scale.name() + ")"
                : "A scale of this version’s own";
        return new VersionView(v, date(v.effectiveFrom()), frozen, audience(v.audience()), scaleText,
                scale.ratings().stream().map(r -> new RatingView(r, rules(r))).toList(), sections, number);
    }

    static String audience(Audience a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.kinds().isEmpty() ? "All organisations" : a.kinds().stream()
                .map(k -> k.equals(OrganisationKind.AGENCY.name()) ? "Agencies" : "Schools and colleges")
                .collect(Collectors.joining(" and ")));
        if (!a.categories().isEmpty()) {
            parts.add("school categories: " + names(a.categories(), n -> SchoolCategory.valueOf(n).label()));
        }
        if (!a.sectors().isEmpty()) {
            parts.add("agency sectors: " + names(a.sectors(), n -> Sector.valueOf(n).label()));
        }
        return String.join("; ", parts);
    }

    private static String names(List<String> names, Function<String, String> label) {
        return names.stream().map(label).collect(Collectors.joining(", "));
    }

    static List<String> rules(Rating r) {
        List<String> rules = new ArrayList<>();
        if (r.notApplicable()) {
            rules.add("Means the question does not apply" + switch (r.reason()) {
                case REQUIRED -> "; a reason must be given";
                case OPTIONAL -> "; a reason may be given";
                case NONE -> "";
            });
        }
        // not applicable is outside the base of compliance figures, whatever a scale file says, so it never flatters them
        rules.add(r.notApplicable() ? "Left out of compliance figures: counted neither for nor against"
                : r.compliant() ? "Counts as compliant" : "Does not count as compliant");
        rules.add(switch (r.evidence()) {
            case REQUIRED -> "Evidence must be given";
            case OPTIONAL -> "Evidence may be given";
            case NONE -> "No evidence is asked for";
        });
        rules.add(r.action() ? "Needs an action in the action plan" : "No action needed");
        return rules;
    }

    static String type(Question q, Scale scale) {
        return switch (q.type()) {
            case RATING -> "Rating: " + q.ratings(scale).stream().map(Rating::label).collect(Collectors.joining(", "));
            case YES_NO -> "Yes or no";
            case SINGLE_CHOICE -> "Choose one";
            case MULTIPLE_CHOICE -> "Choose any that apply";
            case SHORT_TEXT -> "Short text";
            case LONG_TEXT -> "Long text";
            case NUMBER -> "Number";
            case DATE -> "Date";
        };
    }

    /** “Asked only when ‘Does the school provide boarding?’ is answered Yes”. */
    static @Nullable String condition(@Nullable Condition c, Version v) {
        if (c == null) {
            return null;
        }
        Optional<Question> on = v.question(c.question());
        if (on.isEmpty()) {
            return "Asked only when question " + c.question() + " is answered " + or(c.equals());
        }
        Question target = on.get();
        List<String> answers = c.equals().stream().map(value -> switch (target.type()) {
            case YES_NO -> value.equals("YES") ? "Yes" : value.equals("NO") ? "No" : value;
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> target.options().stream().filter(o -> o.code().equals(value))
                    .map(o -> "‘" + o.label() + "’").findFirst().orElse(value);
            case RATING -> v.scale().rating(value).map(Rating::label).orElse(value);
            default -> value;
        }).toList();
        String verb = target.type() == BankModel.QuestionType.RATING ? " is rated " : " is answered ";
        return "Asked only when ‘" + target.text() + "’" + verb + or(answers);
    }

    private static String or(List<String> values) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    /** “Replaces ‘…’ (old-key, 2018); answers carry forward.” */
    static @Nullable String lineage(Question q, List<Version> earlier) {
        if (q.replaces().isEmpty() && q.splitFrom() == null) {
            return null;
        }
        String start = q.splitFrom() != null ? "Split from " : q.replaces().size() > 1 ? "Merges " : "Replaces ";
        List<String> sources = (q.splitFrom() != null ? List.of(q.splitFrom()) : q.replaces()).stream()
                .map(key -> source(key, earlier)).toList();
        String joined = sources.size() == 1 ? sources.get(0)
                : String.join(", ", sources.subList(0, sources.size() - 1)) + " and " + sources.get(sources.size() - 1);
        return start + joined + (q.carryForward() ? "; answers carry forward." : "; answered afresh (earlier answers are not carried forward).");
    }

    static List<String> asked(Question q, Scale scale) {
        List<String> notes = new ArrayList<>();
        if (q.appliesTo() != null) {
            notes.add("Asked only of " + audience(q.appliesTo()).replace("All organisations; ", "") + ".");
        }
        if (q.localExpectation()) {
            notes.add("A local expectation of the partnership, not a requirement of the statutory guidance.");
        }
        if (!q.notApplicableAllowed() && scale.ratings().stream().anyMatch(Rating::notApplicable)) {
            notes.add("A requirement on everyone asked: not applicable is not offered.");
        }
        if (!q.carryForward() && q.replaces().isEmpty() && q.splitFrom() == null) {
            notes.add("Answered afresh: earlier answers are not carried forward.");
        }
        return notes;
    }

    private static String source(String key, List<Version> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Version v = earlier.get(i);
            Optional<Question> q = v.question(key);
            if (q.isPresent()) {
                return "‘" + q.get().text() + "’ (" + key + ", " + v.version() + ")";
            }
        }
        return key;
    }

    private static final Map<Kind, String[]> WORDS = Map.of(
            Kind.ADDED, new String[]{"New questions", "Questions this version asks for the first time."},
            Kind.REMOVED, new String[]{"Questions taken out", "Questions the earlier version asked that this one no longer asks."},
            Kind.REWORDED, new String[]{"Questions reworded", "The same question, with the same key, in new words; answers carry forward."},
            Kind.MOVED, new String[]{"Questions moved to another section", "The same question in a different section; answers carry forward."},
            Kind.RENAMED, new String[]{"Questions with a new key", "An earlier question under a new key; answers carry forward."},
            Kind.MERGED, new String[]{"Questions merged into one", "Several earlier questions now asked as one; answers carry forward."},
            Kind.SPLIT, new String[]{"Questions split into several", "One earlier question now asked as several; answers carry forward."});

    static ComparisonView comparison(Comparison c) {
        List<ChangeGroup> groups = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            String[] words = WORDS.get(kind);
            groups.add(new ChangeGroup(kind, kind.name().toLowerCase(Locale.ROOT), words[0], words[1], c.of(kind)));
        }
        return new ComparisonView(c, groups, c.unchanged());
    }
}
