package org.assure.panels;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Roles;
import org.assure.audit.AuditTrail;
import org.assure.chasing.PanelListing;
import org.assure.kernel.FormErrors;
import org.assure.notify.Outbox;
import org.assure.partnerships.OfficerForms;
import org.assure.partnerships.PartnershipOfficers;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moderator's page: refused before two markers and to others, bad input kept, drafts, confirmation once, not assured raised once. */
@MicronautTest(transactional = false)
class ModerationWebTest extends WebTest {
    @Inject
    PanelWorld worlds;
    @Inject
    Moderations moderations;
    @Inject
    PanelRepositories.Moderations stored;
    @Inject
    PanelRepositories.AgreedRatings agreed;
    @Inject
    PanelRepositories.Findings findings;
    @Inject
    PanelRepositories.Letters letters;
    @Inject
    PanelRepositories.Conflicts conflicts;
    @Inject
    AuditTrail audit;
    @Inject
    PanelListing panelList;
    @Inject
    Outbox outbox;
    @Inject
    PartnershipOfficers officers;

    static String version(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"([0-9]*)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    private static String path(PanelWorld.World w) {
        return w.casePath() + "/moderation";
    }

    @Test
    void moderationWaitsForTwoMarkersSubmitted() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser moderator = signedIn(w.moderator());
        String page = moderator.get(path(w)).body();
        assertTrue(page.contains("id=\"not-ready\"") && page.contains("So far 0 have"), page);
        assertFalse(page.contains("Confirm the moderation"), page);
        var refused = moderator.post(path(w), moderations.fields(w, "GREEN", "ASSURED", "", "", "Fine"));
        assertEquals(409, refused.status(), refused.body());
        moderations.marked(w, w.memberA(), "GREEN");
        assertTrue(moderator.get(path(w)).body().contains("So far 1 has"));
        assertEquals(409, moderator.post(path(w), moderations.fields(w, "GREEN", "ASSURED", "", "", "Fine")).status());
        assertTrue(stored.findByCaseId(w.caseId()).isEmpty());
        moderations.marked(w, w.memberB(), "AMBER");
        String ready = moderator.get(path(w)).body();
        assertTrue(ready.contains("Confirm the moderation") && ready.contains("Comment by " + w.memberA().email())
                && ready.contains("Comment by " + w.memberB().email()), "both markers side by side: " + ready);
    }

    @Test
    void onlyTheModeratorModeratesAndOthersIdsAreNotFound() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        moderations.marked(w, w.memberA(), "GREEN");
        moderations.marked(w, w.memberB(), "GREEN");
        Map<String, String> ok = moderations.fields(w, "GREEN", "ASSURED", "Good", "", "Fine");

        TestBrowser member = signedIn(w.memberA());
        assertEquals(403, member.get(path(w)).status());
        member.get(w.casePath());
        assertEquals(403, member.post(path(w), ok).status(), "a member is not the moderator");

        TestBrowser admin = signedIn(w.admin());
        String read = admin.get(path(w)).body();
        assertTrue(read.contains("id=\"read-only\"") && !read.contains("Confirm the moderation"), read);
        assertEquals(403, admin.post(path(w), ok).status(), "an admin reads but does not moderate");

        TestBrowser farModerator = signedIn(far.moderator());
        assertEquals(404, farModerator.get(path(w)).status(), "another partnership's case");
        assertEquals(404, farModerator.post(path(w), ok).status());
        TestBrowser moderator = signedIn(w.moderator());
        assertEquals(404, moderator.get(w.panelPath() + "/cases/" + far.caseId() + "/moderation").status(), "another panel's case id under this panel");
        assertEquals(404, moderator.get(far.casePath() + "/moderation").status());

        TestBrowser outsider = signedIn(w.memberC());
        assertEquals(403, outsider.get(path(w)).status(), "a member of this panel, not its moderator");
        PanelWorld.World other = worlds.build(MarkingBy.SECTION);
        assertEquals(404, signedIn(other.memberA()).get(path(w)).status(), "a panel member of another partnership");

        conflicts.save(new PanelRepositories.Conflict(null, w.partnership().id(), w.caseId(), w.moderator().id(), ConflictSource.DECLARED, "My sister works there",
                w.moderator().id(), clock.instant(), null, null, null));
        assertEquals(403, moderator.get(path(w)).status(), "a conflicted moderator");
        moderator.get(w.panelPath());
        assertEquals(403, moderator.post(path(w), ok).status());
        assertTrue(stored.findByCaseId(w.caseId()).isEmpty());
    }

    @Test
    void badInputIsRefusedOnItsFieldWithTheInputKept() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        moderations.marked(w, w.memberA(), "GREEN");
        moderations.marked(w, w.memberB(), "AMBER");
        TestBrowser moderator = signedIn(w.moderator());
        moderator.get(path(w));
        var first = moderations.items(w).get(0);
        Map<String, String> bad = moderations.fields(w, "GREEN", "", "2: Strong <b>culture</b>", "99: Nowhere", "");
        bad.put(Moderating.RATING + first.key(), "PURPLE");
        var page = moderator.post(path(w), bad);
        assertEquals(422, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("Choose a rating from the scale for " + first.number() + ". "), body);
        assertTrue(body.contains("Choose the outcome: assured, partly assured or not assured"), body);
        assertTrue(body.contains("Write a summary of the panel&#39;s view") || body.contains("Write a summary of the panel's view"), body);
        assertTrue(body.contains("There is no 99 in this return"), body);
        assertTrue(body.contains("2: Strong &lt;b&gt;culture&lt;/b&gt;") && body.contains("99: Nowhere"), "typed text kept, escaped: " + body);
        assertFalse(body.contains("Exception"), body);

        moderator.get(path(w));
        Map<String, String> crafted = moderations.fields(w, "GREEN", "MAYBE' OR 1=1", "", "", "Summary");
        var craftedPage = moderator.post(path(w), crafted);
        assertEquals(422, craftedPage.status());
        assertTrue(craftedPage.body().contains("Choose the outcome"), craftedPage.body());

        moderator.get(path(w));
        Map<String, String> missing = moderations.fields(w, "GREEN", "ASSURED", "", "", "Summary");
        missing.remove(Moderating.RATING + first.key());
        var missingPage = moderator.post(path(w), missing);
        assertEquals(422, missingPage.status());
        assertTrue(missingPage.body().contains("Choose the agreed rating for " + first.number() + ". "), missingPage.body());
        assertTrue(stored.findByCaseId(w.caseId()).isEmpty(), "nothing saved");
        assertTrue(agreed.findByCaseIdOrderById(w.caseId()).isEmpty());
    }

    @Test
    void aDraftThenAConfirmationThatChangesThingsOnceAndAChangeAudited() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        moderations.marked(w, w.memberA(), "GREEN");
        moderations.marked(w, w.memberB(), "AMBER");
        TestBrowser moderator = signedIn(w.moderator());
        moderator.get(path(w));
        Map<String, String> draft = new LinkedHashMap<>(Map.of("outcome", "PARTLY_ASSURED", "strengths", "Clear policies", "intent", "draft"));
        var drafted = moderator.post(path(w), draft);
        assertEquals(303, drafted.status(), drafted.body());
        PanelRepositories.Moderation m = stored.findByCaseId(w.caseId()).orElseThrow();
        assertNull(m.outcome(), "a draft does not count as moderated");
        assertEquals(CaseOutcome.PARTLY_ASSURED, m.draftOutcome());
        assertTrue(letters.findByCaseId(w.caseId()).isEmpty(), "no letter from a draft");
        String again = moderator.get(path(w)).body();
        assertTrue(again.contains("Clear policies") && again.contains("value=\"PARTLY_ASSURED\" checked"), again);

        var first = moderations.items(w).get(0);
        Map<String, String> confirm = moderations.fields(w, "AMBER", "PARTLY_ASSURED", "Clear policies\n" + first.number() + ": Thorough records",
                "Train governors\nAudit the single central record", "A sound return with gaps in governance.");
        confirm.put("version", version(again));
        var confirmed = moderator.post(path(w), confirm);
        assertEquals(303, confirmed.status(), confirmed.body());
        assertTrue(moderator.follow(confirmed).body().contains("The moderation has been confirmed"));
        m = stored.findByCaseId(w.caseId()).orElseThrow();
        assertEquals(CaseOutcome.PARTLY_ASSURED, m.outcome());
        assertEquals(moderations.items(w).size(), agreed.findByCaseIdOrderById(w.caseId()).size());
        var found = findings.findByCaseIdOrderByPosition(w.caseId());
        assertEquals(4, found.size(), "one row a finding");
        assertEquals(first.key(), found.get(1).itemKey());
        assertEquals("Thorough records", found.get(1).text());
        assertEquals(FindingKind.AREA_TO_IMPROVE, found.get(2).kind());
        assertTrue(letters.findByCaseId(w.caseId()).isPresent(), "the letter is written on confirmation");

        // the same confirmation posted again (the old version): refused, nothing changes
        moderator.get(path(w));
        var twice = moderator.post(path(w), confirm);
        assertEquals(409, twice.status(), twice.body());
        assertEquals(1, audit.history(w.partnership().id(), PanelAudit.KIND, w.panelId()).stream().filter(e -> e.is(PanelAudit.MODERATED)).count());

        // a confirmed moderation can be changed: the audit keeps before and after
        String now = moderator.get(path(w)).body();
        assertFalse(now.contains("Save as draft"), "a confirmed moderation is not put back to draft");
        confirm.put("version", version(now));
        confirm.put("summary", "A sound return; governance needs attention.");
        assertEquals(303, moderator.post(path(w), confirm).status());
        var events = audit.history(w.partnership().id(), PanelAudit.KIND, w.panelId()).stream().filter(e -> e.is(PanelAudit.MODERATED)).toList();
        assertEquals(2, events.size());
        String history = events.toString();
        assertTrue(history.contains("A sound return with gaps in governance.") && history.contains("A sound return; governance needs attention."), history);
    }

    @Test
    void notAssuredRaisesNonComplianceOnce() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        officers.add(w.adminUser(), new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Sam Exec", "exec" + w.panelId() + "@partnership.test", "0"),
                FormErrors.none());
        moderations.marked(w, w.memberA(), "RED");
        moderations.marked(w, w.memberB(), "RED");
        TestBrowser moderator = signedIn(w.moderator());
        String page = moderator.get(path(w)).body();
        Map<String, String> confirm = moderations.fields(w, "RED", "NOT_ASSURED", "", "Everything", "Not assured: the evidence is missing.");
        confirm.put("version", version(page));
        assertEquals(303, moderator.post(path(w), confirm).status());
        page = moderator.get(path(w)).body();
        confirm.put("version", version(page));
        confirm.put("summary", "Not assured: the evidence is missing throughout.");
        assertEquals(303, moderator.post(path(w), confirm).status());
        long emails = outbox.recent(w.partnership().id()).stream().filter(e -> e.recipient().startsWith("exec" + w.panelId())
                && e.subject().contains("not assured")).count();
        assertEquals(1, emails, "the executive is told once");
        long listed = panelList.entries(w.cycleId()).stream().filter(e -> e.returnId() == w.returnId()
                && PanelListing.NON_COMPLIANCE.equals(e.reason())).count();
        assertEquals(1, listed);
    }
}
