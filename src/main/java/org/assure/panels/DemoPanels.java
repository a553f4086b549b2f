package org.assure.panels;

import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.kernel.Dates;
import org.assure.kernel.Validated;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's panels (issue 12), seeded through the same services the pages use: two Section 175/157 assurance panels
 * whose cases are in every state — the autumn one has met (moderated, letter sent, a challenge awaiting the school's
 * answer), the spring one is to come (unmarked, one marker done, a disagreement, the dip sample's picks not yet
 * submitted, a conflict of interest) — and a Section 11 scrutiny day with every agency. The demo data calls it;
 * it lives here because it needs the panel features' own form shapes.
 */
@Singleton
public class DemoPanels {
    private final Panels panels;
    private final Marking marking;
    private final Moderating moderating;
    private final OutcomeLetters letters;
    private final CaseChallenges challenges;
    private final Clock clock;

    DemoPanels(Panels panels, Marking marking, Moderating moderating, OutcomeLetters letters, CaseChallenges challenges, Clock clock) {
        this.panels = panels;
        this.marking = marking;
        this.moderating = moderating;
        this.letters = letters;
        this.challenges = challenges;
        this.clock = clock;
    }

    /** Who sits on the demo panels: the moderator and members (Rita is panel@example.org), and where two of them work. */
    public record People(CurrentUser moderator, CurrentUser rita, CurrentUser ian, CurrentUser dan, CurrentUser sarah, long police,
                         long sarahsSchool) {
    }

    /** The schools' returns the panel hears, by the state each case is left in (all submitted but {@code conflicted}). */
    public record SchoolCases(long unmarked, long oneMarker, long disagreement, long moderated, long letterSent, long challenged,
                              long conflicted) {
    }

    public void seed(CurrentUser admin, People people, long schoolsCycle, SchoolCases schools, long agenciesCycle, long probationReturn) {
        LocalDate today = Dates.today(clock);
        // the autumn panel has met: its cases moderated, one letter sent, a school still to answer the panel's challenges
        long metId = create(admin, schoolsCycle, "Schools assurance panel – autumn term", PanelKind.ASSURANCE, today.minusDays(6),
                "Committee Room 2, Northbridge Civic Centre", today.minusDays(10), people.moderator());
        for (CurrentUser member : List.of(people.ian(), people.dan())) {
            check(panels.addMember(admin, metId, new Panels.MemberForm(String.valueOf(member.accountId()), null, null, null)));
        }
        Map<Long, Long> met = cases(admin, metId, Map.of(
                schools.moderated(), "New headteacher since September; the board asked for assurance",
                schools.letterSent(), "Follow-up of last year's panel actions",
                schools.challenged(), "Concerns raised through the LADO about supervision of staff"));
        moderated(people, metId, met.get(schools.moderated()), "PARTLY_ASSURED",
                "Safer recruitment checks are thorough and the single central record is complete.\nStaff training is up to date and recorded.",
                "Record how concerns about staff are passed to the LADO within one working day.\nGovernors to review filtering and monitoring termly.",
                "A largely sound return. The panel wants assurance that low-level concerns are recorded and reviewed.");
        long sentCase = met.get(schools.letterSent());
        moderated(people, metId, sentCase, "ASSURED", "Clear leadership of safeguarding by the DSL and the governing board.",
                "Keep the attendance follow-up log current.", "The panel is assured that the school keeps children safe.");
        letters.approve(people.moderator(), metId, sentCase);
        letters.send(admin, metId, sentCase);
        // marked by both; the panel asked for more before it decides, due in ten days
        long challenged = met.get(schools.challenged());
        mark(people.ian(), metId, challenged, null, true);
        mark(people.dan(), metId, challenged, null, true);
        check(challenges.draft(people.ian(), metId, challenged, new CaseChallenges.DraftForm("QUESTION", "",
                "How does the school make sure supervision of staff who work with children one-to-one is recorded and reviewed?")));
        check(challenges.draft(people.dan(), metId, challenged, new CaseChallenges.DraftForm("EVIDENCE", "",
                "Please send the last two terms' safeguarding reports to governors.")));
        LocalDate due = today.plusDays(10);
        check(challenges.release(people.moderator(), metId, challenged, new CaseChallenges.ReleaseForm(String.valueOf(due.getDayOfMonth()),
                String.valueOf(due.getMonthValue()), String.valueOf(due.getYear()))));

        // the spring panel is to come: this year's dip sample, the non-compliant school and two more; marking under way
        long panelId = create(admin, schoolsCycle, "Schools assurance panel – spring term", PanelKind.ASSURANCE, today.plusDays(21), "Committee Room 2, "
                + "Northbridge Civic Centre", today.plusDays(14), people.moderator());
        for (CurrentUser member : List.of(people.rita(), people.ian(), people.dan())) {
            check(panels.addMember(admin, panelId, new Panels.MemberForm(String.valueOf(member.accountId()), null, null, null)));
        }
        check(panels.addMember(admin, panelId, new Panels.MemberForm(String.valueOf(people.sarah().accountId()), String.valueOf(people.sarahsSchool()),
                null, null)));
        List<String> listed = panels.page(admin, panelId).listed().stream().map(Panels.Choice::value)
                .filter(id -> !met.containsKey(Long.parseLong(id))).toList();
        if (!listed.isEmpty()) {
            check(panels.addCases(admin, panelId, new Panels.CasesForm(Panels.FROM_LIST, listed, null, null)));
        }
        Map<Long, Long> caseOf = cases(admin, panelId, Map.of(
                schools.unmarked(), "Submitted early; the partnership's annual check of a maintained school",
                schools.oneMarker(), "Second year running with Amber ratings on safer recruitment",
                schools.conflicted(), "A trust school the LADO has asked about",
                schools.disagreement(), "More Red ratings than the partnership's threshold"));
        // one marker done: Ian's marks are in; Rita (panel@example.org) still to mark
        mark(people.ian(), panelId, caseOf.get(schools.oneMarker()), null, true);
        // a disagreement: Ian agrees with every self-rating, Dan marks the school down; Rita has started
        mark(people.ian(), panelId, caseOf.get(schools.disagreement()), null, true);
        mark(people.dan(), panelId, caseOf.get(schools.disagreement()), "RED", true);
        mark(people.rita(), panelId, caseOf.get(schools.disagreement()), null, false);

        // the Section 11 scrutiny day: every agency examines its own return; the probation service's is in, Ian has marked it
        long dayId = create(admin, agenciesCycle, "Section 11 scrutiny day", PanelKind.SCRUTINY_DAY, today.plusDays(35),
                "Northbridge Civic Centre, Council Chamber", today.plusDays(28), people.moderator());
        for (CurrentUser member : List.of(people.rita(), people.ian())) {
            check(panels.addMember(admin, dayId, new Panels.MemberForm(String.valueOf(member.accountId()), null, null, null)));
        }
        // a police officer on the day: a conflict with the force's own case, worked out from where they work
        check(panels.addMember(admin, dayId, new Panels.MemberForm(String.valueOf(people.dan().accountId()), String.valueOf(people.police()), null,
                null)));
        check(panels.addCases(admin, dayId, new Panels.CasesForm(Panels.ALL_AGENCIES, null, null, null)));
        panels.page(admin, dayId).cases().stream().filter(c -> c.returnId() == probationReturn).findFirst()
                .ifPresent(c -> mark(people.ian(), dayId, c.id(), null, true));
    }

    /** Puts these returns before the panel by hand (one already before it keeps its reason); every case of the panel by return. */
    private Map<Long, Long> cases(CurrentUser admin, long panelId, Map<Long, String> byHand) {
        for (Map.Entry<Long, String> e : new java.util.TreeMap<>(byHand).entrySet()) {
            check(panels.addCases(admin, panelId, new Panels.CasesForm(Panels.ONE, null, String.valueOf(e.getKey()), e.getValue())));
        }
        Map<Long, Long> caseOf = new LinkedHashMap<>();
        panels.page(admin, panelId).cases().forEach(c -> caseOf.put(c.returnId(), c.id()));
        return caseOf;
    }

    private long create(CurrentUser admin, long cycleId, String name, PanelKind kind, LocalDate meets, String place, LocalDate due, CurrentUser moderator) {
        return check(panels.create(admin, new Panels.PanelForm(String.valueOf(cycleId), name, kind.name(), String.valueOf(meets.getDayOfMonth()),
                String.valueOf(meets.getMonthValue()), String.valueOf(meets.getYear()), place, String.valueOf(due.getDayOfMonth()),
                String.valueOf(due.getMonthValue()), String.valueOf(due.getYear()), MarkingBy.SECTION.name(), String.valueOf(moderator.accountId()))));
    }

    /**
     * A member's marks through the marks form: agreeing with every self-rating, or ({@code adjustTo}) adjusting every
     * Green self-rating to that rating with a comment; submitted or left as a draft.
     */
    private void mark(CurrentUser member, long panelId, long caseId, String adjustTo, boolean submit) {
        Marking.MarksPage page = marking.page(member, panelId, caseId, null);
        Map<String, List<String>> posted = new LinkedHashMap<>();
        posted.put("version", List.of(String.valueOf(page.version())));
        posted.put("action", List.of(submit ? Marking.SUBMIT : "save"));
        for (Marking.Row row : page.rows()) {
            if (!row.hasSelfRating()) {
                posted.put(row.ratingField(), List.of("GREEN"));
            } else if (adjustTo != null && "GREEN".equals(row.selfRating())) {
                posted.put(row.agreeField(), List.of(Marking.ADJUST));
                posted.put(row.ratingField(), List.of(adjustTo));
                posted.put(row.commentField(), List.of("The evidence is a policy only: no record that it is followed."));
            } else {
                posted.put(row.agreeField(), List.of(Marking.AGREE));
            }
        }
        check(marking.save(member, panelId, caseId, posted));
    }

    private void moderated(People people, long panelId, long caseId, String outcome, String strengths, String areas, String summary) {
        mark(people.ian(), panelId, caseId, null, true);
        mark(people.dan(), panelId, caseId, null, true);
        Moderating.ModerationForm form = moderating.formOf(people.moderator(), panelId, caseId);
        Map<String, String> ratings = new LinkedHashMap<>();
        moderating.page(people.moderator(), panelId, caseId).items().forEach(i -> ratings.put(i.key(),
                i.selfRating() == null || i.selfRating().isBlank() || i.selfRating().startsWith("No") ? "GREEN" : code(i.selfRating())));
        check(moderating.save(people.moderator(), panelId, caseId, new Moderating.ModerationForm(ratings, outcome, strengths, areas, summary,
                form.version()), true));
    }

    /** The moderation page shows self-ratings by label; the demo agrees them, so back to the code. */
    private static String code(String label) {
        String l = label.toUpperCase(java.util.Locale.ROOT);
        return l.startsWith("RED") ? "RED" : l.startsWith("AMBER") ? "AMBER" : l.startsWith("NOT APPLICABLE") ? "NA" : "GREEN";
    }

    private static <T> T check(Validated<T> done) {
        if (!done.isValid()) {
            throw new IllegalStateException("Demo panels: " + done.errors().getAll());
        }
        return done.value();
    }

    /** A panel person as the services see them. */
    public static CurrentUser panelPerson(long accountId, long partnershipId, String partnershipName, String email, String name) {
        return new CurrentUser(accountId, partnershipId, partnershipName, email, name, Set.of(Roles.PANEL), Set.of());
    }
}
