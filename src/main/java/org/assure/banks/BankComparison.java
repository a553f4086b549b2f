package org.assure.banks;

import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a bank, in words a content author uses: added, removed,
 * reworded, moved, and carried by lineage (renamed, merged, split). Lineage is followed through any
 * versions in between, so comparing 2018 with 2025 accounts for what 2023 renamed.
 */
public final class BankComparison {

    public enum Kind {
        ADDED("Added"), REMOVED("Removed"), REWORDED("Reworded"), MOVED("Moved to another section"),
        RENAMED("Renamed (answers carry forward)"), MERGED("Merged (answers carry forward)"), SPLIT("Split (answers carry forward)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One change: the questions it concerns on each side, with their text and sections. */
    public record Change(Kind kind, List<QuestionRef> before, List<QuestionRef> after) {
    }

    public record QuestionRef(String key, String text, String section) {
    }

    public record Comparison(Version from, Version to, List<Change> changes) {
        public List<Change> of(Kind kind) {
            return changes.stream().filter(c -> c.kind() == kind).toList();
        }

        public int unchanged() {
            Set<String> touched = new LinkedHashSet<>();
            changes.forEach(c -> c.after().forEach(q -> touched.add(q.key())));
            return (int) to.questions().stream().filter(q -> !touched.contains(q.key())).count();
        }
    }

    private BankComparison() {
    }

    /** Compares two versions of one bank; {@code between} are the bank's versions in effective order. */
    public static Comparison compare(List<Version> between, Version from, Version to) {
        if (to.effectiveFrom().isBefore(from.effectiveFrom())) {
            return compare(between, to, from);
        }
        Map<String, Section> fromSections = from.sectionOfQuestion();
        Map<String, Section> toSections = to.sectionOfQuestion();
        Map<String, Set<String>> ancestors = ancestors(between, from, to);
        Map<String, List<String>> descendants = new LinkedHashMap<>();
        ancestors.forEach((key, olds) -> olds.forEach(old -> descendants.computeIfAbsent(old, k -> new ArrayList<>()).add(key)));

        List<Change> changes = new ArrayList<>();
        Set<String> splitsReported = new LinkedHashSet<>();
        for (Question q : to.questions()) {
            Set<String> olds = ancestors.get(q.key());
            QuestionRef now = ref(q, toSections);
            if (olds.isEmpty()) {
                changes.add(new Change(Kind.ADDED, List.of(), List.of(now)));
            } else if (olds.equals(Set.of(q.key()))) {
                Question before = from.question(q.key()).orElseThrow();
                QuestionRef then = ref(before, fromSections);
                if (!before.text().equals(q.text())) {
                    changes.add(new Change(Kind.REWORDED, List.of(then), List.of(now)));
                }
                if (!fromSections.get(q.key()).key().equals(toSections.get(q.key()).key())) {
                    changes.add(new Change(Kind.MOVED, List.of(then), List.of(now)));
                }
            } else if (olds.size() > 1) {
                changes.add(new Change(Kind.MERGED, refs(from, olds, fromSections), List.of(now)));
            } else {
                String old = olds.iterator().next();
                List<String> parts = descendants.get(old);
                if (parts.size() > 1) {
                    if (splitsReported.add(old)) {
                        changes.add(new Change(Kind.SPLIT, refs(from, Set.of(old), fromSections), refs(to, parts, toSections)));
                    }
                } else {
                    changes.add(new Change(Kind.RENAMED, refs(from, olds, fromSections), List.of(now)));
                }
            }
        }
        for (Question old : from.questions()) {
            if (!descendants.containsKey(old.key())) {
                changes.add(new Change(Kind.REMOVED, List.of(ref(old, fromSections)), List.of()));
            }
        }
        return new Comparison(from, to, List.copyOf(changes));
    }

    /**
     * For every question of {@code to}, the keys of the earlier {@code from} it descends from (empty when
     * new): what carrying answers forward follows. {@code between} are the bank's versions.
     */
    public static Map<String, Set<String>> ancestors(List<Version> between, Version from, Version to) {
        List<Version> chain = between.stream()
                .filter(v -> !v.effectiveFrom().isBefore(from.effectiveFrom()) && !v.effectiveFrom().isAfter(to.effectiveFrom()))
                .sorted(Comparator.comparing(Version::effectiveFrom)).toList();
        Set<String> fromKeys = from.sectionOfQuestion().keySet();
        Map<String, Set<String>> ancestors = new LinkedHashMap<>();
        for (Question q : to.questions()) {
            ancestors.put(q.key(), ancestorsIn(chain, q.key(), fromKeys));
        }
        return ancestors;
    }

    /**
     * The keys of {@code from} a question of the last version descends from. Walking back one version
     * at a time: a question's parents are its lineage, or its own key when it has none; a key a version
     * does not have is carried further back, since lineage may point at any earlier version.
     */
    private static Set<String> ancestorsIn(List<Version> chain, String key, Set<String> fromKeys) {
        Set<String> frontier = new LinkedHashSet<>(Set.of(key));
        for (int i = chain.size() - 1; i > 0; i--) {
            Version version = chain.get(i);
            Set<String> previous = new LinkedHashSet<>();
            for (String k : frontier) {
                var question = version.question(k);
                if (question.isEmpty()) {
                    previous.add(k);
                } else if (!question.get().replaces().isEmpty()) {
                    previous.addAll(question.get().replaces());
                } else if (question.get().splitFrom() != null) {
                    previous.add(question.get().splitFrom());
                } else {
                    previous.add(k);
                }
            }
            frontier = previous;
        }
        frontier.retainAll(fromKeys);
        return frontier;
    }

    private static QuestionRef ref(Question q, Map<String, Section> sections) {
        return new QuestionRef(q.key(), q.text(), sections.get(q.key()).title());
    }

    private static List<QuestionRef> refs(Version version, Iterable<String> keys, Map<String, Section> sections) {
        List<QuestionRef> refs = new ArrayList<>();
        keys.forEach(k -> version.question(k).ifPresent(q -> refs.add(ref(q, sections))));
        return refs;
    }
}
