package org.assure.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.access.RouteAccess;
import org.assure.banks.QuestionBanks;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.ReturnFilling;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state-changing form carries a one-time form id (issue 9, item 12): the POST routes come from the running
 * application's router, as in the route × role test, and each must be the action of a form on one of the pages
 * below, shown in the state that offers it (a draft, open and closed cycle; an archived organisation; a complete
 * and a submitted return; a conflict; invitation and reset links), and every post form on those pages carries an
 * id. A new POST route fails here until the page that shows its form is visited below.
 */
@MicronautTest(transactional = false)
class EveryFormCarriesAFormIdWebTest extends WebTest {
    private static final String SECTION = "/sections/leadership";
    /** POST routes that no page's form posts to (none today: a route here needs a reason beside it). */
    private static final Set<String> NOT_FORMS = Set.of();
    @Inject
    Router router;
    @Inject
    org.assure.panels.PanelWorld panelWorld;
    @Inject
    QuestionBanks banks;
    @Inject
    org.assure.actions.ActionWorld actionWorld;
    @Inject
    Emails emails;
    @Inject
    org.assure.panels.Moderations moderations;

    /** Each post form seen: the page it was on, and the form. */
    private final Map<String, List<TestBrowser.Form>> formsByPage = new LinkedHashMap<>();

    @BeforeAll
    void visitEveryPageWithAForm() {
        Partnership p = fixtures.partnership();
        Fixtures.Person adminPerson = fixtures.admin(p);
        Organisation schoolA = fixtures.school(p);
        Organisation schoolB = fixtures.school(p);
        Organisation agency = fixtures.agency(p);
        fixtures.school(p); // no lead account, only a DSL contact: the draft cycle's page offers to invite its lead
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, schoolA, schoolB);
        Fixtures.Person otherLead = fixtures.person(p, Role.ORGANISATION_LEAD, schoolA);
        TestBrowser admin = signedIn(adminPerson);

        // anonymous pages, and the links emails carry
        TestBrowser anonymous = browser();
        visit(anonymous, "/sign-in");
        visit(anonymous, "/password-reset");
        assertTrue(anonymous.post("/password-reset", "email", adminPerson.email()).status() < 400);
        visit(anonymous, Emails.linkPath(emails.latest(p.id(), adminPerson.email()), "/password-reset/"));
        admin.get("/users/invite");
        String invited = "invited" + Fixtures.next() + "@people.test";
        assertEquals(303, admin.post("/users/invite", "name", "Invited Person", "email", invited, "role", "PANEL_MEMBER",
                "organisationId", "").status());
        visit(browser(), Emails.linkPath(emails.latest(p.id(), invited), "/invitations/"));

        // the admin's pages
        visit(admin, "/");
        visit(admin, "/account/password");
        visit(admin, "/users");
        visit(admin, "/users/invite");
        visit(admin, "/partnership/officers/new");
        visit(admin, "/api-tokens/new");
        java.time.LocalDate expires = org.assure.kernel.Dates.today(clock).plusDays(30);
        assertEquals(200, admin.post("/api-tokens/new", "name", "Forms test", "expiryDay", String.valueOf(expires.getDayOfMonth()),
                "expiryMonth", String.valueOf(expires.getMonthValue()), "expiryYear", String.valueOf(expires.getYear()), "returns", "ALL").status());
        visit(admin, "/api-tokens");
        assertEquals(303, admin.post("/partnership/officers/new", "version", "0", "role", "BUSINESS_MANAGER", "name", "Lucy Barnard",
                "email", "lucy@scp.test").status());
        String officer = admin.get("/partnership/officers").body().replaceAll("(?s).*href=\"/partnership/officers/(\\d+)/edit\".*", "$1");
        visit(admin, "/partnership/officers/" + officer + "/edit");
        visit(admin, "/partnership/officers/" + officer + "/remove");
        visit(admin, "/organisations/new?kind=AGENCY");
        visit(admin, "/organisations/" + agency.id() + "/edit");
        visit(admin, "/organisations/" + schoolA.id());
        visit(admin, "/organisations/" + agency.id());
        assertEquals(303, admin.post("/organisations/" + agency.id() + "/archive").status());
        visit(admin, "/organisations/" + agency.id());
        visit(admin, "/organisations/import");
        admin.get("/organisations/import");
        TestBrowser.Page uploaded = admin.upload("/organisations/import", "file", "gias.csv", gias(), Map.of());
        assertEquals(303, uploaded.status(), uploaded.body());
        visit(admin, uploaded.location());
        visit(admin, "/banks/import");
        visit(admin, "/cycles/new");
        long draft = createCycle(admin);
        visit(admin, "/cycles/" + draft + "/edit");
        visit(admin, "/cycles/" + draft);
        visit(admin, "/cycles/" + draft + "/delete");
        long closed = createCycle(admin);
        admin.get("/cycles/" + closed);
        assertEquals(303, admin.post("/cycles/" + closed + "/open").status());
        admin.get("/cycles/" + closed);
        assertEquals(303, admin.post("/cycles/" + closed + "/close").status());
        visit(admin, "/cycles/" + closed);
        long open = createCycle(admin);
        admin.get("/cycles/" + open);
        assertEquals(303, admin.post("/cycles/" + open + "/open").status());
        fixtures.school(p); // a school after the cycle opened: the open cycle's page offers to add it
        visit(admin, "/cycles/" + open);
        visit(admin, "/cycles/" + open + "/close");

        // a person's access: roles and organisations, deactivation (confirmed), reactivation
        Fixtures.Person panel = fixtures.person(p, Role.PANEL_MEMBER);
        visit(admin, "/users/" + panel.id());
        visit(admin, "/users/" + panel.id() + "/deactivate");
        assertEquals(303, admin.post("/users/" + panel.id() + "/deactivate").status());
        visit(admin, "/users/" + panel.id());

        // the lead's pages: a complete return (check and submit), a submitted one (returned for changes by the admin)
        TestBrowser leadBrowser = signedIn(lead);
        long returnA = returnOf(leadBrowser, open, schoolA);
        long returnB = returnOf(leadBrowser, open, schoolB);
        visit(leadBrowser, "/returns/" + returnA + SECTION);
        visit(leadBrowser, "/returns/" + returnA + SECTION + "/assign");
        ReturnFilling.completeEverySection(leadBrowser, "/returns/" + returnB, banks.get("section-175", "2025"));
        leadBrowser.get("/returns/" + returnB + "/check");
        assertEquals(303, leadBrowser.post("/returns/" + returnB + "/submit", "name", "Dee Esel", "role", "DSL", "confirm", "true").status());
        visit(admin, "/returns/" + returnB + "/return-for-changes");
        ReturnFilling.completeEverySection(leadBrowser, "/returns/" + returnA, banks.get("section-175", "2025"));
        visit(leadBrowser, "/returns/" + returnA + "/check");

        // chasing: the cycle's page (send now) and rules, a return's extension and pause (then resume), a chair's response
        visit(admin, "/cycles/" + open + "/chasing");
        visit(admin, "/cycles/" + open + "/chasing/rules");
        // the dip sample: the draws page (the form), then a draw's record (verify, replace)
        // exports: the cycle's exports page (its button; the cycle page's button is visited with the cycle)
        visit(admin, "/cycles/" + open + "/exports");
        visit(admin, "/cycles/" + open + "/dip-sample");
        var drawn = admin.post("/cycles/" + open + "/dip-sample", "sampleSize", "1", "exclusionYears", "3", "stratify", "NONE", "seedChoice", "DRAW");
        assertEquals(303, drawn.status(), drawn.body());
        visit(admin, drawn.location().replace("?done=run", ""));
        visit(admin, "/returns/" + returnA + "/chasing?before=pause");
        assertEquals(303, admin.post("/returns/" + returnA + "/pause", "pauseReason", "Closed for a week").status());
        visit(admin, "/returns/" + returnA + "/chasing?after=pause");
        visit(signedIn(fixtures.person(p, Role.ESCALATION_CONTACT, schoolA)), "/returns/" + returnA + "/chasing?as=chair");

        // a case's challenges: the panel's page (draft, withdraw, release), a draft's page, and the lead's answer page
        org.assure.panels.PanelWorld.World world = panelWorld.build(org.assure.panels.MarkingBy.SECTION);
        TestBrowser moderator = signedIn(world.moderator());
        String challenges = world.casePath() + "/challenges";
        moderator.get(challenges);
        assertEquals(303, moderator.post(challenges, "kind", "QUESTION", "itemKey", "", "text", "A question for the form test").status());
        String drafted = moderator.get(challenges).body();
        Matcher draftLink = Pattern.compile("/challenges/(\\d+)/withdraw").matcher(drafted);
        assertTrue(draftLink.find(), drafted);
        visit(moderator, challenges + "?drafts=1");
        visit(moderator, challenges + "/" + draftLink.group(1));
        java.time.LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).plusDays(7);
        moderator.get(challenges);
        assertEquals(303, moderator.post(challenges + "/release", "dueDay", String.valueOf(due.getDayOfMonth()), "dueMonth",
                String.valueOf(due.getMonthValue()), "dueYear", String.valueOf(due.getYear())).status());
        visit(signedIn(world.lead()), "/returns/" + world.returnId() + "/challenges/" + draftLink.group(1));
        // the panel's own pages: new, edit, the panel (members and cases), a case (declare; a conflict recorded, then cleared)
        TestBrowser panelAdmin = signedIn(world.admin());
        visit(panelAdmin, "/panels/new");
        visit(panelAdmin, world.panelPath() + "/edit");
        visit(panelAdmin, world.panelPath());
        visit(signedIn(world.memberA()), world.casePath() + "?as=member");
        panelAdmin.get(world.casePath());
        assertEquals(303, panelAdmin.post(world.casePath() + "/conflicts", "conflictAccountId", String.valueOf(world.memberC().id()),
                "conflictReason", "Governor there").status());
        visit(panelAdmin, world.casePath() + "?as=admin");
        // panel marking: a member's marks page, before their marks are in
        visit(signedIn(world.memberB()), world.casePath() + "/marks?as=marker");

        // action plans: a return's (a form per answer needing one), the partnership's new action, an action in each state
        var aw = actionWorld.build();
        TestBrowser actionLead = signedIn(aw.w().lead());
        TestBrowser actionAdmin = signedIn(aw.w().admin());
        visit(actionLead, aw.returnPlan());
        visit(actionLead, aw.organisationPlan());
        visit(actionAdmin, aw.organisationPlan() + "/new");
        visit(actionLead, "/actions/" + aw.started() + "?as=lead");
        visit(actionAdmin, "/actions/" + aw.requested() + "?as=admin");
        visit(actionAdmin, "/actions/" + aw.done() + "?as=admin");
        visit(actionLead, "/actions/" + aw.proposed() + "?as=lead");
        visit(actionAdmin, "/actions/" + aw.toAccept() + "?as=admin");

        // a conflict: two leads saved the same answer from the same page
        TestBrowser second = signedIn(otherLead);
        String secondPage = second.get("/returns/" + returnA + SECTION).body();
        String firstPage = leadBrowser.get("/returns/" + returnA + SECTION).body();
        assertEquals(303, leadBrowser.postRepeated("/returns/" + returnA + SECTION,
                ReturnFilling.versions(firstPage, "governance-accountability", "AMBER", "governance-accountability-evidence", "Theirs",
                        "action", "later")).status());
        TestBrowser.Page clash = second.postRepeated("/returns/" + returnA + SECTION,
                ReturnFilling.versions(secondPage, "governance-accountability", "RED", "governance-accountability-evidence", "Mine",
                        "action", "later"));
        assertEquals(409, clash.status(), clash.body());
        formsByPage.put("the conflict page", postForms(second));

        // moderation and outcome letters (a panel world of its own): the moderator's page once two members have marked,
        // the template, the letter to edit and approve, then to send
        var moderated = panelWorld.build(org.assure.panels.MarkingBy.SECTION);
        moderations.marked(moderated, moderated.memberA(), "GREEN");
        moderations.marked(moderated, moderated.memberB(), "AMBER");
        TestBrowser moderating = signedIn(moderated.moderator());
        visit(moderating, moderated.casePath() + "/moderation");
        TestBrowser moderatedAdmin = signedIn(moderated.admin());
        visit(moderatedAdmin, "/panels/letter-template");
        moderations.confirmed(moderated, "ASSURED", "Clear policies", "", "All good.");
        visit(moderating, moderated.casePath() + "/letter?as=moderator");
        assertEquals(303, moderating.post(moderated.casePath() + "/letter/approve").status());
        visit(moderatedAdmin, moderated.casePath() + "/letter?after=approve");
    }

    @Test
    void everyPostRouteIsTheActionOfAFormThatCarriesAFormId() {
        List<RouteAccess.Route> posts = RouteAccess.of(router.uriRoutes()).stream().filter(r -> r.method() == HttpMethod.POST)
                .filter(r -> !NOT_FORMS.contains(r.path())).toList();
        assertTrue(posts.size() >= 25, "the router's POST routes: " + posts);
        List<TestBrowser.Form> seen = formsByPage.values().stream().flatMap(List::stream).toList();
        List<String> withoutAForm = new ArrayList<>();
        for (RouteAccess.Route route : posts) {
            Pattern template = Pattern.compile(Pattern.quote(route.path()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            if (seen.stream().noneMatch(f -> f.formId() != null && template.matcher(f.path()).matches())) {
                withoutAForm.add(route.path());
            }
        }
        assertEquals(List.of(), withoutAForm, "POST routes with no form carrying a form id on the pages visited");
    }

    @Test
    void everyPostFormOnThosePagesCarriesAFreshFormId() {
        List<String> without = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int forms = 0;
        for (var page : formsByPage.entrySet()) {
            for (TestBrowser.Form f : page.getValue()) {
                forms++;
                if (f.formId() == null || !f.formId().matches("[A-Za-z0-9_-]{22}")) {
                    without.add(page.getKey() + ": " + f);
                } else {
                    ids.add(f.formId());
                }
            }
        }
        assertEquals(List.of(), without, "post forms without a 128-bit form id");
        assertTrue(forms > 30, "forms seen: " + forms);
        assertEquals(forms, ids.size(), "every form rendered has an id of its own");
    }

    /** Pages not visited above are covered too: every post form in the templates gets its id from the one macro. */
    @Test
    void everyPostFormTemplateUsesTheCsrfMacroOrTheUploadAction() throws IOException {
        Pattern form = Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/views"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlh")).toList()) {
                String template = Files.readString(file);
                Matcher m = form.matcher(template);
                while (m.find()) {
                    String whole = m.group();
                    if (!(whole.contains("<@f.csrf/>") || whole.contains("f.uploadAction(")) || whole.contains("name=\"_csrf\"")) {
                        wrong.add(file + ": " + whole.substring(0, Math.min(120, whole.length())));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "post forms that write the token by hand (and so carry no form id)");
    }

    private void visit(TestBrowser b, String path) {
        TestBrowser.Page page = b.get(path);
        assertEquals(200, page.status(), path + " gave " + page.status() + " " + page.location());
        formsByPage.put(path, postForms(b));
    }

    /** The post forms of the page just seen (the browser keeps the last page that had forms, so check it had some). */
    private static List<TestBrowser.Form> postForms(TestBrowser b) {
        return b.forms().stream().filter(f -> f.method().equals("post")).toList();
    }

    private long createCycle(TestBrowser admin) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        LocalDate deadline = today.plusDays(30);
        admin.get("/cycles/new");
        var created = admin.post("/cycles", "name", "Audit " + Fixtures.next(), "bank", "section-175/2025", "audience", "TYPES",
                "kinds", "SCHOOL", "categories", "MAINTAINED",
                "opensDay", String.valueOf(today.getDayOfMonth()), "opensMonth", String.valueOf(today.getMonthValue()),
                "opensYear", String.valueOf(today.getYear()), "deadlineDay", String.valueOf(deadline.getDayOfMonth()),
                "deadlineMonth", String.valueOf(deadline.getMonthValue()), "deadlineYear", String.valueOf(deadline.getYear()));
        assertEquals(303, created.status(), created.body());
        return Long.parseLong(created.location().replaceAll("^/cycles/(\\d+).*$", "$1"));
    }

    /** The lead's return of this cycle for this school, from the cycle's page as the admin would follow it. */
    private long returnOf(TestBrowser lead, long cycleId, Organisation school) {
        String dashboard = lead.get("/").body();
        Matcher m = Pattern.compile("href=\"/returns/(\\d+)\"").matcher(dashboard);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (lead.get("/returns/" + id).body().contains(school.name())) {
                return id;
            }
        }
        throw new AssertionError("No return of " + school.name() + " in cycle " + cycleId + " on:\n" + dashboard);
    }

    private static byte[] gias() {
        try (InputStream in = EveryFormCarriesAFormIdWebTest.class.getResourceAsStream("/gias/gias-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
