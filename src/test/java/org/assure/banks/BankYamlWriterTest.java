package org.assure.banks;

import org.assure.banks.BankModel.Audience;
import org.assure.banks.BankModel.Condition;
import org.assure.banks.BankModel.Option;
import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.QuestionType;
import org.assure.banks.BankModel.Rating;
import org.assure.banks.BankModel.Requirement;
import org.assure.banks.BankModel.Scale;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Version;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankYamlWriterTest {
    /** Text YAML would misread if written plainly, or that tests the folding and block styles. */
    static final List<String> AWKWARD = List.of("YES", "no", "true", "2025-09-01", "2025", "1.5", "~", "null", "#hash first",
            "a: b", "ends with colon:", "text # not a comment", "- looks like a list", "[looks, like, flow]", "{curly}",
            "'single' and \"double\" quotes", "it's", "& anchor", "* alias", "! tag", "% directive", "@at", "`backtick",
            "> folded", "| literal", "?question", "Dashes – and ‘curly’ quotes — and £10", "<script>alert('x')</script>",
            "Emoji 👍 here", "tab\tinside", "back\\slash",
            "A long sentence that goes well past the width of one line, with a colon: in the middle and a # mark, "
                    + "and  two spaces, so it has to be written as a folded block and read back exactly the same way.",
            "Two lines\nwith a break, and\n\na blank line between",
            "x".repeat(150));

    static Version awkward() {
        List<Question> questions = new ArrayList<>();
        questions.add(new Question("gate", "Is there a gate?", null, null, List.of(), QuestionType.YES_NO, true, null,
                List.of(), List.of(), null, null, List.of()));
        questions.add(new Question("choice", "Which one?", "A hint", null, List.of(), QuestionType.SINGLE_CHOICE, false, null,
                List.of(), List.of(), null, new Condition("gate", List.of("YES")),
                List.of(new Option("YES", "Yes: the first"), new Option("NO", "no"), new Option("OTHER", "#other"))));
        for (int i = 0; i < AWKWARD.size(); i++) {
            String s = AWKWARD.get(i);
            questions.add(new Question("q-" + i, s, s, s, List.of(s, "plain example"), QuestionType.RATING, i % 2 == 0, s,
                    List.of(s, "Part 2, paragraph 81"), List.of(), null, new Condition("choice", List.of("YES", "OTHER")), List.of()));
        }
        Scale inline = new Scale(null, null, List.of(
                new Rating("YES", "Yes", "Met: fully", "#00703c", true, Requirement.REQUIRED, false, false, Requirement.NONE),
                new Rating("N_A", "true", null, "#505A5F", true, Requirement.NONE, false, true, Requirement.OPTIONAL)));
        return new Version("awkward", "Awkward: a test", "2025", "Guidance # edition", LocalDate.of(2025, 9, 1),
                new Audience(List.of("SCHOOL"), List.of("MAINTAINED", "ACADEMY"), List.of()), inline, List.of(
                new Section("first", "First: section", "An intro\nover two lines", new Audience(List.of(), List.of(), List.of()),
                        questions.subList(0, 2)),
                new Section("second", "Second", null, null, questions.subList(2, questions.size()))));
    }

    /** The version read back from its written YAML, with these other files beside it. */
    static Version reread(Version version, List<BankFile> others) {
        String path = version.bank() + "/" + version.version() + ".yaml";
        List<BankFile> files = new ArrayList<>(others.stream().filter(f -> !f.path().equals(path)).toList());
        files.add(new BankFile(path, BankYamlWriter.write(version).getBytes(StandardCharsets.UTF_8)));
        return BankLoader.load(files).find(version.bank(), version.version()).orElseThrow().version();
    }

    @Test
    void everyShippedVersionReadsBackEqual() {
        List<BankFile> shipped = BankFiles.fromDirectory(Path.of("question-banks"));
        LoadedBanks banks = BankLoader.load(shipped);
        assertFalse(banks.versions().isEmpty());
        for (LoadedBanks.LoadedVersion loaded : banks.versions()) {
            Version original = loaded.version();
            assertEquals(original, reread(original, shipped), original.id());
            String yaml = BankYamlWriter.write(original);
            assertTrue(yaml.startsWith("bank: " + original.bank() + "\n"), yaml);
            assertEquals(List.of(), yaml.lines().filter(l -> l.length() > YamlTree.WIDTH + 20).toList(),
                    original.id() + ": lines are wrapped near the width");
        }
    }

    @Test
    void awkwardTextReadsBackExactly() {
        Version awkward = awkward();
        assertEquals(awkward, reread(awkward, BankLoaderTest.files()));
    }

    @Test
    void writesTheReadmeFormat() {
        LoadedBanks banks = BankLoader.load(BankLoaderTest.files("demo/2024.yaml", BankLoaderTest.V2024));
        String yaml = BankYamlWriter.write(banks.find("demo", "2024").orElseThrow().version());
        assertEquals("""
                bank: demo
                title: Demo audit
                version: "2024"
                guidance: Demo guidance 2024
                effective-from: 2024-09-01
                audience:
                  kinds: [SCHOOL]
                scale: rag
                sections:
                  - key: leadership
                    title: Leadership
                    questions:
                      - key: governor-training
                        text: Governors are trained.
                        type: rating

                      - key: has-boarding
                        text: Do you board pupils?
                        type: yes-no

                      - key: boarding-standards
                        text: Boarding standards are met.
                        type: rating
                        show-when:
                          question: has-boarding
                          equals: ["YES"]

                      - key: old-one
                        text: An old question.
                        type: rating
                """, yaml);
    }

    @Test
    void writesOptionalFieldsOnlyWhenTheyHaveSomethingToSay() {
        String yaml = BankYamlWriter.write(awkward());
        assertTrue(yaml.contains("\n      - key: choice\n        text: Which one?\n        hint: A hint\n        type: single-choice\n"
                + "        required: false\n"), yaml);
        assertEquals(AWKWARD.size() / 2 + 1, yaml.split("required: false").length - 1, "only where false");
        assertFalse(yaml.contains("required: true"));
        assertTrue(yaml.contains("    applies-to: {}\n"), "an empty applies-to is kept: it differs from none");
        assertTrue(yaml.contains("          - code: \"YES\"\n            label: \"Yes: the first\"\n"), yaml);
        assertTrue(yaml.contains("  - code: N_A\n    label: \"true\"\n    colour: \"#505A5F\"\n    compliant: true\n"
                + "    evidence: none\n    action: false\n    not-applicable: true\n    reason: optional\n"), yaml);
        assertTrue(yaml.contains("text: >\n          A long sentence"), "long text is folded");
        assertTrue(yaml.contains("intro: |\n      An intro\n      over two lines\n"), "line breaks are kept");
    }
}
