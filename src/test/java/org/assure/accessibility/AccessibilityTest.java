package org.assure.accessibility;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.access.Role;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.RealBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages people meet, in a real browser, checked with axe-core against WCAG 2.2 A and AA, including
 * pages showing errors, and on a 320-pixel-wide screen (no sideways scrolling, the page starting in the top half of the screen).
 * Also proves the forms work end to end with no test-only shortcuts.
 */
@MicronautTest(transactional = false)
class AccessibilityTest extends WebTest {
    @jakarta.inject.Inject
    org.assure.testsupport.Emails emails;
    @jakarta.inject.Inject
    org.assure.banks.QuestionBanks banks;
    @jakarta.inject.Inject
    org.assure.jobs.DueWorkRunner runner;
    @jakarta.inject.Inject
    org.assure.panels.PanelWorld panelWorld;
    @jakarta.inject.Inject
    org.assure.panels.Moderations moderations;
    @jakarta.inject.Inject
    org.assure.actions.ActionWorld actionWorld;
    @jakarta.inject.Inject
    org.assure.cycles.CycleService cycles;

    @Test
    void pagesMeetWcag22AA() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        var admin = fixtures.admin(p);
        var lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        emails.send(p.id(), "someone@school.test", "A test email", "Set your password: http://assure.test/invitations/abc");
        runner.runOnce(); // so that the jobs page has a run to show
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.driver().get("data:text/html,<html><body><input type=text><img src=x.png></body></html>");
            assertTrue(browser.accessibilityViolations().size() >= 2, "the checker finds a missing label and alt text");

            check(browser, "/sign-in", problems);
            browser.fill("email", admin.email());
            browser.fill("password", "wrong password");
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "an error page says so in its title");
            collect(browser, "sign-in with errors", problems);
            check(browser, "/password-reset", problems);
            check(browser, "/no-such-page", problems);

            browser.signIn(admin.email(), Fixtures.PASSWORD);
            assertEquals("/", browser.currentPath());
            for (String path : List.of("/", "/users", "/users/invite", "/account/password", "/outbox", "/jobs",
                    "/organisations", "/organisations?kind=SCHOOL&q=School", "/organisations/" + school.id(),
                    "/organisations/" + school.id() + "/edit", "/organisations/new?kind=AGENCY", "/organisations/import",
                    "/banks", "/banks/section-11/2023", "/banks/section-11/compare?from=2018&to=2023", "/banks/import",
                    "/banks/section-11/compare?from=2023")) {
                check(browser, path, problems);
            }
            browser.open("/users/invite");
            browser.submit();
            collect(browser, "invite with errors", problems);
            check(browser, "/users/" + lead.id(), problems);
            check(browser, "/users/" + lead.id() + "/deactivate", problems);
            officers(browser, problems);
            apiTokens(browser, problems);
            browser.open("/users/" + lead.id());
            browser.driver().findElement(org.openqa.selenium.By.id("roles-1")).click(); // untick their only role
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "a person without a role says so in its title: " + browser.title());
            collect(browser, "a person's roles with errors", problems);
            browser.open("/organisations/new?kind=SCHOOL");
            browser.fill("urn", "12");
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "an invalid school form says so in its title");
            collect(browser, "new school with errors", problems);
            browser.open("/banks/import");
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "an import without a file says so in its title");
            collect(browser, "bank import with errors", problems);
            browser.driver().findElement(org.openqa.selenium.By.id("file")).sendKeys(workbook().toString());
            browser.submit();
            awaitPath(browser, "/banks/drafts/");
            collect(browser, "a bank draft", problems);
            browser.open("/outbox");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("main table a")).click();
            collect(browser, "an email", problems);
            cycles(browser, problems);
        }
        String returnPath = openReturn(admin, lead);
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(lead.email(), Fixtures.PASSWORD);
            check(browser, "/", problems);
            check(browser, "/organisations/" + school.id(), problems);
            check(browser, returnPath, problems);
            check(browser, returnPath + "/sections/leadership", problems);
            browser.driver().findElement(org.openqa.selenium.By.id("governance-accountability")).click();
            browser.driver().findElement(org.openqa.selenium.By.id("complete")).click();
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "a section that cannot be completed says so in its title: " + browser.title());
            collect(browser, "section with errors", problems);
            check(browser, returnPath + "/sections/leadership/assign", problems);
            browser.driver().findElement(org.openqa.selenium.By.id("assignee-new")).click();
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "assigning to someone new without a name says so: " + browser.title());
            collect(browser, "assign with errors", problems);
            check(browser, returnPath + "/check", problems);
            check(browser, returnPath + "/history", problems);
        }
        // a complete return: the declaration with errors, then submitted, printed and in the history
        var http = signedIn(lead);
        org.assure.testsupport.ReturnFilling.completeEverySection(http, returnPath, banks.get("section-175", "2025"));
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(lead.email(), Fixtures.PASSWORD);
            check(browser, returnPath + "/check", problems);
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "a declaration without a name says so: " + browser.title());
            collect(browser, "declaration with errors", problems);
            browser.fill("name", "Dee Esel");
            browser.fill("role", "Designated safeguarding lead");
            browser.driver().findElement(org.openqa.selenium.By.id("confirm")).click();
            browser.submit();
            assertEquals("Return submitted", browser.title().replaceAll(" [–-] .*", ""));
            collect(browser, "return submitted", problems);
            check(browser, returnPath, problems);
            check(browser, returnPath + "/print", problems);
            check(browser, returnPath + "/submissions/1", problems);
        }
        // the read-only pages and the dashboards of the roles whose features are still to come
        var chair = fixtures.person(p, Role.ESCALATION_CONTACT, school);
        for (var person : List.of(chair, fixtures.person(p, Role.PANEL_MEMBER), fixtures.person(p, Role.BOARD_VIEWER))) {
            try (RealBrowser browser = new RealBrowser(server.getURI())) {
                browser.signIn(person.email(), Fixtures.PASSWORD);
                check(browser, "/", problems);
                if (person == chair) {
                    check(browser, returnPath + "/print", problems);
                    check(browser, returnPath + "/chasing", problems);
                }
            }
        }
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(admin.email(), Fixtures.PASSWORD);
            check(browser, returnPath + "/sections/leadership", problems);
            var cycle = java.util.regex.Pattern.compile("href=\"(/cycles/\\d+)\"").matcher(signedIn(admin).get("/cycles").body());
            assertTrue(cycle.find());
            check(browser, cycle.group(1) + "/chasing", problems);
            check(browser, cycle.group(1) + "/chasing/rules", problems);
            check(browser, cycle.group(1) + "/dip-sample", problems);
            org.assure.testsupport.TestBrowser drawer = signedIn(admin);
            drawer.get(cycle.group(1) + "/dip-sample");
            var drawn = drawer.post(cycle.group(1) + "/dip-sample", "sampleSize", "2", "exclusionYears", "3", "stratify", "PHASE", "seedChoice", "TYPED",
                    "seed", "7 12 19 33 41 58");
            assertEquals(303, drawn.status(), drawn.body());
            check(browser, drawn.location(), problems);
            // exports: the cycle's list, and a job's page (queued, running or ready: whichever it is when checked)
            check(browser, cycle.group(1) + "/exports", problems);
            var exported = drawer.post(cycle.group(1) + "/exports", java.util.Map.of("kind", "ANSWERS"));
            assertEquals(303, exported.status(), exported.body());
            check(browser, exported.location(), problems);
            check(browser, returnPath + "/chasing", problems);
            check(browser, returnPath + "/return-for-changes", problems);
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "returning without a reason says so: " + browser.title());
            collect(browser, "return for changes with errors", problems);
        }
        challenges(problems);
        // moderation and outcome letters: the moderator's page, the template, a letter and the organisation's outcome page
        var moderated = panelWorld.build(org.assure.panels.MarkingBy.SECTION);
        moderations.marked(moderated, moderated.memberA(), "GREEN");
        moderations.marked(moderated, moderated.memberB(), "AMBER");
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(moderated.moderator().email(), Fixtures.PASSWORD);
            check(browser, moderated.casePath() + "/moderation", problems);
        }
        moderations.confirmed(moderated, "PARTLY_ASSURED", "Clear policies", "Train the governors", "A sound return.");
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(moderated.admin().email(), Fixtures.PASSWORD);
            check(browser, "/panels/letter-template", problems);
            check(browser, moderated.casePath() + "/letter", problems);
            check(browser, moderated.casePath() + "/letter/print", problems);
        }
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(moderated.lead().email(), Fixtures.PASSWORD);
            check(browser, "/returns/" + moderated.returnId() + "/outcome", problems);
        }
        assertEquals(List.of(), problems);
    }

    /** A case's challenges: the panel's page with a draft, with errors, a draft's page; the lead's list and answer page, with errors. */
    private void challenges(List<String> problems) {
        var world = panelWorld.build(org.assure.panels.MarkingBy.SECTION);
        var moderator = signedIn(world.moderator());
        String path = world.casePath() + "/challenges";
        moderator.get(path);
        assertEquals(303, moderator.post(path, "kind", "QUESTION", "itemKey", "", "text", "How are concerns about staff recorded?").status());
        var id = java.util.regex.Pattern.compile("/challenges/(\\d+)/withdraw").matcher(moderator.get(path).body());
        assertTrue(id.find());
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(world.moderator().email(), Fixtures.PASSWORD);
            check(browser, path, problems);
            check(browser, path + "/" + id.group(1), problems);
            browser.open(path);
            browser.fill("dueOn", "31");
            browser.fill("dueOn-month", "2");
            browser.fill("dueOn-year", "2099");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("form[action$='/release'] button")).click();
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!browser.title().startsWith("Error: ") && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertTrue(browser.title().startsWith("Error: "), "a release without a real date says so: " + browser.title());
            collect(browser, "release with errors", problems);
        }
        java.time.LocalDate due = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/London")).plusDays(7);
        moderator.get(path);
        assertEquals(303, moderator.post(path + "/release", "dueDay", String.valueOf(due.getDayOfMonth()), "dueMonth", String.valueOf(due.getMonthValue()),
                "dueYear", String.valueOf(due.getYear())).status());
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(world.lead().email(), Fixtures.PASSWORD);
            String list = "/returns/" + world.returnId() + "/challenges";
            check(browser, list, problems);
            check(browser, list + "/" + id.group(1), problems);
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "an empty answer says so: " + browser.title());
            collect(browser, "answer with errors", problems);
        }
    }

    /** A panel's marking: the marks page before marking, with errors, and once submitted; the case and panel pages with agreement. */
    @Test
    void panelMarkingPagesMeetWcag22AA() {
        var w = panelWorld.build(org.assure.panels.MarkingBy.SECTION);
        List<String> problems = new ArrayList<>();
        String marks = w.casePath() + "/marks";
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(w.memberA().email(), Fixtures.PASSWORD);
            check(browser, "/", problems);
            check(browser, marks, problems);
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "submitting no marks says so in its title: " + browser.title());
            collect(browser, "marks with errors", problems);
            // B's marks in, then A's through the form: agree with every self-rating
            var b = signedIn(w.memberB());
            String page = b.get(marks).body();
            java.util.Map<String, String> agreeing = new java.util.LinkedHashMap<>();
            agreeing.put("version", "0");
            agreeing.put("action", "submit");
            var radios = java.util.regex.Pattern.compile("name=\"(agree-[^\"]+)\" type=\"radio\" value=\"AGREE\"").matcher(page);
            while (radios.find()) {
                agreeing.put(radios.group(1), "AGREE");
            }
            var selects = java.util.regex.Pattern.compile("<select[^>]*name=\"(rating-[^\"]+)\"").matcher(page);
            while (selects.find()) {
                agreeing.putIfAbsent("agree-" + selects.group(1).substring("rating-".length()), null);
            }
            agreeing.values().removeIf(java.util.Objects::isNull);
            for (var e : new java.util.ArrayList<>(agreeing.keySet())) {
                if (e.startsWith("agree-") && page.contains("for=\"rating-" + e.substring(6) + "\">Panel rating (there is no self-rating)")) {
                    agreeing.remove(e);
                    agreeing.put("rating-" + e.substring(6), "GREEN");
                }
            }
            assertEquals(303, b.post(marks, agreeing).status());
            var a = signedIn(w.memberA());
            a.get(marks);
            assertEquals(303, a.post(marks, agreeing).status());
            check(browser, marks, problems);
            check(browser, w.casePath(), problems);
        }
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(w.admin().email(), Fixtures.PASSWORD);
            check(browser, w.panelPath(), problems);
            check(browser, marks, problems);
        }
        assertEquals(List.of(), problems);
    }

    /** Opens a Section 175/157 cycle for the lead's school through the admin's pages; the path of the lead's return. */
    private String openReturn(Fixtures.Person admin, Fixtures.Person lead) {
        var http = signedIn(admin);
        java.time.LocalDate opens = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/London"));
        java.time.LocalDate deadline = opens.plusDays(10);
        var created = http.post("/cycles", "name", "Schools return", "bank", "section-175/2025", "audience", "TYPES",
                "kinds", "SCHOOL", "opensDay", String.valueOf(opens.getDayOfMonth()), "opensMonth", String.valueOf(opens.getMonthValue()),
                "opensYear", String.valueOf(opens.getYear()), "deadlineDay", String.valueOf(deadline.getDayOfMonth()),
                "deadlineMonth", String.valueOf(deadline.getMonthValue()), "deadlineYear", String.valueOf(deadline.getYear()));
        assertEquals(303, created.status(), created.body());
        assertEquals(303, http.post(created.location().replaceAll("\\?.*", "") + "/open").status());
        var m = java.util.regex.Pattern.compile("href=\"(/returns/\\d+)\"").matcher(signedIn(lead).get("/").body());
        assertTrue(m.find(), "the lead's dashboard links to the return");
        return m.group(1);
    }

    /** The panel pages: the admin's (list, form with errors, panel, case with a conflict) and a member's (dashboard, panel, case). */
    @Test
    void panelPagesMeetWcag22AA() {
        var w = panelWorld.build(org.assure.panels.MarkingBy.SECTION);
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(w.admin().email(), Fixtures.PASSWORD);
            for (String path : List.of("/panels", "/panels/new", w.panelPath(), w.panelPath() + "/edit", w.casePath())) {
                check(browser, path, problems);
            }
            browser.open("/panels/new");
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "an invalid panel form says so in its title: " + browser.title() + " " + browser.currentPath());
            collect(browser, "new panel with errors", problems);
        }
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(w.memberA().email(), Fixtures.PASSWORD);
            for (String path : List.of("/", w.panelPath(), w.casePath())) {
                check(browser, path, problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The action plan pages: a return's and an organisation's, an action in each state, and two forms with errors. */
    @Test
    void actionPlanPagesMeetWcag22AA() {
        var aw = actionWorld.build();
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(aw.w().lead().email(), Fixtures.PASSWORD);
            for (String path : List.of(aw.returnPlan(), aw.organisationPlan(), "/actions/" + aw.started(), "/actions/" + aw.requested(), "/actions/" + aw.proposed(),
                    "/returns/" + aw.w().returnId())) {
                check(browser, path, problems);
            }
            browser.open("/actions/" + aw.started());
            browser.submit(); // the first form: a progress update without its note
            assertTrue(browser.title().startsWith("Error: "), "an update without a note says so in its title: " + browser.title());
            collect(browser, "progress update with errors", problems);
        }
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(aw.w().admin().email(), Fixtures.PASSWORD);
            for (String path : List.of(aw.organisationPlan(), "/actions/" + aw.requested(), "/actions/" + aw.done(), "/actions/" + aw.toAccept())) {
                check(browser, path, problems);
            }
            browser.open(aw.organisationPlan() + "/new");
            browser.submit();
            assertTrue(browser.title().startsWith("Error: "), "an empty new action says so in its title: " + browser.title());
            collect(browser, "new action with errors", problems);
        }
        assertEquals(List.of(), problems);
    }

    /** The partnership's action tracker: all actions, filtered, with a bad filter ignored, and as a board viewer reads it. */
    @Test
    void actionTrackerMeetsWcag22AA() {
        var aw = actionWorld.build();
        var viewer = fixtures.person(aw.w().partnership(), org.assure.access.Role.BOARD_VIEWER);
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(aw.w().admin().email(), Fixtures.PASSWORD);
            for (String path : List.of("/actions", "/actions?type=SCHOOL&status=NOT_STARTED", "/actions?status=NOPE&page=x")) {
                check(browser, path, problems);
            }
        }
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(viewer.email(), Fixtures.PASSWORD);
            check(browser, "/actions", problems);
        }
        assertEquals(List.of(), problems);
    }

    /** API tokens: the empty list, the form with errors, a token just created (its one showing) and the list with it. */
    private static void apiTokens(RealBrowser browser, List<String> problems) {
        check(browser, "/api-tokens", problems);
        browser.open("/api-tokens/new");
        browser.submit();
        assertTrue(browser.title().startsWith("Error: "), "a token without a name or expiry says so in its title: " + browser.title());
        collect(browser, "API token form with errors", problems);
        java.time.LocalDate expires = java.time.LocalDate.now().plusDays(30);
        browser.fill("name", "Power BI");
        browser.fill("expiryDay", String.valueOf(expires.getDayOfMonth()));
        browser.fill("expiryDay-month", String.valueOf(expires.getMonthValue()));
        browser.fill("expiryDay-year", String.valueOf(expires.getYear()));
        browser.driver().findElement(org.openqa.selenium.By.id("returns")).click();
        browser.submit();
        collect(browser, "API token created", problems);
        check(browser, "/api-tokens", problems);
    }

    /**
     * A cycle's composite report, its anonymised composite (with a threshold and a bad one), the returns behind a figure
     * (and a bad filter), and a moderated return's report and its print view, as a board viewer reads them.
     */
    @Test
    void cycleReportsMeetWcag22AA() {
        var aw = actionWorld.build();
        moderations.confirmed(aw.w(), "PARTLY_ASSURED", "1: Governors challenge the annual report", "Record why referrals were not made",
                "A sound return with one gap.");
        var viewer = fixtures.person(aw.w().partnership(), org.assure.access.Role.BOARD_VIEWER);
        String report = "/cycles/" + aw.w().cycleId() + "/report";
        String returnReport = "/returns/" + aw.w().returnId() + "/report";
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(viewer.email(), Fixtures.PASSWORD);
            for (String path : List.of(report, report + "/anonymised", report + "/anonymised?threshold=2", report + "/anonymised?threshold=x",
                    report + "/returns", report + "/returns?timeliness=on-time&kind=SCHOOL", report + "/returns?timeliness=soon",
                    returnReport, returnReport + "/print")) {
                check(browser, path, problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The reports index and year on year as a board viewer reads them: a second cycle of the same bank is opened (nothing
     * submitted in it yet), compared with the submitted one; and the comparison asked for badly.
     */
    @Test
    void reportsIndexAndYearOnYearMeetWcag22AA() {
        var aw = actionWorld.build();
        var w = aw.w();
        var viewer = fixtures.person(w.partnership(), org.assure.access.Role.BOARD_VIEWER);
        java.time.LocalDate today = org.assure.kernel.Dates.today(clock);
        java.time.LocalDate deadline = today.plusDays(10);
        long later = cycles.createAndOpen(w.adminUser(), new org.assure.cycles.CycleForms.CycleForm("Next year " + Fixtures.next(), "section-175/2025",
                "CHOSEN", List.of(), List.of(), List.of(), List.of(String.valueOf(fixtures.school(w.partnership()).id())),
                String.valueOf(today.getDayOfMonth()), String.valueOf(today.getMonthValue()), String.valueOf(today.getYear()),
                String.valueOf(deadline.getDayOfMonth()), String.valueOf(deadline.getMonthValue()), String.valueOf(deadline.getYear()),
                null, null, null, null, null, null, null));
        List<String> problems = new ArrayList<>();
        try (RealBrowser browser = new RealBrowser(server.getURI())) {
            browser.signIn(viewer.email(), Fixtures.PASSWORD);
            for (String path : List.of("/", "/reports", "/reports/year-on-year?from=" + w.cycleId() + "&to=" + later, "/reports/year-on-year",
                    "/reports/year-on-year?from=x&to=" + later)) {
                check(browser, path, problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The partnership officers: an empty list, the form with errors, an officer added, changed and about to be removed. */
    private static void officers(RealBrowser browser, List<String> problems) {
        check(browser, "/partnership/officers", problems);
        browser.open("/partnership/officers/new");
        browser.submit();
        assertTrue(browser.title().startsWith("Error: "), "an officer without a role, name or address says so in its title: " + browser.title());
        collect(browser, "new officer with errors", problems);
        browser.driver().findElement(org.openqa.selenium.By.id("role")).click();
        browser.fill("name", "Margaret Doherty");
        browser.fill("email", "margaret@council.test");
        browser.submit();
        assertEquals("/partnership/officers", browser.currentPath(), "added: back to the list");
        collect(browser, "officers with one added", problems);
        browser.driver().findElement(org.openqa.selenium.By.cssSelector("main table a[href$='/edit']")).click();
        awaitPath(browser, "/partnership/officers/");
        collect(browser, "change an officer", problems);
        browser.open("/partnership/officers");
        browser.driver().findElement(org.openqa.selenium.By.cssSelector("main table a[href$='/remove']")).click();
        awaitPath(browser, "/partnership/officers/");
        collect(browser, "remove an officer", problems);
    }

    /** The cycle pages: the form with errors, then a cycle created, opened, and its progress page. */
    private void cycles(RealBrowser browser, List<String> problems) {
        check(browser, "/cycles", problems);
        check(browser, "/cycles/new", problems);
        browser.submit();
        assertTrue(browser.title().startsWith("Error: "), "an invalid cycle form says so in its title");
        collect(browser, "new cycle with errors", problems);
        java.time.LocalDate opens = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/London"));
        browser.fill("name", "Accessible cycle");
        browser.driver().findElement(org.openqa.selenium.By.id("audience")).click();
        fillDate(browser, "opens", opens);
        fillDate(browser, "deadline", opens.plusDays(30));
        browser.submit();
        awaitPath(browser, "/cycles/");
        assertTrue(browser.title().startsWith("Accessible cycle"), browser.title());
        collect(browser, "a draft cycle", problems);
        String cycle = browser.currentPath().replaceAll("\\?.*", "");
        check(browser, cycle + "/edit", problems);
        check(browser, cycle + "/delete", problems);
        browser.open(cycle);
        browser.submit();
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!browser.driver().getPageSource().contains("Cycle opened")) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the cycle did not open: " + browser.title());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        collect(browser, "an open cycle", problems);
        check(browser, cycle + "/close", problems);
        check(browser, "/cycles", problems);
        check(browser, cycle + "?kind=SCHOOL&status=NOT_STARTED", problems);
    }

    private static void fillDate(RealBrowser browser, String name, java.time.LocalDate date) {
        browser.fill(name, String.valueOf(date.getDayOfMonth()));
        browser.fill(name + "-month", String.valueOf(date.getMonthValue()));
        browser.fill(name + "-year", String.valueOf(date.getYear()));
    }

    /** An upload's POST and redirect can outlast the click that sent it: wait for the page it leads to. */
    private static void awaitPath(RealBrowser browser, String prefix) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!(browser.currentPath().startsWith(prefix)
                && "complete".equals(browser.driver().executeScript("return document.readyState")))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected a page under " + prefix + " but was " + browser.currentPath());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Section 11 2023 as a workbook on disk, for the real browser to upload. */
    private java.nio.file.Path workbook() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("section-11-2023", ".xlsx");
            file.toFile().deleteOnExit();
            java.nio.file.Files.write(file, org.assure.banks.BankWorkbook.export(banks.get("section-11", "2023")));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(RealBrowser browser, String path, List<String> problems) {
        browser.open(path);
        boolean errorPage = browser.title().startsWith("Page not found") || browser.title().startsWith("You do not have access")
                || browser.title().startsWith("Sorry");
        assertEquals(path.equals("/no-such-page"), errorPage, path + " showed " + browser.title());
        collect(browser, path, problems);
    }

    private static void collect(RealBrowser browser, String page, List<String> problems) {
        browser.accessibilityViolations().forEach(v -> problems.add(page + " → " + v));
        browser.narrowScreenProblems().forEach(v -> problems.add(page + " on a narrow screen → " + v));
    }
}
