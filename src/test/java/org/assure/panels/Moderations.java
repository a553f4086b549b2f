package org.assure.panels;

import jakarta.inject.Singleton;
import org.assure.access.Roles;
import org.assure.returns.JudgedReturns;
import org.assure.testsupport.Fixtures;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test support: members' submitted marks put in through the repositories (the marking feature's pages are another's), and a moderation confirmed. */
@Singleton
public class Moderations {
    private final PanelRepositories.Markings markings;
    private final PanelRepositories.Marks marks;
    private final JudgedReturns judged;
    private final Moderating moderating;
    private final Clock clock;

    Moderations(PanelRepositories.Markings markings, PanelRepositories.Marks marks, JudgedReturns judged, Moderating moderating, Clock clock) {
        this.markings = markings;
        this.marks = marks;
        this.judged = judged;
        this.moderating = moderating;
        this.clock = clock;
    }

    /** The items of the world's case, as the moderation page lists them (sections). */
    List<Moderating.ItemOf> items(PanelWorld.World w) {
        long submissionId = judged.latestSubmission(w.partnership().id(), w.returnId()).orElseThrow();
        return Moderating.items(judged.read(w.partnership().id(), w.returnId(), submissionId), MarkingBy.SECTION);
    }

    /** A member's marks of every item, submitted: their rating is {@code rating}, with a comment naming them. */
    public void marked(PanelWorld.World w, Fixtures.Person member, String rating) {
        PanelRepositories.Marking m = markings.save(new PanelRepositories.Marking(null, w.partnership().id(), w.caseId(), member.id(), clock.instant(), 0));
        for (Moderating.ItemOf item : items(w)) {
            marks.save(new PanelRepositories.Mark(null, w.partnership().id(), m.id(), item.key(), item.selfRating(), rating, rating.equals(item.selfRating()),
                    "Comment by " + member.email() + " on " + item.key()));
        }
    }

    /** The moderator's fields for a confirmation: every item rated {@code rating}. */
    Map<String, String> fields(PanelWorld.World w, String rating, String outcome, String strengths, String areas, String summary) {
        Map<String, String> f = new LinkedHashMap<>();
        for (Moderating.ItemOf item : items(w)) {
            f.put(Moderating.RATING + item.key(), rating);
        }
        f.put("outcome", outcome);
        f.put("strengths", strengths);
        f.put("areas", areas);
        f.put("summary", summary);
        f.put("intent", "confirm");
        return f;
    }

    /** Two members marked (unless some have) and the moderation confirmed through the service. */
    public void confirmed(PanelWorld.World w, String outcome, String strengths, String areas, String summary) {
        if (markings.findByCaseIdOrderById(w.caseId()).isEmpty()) {
            marked(w, w.memberA(), "GREEN");
            marked(w, w.memberB(), "AMBER");
        }
        Map<String, String> ratings = new LinkedHashMap<>();
        items(w).forEach(i -> ratings.put(i.key(), "GREEN"));
        var moderator = w.user(w.moderator(), Roles.PANEL, Set.of());
        var done = moderating.save(moderator, w.panelId(), w.caseId(), new Moderating.ModerationForm(ratings, outcome, strengths, areas, summary, ""), true);
        if (!done.isValid()) {
            throw new AssertionError(done.errors().getAll().toString());
        }
    }
}
