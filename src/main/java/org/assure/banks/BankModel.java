package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import org.assure.organisations.Organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A question bank version as its YAML file describes it (see question-banks/README.md). Pure data:
 * records with value equality, so a version read from YAML and one read back from Excel compare equal.
 */
public final class BankModel {
    private BankModel() {
    }

    public enum Requirement {
        REQUIRED, OPTIONAL, NONE;

        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum QuestionType {
        RATING("rating"), YES_NO("yes-no"), SINGLE_CHOICE("single-choice"), MULTIPLE_CHOICE("multiple-choice"),
        SHORT_TEXT("short-text"), LONG_TEXT("long-text"), NUMBER("number"), DATE("date");

        private final String yaml;

        QuestionType(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }

        public boolean hasOptions() {
            return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
        }

        public static Optional<QuestionType> fromYaml(String value) {
            for (QuestionType t : values()) {
                if (t.yaml.equals(value)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    public record Rating(String code, String label, String description, String colour, boolean compliant,
                         Requirement evidence, boolean action, boolean notApplicable, Requirement reason) {

        /**
         * Whether an answer with this rating is in the base of a compliance figure. Not applicable never is, whatever
         * its scale file says: counting it as compliant would flatter a figure, as failing would punish.
         */
        public boolean inComplianceBase() {
            return !notApplicable;
        }

        public boolean countsAsCompliant() {
            return compliant && !notApplicable;
        }
    }

    /** {@code name} is set when the version names a shared scale (scale: rag), null when written inline. */
    public record Scale(@Nullable String name, @Nullable String title, List<Rating> ratings) {
        public Optional<Rating> rating(String code) {
            return ratings.stream().filter(r -> r.code().equals(code)).findFirst();
        }
    }

    /** Empty lists mean "all". */
    public record Audience(List<String> kinds, List<String> categories, List<String> sectors) {
        public static Audience none() {
            return new Audience(List.of(), List.of(), List.of());
        }

        public boolean isEmpty() {
            return kinds.isEmpty() && categories.isEmpty() && sectors.isEmpty();
        }

        /** Whether the organisation is of these kinds and, for a school its category, for an agency its sector. */
        public boolean includes(Organisation o) {
            if (!kinds.isEmpty() && !kinds.contains(o.kind().name())) {
                return false;
            }
            if (o.isSchool()) {
                return categories.isEmpty() || (o.category() != null && categories.contains(o.category().name()));
            }
            return sectors.isEmpty() || (o.sector() != null && sectors.contains(o.sector().name()));
        }
    }

    public record Option(String code, String label) {
    }

    public record Condition(String question, List<String> equals) {
    }

    /**
     * {@code appliesTo} narrows who is asked (null: everyone the section is for); {@code carryForward} false means
     * last cycle's answer is never copied in (the expectation changed, so it is answered afresh);
     * {@code notApplicableAllowed} false means the scale's not-applicable rating is not offered (a requirement on
     * everyone asked); {@code localExpectation} marks the partnership's own expectation, not a statutory one.
     */
    public record Question(String key, String text, @Nullable String hint, @Nullable String guidance,
                           List<String> evidenceExamples, QuestionType type, boolean required,
                           @Nullable String evidencePrompt, List<String> references, List<String> replaces,
                           @Nullable String splitFrom, @Nullable Condition showWhen, List<Option> options,
                           @Nullable Audience appliesTo, boolean carryForward, boolean notApplicableAllowed,
                           boolean localExpectation) {

        /** A question with the defaults of the fields most questions leave out. */
        public Question(String key, String text, @Nullable String hint, @Nullable String guidance,
                        List<String> evidenceExamples, QuestionType type, boolean required,
                        @Nullable String evidencePrompt, List<String> references, List<String> replaces,
                        @Nullable String splitFrom, @Nullable Condition showWhen, List<Option> options) {
            this(key, text, hint, guidance, evidenceExamples, type, required, evidencePrompt, references, replaces, splitFrom,
                    showWhen, options, null, true, true, false);
        }

        /** The ratings this question offers: the scale's, without not-applicable when it may not be. */
        public List<Rating> ratings(Scale scale) {
            return notApplicableAllowed ? scale.ratings() : scale.ratings().stream().filter(r -> !r.notApplicable()).toList();
        }

        boolean askedOf(Organisation o) {
            return appliesTo == null || appliesTo.includes(o);
        }
    }

    /**
     * A document a version cites. References start with its {@code citeAs} name ("KCSIE 2026, paragraph 103");
     * a source with numbered paragraphs must be cited to the paragraph (or an unnumbered annex).
     */
    public record Source(String citeAs, String title, @Nullable String edition, boolean numberedParagraphs) {
    }

    public record Section(String key, String title, @Nullable String intro, @Nullable Audience appliesTo,
                          List<Question> questions) {
    }

    /** {@code notes}: what the version follows and what is in force on its date; {@code sources}: what it cites. */
    public record Version(String bank, String title, String version, String guidance, LocalDate effectiveFrom,
                          Audience audience, Scale scale, List<Section> sections, @Nullable String notes, List<Source> sources) {

        public Version(String bank, String title, String version, String guidance, LocalDate effectiveFrom,
                       Audience audience, Scale scale, List<Section> sections) {
            this(bank, title, version, guidance, effectiveFrom, audience, scale, sections, null, List.of());
        }

        /**
         * The version as this organisation is asked it: only the sections and questions whose applies-to include
         * it, and no section left without questions. Every page of a return reads the bank through this.
         */
        public Version askedOf(Organisation o) {
            List<Section> asked = new ArrayList<>();
            for (Section s : sections) {
                if (s.appliesTo() != null && !s.appliesTo().includes(o)) {
                    continue;
                }
                List<Question> questions = s.questions().stream().filter(q -> q.askedOf(o)).toList();
                if (!questions.isEmpty()) {
                    asked.add(questions.size() == s.questions().size() ? s
                            : new Section(s.key(), s.title(), s.intro(), s.appliesTo(), questions));
                }
            }
            return asked.equals(sections) ? this
                    : new Version(bank, title, version, guidance, effectiveFrom, audience, scale, List.copyOf(asked), notes, sources);
        }

        public List<Question> questions() {
            List<Question> all = new ArrayList<>();
            sections.forEach(s -> all.addAll(s.questions()));
            return all;
        }

        /** Every question with the section it stands in, in form order. */
        public Map<String, Section> sectionOfQuestion() {
            Map<String, Section> map = new LinkedHashMap<>();
            sections.forEach(s -> s.questions().forEach(q -> map.put(q.key(), s)));
            return map;
        }

        public Optional<Question> question(String key) {
            return questions().stream().filter(q -> q.key().equals(key)).findFirst();
        }

        public String id() {
            return bank + "/" + version;
        }
    }
}
