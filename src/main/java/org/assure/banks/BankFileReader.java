package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel.Audience;
import org.assure.banks.BankModel.Condition;
import org.assure.banks.BankModel.Option;
import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.QuestionType;
import org.assure.banks.BankModel.Rating;
import org.assure.banks.BankModel.Requirement;
import org.assure.banks.BankModel.Scale;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Source;
import org.assure.banks.BankModel.Version;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one bank or scale file strictly: every field is known, typed and placed, and every problem is
 * recorded with its line so an author can fix the file. Works on SnakeYAML's node tree (not on maps)
 * because only the nodes know their line numbers.
 */
final class BankFileReader {
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> VERSION_FIELDS = Set.of("bank", "title", "version", "guidance", "effective-from", "audience", "scale", "sections",
            "notes", "sources");
    private static final Set<String> AUDIENCE_FIELDS = Set.of("kinds", "categories", "sectors");
    private static final Set<String> SECTION_FIELDS = Set.of("key", "title", "intro", "applies-to", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("key", "text", "hint", "guidance", "evidence-examples", "type",
            "required", "evidence-prompt", "references", "replaces", "split-from", "show-when", "options", "applies-to", "carry-forward",
            "not-applicable", "local-expectation");
    private static final Set<String> SOURCE_FIELDS = Set.of("cite-as", "title", "edition", "numbered-paragraphs");
    /** A place cited to the paragraph: "paragraph 103", "paragraphs 3.7–3.9", or an annex (KCSIE's annexes are not numbered). */
    static final Pattern PARAGRAPH_LEVEL = Pattern.compile("\\b(?:paragraphs? \\d+(?:\\.\\d+)*|Annex [A-Z]\\b)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CONDITION_FIELDS = Set.of("question", "equals");
    private static final Set<String> OPTION_FIELDS = Set.of("code", "label");
    private static final Set<String> SCALE_FILE_FIELDS = Set.of("name", "title", "ratings");
    private static final Set<String> RATING_FIELDS = Set.of("code", "label", "description", "colour", "compliant", "evidence",
            "action", "not-applicable", "reason");

    private final String file;
    private final List<BankProblem> problems;

    BankFileReader(String file, List<BankProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** A version, or empty when the file is too broken to describe one (the problems say why). */
    Optional<Version> readVersion(String text, Function<String, Optional<Scale>> namedScales, Map<String, Integer> questionLines) {
        Node root = parse(text);
        if (root == null) {
            return Optional.empty();
        }
        Fields f = fields(root, "the version", VERSION_FIELDS);
        if (f == null) {
            return Optional.empty();
        }
        String bank = f.key("bank", true);
        String title = f.text("title", true);
        String version = f.text("version", true);
        String guidance = f.text("guidance", true);
        LocalDate effectiveFrom = f.date("effective-from");
        Audience audience = f.has("audience") ? audience(f.node("audience"), "audience") : null;
        if (audience == null) {
            f.missing("audience");
        }
        Scale scale = scale(f, namedScales);
        List<Source> sources = sources(f);
        List<Section> sections = new ArrayList<>();
        Set<String> sectionKeys = new LinkedHashSet<>();
        Map<String, Question> earlier = new LinkedHashMap<>();
        for (Node node : f.sequence("sections", true)) {
            Section section = section(node, scale, earlier, questionLines);
            if (section != null) {
                if (!sectionKeys.add(section.key())) {
                    problem(node, "section key '" + section.key() + "' is used twice in this version");
                }
                sections.add(section);
            }
        }
        if (f.has("sections") && sections.isEmpty() && f.sequence("sections", false).isEmpty()) {
            problem(f.node("sections"), "a version needs at least one section");
        }
        if (!sources.isEmpty()) {
            checkReferences(sections, sources, questionLines);
        }
        if (bank == null || title == null || version == null || guidance == null || effectiveFrom == null || audience == null || scale == null) {
            return Optional.empty();
        }
        return Optional.of(new Version(bank, title, version, guidance, effectiveFrom, audience, scale, List.copyOf(sections),
                f.text("notes", false), sources));
    }

    private List<Source> sources(Fields f) {
        List<Source> sources = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Node node : f.sequence("sources", false)) {
            Fields s = fields(node, "a source", SOURCE_FIELDS);
            if (s == null) {
                continue;
            }
            String citeAs = s.text("cite-as", true);
            String title = s.text("title", true);
            if (citeAs != null && !names.add(citeAs)) {
                problem(node, "source '" + citeAs + "' is listed twice");
            }
            if (citeAs != null && title != null) {
                sources.add(new Source(citeAs, title, s.text("edition", false), s.bool("numbered-paragraphs", false)));
            }
        }
        return List.copyOf(sources);
    }

    /**
     * With sources listed, every reference names one, and a rating question that cites a source with numbered
     * paragraphs cites at least one place to the paragraph, so a reader can find the requirement it asks about.
     * The partnership's own expectations need no citation.
     */
    private void checkReferences(List<Section> sections, List<Source> sources, Map<String, Integer> questionLines) {
        List<Source> longestFirst = sources.stream().sorted(java.util.Comparator.comparingInt((Source s) -> s.citeAs().length()).reversed()).toList();
        String names = String.join(", ", sources.stream().map(Source::citeAs).toList());
        for (Section section : sections) {
            for (Question q : section.questions()) {
                int line = questionLines.getOrDefault(q.key(), 0);
                boolean citesNumbered = false;
                boolean paragraphLevel = false;
                for (String reference : q.references()) {
                    Source source = longestFirst.stream().filter(s -> reference.equals(s.citeAs())
                            || reference.startsWith(s.citeAs() + ",") || reference.startsWith(s.citeAs() + ":")).findFirst().orElse(null);
                    if (source == null) {
                        problems.add(new BankProblem(file, line, "question '" + q.key() + "': reference '" + reference
                                + "' does not start with the name of a listed source (" + names + ")"));
                    } else if (source.numberedParagraphs()) {
                        citesNumbered = true;
                        paragraphLevel |= PARAGRAPH_LEVEL.matcher(reference.substring(source.citeAs().length())).find();
                    }
                }
                if (q.type() != QuestionType.RATING || q.localExpectation()) {
                    continue;
                }
                if (q.references().isEmpty()) {
                    problems.add(new BankProblem(file, line, "rating question '" + q.key() + "' has no references: cite the paragraph it "
                            + "asks about, or mark it local-expectation: true if it is the partnership's own expectation"));
                } else if (citesNumbered && !paragraphLevel) {
                    problems.add(new BankProblem(file, line, "rating question '" + q.key() + "' cites guidance with numbered paragraphs "
                            + "but no paragraph: give at least one, like \"" + longestFirst.stream().filter(Source::numberedParagraphs)
                            .findFirst().map(Source::citeAs).orElse("") + ", paragraph 12\""));
                }
            }
        }
    }

    /** A file in scales/: a named scale that versions may refer to. */
    Optional<Scale> readScaleFile(String text) {
        Node root = parse(text);
        Fields f = root == null ? null : fields(root, "the scale", SCALE_FILE_FIELDS);
        if (f == null) {
            return Optional.empty();
        }
        String name = f.key("name", true);
        String title = f.text("title", false);
        List<Rating> ratings = ratings(f.node("ratings"), f);
        return name == null || ratings == null ? Optional.empty() : Optional.of(new Scale(name, title, ratings));
    }

    private @Nullable Node parse(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // duplicates are reported by Fields, with their line
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                problems.add(new BankProblem(file, 0, "the file is empty"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new BankProblem(file, line, "this is not valid YAML: " + e.getProblem()
                    + " (check the indentation and that text containing ': ' or '#' is in quotes)"));
        } catch (YAMLException e) {
            problems.add(new BankProblem(file, 0, "this is not valid YAML: " + e.getMessage()));
        }
        return null;
    }

    private @Nullable Scale scale(Fields f, Function<String, Optional<Scale>> namedScales) {
        Node node = f.node("scale");
        if (node == null) {
            f.missing("scale");
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            Optional<Scale> named = namedScales.apply(scalar.getValue());
            if (named.isEmpty()) {
                problem(node, "unknown scale '" + scalar.getValue() + "': there is no question-banks/scales/" + scalar.getValue() + ".yaml");
            }
            return named.orElse(null);
        }
        List<Rating> ratings = ratings(node, f);
        return ratings == null ? null : new Scale(null, null, ratings);
    }

    private @Nullable List<Rating> ratings(@Nullable Node node, Fields owner) {
        if (node == null) {
            owner.missing("ratings");
            return null;
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(node, "a scale needs a list of ratings");
            return null;
        }
        List<Rating> ratings = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        int notApplicable = 0;
        for (Node item : sequence.getValue()) {
            Fields r = fields(item, "a rating", RATING_FIELDS);
            if (r == null) {
                continue;
            }
            String code = r.code("code");
            String label = r.text("label", true);
            String colour = r.text("colour", true);
            if (colour != null && !COLOUR.matcher(colour).matches()) {
                problem(r.node("colour"), "colour must be written like \"#00703c\"");
            }
            boolean na = r.bool("not-applicable", false);
            notApplicable += na ? 1 : 0;
            Requirement reason = r.requirement("reason", Requirement.NONE);
            if (!na && reason != Requirement.NONE) {
                problem(r.node("reason"), "only the not-applicable rating can ask for a reason");
            }
            if (code != null && !codes.add(code)) {
                problem(item, "rating code '" + code + "' is used twice in the scale");
            }
            if (code != null && label != null && colour != null) {
                ratings.add(new Rating(code, label, r.text("description", false), colour, r.bool("compliant", false),
                        r.requirement("evidence", Requirement.OPTIONAL), r.bool("action", false), na, reason));
            }
        }
        if (notApplicable > 1) {
            problem(node, "a scale can have at most one not-applicable rating");
        }
        return List.copyOf(ratings);
    }

    private @Nullable Audience audience(Node node, String what) {
        Fields a = fields(node, what, AUDIENCE_FIELDS);
        if (a == null) {
            return null;
        }
        return new Audience(a.names("kinds", AudienceNames.KINDS), a.names("categories", AudienceNames.CATEGORIES),
                a.names("sectors", AudienceNames.SECTORS));
    }

    private @Nullable Section section(Node node, @Nullable Scale scale, Map<String, Question> earlier, Map<String, Integer> questionLines) {
        Fields s = fields(node, "a section", SECTION_FIELDS);
        if (s == null) {
            return null;
        }
        String key = s.key("key", true);
        String title = s.text("title", true);
        Audience appliesTo = s.has("applies-to") ? audience(s.node("applies-to"), "applies-to") : null;
        List<Question> questions = new ArrayList<>();
        for (Node q : s.sequence("questions", true)) {
            Question question = question(q, scale, earlier);
            if (question != null) {
                if (earlier.containsKey(question.key())) {
                    problem(q, "question key '" + question.key() + "' is used twice in this version; keys must be unique across all sections");
                }
                earlier.put(question.key(), question);
                questionLines.put(question.key(), q.getStartMark().getLine() + 1);
                questions.add(question);
            }
        }
        if (s.has("questions") && s.sequence("questions", false).isEmpty()) {
            problem(s.node("questions"), "section '" + key + "' has no questions");
        }
        return key == null || title == null ? null : new Section(key, title, s.text("intro", false), appliesTo, List.copyOf(questions));
    }

    private @Nullable Question question(Node node, @Nullable Scale scale, Map<String, Question> earlier) {
        Fields q = fields(node, "a question", QUESTION_FIELDS);
        if (q == null) {
            return null;
        }
        String key = q.key("key", true);
        String text = q.text("text", true);
        QuestionType type = null;
        String typeName = q.text("type", true);
        if (typeName != null) {
            type = QuestionType.fromYaml(typeName).orElse(null);
            if (type == null) {
                problem(q.node("type"), "unknown question type '" + typeName + "' (use one of: rating, yes-no, single-choice, "
                        + "multiple-choice, short-text, long-text, number, date)");
            }
        }
        List<Option> options = options(q);
        if (type != null && type.hasOptions() && options.isEmpty()) {
            problem(node, "a " + type.yaml() + " question needs options");
        }
        if (type != null && !type.hasOptions() && q.has("options")) {
            problem(q.node("options"), "only single-choice and multiple-choice questions have options");
        }
        List<String> replaces = q.keys("replaces");
        String splitFrom = q.key("split-from", false);
        if (!replaces.isEmpty() && splitFrom != null) {
            problem(q.node("split-from"), "a question either replaces earlier keys or is split from one, not both");
        }
        if (key != null && (replaces.contains(key) || key.equals(splitFrom))) {
            problem(node, "question '" + key + "' names its own key in its lineage; a kept key needs no lineage");
        }
        Condition condition = q.has("show-when") ? condition(q.node("show-when"), scale, earlier) : null;
        Audience appliesTo = q.has("applies-to") ? audience(q.node("applies-to"), "applies-to") : null;
        boolean notApplicable = q.bool("not-applicable", true);
        if (!notApplicable && type != null && (type != QuestionType.RATING
                || (scale != null && scale.ratings().stream().noneMatch(Rating::notApplicable)))) {
            problem(q.node("not-applicable"), "'not-applicable' is for rating questions on a scale with a not-applicable rating");
        }
        if (key == null || text == null || type == null) {
            return null;
        }
        return new Question(key, text, q.text("hint", false), q.text("guidance", false), q.strings("evidence-examples"), type,
                q.bool("required", true), q.text("evidence-prompt", false), q.strings("references"), replaces, splitFrom,
                condition, options, appliesTo, q.bool("carry-forward", true), notApplicable, q.bool("local-expectation", false));
    }

    private List<Option> options(Fields q) {
        List<Option> options = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Node node : q.sequence("options", false)) {
            Fields o = fields(node, "an option", OPTION_FIELDS);
            if (o == null) {
                continue;
            }
            String code = o.code("code");
            String label = o.text("label", true);
            if (code != null && !codes.add(code)) {
                problem(node, "option code '" + code + "' is used twice in this question");
            }
            if (code != null && label != null) {
                options.add(new Option(code, label));
            }
        }
        return List.copyOf(options);
    }

    private @Nullable Condition condition(Node node, @Nullable Scale scale, Map<String, Question> earlier) {
        Fields c = fields(node, "show-when", CONDITION_FIELDS);
        if (c == null) {
            return null;
        }
        String on = c.key("question", true);
        List<String> values = c.strings("equals");
        if (!c.has("equals") || values.isEmpty()) {
            problem(node, "show-when needs 'equals' with at least one value");
        }
        if (on == null) {
            return null;
        }
        Question target = earlier.get(on);
        if (target == null) {
            problem(c.node("question"), "show-when refers to '" + on + "', which is not an earlier question in this version "
                    + "(a condition can only depend on a question asked before it)");
            return new Condition(on, values);
        }
        List<String> allowed = switch (target.type()) {
            case YES_NO -> List.of("YES", "NO");
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> target.options().stream().map(Option::code).toList();
            case RATING -> scale == null ? values : scale.ratings().stream().map(Rating::code).toList();
            default -> List.of();
        };
        if (allowed.isEmpty()) {
            problem(c.node("question"), "show-when cannot depend on '" + on + "', a " + target.type().yaml()
                    + " question: use a yes-no, choice or rating question");
        } else {
            for (String value : values) {
                if (!allowed.contains(value)) {
                    problem(c.node("equals"), "'" + value + "' is not a possible answer to '" + on + "' (possible: "
                            + String.join(", ", allowed) + ")");
                }
            }
        }
        return new Condition(on, values);
    }

    private void problem(@Nullable Node node, String message) {
        problems.add(new BankProblem(file, node == null ? 0 : node.getStartMark().getLine() + 1, message));
    }

    private @Nullable Fields fields(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, what + " must be a set of 'field: value' lines");
            return null;
        }
        return new Fields(mapping, what, allowed);
    }

    /** The fields of one YAML mapping, checked against the ones allowed there. */
    private final class Fields {
        private final MappingNode mapping;
        private final String what;
        private final Map<String, Node> values = new LinkedHashMap<>();

        Fields(MappingNode mapping, String what, Set<String> allowed) {
            this.mapping = mapping;
            this.what = what;
            for (NodeTuple tuple : mapping.getValue()) {
                String name = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (!allowed.contains(name)) {
                    problem(tuple.getKeyNode(), "unknown field '" + name + "' in " + what + " (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                } else if (values.containsKey(name)) {
                    problem(tuple.getKeyNode(), "field '" + name + "' is given twice in " + what);
                } else {
                    values.put(name, tuple.getValueNode());
                }
            }
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        @Nullable Node node(String name) {
            return values.get(name);
        }

        void missing(String name) {
            problem(mapping, what + " is missing '" + name + "'");
        }

        @Nullable String text(String name, boolean required) {
            Node node = values.get(name);
            if (node == null) {
                if (required) {
                    missing(name);
                }
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                problem(node, "'" + name + "' must be text, not a list or a set of fields");
                return null;
            }
            String value = scalar.getValue().strip();
            if (value.isEmpty()) {
                if (required) {
                    problem(node, "'" + name + "' is empty");
                }
                return null;
            }
            return value;
        }

        @Nullable String key(String name, boolean required) {
            String value = text(name, required);
            if (value != null && !KEY.matcher(value).matches()) {
                problem(values.get(name), "'" + value + "' is not a valid key: use lower-case letters, digits and single hyphens, like 'dsl-training'");
                return null;
            }
            return value;
        }

        @Nullable String code(String name) {
            String value = text(name, true);
            if (value != null && !CODE.matcher(value).matches()) {
                problem(values.get(name), "'" + value + "' is not a valid code: use upper-case letters, digits and underscores, like 'GREEN'");
                return null;
            }
            return value;
        }

        boolean bool(String name, boolean otherwise) {
            String value = text(name, false);
            if (value == null) {
                return otherwise;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> {
                    problem(values.get(name), "'" + name + "' must be true or false");
                    yield otherwise;
                }
            };
        }

        Requirement requirement(String name, Requirement otherwise) {
            String value = text(name, false);
            if (value == null) {
                return otherwise;
            }
            try {
                return Requirement.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(values.get(name), "'" + name + "' must be required, optional or none");
                return otherwise;
            }
        }

        @Nullable LocalDate date(String name) {
            String value = text(name, true);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(values.get(name), "'" + name + "' must be a date written like 2025-09-01");
                return null;
            }
        }

        List<Node> sequence(String name, boolean required) {
            Node node = values.get(name);
            if (node == null) {
                if (required) {
                    missing(name);
                }
                return List.of();
            }
            if (!(node instanceof SequenceNode sequence)) {
                problem(node, "'" + name + "' must be a list (lines starting with '- ')");
                return List.of();
            }
            return sequence.getValue();
        }

        List<String> strings(String name) {
            List<String> strings = new ArrayList<>();
            for (Node node : sequence(name, false)) {
                if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    strings.add(scalar.getValue().strip());
                } else {
                    problem(node, "each item of '" + name + "' must be a piece of text");
                }
            }
            return List.copyOf(strings);
        }

        List<String> keys(String name) {
            List<String> keys = strings(name);
            keys.stream().filter(k -> !KEY.matcher(k).matches())
                    .forEach(k -> problem(values.get(name), "'" + k + "' is not a valid key"));
            return keys;
        }

        List<String> names(String name, Set<String> allowed) {
            List<String> names = strings(name);
            names.stream().filter(n -> !allowed.contains(n)).forEach(n -> problem(values.get(name),
                    "unknown " + name + " value '" + n + "' (use: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            return names;
        }
    }
}
