package org.assure.chasing;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Text;
import org.assure.organisations.OrganisationKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules page's form, as shown (from the saved rules or as posted, so a form with errors keeps what was
 * typed) and as read back into {@link ChasingRules}. Each ladder shows its steps and one blank step to add;
 * a step's fields are named {@code school-2-days}, {@code agency-1-to} and so on.
 */
public record RulesForm(String reminders, String weeklyCap, String threshold, String critical, List<Ladder> ladders) {
    static final int MAX_STEPS = 8;
    static final int MAX_SUBJECT = 150;

    public record Ladder(String audience, String label, List<Step> steps) {
    }

    public record Step(String prefix, int position, String days, String from, Set<String> to, String subject, String body, boolean panel,
                       boolean formal, boolean added) {
        public boolean sends(String role) {
            return to.contains(role);
        }
    }

    public static List<LadderRecipient> recipients() {
        return List.of(LadderRecipient.values());
    }

    static RulesForm of(ChasingRules r) {
        List<Ladder> ladders = new ArrayList<>();
        for (OrganisationKind kind : List.of(OrganisationKind.SCHOOL, OrganisationKind.AGENCY)) {
            String aud = kind.name().toLowerCase(java.util.Locale.ROOT);
            List<Step> steps = new ArrayList<>();
            for (LadderStep s : r.ladderFor(kind)) {
                Set<String> to = new LinkedHashSet<>();
                s.recipients().forEach(x -> to.add(x.name()));
                steps.add(new Step(aud + "-" + s.position(), s.position(), String.valueOf(s.days()), s.countedFrom().name(), to, s.subject(),
                        s.body(), s.addsToPanelList(), s.formalRequest(), false));
            }
            int next = steps.size() + 1;
            steps.add(new Step(aud + "-" + next, next, "", LadderStep.CountedFrom.DEADLINE.name(), Set.of(), "", "", false, false, true));
            ladders.add(new Ladder(aud, kind == OrganisationKind.SCHOOL ? "Schools and colleges" : "Agencies", steps));
        }
        return new RulesForm(String.join(", ", r.reminderDays().stream().map(String::valueOf).toList()), String.valueOf(r.weeklyCap()),
                r.notMetThreshold() == null ? "" : String.valueOf(r.notMetThreshold()), String.join("\n", r.criticalQuestions()), ladders);
    }

    /** The form as posted, laid out as the page shows it. */
    static RulesForm posted(Map<String, List<String>> f) {
        List<Ladder> ladders = new ArrayList<>();
        for (OrganisationKind kind : List.of(OrganisationKind.SCHOOL, OrganisationKind.AGENCY)) {
            String aud = kind.name().toLowerCase(java.util.Locale.ROOT);
            List<Step> steps = new ArrayList<>();
            for (int i = 1; i <= MAX_STEPS + 1; i++) {
                String p = aud + "-" + i;
                if (!f.containsKey(p + "-days") && !f.containsKey(p + "-subject")) {
                    continue;
                }
                steps.add(new Step(p, i, one(f, p + "-days"), one(f, p + "-from"), new LinkedHashSet<>(f.getOrDefault(p + "-to", List.of())),
                        one(f, p + "-subject"), one(f, p + "-body"), "true".equals(one(f, p + "-panel")), "true".equals(one(f, p + "-formal")),
                        "true".equals(one(f, p + "-added"))));
            }
            ladders.add(new Ladder(aud, kind == OrganisationKind.SCHOOL ? "Schools and colleges" : "Agencies", steps));
        }
        return new RulesForm(one(f, "reminders"), one(f, "weeklyCap"), one(f, "threshold"), one(f, "critical"), ladders);
    }

    /** The rules this form says, or null with the errors on their fields. {@code removed}: the steps ticked for removal. */
    @Nullable ChasingRules read(long cycleId, BankModel.Version bank, Set<String> removed, FormErrors errors) {
        List<Integer> days = new ArrayList<>();
        for (String part : reminders.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Integer d = number(part);
            if (d == null || d < 1 || d > 365) {
                errors.add("reminders", "Enter reminder days as whole numbers from 1 to 365, separated by commas, like 28, 14, 7, 1");
                break;
            }
            if (!days.contains(d)) {
                days.add(d);
            }
        }
        if (days.size() > 10) {
            errors.add("reminders", "Enter at most 10 reminder days");
        }
        days.sort(java.util.Comparator.reverseOrder());
        Integer cap = number(weeklyCap);
        if (cap == null || cap < 1 || cap > 14) {
            errors.add("weeklyCap", "Enter how many emails one person may get from this cycle in a week, from 1 to 14");
        }
        Integer limit = threshold.isBlank() ? null : number(threshold);
        if (!threshold.isBlank() && (limit == null || limit < 0 || limit > 1000)) {
            errors.add("threshold", "Enter the threshold as a whole number from 0 to 1000, or leave it blank to turn it off");
        }
        List<String> criticalKeys = new ArrayList<>();
        for (String key : critical.split("[,\\s]+")) {
            if (key.isBlank()) {
                continue;
            }
            var q = bank.question(key.strip());
            if (q.isEmpty() || q.get().type() != BankModel.QuestionType.RATING) {
                errors.add("critical", "'" + (key.length() > 60 ? key.substring(0, 60) + "…" : key) + "' is not a rating question of "
                        + bank.id() + ": give the keys shown on the bank's page, one a line");
                break;
            }
            if (!criticalKeys.contains(key.strip())) {
                criticalKeys.add(key.strip());
            }
        }
        List<LadderStep> school = ladder(ladders.get(0), removed, errors);
        List<LadderStep> agency = ladder(ladders.get(1), removed, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ChasingRules(cycleId, List.copyOf(days), cap, limit, List.copyOf(criticalKeys), school, agency, true);
    }

    private static List<LadderStep> ladder(Ladder l, Set<String> removed, FormErrors errors) {
        List<LadderStep> steps = new ArrayList<>();
        for (Step s : l.steps()) {
            if (removed.contains(s.prefix()) || (s.added() && s.days().isBlank() && s.subject().isBlank() && s.body().isBlank() && s.to().isEmpty())) {
                continue; // removed, or the blank step to add left blank
            }
            String where = l.label() + ", step " + s.position() + ": ";
            Integer days = number(s.days());
            if (days == null || days < 0 || days > 365) {
                errors.add(s.prefix() + "-days", where + "enter the number of days, from 0 to 365");
            }
            LadderStep.CountedFrom from = Text.parseEnum(LadderStep.CountedFrom.class, s.from());
            if (from == null) {
                errors.add(s.prefix() + "-from", where + "choose what the days count from");
            }
            List<LadderRecipient> to = new ArrayList<>();
            for (String role : s.to()) {
                LadderRecipient r = Text.parseEnum(LadderRecipient.class, role);
                if (r == null) {
                    errors.add(s.prefix() + "-to", where + "choose only the people listed");
                } else if (!to.contains(r)) {
                    to.add(r);
                }
            }
            if (to.isEmpty() && !errors.has(s.prefix() + "-to")) {
                errors.add(s.prefix() + "-to", where + "choose who the step writes to");
            }
            if (s.subject().isBlank() || s.subject().length() > MAX_SUBJECT) {
                errors.add(s.prefix() + "-subject", where + "enter the email's subject, " + MAX_SUBJECT + " characters or fewer");
            }
            if (s.body().isBlank() || s.body().length() > 4000) {
                errors.add(s.prefix() + "-body", where + "enter what the email says, 4,000 characters or fewer");
            }
            if (errors.isEmpty()) {
                steps.add(new LadderStep(steps.size() + 1, days, from, List.copyOf(to), s.subject().strip(), s.body().strip(), s.panel(), s.formal()));
            }
        }
        if (steps.size() > MAX_STEPS) {
            errors.add(l.audience() + "-1-days", l.label() + ": a ladder has at most " + MAX_STEPS + " steps");
        }
        return steps;
    }

    private static @Nullable Integer number(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String one(Map<String, List<String>> f, String name) {
        List<String> values = f.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
