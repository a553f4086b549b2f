package org.assure.banks;

import org.assure.banks.BankComparison.Kind;
import org.assure.banks.BankModel.Version;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BankComparisonTest {
    private static final String V1 = """
            bank: demo
            title: Demo
            version: "1"
            guidance: Edition 1
            effective-from: 2021-09-01
            audience: {kinds: [SCHOOL]}
            scale: rag
            sections:
              - key: people
                title: People
                questions:
                  - {key: keep, text: Kept as it is., type: rating}
                  - {key: reword, text: Old words., type: rating}
                  - {key: move, text: Moving question., type: rating}
                  - {key: rename-me, text: To be renamed., type: rating}
                  - {key: merge-a, text: First half., type: rating}
                  - {key: merge-b, text: Second half., type: rating}
                  - {key: split-me, text: Two things at once., type: rating}
                  - {key: drop, text: To be removed., type: rating}
              - key: places
                title: Places
                questions:
                  - {key: stay, text: Stays put., type: rating}
            """;
    private static final String V2 = """
            bank: demo
            title: Demo
            version: "2"
            guidance: Edition 2
            effective-from: 2022-09-01
            audience: {kinds: [SCHOOL]}
            scale: rag
            sections:
              - key: people
                title: People
                questions:
                  - {key: keep, text: Kept as it is., type: rating}
                  - {key: reword, text: New words., type: rating}
                  - {key: renamed, text: To be renamed., type: rating, replaces: [rename-me]}
                  - {key: merged, text: Both halves., type: rating, replaces: [merge-a, merge-b]}
                  - {key: split-one, text: One thing., type: rating, split-from: split-me}
                  - {key: split-two, text: Another thing., type: rating, split-from: split-me}
                  - {key: brand-new, text: Something new., type: rating}
              - key: places
                title: Places
                questions:
                  - {key: stay, text: Stays put., type: rating}
                  - {key: move, text: Moving question., type: rating}
            """;
    private static final String V3 = """
            bank: demo
            title: Demo
            version: "3"
            guidance: Edition 3
            effective-from: 2023-09-01
            audience: {kinds: [SCHOOL]}
            scale: rag
            sections:
              - key: people
                title: People
                questions:
                  - {key: keep, text: Kept as it is., type: rating}
                  - {key: renamed-again, text: To be renamed., type: rating, replaces: [renamed]}
                  - {key: back-again, text: Dropped in 2 and back in 3., type: rating, replaces: [drop]}
            """;

    static LoadedBanks banks() {
        return BankLoader.load(BankLoaderTest.files("demo/1.yaml", V1, "demo/2.yaml", V2, "demo/3.yaml", V3));
    }

    static List<String> keys(BankComparison.Comparison c, Kind kind) {
        return c.of(kind).stream().flatMap(ch -> (kind == Kind.REMOVED ? ch.before() : ch.after()).stream()).map(BankComparison.QuestionRef::key).toList();
    }

    @Test
    void listsEveryKindOfChangeBetweenAdjacentVersions() {
        LoadedBanks banks = banks();
        List<Version> all = banks.byBank().get("demo").stream().map(LoadedBanks.LoadedVersion::version).toList();
        var c = BankComparison.compare(all, all.get(0), all.get(1));
        assertEquals(List.of("brand-new"), keys(c, Kind.ADDED));
        assertEquals(List.of("drop"), keys(c, Kind.REMOVED));
        assertEquals(List.of("reword"), keys(c, Kind.REWORDED));
        assertEquals(List.of("move"), keys(c, Kind.MOVED));
        assertEquals("People", c.of(Kind.MOVED).get(0).before().get(0).section());
        assertEquals("Places", c.of(Kind.MOVED).get(0).after().get(0).section());
        assertEquals(List.of("renamed"), keys(c, Kind.RENAMED));
        assertEquals(List.of("merged"), keys(c, Kind.MERGED));
        assertEquals(List.of("merge-a", "merge-b"), c.of(Kind.MERGED).get(0).before().stream().map(BankComparison.QuestionRef::key).toList());
        assertEquals(List.of("split-one", "split-two"), keys(c, Kind.SPLIT));
        assertEquals(1, c.of(Kind.SPLIT).size(), "one split change for one old question");
        assertEquals(2, c.unchanged(), "keep and stay");
        assertEquals(7, c.changes().size(), "one change of each kind");
    }

    @Test
    void followsLineageThroughVersionsInBetween() {
        List<Version> all = banks().byBank().get("demo").stream().map(LoadedBanks.LoadedVersion::version).toList();
        var c = BankComparison.compare(all, all.get(0), all.get(2));
        assertEquals(List.of("renamed-again", "back-again"), keys(c, Kind.RENAMED));
        assertEquals("rename-me", c.of(Kind.RENAMED).get(0).before().get(0).key(), "renamed in 2, renamed again in 3");
        assertEquals("drop", c.of(Kind.RENAMED).get(1).before().get(0).key(), "lineage may skip a version");
        assertEquals(List.of(), keys(c, Kind.ADDED));
        assertEquals(false, keys(c, Kind.REMOVED).contains("drop"));
        assertEquals(BankComparison.compare(all, all.get(2), all.get(0)).changes(), c.changes(), "order of choice does not matter");
    }
}
