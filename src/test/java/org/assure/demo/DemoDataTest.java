package org.assure.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.partnerships.PartnershipService;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {
    private static final List<String> DEMO_ACCOUNTS = List.of("admin@example.org", "agency.lead@example.org", "dsl@example.org",
            "contributor@example.org", "panel@example.org", "chair@example.org", "viewer@example.org");

    @Test
    void localModeSeedsOncePerDatabaseAndEveryDemoAccountSignsIn() {
        Map<String, Object> properties = new HashMap<>(TestDatabases.forContext());
        properties.put("assure.seed-demo-data", "true");
        properties.put("assure.demo-password", "demo password for tests");
        long organisationCount;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            var context = server.getApplicationContext();
            long partnershipId = context.getBean(PartnershipService.class).findByName(DemoData.PARTNERSHIP).orElseThrow().id();
            List<Organisation> organisations = context.getBean(OrganisationService.class).active(partnershipId);
            long schools = organisations.stream().filter(Organisation::isSchool).count();
            assertTrue(organisations.size() - schools >= 10, "at least 10 agencies");
            assertTrue(schools >= 20, "at least 20 schools");
            assertTrue(organisations.stream().map(Organisation::sector).distinct().count() >= 7, "agencies of many sectors");
            assertTrue(organisations.stream().filter(Organisation::isSchool).map(Organisation::category).distinct().count() == 6,
                    "schools of every category");
            assertTrue(organisations.stream().anyMatch(o -> o.parentId() != null), "a council with departments");
            organisationCount = organisations.size();

            for (String email : DEMO_ACCOUNTS) {
                TestBrowser browser = new TestBrowser(server.getURI());
                assertEquals(303, browser.signIn(email, "demo password for tests").status(), email);
                var dashboard = browser.get("/");
                assertEquals(200, dashboard.status(), email);
                assertTrue(dashboard.body().contains(DemoData.PARTNERSHIP), email);
            }
            var dsl = new TestBrowser(server.getURI());
            dsl.signIn("dsl@example.org", "demo password for tests");
            assertTrue(dsl.get("/").body().contains("Riverside Primary School"), "the DSL's demo primary school");
            String dslDashboard = dsl.get("/").body();
            assertTrue(dslDashboard.contains("Section 175/157 audit"), "the DSL has an open schools return");
            assertTrue(dslDashboard.contains("In progress"), "the DSL's return is under way");
            assertTrue(dslDashboard.contains("Keeping Children Safe in Education 2026"), "this year's schools cycle is on KCSIE 2026");
            var dslReturn = java.util.regex.Pattern.compile("href=\"(/returns/\\d+)\"").matcher(dslDashboard);
            assertTrue(dslReturn.find());
            assertTrue(dsl.get(dslReturn.group(1)).body().contains("carried forward answers to check and confirm"),
                    "last year's KCSIE 2025 answers carried forward");
            var lead = new TestBrowser(server.getURI());
            lead.signIn("agency.lead@example.org", "demo password for tests");
            String leadDashboard = lead.get("/").body();
            assertTrue(leadDashboard.contains("Northbridge Constabulary"), "the lead's police force");
            assertFalse(leadDashboard.contains("Riverside Primary School"));
            assertTrue(leadDashboard.contains("Section 11 audit") && leadDashboard.contains("Not started"), "the force's return not started");
            var returnLink = java.util.regex.Pattern.compile("href=\"(/returns/\\d+)\"").matcher(leadDashboard);
            assertTrue(returnLink.find());
            String forceTasks = lead.get(returnLink.group(1)).body();
            assertTrue(forceTasks.contains("carried forward answers to check and confirm"), "answers carried forward from the earlier round");
            assertTrue(forceTasks.contains("Assigned to: Chris Doyle"), "a section shared with the demo contributor");
            var contributor = new TestBrowser(server.getURI());
            contributor.signIn("contributor@example.org", "demo password for tests");
            assertEquals(200, contributor.get(returnLink.group(1)).status(), "the contributor sees the force's return");
            var admin = new TestBrowser(server.getURI());
            admin.signIn("admin@example.org", "demo password for tests");
            String cyclesPage = admin.get("/cycles").body();
            assertTrue(cyclesPage.contains("Section 11 audit") && cyclesPage.contains("Section 175/157 audit"), "two open cycles");
            var cycleLinks = java.util.regex.Pattern.compile("href=\"(/cycles/\\d+)\"").matcher(cyclesPage);
            StringBuilder progress = new StringBuilder();
            while (cycleLinks.find()) {
                progress.append(admin.get(cycleLinks.group(1)).body());
            }
            for (String state : List.of("Not started", "In progress", "Submitted", "Returned for changes")) {
                assertTrue(progress.toString().contains(state), "a return " + state.toLowerCase() + " in the demo cycles");
            }
            // chasing in every state (issue 11)
            var cycleIds = java.util.regex.Pattern.compile("href=\"/cycles/(\\d+)/chasing\"").matcher(progress.toString());
            StringBuilder chasingPages = new StringBuilder();
            while (cycleIds.find()) {
                chasingPages.append(admin.get("/cycles/" + cycleIds.group(1) + "/chasing").body());
            }
            String chasing = chasingPages.toString();
            for (String state : List.of("Reminder, 28 days before the deadline", "Escalation step 2", "Extended to", "Paused",
                    "Not compliant", "has no chair of governors")) {
                assertTrue(chasing.contains(state), "the demo's chasing shows: " + state);
            }
            var dip = java.util.regex.Pattern.compile("href=\"(/cycles/\\d+/dip-sample/\\d+)\"");
            StringBuilder dipPages = new StringBuilder();
            var schoolCycles = java.util.regex.Pattern.compile("href=\"/cycles/(\\d+)/chasing\"").matcher(progress.toString());
            while (schoolCycles.find()) {
                dipPages.append(admin.get("/cycles/" + schoolCycles.group(1) + "/dip-sample").body());
            }
            var record = dip.matcher(dipPages.toString());
            assertTrue(record.find(), "the schools' cycle has a dip sample");
            String sample = admin.get(record.group(1)).body();
            assertTrue(sample.contains("7 12 19 33 41 58") && sample.contains("fingerprint"), "its record shows the seed and the fingerprint");
            var chair = new TestBrowser(server.getURI());
            chair.signIn("chair@example.org", "demo password for tests");
            var chairReturn = java.util.regex.Pattern.compile("href=\"(/returns/\\d+)/chasing\"").matcher(chair.get("/").body());
            assertTrue(chairReturn.find(), "the chair's dashboard leads to the chasing of Riverside's return");
            String chairPage = chair.get(chairReturn.group(1) + "/chasing").body();
            assertTrue(chairPage.contains("Escalation step 2") && chairPage.contains("Martin Hale") && chairPage.contains("Record a response"),
                    "the chair was emailed at step 2 and can respond");

            // panels: both kinds, the schools' cases in every state, a conflict, work for panel@example.org, a challenge to answer
            String panelsPage = admin.get("/panels").body();
            assertTrue(panelsPage.contains("Schools assurance panel") && panelsPage.contains("Section 11 scrutiny day"), panelsPage);
            var schoolsPanels = java.util.regex.Pattern.compile("href=\"(/panels/\\d+)\">Schools assurance panel").matcher(panelsPage);
            StringBuilder panelPages = new StringBuilder();
            while (schoolsPanels.find()) {
                panelPages.append(admin.get(schoolsPanels.group(1)).body());
            }
            String panelPage = panelPages.toString();
            for (String state : List.of("Not marked", "One marker done", "Marked", "Moderated", "Letter sent", "Return not submitted", "Dip sample")) {
                assertTrue(panelPage.contains(state), "the schools' panel has a case: " + state);
            }
            var rita = new TestBrowser(server.getURI());
            rita.signIn("panel@example.org", "demo password for tests");
            String ritaDashboard = rita.get("/").body();
            assertTrue(ritaDashboard.contains("Your panel cases") && ritaDashboard.contains("To mark")
                    && ritaDashboard.contains("Marking started: to finish"), ritaDashboard);
            var sarah = new TestBrowser(server.getURI());
            sarah.signIn("sarah.lin@northbridge-academy.example.org", "demo password for tests");
            assertTrue(sarah.get("/").body().contains("Conflict of interest"), "a trust colleague's school is a conflict");
            var thornbury = new TestBrowser(server.getURI());
            thornbury.signIn("dsl@thornbury-park-school.example.org", "demo password for tests");
            var challenged = java.util.regex.Pattern.compile("href=\"(/returns/\\d+)\"").matcher(thornbury.get("/").body());
            assertTrue(challenged.find());
            String answers = thornbury.get(challenged.group(1) + "/challenges").body();
            assertTrue(answers.contains("supervision of staff") && answers.contains("Answer"), answers);

            // action plans: every state on the tracker, escalation sent for an overdue one, last year's carried into this year's
            String tracker = admin.get("/actions?page=1").body();
            for (String state : List.of("In progress", "Done – awaiting verification", "Verified", "Withdrawn", "Overdue", "Not started")) {
                assertTrue(tracker.contains(state), "the demo's action tracker shows: " + state);
            }
            String riversideTasks = dsl.get(dslReturn.group(1)).body();
            assertTrue(riversideTasks.contains("From last cycle"), "Riverside's open actions from last year show on this year's return");
            String forceTasks2 = lead.get(returnLink.group(1)).body();
            assertTrue(forceTasks2.contains("From last cycle"), "the force's actions from the earlier round show on the current one");
            var chased = java.util.regex.Pattern.compile("href=\"(/actions/\\d+)\"").matcher(admin.get("/actions?overdue=yes").body());
            boolean escalated = false;
            while (chased.find() && !escalated) {
                String actionPage = admin.get(chased.group(1)).body();
                escalated = actionPage.contains("Reminders and escalation emails about this action") && actionPage.contains(">Sent<");
            }
            assertTrue(escalated, "an overdue action's escalation was sent");
        }
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            var context = restarted.getApplicationContext();
            long partnershipId = context.getBean(PartnershipService.class).findByName(DemoData.PARTNERSHIP).orElseThrow().id();
            assertEquals(organisationCount, context.getBean(OrganisationService.class).active(partnershipId).size(), "a restart adds nothing");
        }
    }
}
