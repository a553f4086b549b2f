package org.assure.chasing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.chasing.ChasingRepositories.RulesRow;
import org.assure.chasing.ChasingRepositories.StepRow;
import org.assure.organisations.OrganisationKind;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A cycle's chasing rules as stored, or the defaults while no admin has changed them. */
@Singleton
class RulesStore {
    private final ChasingRepositories.Rules rules;
    private final ChasingRepositories.Steps steps;
    private final Clock clock;

    RulesStore(ChasingRepositories.Rules rules, ChasingRepositories.Steps steps, Clock clock) {
        this.rules = rules;
        this.steps = steps;
        this.clock = clock;
    }

    @Transactional
    ChasingRules of(long cycleId) {
        return rules.findById(cycleId).map(row -> {
            List<LadderStep> schools = new ArrayList<>();
            List<LadderStep> agencies = new ArrayList<>();
            for (StepRow s : steps.findByCycleIdOrderByPosition(cycleId)) {
                (OrganisationKind.SCHOOL.name().equals(s.audience()) ? schools : agencies).add(step(s));
            }
            return new ChasingRules(cycleId, ints(row.reminderDays()), row.weeklyCap(), row.notMetThreshold(), words(row.criticalQuestions()),
                    List.copyOf(schools), List.copyOf(agencies), true);
        }).orElseGet(() -> ChasingRules.defaults(cycleId));
    }

    /** Replaces the cycle's rules and ladders. The caller has checked them. */
    @Transactional
    void save(long partnershipId, ChasingRules r, long by) {
        RulesRow row = new RulesRow(r.cycleId(), partnershipId, join(r.reminderDays()), r.weeklyCap(), r.notMetThreshold(),
                String.join(",", r.criticalQuestions()), by, clock.instant(), 0);
        if (rules.existsById(r.cycleId())) {
            rules.update(row);
        } else {
            rules.save(row);
        }
        steps.deleteByCycleId(r.cycleId());
        List<StepRow> rows = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (LadderStep s : r.ladderFor(kind)) {
                rows.add(new StepRow(null, r.cycleId(), partnershipId, kind.name(), s.position(), s.days(), s.countedFrom().name(),
                        String.join(",", s.recipients().stream().map(Enum::name).toList()), s.subject(), s.body(), s.addsToPanelList(),
                        s.formalRequest()));
            }
        }
        steps.saveAll(rows);
    }

    private static LadderStep step(StepRow s) {
        return new LadderStep(s.position(), s.days(), LadderStep.CountedFrom.valueOf(s.countedFrom()),
                words(s.recipients()).stream().map(LadderRecipient::valueOf).toList(), s.subject(), s.body(), s.addsToPanelList(),
                s.formalRequest());
    }

    static List<Integer> ints(String csv) {
        return words(csv).stream().map(Integer::parseInt).toList();
    }

    static List<String> words(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    static String join(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }
}
