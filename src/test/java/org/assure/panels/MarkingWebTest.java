package org.assure.panels;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.audit.AuditTrail;
import org.assure.cycles.CycleService;
import org.assure.demo.WholeReturns;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blind double marking and agreement through the pages: blindness, refusals, bad input, submitting once, the figures. */
@MicronautTest(transactional = false)
class MarkingWebTest extends WebTest {
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    @Inject
    PanelWorld worlds;
    @Inject
    Marking marking;
    @Inject
    Panels panels;
    @Inject
    PanelRepositories.Markings markings;
    @Inject
    PanelRepositories.Marks marks;
    @Inject
    AuditTrail audit;
    @Inject
    CycleService cycles;
    @Inject
    WholeReturns wholeReturns;

    private static String marksPath(PanelWorld.World w) {
        return w.casePath() + "/marks";
    }

    private List<Marking.Row> rows(PanelWorld.World w, long caseId) {
        return marking.page(w.adminUser(), w.panelId(), caseId, null).rows();
    }

    /** The marks form as a marker who wants these ratings would fill it: agree where it is the self-rating, else adjust with a comment. */
    private static Map<String, String> wanting(List<Marking.Row> rows, String version, String action, Function<Integer, String> rating,
                                               String comment) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", version);
        f.put("action", action);
        for (int i = 0; i < rows.size(); i++) {
            Marking.Row r = rows.get(i);
            String want = rating.apply(i);
            if (r.hasSelfRating() && want.equals(r.selfRating())) {
                f.put(r.agreeField(), "AGREE");
                f.put(r.commentField(), comment);
            } else {
                if (r.hasSelfRating()) {
                    f.put(r.agreeField(), "ADJUST");
                }
                f.put(r.ratingField(), want);
                f.put(r.commentField(), comment + " " + i);
            }
        }
        return f;
    }

    private static String version(TestBrowser.Page page) {
        Matcher m = VERSION.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    /** Opens the marks page and posts these marks from it. */
    private static TestBrowser.Page mark(TestBrowser b, String path, List<Marking.Row> rows, String action, Function<Integer, String> rating,
                                         String comment) {
        TestBrowser.Page page = b.get(path);
        assertEquals(200, page.status(), page.body());
        return b.post(path, wanting(rows, version(page), action, rating, comment));
    }

    private static Function<Integer, String> all(String rating) {
        return i -> rating;
    }

    @Test
    void aMarkerSeesNoOneElsesMarksUntilTheirOwnAreIn() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        List<Marking.Row> rows = rows(w, w.caseId());
        TestBrowser a = signedIn(w.memberA());
        TestBrowser b = signedIn(w.memberB());
        TestBrowser.Page draft = mark(a, marksPath(w), rows, "save", all("GREEN"), "A-draft-comment");
        assertEquals(303, draft.status(), draft.body());
        assertTrue(a.get(draft.location()).body().contains("A-draft-comment"), "the author sees their own draft");
        TestBrowser.Page in = mark(b, marksPath(w), rows, "submit", i -> i == 0 ? "RED" : "GREEN", "B-submitted-comment");
        assertEquals(303, in.status(), in.body());

        // A has not submitted: no page, no query string, shows B's marks or the case's agreement
        for (String path : List.of(marksPath(w), marksPath(w) + "?done=submitted", marksPath(w) + "?all=true", w.casePath(), w.panelPath(), "/")) {
            String body = a.get(path).body();
            assertFalse(body.contains("B-submitted-comment"), path);
            assertFalse(body.contains("id=\"compared\""), path);
            assertFalse(body.contains("Marker agreement"), path);
        }
        assertTrue(a.get(marksPath(w)).body().contains("You see the other markers' marks once you submit yours"));
        // B has submitted, but A's draft is A's alone; the moderator and admins see submitted marks, never a draft
        for (TestBrowser viewer : List.of(b, signedIn(w.moderator()), signedIn(w.admin()))) {
            String body = viewer.get(marksPath(w)).body();
            assertTrue(body.contains("B-submitted-comment"), body);
            assertFalse(body.contains("A-draft-comment"), body);
        }

        TestBrowser.Page aIn = mark(a, marksPath(w), rows, "submit", all("GREEN"), "A-final-comment");
        assertEquals(303, aIn.status(), aIn.body());
        String after = a.get(aIn.location()).body();
        assertTrue(after.contains("Your marks are in"), after);
        assertTrue(after.contains("B-submitted-comment"), after);
        assertTrue(after.contains("A-final-comment"), after);
        assertTrue(after.contains("Disagreement"), after);
        assertTrue(a.get(w.casePath()).body().contains("Marker agreement on this case"));
        // C, still to mark, sees neither
        String c = signedIn(w.memberC()).get(marksPath(w)).body();
        assertFalse(c.contains("B-submitted-comment") || c.contains("A-final-comment"), c);
    }

    @Test
    void peopleNotEntitledAreRefusedAndNothingIsStored() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        List<Marking.Row> rows = rows(w, w.caseId());
        Map<String, String> form = wanting(rows, "0", "submit", all("GREEN"), "Should not land");

        TestBrowser outsider = signedIn(fixtures.person(w.partnership(), Role.PANEL_MEMBER));
        assertEquals(404, outsider.get(marksPath(w)).status());
        assertEquals(404, outsider.post(marksPath(w), form).status());

        // a member working for the sister school of the same trust: a sibling conflict
        Fixtures.Person sibling = fixtures.person(w.partnership(), Role.PANEL_MEMBER);
        panels.addMember(w.adminUser(), w.panelId(), new Panels.MemberForm(String.valueOf(sibling.id()), String.valueOf(w.sister().id()), null, null));
        TestBrowser conflicted = signedIn(sibling);
        assertEquals(403, conflicted.get(marksPath(w)).status());
        assertEquals(403, conflicted.get(w.casePath()).status());
        assertEquals(403, conflicted.post(marksPath(w), form).status());

        // a declared interest closes the case too
        TestBrowser c = signedIn(w.memberC());
        c.get(w.casePath());
        assertEquals(303, c.post(w.casePath() + "/declare", "declaredReason", "My sister teaches there").status());
        assertEquals(403, c.get(marksPath(w)).status());

        // the moderator and the admin read but do not mark
        TestBrowser moderator = signedIn(w.moderator());
        moderator.get(marksPath(w));
        assertEquals(403, moderator.post(marksPath(w), form).status());
        TestBrowser admin = signedIn(w.admin());
        admin.get(marksPath(w));
        assertEquals(403, admin.post(marksPath(w), form).status());

        // another partnership's panel, and another panel's case under this panel's id
        TestBrowser a = signedIn(w.memberA());
        a.get(marksPath(w));
        assertEquals(404, a.get(marksPath(far)).status());
        assertEquals(404, a.post(marksPath(far), form).status());
        assertEquals(404, a.get(w.panelPath() + "/cases/" + far.caseId() + "/marks").status());
        assertEquals(404, a.post(w.panelPath() + "/cases/" + far.caseId() + "/marks", form).status());

        for (long caseId : List.of(w.caseId(), far.caseId())) {
            assertTrue(markings.findByCaseIdOrderById(caseId).isEmpty(), "no marking stored for case " + caseId);
        }
    }

    @Test
    void badInputIsShownBackWithTheInputKeptAndStoresNothing() {
        PanelWorld.World w = worlds.build(MarkingBy.QUESTION);
        List<Marking.Row> rows = rows(w, w.caseId());
        Marking.Row first = rows.get(0);
        assertTrue(first.hasSelfRating());
        TestBrowser a = signedIn(w.memberA());

        Map<String, String> noRating = wanting(rows, version(a.get(marksPath(w))), "save", all("GREEN"), "Kept comment");
        noRating.put(first.agreeField(), "ADJUST");
        noRating.remove(first.ratingField());
        noRating.put(first.commentField(), "Adjusting without a rating");
        TestBrowser.Page page = a.post(marksPath(w), noRating);
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("select the rating you adjust it to"), page.body());
        assertTrue(page.body().contains("Adjusting without a rating"), "input kept");

        Map<String, String> offScale = wanting(rows, "0", "save", all("GREEN"), "c");
        offScale.put(first.agreeField(), "ADJUST");
        offScale.put(first.ratingField(), "PURPLE");
        page = a.post(marksPath(w), offScale);
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("select a rating from the list"), page.body());

        Map<String, String> unknown = wanting(rows, "0", "save", all("GREEN"), "c");
        unknown.put("agree-not-in-the-bank", "AGREE");
        page = a.post(marksPath(w), unknown);
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("this return does not have"), page.body());

        Map<String, String> tooLong = wanting(rows, "0", "save", all("GREEN"), "c");
        tooLong.put(first.commentField(), "x".repeat(Marking.MAX_COMMENT + 1));
        page = a.post(marksPath(w), tooLong);
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("must be 4,000 characters or fewer"), page.body());

        Map<String, String> noComment = wanting(rows, "0", "submit", all("GREEN"), "c");
        noComment.put(first.agreeField(), "ADJUST");
        noComment.put(first.ratingField(), "RED".equals(first.selfRating()) ? "AMBER" : "RED");
        noComment.remove(first.commentField());
        page = a.post(marksPath(w), noComment);
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("say why you adjust the self-rating"), page.body());

        Map<String, String> unfinished = wanting(rows, "0", "submit", all("GREEN"), "c");
        unfinished.remove(rows.get(rows.size() - 1).agreeField());
        unfinished.remove(rows.get(rows.size() - 1).ratingField());
        page = a.post(marksPath(w), unfinished);
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("select whether you agree with the self-rating or adjust it"), page.body());

        page = a.post(marksPath(w), Map.of("version", "0", "action", "submit", first.agreeField(), "MAYBE"));
        assertEquals(422, page.status(), page.body());

        String script = "<script>alert(1)</script>";
        Map<String, String> hostile = wanting(rows, "0", "save", all("GREEN"), "c");
        hostile.put(first.agreeField(), "ADJUST");
        hostile.remove(first.ratingField());
        hostile.put(first.commentField(), script);
        page = a.post(marksPath(w), hostile);
        assertEquals(422, page.status());
        assertFalse(page.body().contains(script), "escaped");

        assertTrue(markings.findByCaseIdOrderById(w.caseId()).isEmpty(), "nothing stored");
    }

    @Test
    void submittingTwiceChangesThingsOnceAndAStaleTabIsRefused() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        List<Marking.Row> rows = rows(w, w.caseId());
        TestBrowser a = signedIn(w.memberA());
        TestBrowser tab = a.twin();
        String opened = version(tab.get(marksPath(w)));
        assertEquals(303, mark(a, marksPath(w), rows, "save", all("GREEN"), "First tab").status());
        TestBrowser.Page stale = tab.post(marksPath(w), wanting(rows, opened, "save", all("AMBER"), "Second tab"));
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.body().contains("another tab or window"), stale.body());

        TestBrowser.Page page = a.get(marksPath(w));
        Map<String, String> form = wanting(rows, version(page), "submit", all("GREEN"), "Submitted once");
        assertEquals(303, a.post(marksPath(w), form).status());
        TestBrowser.Page again = a.post(marksPath(w), form);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("can no longer be changed"), again.body());
        TestBrowser.Page later = a.post(marksPath(w), wanting(rows, version(page), "save", all("RED"), "Changed my mind"));
        assertEquals(409, later.status());

        PanelRepositories.Marking m = markings.findByCaseIdAndAccountId(w.caseId(), w.memberA().id()).orElseThrow();
        assertTrue(m.submitted());
        assertTrue(marks.findByMarkingIdOrderById(m.id()).stream().allMatch(x -> "GREEN".equals(x.panelRating()) && x.comment().startsWith("Submitted once")));
        var history = audit.history(w.partnership().id(), PanelAudit.KIND, w.panelId());
        assertEquals(1, history.stream().filter(e -> e.is(PanelAudit.MARKS_SUBMITTED)).count());
        assertEquals(1, history.stream().filter(e -> e.is(PanelAudit.MARKS_SAVED)).count());
        String dashboard = a.get("/").body();
        assertTrue(dashboard.contains("Your marks are in"), dashboard);
        assertTrue(dashboard.contains("href=\"" + marksPath(w) + "\""), "a member's case row links to their marks");
        assertTrue(signedIn(w.memberB()).get("/").body().contains("To mark"));
    }

    @Test
    void aCaseNotYetSubmittedCannotBeMarked() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        long returnId = cycles.returnOf(w.cycleId(), w.unsubmitted().id()).orElseThrow();
        panels.addCases(w.adminUser(), w.panelId(), new Panels.CasesForm(Panels.ONE, null, String.valueOf(returnId), "Not submitted"));
        long caseId = panels.page(w.adminUser(), w.panelId()).cases().stream().filter(c -> c.returnId() == returnId).findFirst().orElseThrow().id();
        String path = w.panelPath() + "/cases/" + caseId + "/marks";
        TestBrowser a = signedIn(w.memberA());
        TestBrowser.Page page = a.get(path);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("cannot be marked"), page.body());
        TestBrowser.Page post = a.post(path, "version", "0", "action", "save");
        assertEquals(409, post.status());
        assertTrue(post.body().contains("has not submitted its return yet"), post.body());
        assertTrue(markings.findByCaseIdOrderById(caseId).isEmpty());
    }

    /**
     * Two cases of 14 sections each (the test pins the number). Case 1, three markers: section 0 rated G, A, A (3 pairs,
     * 1 agrees; marginals G 2, A 4); section 1 R, R, G (3 pairs, 1 agrees; R 4, G 2); the other 12 G, G, G (3 pairs
     * each, all agree; G 6 each). Case 2, two markers: section 0 A, G (1 pair, none agrees; A 1, G 1); the other 13
     * G, G (G 2 each).
     */
    @Test
    void agreementFiguresMatchAHandCountedFixture() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        CurrentUser sisterLead = w.user(w.sisterLead(), Roles.LEAD, Set.of(w.sister().id()));
        wholeReturns.submit(sisterLead, w.sisterReturnId(), "Dee Esel", "DSL", 0);
        panels.addCases(w.adminUser(), w.panelId(), new Panels.CasesForm(Panels.ONE, null, String.valueOf(w.sisterReturnId()), "Second case"));
        long second = panels.page(w.adminUser(), w.panelId()).cases().stream().filter(c -> c.returnId() == w.sisterReturnId()).findFirst()
                .orElseThrow().id();
        String secondPath = w.panelPath() + "/cases/" + second + "/marks";
        List<Marking.Row> rows = rows(w, w.caseId());
        List<Marking.Row> secondRows = rows(w, second);
        assertEquals(14, rows.size());
        assertEquals(14, secondRows.size());

        TestBrowser a = signedIn(w.memberA());
        TestBrowser b = signedIn(w.memberB());
        TestBrowser c = signedIn(w.memberC());
        assertEquals(303, mark(a, marksPath(w), rows, "submit", i -> i == 1 ? "RED" : "GREEN", "A").status());
        assertEquals(303, mark(b, marksPath(w), rows, "submit", i -> i == 0 ? "AMBER" : i == 1 ? "RED" : "GREEN", "B").status());
        assertEquals(303, mark(c, marksPath(w), rows, "submit", i -> i == 0 ? "AMBER" : "GREEN", "C").status());
        assertEquals(303, mark(a, secondPath, secondRows, "submit", i -> i == 0 ? "AMBER" : "GREEN", "A").status());
        assertEquals(303, mark(b, secondPath, secondRows, "submit", all("GREEN"), "B").status());

        // case 1: 42 pairs, 1 + 1 + 36 = 38 agree: 90%. Marginals G 2 + 2 + 72 = 76, A 4, R 4 of 84:
        //   p_e = (5776 + 16 + 16) / 7056 = 5808/7056; kappa = (38*168 - 5808) / (7056 - 5808) = 576/1248 = 0.46
        // case 2: 14 pairs, 13 agree: 93%. G 1 + 26 = 27, A 1 of 28: p_e = (729 + 1) / 784;
        //   kappa = (13*56 - 730) / (784 - 730) = -2/54 = -0.04
        // panel: 56 pairs, 51 agree: 91%. G 103, A 5, R 4 of 112: p_e = (10609 + 25 + 16) / 12544 = 10650/12544;
        //   kappa = (51*224 - 10650) / (12544 - 10650) = 774/1894 = 0.41
        String panel = signedIn(w.admin()).get(w.panelPath()).body();
        assertTrue(panel.contains("Marker agreement"), panel);
        String block = panel.substring(panel.indexOf("id=\"agreement\""));
        assertTrue(block.contains("Of <strong>56</strong> pairs"), block);
        assertTrue(block.contains("<strong>51</strong> gave the same rating"), block);
        assertTrue(block.contains("<strong>91%</strong> exact agreement"), block);
        assertTrue(block.contains("kappa, which allows for the agreement two markers would reach by chance, is <strong>0.41</strong> (moderate"), block);
        String byCase = block.substring(block.indexOf("id=\"agreement-by-case\""));
        assertTrue(byCase.matches("(?s).*>42<.*>90%<.*>0\\.46<.*>2<.*>14<.*>93%<.*>-0\\.04<.*>1<.*"), byCase);
        assertTrue(signedIn(w.moderator()).get(w.panelPath()).body().contains("id=\"agreement-by-case\""));
        assertFalse(a.get(w.panelPath()).body().contains("id=\"agreement-by-case\""), "members see each case's figures on the case, not the panel's");

        String caseMarks = a.get(marksPath(w)).body();
        assertTrue(caseMarks.contains("Of <strong>42</strong> pairs") && caseMarks.contains("<strong>90%</strong>") && caseMarks.contains("<strong>0.46</strong>"),
                caseMarks);
        assertTrue(a.get(w.casePath()).body().contains("<strong>90%</strong>"));
    }
}
