package org.assure.banks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of question-banks/README.md: a broken file is refused, naming the file and the line. */
class BankLoaderTest {
    static final String RAG = """
            name: rag
            ratings:
              - code: GREEN
                label: Green
                colour: "#00703c"
                compliant: true
                evidence: required
              - code: RED
                label: Red
                colour: "#d4351c"
                evidence: required
                action: true
              - code: NA
                label: Not applicable
                colour: "#505a5f"
                evidence: none
                not-applicable: true
                reason: required
            """;

    /** A valid version 2024 of bank "demo"; line numbers below refer to this text. */
    static final String V2024 = """
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
                      equals: [YES]
                  - key: old-one
                    text: An old question.
                    type: rating
            """;

    static List<BankFile> files(String... pathsAndTexts) {
        List<BankFile> files = new ArrayList<>();
        files.add(new BankFile("README.md", "ignored".getBytes(StandardCharsets.UTF_8)));
        files.add(new BankFile("scales/rag.yaml", RAG.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new BankFile(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    static BankException refused(String... pathsAndTexts) {
        return assertThrows(BankException.class, () -> BankLoader.load(files(pathsAndTexts)));
    }

    static void assertProblem(BankException e, String file, int line, String fragment) {
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("question-banks/" + file) && p.line() == line
                        && p.message().contains(fragment)),
                "expected " + file + ":" + line + " '" + fragment + "' in\n" + e.getMessage());
    }

    @Test
    void aValidVersionLoads() {
        LoadedBanks banks = BankLoader.load(files("demo/2024.yaml", V2024));
        var version = banks.find("demo", "2024").orElseThrow().version();
        assertEquals(4, version.questions().size());
        assertEquals("rag", version.scale().name());
        assertEquals(List.of("YES"), version.question("boarding-standards").orElseThrow().showWhen().equals());
        assertTrue(version.question("governor-training").orElseThrow().required(), "required by default");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirLine() {
        var e = refused("demo/2024.yaml", V2024.replace("    text: Governors are trained.", "    text: Governors are trained.\n        hnit: typo"));
        assertProblem(e, "demo/2024.yaml", 15, "unknown field 'hnit' in a question");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        var e = refused("demo/2024.yaml", V2024.replace("        text: Governors are trained.\n", ""));
        assertProblem(e, "demo/2024.yaml", 13, "a question is missing 'text'");
        var noGuidance = refused("demo/2024.yaml", V2024.replace("guidance: Demo guidance 2024\n", ""));
        assertProblem(noGuidance, "demo/2024.yaml", 1, "the version is missing 'guidance'");
    }

    @Test
    void duplicateQuestionKeysAreRefused() {
        var e = refused("demo/2024.yaml", V2024.replace("- key: old-one", "- key: governor-training"));
        assertProblem(e, "demo/2024.yaml", 25, "question key 'governor-training' is used twice");
    }

    @Test
    void duplicateSectionKeysAndFieldsAreRefused() {
        String twoSections = V2024 + """
                  - key: leadership
                    title: Again
                    questions:
                      - key: another
                        text: Another.
                        type: rating
                """;
        assertProblem(refused("demo/2024.yaml", twoSections), "demo/2024.yaml", 28, "section key 'leadership' is used twice");
        var twice = refused("demo/2024.yaml", V2024.replace("title: Demo audit", "title: Demo audit\ntitle: Again"));
        assertProblem(twice, "demo/2024.yaml", 3, "field 'title' is given twice");
    }

    @Test
    void unknownScalesAndScaleCodesAreRefused() {
        assertProblem(refused("demo/2024.yaml", V2024.replace("scale: rag", "scale: traffic-lights")), "demo/2024.yaml", 8,
                "unknown scale 'traffic-lights'");
        var badCondition = refused("demo/2024.yaml", V2024.replace("question: has-boarding\n          equals: [YES]",
                "question: governor-training\n          equals: [AMBER]"));
        assertProblem(badCondition, "demo/2024.yaml", 24, "'AMBER' is not a possible answer to 'governor-training' (possible: GREEN, RED, NA)");
    }

    @Test
    void conditionsMustPointAtEarlierQuestions() {
        String later = V2024.replace("question: has-boarding", "question: old-one");
        assertProblem(refused("demo/2024.yaml", later), "demo/2024.yaml", 23, "'old-one', which is not an earlier question");
        String missing = V2024.replace("question: has-boarding", "question: no-such-question");
        assertProblem(refused("demo/2024.yaml", missing), "demo/2024.yaml", 23, "'no-such-question', which is not an earlier question");
        String onText = V2024.replace("    text: Do you board pupils?\n        type: yes-no", "    text: Do you board pupils?\n        type: short-text");
        assertProblem(refused("demo/2024.yaml", onText), "demo/2024.yaml", 23, "cannot depend on 'has-boarding', a short-text question");
    }

    @Test
    void lineageMustPointAtKeysOfEarlierVersions() {
        String v2025 = V2024.replace("version: \"2024\"", "version: \"2025\"").replace("effective-from: 2024-09-01", "effective-from: 2025-09-01")
                .replace("  - key: old-one\n        text: An old question.", "  - key: new-one\n        text: A renamed question.\n        replaces: [old-one]")
                .replace("    text: Governors are trained.", "    text: Governors are trained.\n        split-from: never-existed");
        var e = refused("demo/2024.yaml", V2024, "demo/2025.yaml", v2025);
        assertProblem(e, "demo/2025.yaml", 13, "comes from 'never-existed', but no earlier version of demo has a question with that key");
        assertEquals(1, e.problems().size(), "the valid rename is accepted: " + e.getMessage());

        String keptAndReplaced = V2024.replace("version: \"2024\"", "version: \"2025\"").replace("effective-from: 2024-09-01", "effective-from: 2025-09-01")
                .replace("    text: Governors are trained.", "    text: Governors are trained.\n        replaces: [old-one]");
        assertProblem(refused("demo/2024.yaml", V2024, "demo/2025.yaml", keptAndReplaced), "demo/2025.yaml", 13,
                "this version still has 'old-one'");

        String lineageInFirst = V2024.replace("    text: Governors are trained.", "    text: Governors are trained.\n        replaces: [older]");
        assertProblem(refused("demo/2024.yaml", lineageInFirst), "demo/2024.yaml", 13, "no earlier version of demo");
    }

    @Test
    void fileNamesMustMatchTheirContent() {
        assertProblem(refused("other/2024.yaml", V2024), "other/2024.yaml", 1, "the file says bank 'demo' but is in the folder 'other'");
        assertProblem(refused("demo/2023.yaml", V2024), "demo/2023.yaml", 1, "the file says version '2024' but is named 2023.yaml");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        var e = refused("demo/2024.yaml", V2024.replace("title: Leadership", "title: Leadership\n   bad: [unclosed"));
        assertTrue(e.problems().get(0).line() >= 11, e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"));
        assertProblem(refused("demo/2024.yaml", ""), "demo/2024.yaml", 0, "the file is empty");
    }

    @Test
    void typesOptionsAndAudienceAreChecked() {
        var badType = refused("demo/2024.yaml", V2024.replace("    text: Governors are trained.\n        type: rating", "    text: Governors are trained.\n        type: stars"));
        assertProblem(badType, "demo/2024.yaml", 15, "unknown question type 'stars'");
        var noOptions = refused("demo/2024.yaml", V2024.replace("    text: Governors are trained.\n        type: rating", "    text: Governors are trained.\n        type: single-choice"));
        assertProblem(noOptions, "demo/2024.yaml", 13, "a single-choice question needs options");
        var badAudience = refused("demo/2024.yaml", V2024.replace("kinds: [SCHOOL]", "kinds: [SCHOOLS]"));
        assertProblem(badAudience, "demo/2024.yaml", 7, "unknown kinds value 'SCHOOLS'");
        var badKey = refused("demo/2024.yaml", V2024.replace("- key: old-one", "- key: Old_One"));
        assertProblem(badKey, "demo/2024.yaml", 25, "'Old_One' is not a valid key");
    }

    /** V2024 with two sources and the questions' references written against them; line numbers below refer to it. */
    static final String CITED = V2024.replace("scale: rag\n", """
            scale: rag
            notes: What is in force on 1 September 2024.
            sources:
              - cite-as: Demo guidance
                title: Demo guidance 2024
                edition: September 2024
                numbered-paragraphs: true
              - cite-as: Demo standards
                title: Demo standards without numbers
            """).replace("        text: Governors are trained.\n        type: rating", """
                    text: Governors are trained.
                    type: rating
                    references: ["Demo guidance, paragraphs 81–83"]""".stripIndent().indent(8).stripTrailing())
            .replace("        text: Boarding standards are met.\n        type: rating", """
                    text: Boarding standards are met.
                    type: rating
                    references: ["Demo standards: boarding", "Demo guidance, Annex D"]""".stripIndent().indent(8).stripTrailing())
            .replace("        text: An old question.\n        type: rating", """
                    text: An old question.
                    type: rating
                    local-expectation: true""".stripIndent().indent(8).stripTrailing());

    @Test
    void sourcesNotesAndTheNewQuestionFieldsAreRead() {
        var version = BankLoader.load(files("demo/2024.yaml", CITED.replace("        local-expectation: true", """
                        local-expectation: true
                        carry-forward: false
                        not-applicable: false
                        applies-to:
                          categories: [ACADEMY]""".stripIndent().indent(8).stripTrailing()))).find("demo", "2024").orElseThrow().version();
        assertEquals("What is in force on 1 September 2024.", version.notes());
        assertEquals(List.of(new BankModel.Source("Demo guidance", "Demo guidance 2024", "September 2024", true),
                new BankModel.Source("Demo standards", "Demo standards without numbers", null, false)), version.sources());
        var old = version.question("old-one").orElseThrow();
        assertTrue(old.localExpectation());
        assertEquals(false, old.carryForward());
        assertEquals(false, old.notApplicableAllowed());
        assertEquals(List.of("GREEN", "RED"), old.ratings(version.scale()).stream().map(BankModel.Rating::code).toList());
        assertEquals(List.of("ACADEMY"), old.appliesTo().categories());
        var trained = version.question("governor-training").orElseThrow();
        assertTrue(trained.carryForward() && trained.notApplicableAllowed() && !trained.localExpectation() && trained.appliesTo() == null,
                "the defaults");
    }

    @Test
    void withSourcesEveryReferenceNamesOneAndRatingQuestionsAreCitedToTheParagraph() {
        var unnamed = refused("demo/2024.yaml", CITED.replace("\"Demo guidance, paragraphs 81–83\"", "\"Part 2\""));
        assertProblem(unnamed, "demo/2024.yaml", 21, "reference 'Part 2' does not start with the name of a listed source (Demo guidance, Demo standards)");
        var partOnly = refused("demo/2024.yaml", CITED.replace("\"Demo guidance, paragraphs 81–83\"", "\"Demo guidance, Part 2\""));
        assertProblem(partOnly, "demo/2024.yaml", 21, "rating question 'governor-training' cites guidance with numbered paragraphs but no paragraph");
        var uncited = refused("demo/2024.yaml", CITED.replace("\n        references: [\"Demo guidance, paragraphs 81–83\"]", ""));
        assertProblem(uncited, "demo/2024.yaml", 21, "rating question 'governor-training' has no references");
        // a source without numbered paragraphs is cited by its headings, and the partnership's own expectation needs no citation
        BankLoader.load(files("demo/2024.yaml", CITED.replace("\"Demo guidance, paragraphs 81–83\"", "\"Demo standards: governance\"")));
        var twice = refused("demo/2024.yaml", CITED.replace("  - cite-as: Demo standards", "  - cite-as: Demo guidance"));
        assertProblem(twice, "demo/2024.yaml", 15, "source 'Demo guidance' is listed twice");
    }

    @Test
    void notApplicableCanOnlyBeWithheldFromARatingQuestion() {
        var e = refused("demo/2024.yaml", V2024.replace("    text: Do you board pupils?\n        type: yes-no",
                "    text: Do you board pupils?\n        type: yes-no\n        not-applicable: false"));
        assertProblem(e, "demo/2024.yaml", 19, "'not-applicable' is for rating questions on a scale with a not-applicable rating");
    }

    @Test
    void nothingHalfLoadsAndEveryProblemIsListed() {
        String twoProblems = V2024.replace("    text: Governors are trained.", "    text: Governors are trained.\n        hnit: typo")
                .replace("- key: old-one", "- key: has-boarding");
        var e = refused("demo/2024.yaml", twoProblems, "demo/2025.yaml", V2024.replace("version: \"2024\"", "version: \"2025\"")
                .replace("effective-from: 2024-09-01", "effective-from: 2025-09-01"));
        assertTrue(e.problems().size() >= 2, e.getMessage());
    }

    @Test
    void scalesAreChecked() {
        String twoNa = RAG.replace("  - code: RED", "  - code: NA2\n    label: Also\n    colour: \"#000000\"\n    not-applicable: true\n  - code: RED");
        var e = assertThrows(BankException.class, () -> BankLoader.load(List.of(
                new BankFile("scales/rag.yaml", twoNa.getBytes(StandardCharsets.UTF_8)),
                new BankFile("demo/2024.yaml", V2024.getBytes(StandardCharsets.UTF_8)))));
        assertProblem(e, "scales/rag.yaml", 3, "at most one not-applicable rating");
        var badColour = assertThrows(BankException.class, () -> BankLoader.load(List.of(
                new BankFile("scales/rag.yaml", RAG.replace("#00703c", "green").getBytes(StandardCharsets.UTF_8)))));
        assertProblem(badColour, "scales/rag.yaml", 5, "colour must be written like");
    }
}
