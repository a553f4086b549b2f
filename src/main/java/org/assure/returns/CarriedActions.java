package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.assure.banks.BankComparison;
import org.assure.banks.BankModel;
import org.assure.banks.LoadedBanks;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Dates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open actions from the organisation's earlier cycles of the same bank, placed next to the questions of this return they
 * came from (ADR 0039). The question is followed through the bank's lineage as answers are ({@link CarryForward}): renamed,
 * moved, merged or split; a split question shows the action on each part. An action whose question this version no longer
 * asks, or whose version is not known, is listed apart with the reason. Panel actions name a section, not a question.
 */
@Singleton
public class CarriedActions {
    private final EarlierActions earlier;
    private final QuestionBanks banks;
    private final CycleLookup cycles;

    CarriedActions(EarlierActions earlier, QuestionBanks banks, CycleLookup cycles) {
        this.earlier = earlier;
        this.banks = banks;
        this.cycles = cycles;
    }

    /** One carried action as the task list and section pages show it; {@code why}: for an unmatched one, why it has no place. */
    public record Line(long id, String what, String due, String status, String statusColour, boolean overdue, String from, String why) {
        public String path() {
            return "/actions/" + id;
        }
    }

    public record Carried(Map<String, List<Line>> byQuestion, Map<String, List<Line>> bySection, List<Line> unmatched) {
        public static final Carried NONE = new Carried(Map.of(), Map.of(), List.of());

        public List<Line> forQuestion(String key) {
            return byQuestion.getOrDefault(key, List.of());
        }

        /** What shows under a section on the task list: its questions' carried actions and the section's own. */
        public List<Line> forSection(BankModel.Section section) {
            Set<Line> all = new LinkedHashSet<>(bySection.getOrDefault(section.key(), List.of()));
            section.questions().forEach(q -> all.addAll(forQuestion(q.key())));
            return List.copyOf(all);
        }

        public List<Line> sectionOwn(String sectionKey) {
            return bySection.getOrDefault(sectionKey, List.of());
        }

        /** Every carried action that has a place on this return, once each (a split question shows it on each part). */
        public List<Line> matched() {
            Set<Line> all = new LinkedHashSet<>();
            byQuestion.values().forEach(all::addAll);
            bySection.values().forEach(all::addAll);
            return List.copyOf(all);
        }

        public boolean any() {
            return !byQuestion.isEmpty() || !bySection.isEmpty() || !unmatched.isEmpty();
        }
    }

    public Carried of(ReturnContext ctx) {
        List<EarlierActions.Open> open = earlier.openOn(ctx.ret().partnershipId(), ctx.organisation().id(), ctx.cycle().bankKey(), ctx.cycle().id());
        if (open.isEmpty()) {
            return Carried.NONE;
        }
        BankModel.Version to = ctx.bank();
        List<BankModel.Version> between = banks.banks().byBank().getOrDefault(to.bank(), List.of()).stream()
                .map(LoadedBanks.LoadedVersion::version).toList();
        Map<String, Map<String, Set<String>>> descendantsByVersion = new HashMap<>();
        Map<String, List<Line>> byQuestion = new LinkedHashMap<>();
        Map<String, List<Line>> bySection = new LinkedHashMap<>();
        List<Line> unmatched = new ArrayList<>();
        Map<Long, Boolean> earlierCycle = new HashMap<>();
        for (EarlierActions.Open a : open) {
            // only what was promised before this cycle opened: a later cycle's actions are not this return's past
            if (!earlierCycle.computeIfAbsent(a.cycleId(), id -> cycles.terms(id).opensOn().isBefore(ctx.cycle().opensOn())
                    || cycles.terms(id).opensOn().equals(ctx.cycle().opensOn()) && id < ctx.cycle().id())) {
                continue;
            }
            BankModel.Version from = banks.banks().find(to.bank(), a.bankVersion()).map(LoadedBanks.LoadedVersion::version).orElse(null);
            if (from == null || from.effectiveFrom().isAfter(to.effectiveFrom())) {
                unmatched.add(line(a, "", "it was written on version " + a.bankVersion() + " of the bank, which this version does not follow from"));
                continue;
            }
            if (a.questionKey() == null) {
                String title = sectionTitle(from, a.sectionKey());
                if (a.sectionKey() != null && to.sections().stream().anyMatch(s -> s.key().equals(a.sectionKey()))) {
                    bySection.computeIfAbsent(a.sectionKey(), k -> new ArrayList<>()).add(line(a, title, ""));
                } else {
                    unmatched.add(line(a, title, a.sectionKey() == null ? "it is not tied to a question or a section"
                            : "its section, “" + title + "”, is not in this version of the bank"));
                }
                continue;
            }
            Set<String> now = descendantsByVersion.computeIfAbsent(a.bankVersion(), v -> descendants(between, from, to)).getOrDefault(a.questionKey(), Set.of());
            String asked = from.question(a.questionKey()).map(BankModel.Question::text).orElse(a.questionKey());
            if (now.isEmpty()) {
                unmatched.add(line(a, asked, "its question, “" + asked + "”, is no longer asked: nothing in this version descends from it"));
            } else {
                for (String key : now) {
                    byQuestion.computeIfAbsent(key, k -> new ArrayList<>()).add(line(a, asked, ""));
                }
            }
        }
        return new Carried(byQuestion, bySection, unmatched);
    }

    /** Old question key → the questions of {@code to} that descend from it (the lineage read the other way). */
    private static Map<String, Set<String>> descendants(List<BankModel.Version> between, BankModel.Version from, BankModel.Version to) {
        Map<String, Set<String>> down = new HashMap<>();
        BankComparison.ancestors(between, from, to).forEach((now, olds) -> olds.forEach(o -> down.computeIfAbsent(o, k -> new LinkedHashSet<>()).add(now)));
        return down;
    }

    private static String sectionTitle(BankModel.Version v, @Nullable String key) {
        return key == null ? "" : v.sections().stream().filter(s -> s.key().equals(key)).map(BankModel.Section::title).findFirst().orElse(key);
    }

    private static Line line(EarlierActions.Open a, String from, String why) {
        return new Line(a.id(), a.what(), Dates.date(a.dueOn()), a.status(), a.statusColour(), a.overdue(), from, why);
    }
}
