package org.assure.cycles;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.audit.AuditEvent;
import org.assure.audit.AuditTrail;
import org.assure.banks.QuestionBanks;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.ReturnFilling;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 14: closing asks first and can be undone while nothing has followed; a changed bank never keeps
 * the old bank's audience, and an audience must fit its bank; dates in the past are warned about; a draft can be
 * deleted.
 */
@MicronautTest(transactional = false)
class CycleSafeguardsWebTest extends WebTest {
    @Inject
    CycleService cycles;
    @Inject
    QuestionBanks banks;
    @Inject
    AuditTrail audit;

    /** Fields a form posts once: a value given for one replaces the default; others (checkboxes) add up. */
    private static final java.util.Set<String> SINGLE = java.util.Set.of("name", "bank", "shownBank", "audience", "version", "pastDatesConfirmed");

    private LocalDate today() {
        return Dates.today(clock);
    }

    private List<Map.Entry<String, String>> form(String name, String bank, LocalDate opens, String... more) {
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("name", name), Map.entry("bank", bank),
                Map.entry("shownBank", bank), Map.entry("audience", "TYPES")));
        date(f, "opens", opens);
        date(f, "deadline", opens.plusDays(30));
        for (int i = 0; i < more.length; i += 2) {
            String key = more[i];
            if (SINGLE.contains(key)) {
                f.removeIf(e -> e.getKey().equals(key));
            }
            f.add(Map.entry(key, more[i + 1]));
        }
        return f;
    }

    private static void date(List<Map.Entry<String, String>> f, String name, LocalDate d) {
        f.removeIf(e -> e.getKey().startsWith(name + "D") || e.getKey().startsWith(name + "M") || e.getKey().startsWith(name + "Y"));
        f.add(Map.entry(name + "Day", String.valueOf(d.getDayOfMonth())));
        f.add(Map.entry(name + "Month", String.valueOf(d.getMonthValue())));
        f.add(Map.entry(name + "Year", String.valueOf(d.getYear())));
    }

    private static long idFrom(TestBrowser.Page created) {
        assertEquals(303, created.status(), created.body());
        String location = created.location();
        return Long.parseLong(location.substring("/cycles/".length(), location.indexOf('?')));
    }

    private static void assertContains(String body, String... texts) {
        for (String t : texts) {
            assertTrue(body.contains(t), () -> "Expected «" + t + "» in:\n" + body);
        }
    }

    private List<String> actions(Partnership p, long id) {
        return audit.history(p.id(), CycleAudit.KIND, id).stream().map(AuditEvent::action).toList();
    }

    @Test
    void closingAsksFirstAndAClosedCycleReopensUntilSomethingHappensToItsReturns() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        TestBrowser browser = signedIn(admin);
        long id = idFrom(browser.postRepeated("/cycles", form("Closing audit", "section-175/2025", today(), "kinds", "SCHOOL")));
        assertEquals(303, browser.post("/cycles/" + id + "/open").status());

        var open = browser.get("/cycles/" + id).body();
        assertContains(open, "href=\"/cycles/" + id + "/close\"");
        assertFalse(open.contains("action=\"/cycles/" + id + "/close\""), "the cycle page has no one-click close");
        var confirm = browser.get("/cycles/" + id + "/close");
        assertEquals(200, confirm.status());
        assertContains(confirm.body(), "Are you sure you want to close this cycle?", "0 of 1 returns are submitted",
                "The other 1 can no longer be changed", "action=\"/cycles/" + id + "/close\"", "No, go back to the cycle");
        assertEquals("Open", cycles.get(currentUser(admin, p), id).status().label(), "looking at the confirmation changes nothing");

        // the lead submits; then the admin closes, and can reopen: nothing has happened since
        long returnId = cycles.returnOf(id, school.id()).orElseThrow();
        TestBrowser lead = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, school));
        ReturnFilling.completeEverySection(lead, "/returns/" + returnId, banks.get("section-175", "2025"));
        assertEquals(303, lead.post("/returns/" + returnId + "/submit", "name", "Dee Esel", "role", "DSL", "confirm", "true").status());
        clock.advance(Duration.ofMinutes(1));
        var closed = browser.post("/cycles/" + id + "/close");
        assertEquals(303, closed.status());
        assertContains(browser.follow(closed).body(), "Cycle closed", "Reopen cycle", "action=\"/cycles/" + id + "/reopen\"");
        assertEquals(409, browser.get("/cycles/" + id + "/close").status());
        assertEquals(409, browser.post("/cycles/" + id + "/close").status());

        var reopened = browser.post("/cycles/" + id + "/reopen");
        assertEquals(303, reopened.status());
        assertContains(browser.follow(reopened).body(), "Cycle reopened", "govuk-tag--green\">Open");
        assertEquals(409, browser.post("/cycles/" + id + "/reopen").status(), "an open cycle is not reopened");

        // closed again, and then something happens to a return: the close stands
        clock.advance(Duration.ofMinutes(1));
        assertEquals(303, browser.post("/cycles/" + id + "/close").status());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(303, browser.post("/returns/" + returnId + "/return-for-changes", "reason", "The online safety evidence is missing").status());
        var after = browser.get("/cycles/" + id).body();
        assertContains(after, "Something has happened to this cycle&#39;s returns since it was closed, so it can no longer be reopened.");
        assertFalse(after.contains("action=\"/cycles/" + id + "/reopen\""));
        var refused = browser.post("/cycles/" + id + "/reopen");
        assertEquals(409, refused.status());
        assertContains(refused.body(), "can no longer be reopened");
        assertEquals("Closed", cycles.get(currentUser(admin, p), id).status().label());

        assertEquals(303, browser.post("/cycles/" + id + "/archive").status());
        assertContains(browser.post("/cycles/" + id + "/reopen").body(), "Only a closed cycle can be reopened");
        assertEquals(List.of("created", "open", "closed", "reopened", "closed", "archived"), actions(p, id));

        assertEquals(404, signedIn(fixtures.admin(fixtures.partnership())).post("/cycles/" + id + "/reopen").status());
    }

    @Test
    void aChangedBankShowsItsOwnAudienceAndAnAudienceMustFitTheBank() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Organisation agency = fixtures.agency(p);
        Organisation otherAgency = fixtures.agency(p);
        TestBrowser browser = signedIn(fixtures.admin(p));

        // the page showed the schools bank's audience; the admin picked the Section 11 bank and saved
        var changed = browser.postRepeated("/cycles", form("Agencies 2026", "section-11/2023", today(), "shownBank", "section-175/2025",
                "kinds", "SCHOOL", "categories", "MAINTAINED", "categories", "ACADEMY"));
        assertEquals(422, changed.status());
        String body = changed.body();
        assertContains(body, "You changed the question bank, so who the cycle is for now shows that bank&#39;s own audience",
                "href=\"#kinds\"", "value=\"AGENCY\" checked", "name=\"shownBank\" value=\"section-11/2023\"", "value=\"Agencies 2026\"");
        assertFalse(body.contains("value=\"SCHOOL\" checked"), "the old bank's kinds are unticked");
        assertFalse(body.contains("value=\"MAINTAINED\" checked"), "the old bank's categories are unticked");
        assertFalse(browser.get("/cycles").body().contains("Agencies 2026"), "nothing was saved");

        // saved as re-shown: an agencies cycle
        long id = idFrom(browser.postRepeated("/cycles", form("Agencies 2026", "section-11/2023", today(), "kinds", "AGENCY")));
        String detail = browser.get("/cycles/" + id).body();
        assertContains(detail, "Agency", "creates a return for 2 active organisations");

        // a crafted post, without the page's own field, cannot save schools for the Section 11 bank either
        List<Map.Entry<String, String>> crafted = form("Crafted", "section-11/2023", today(), "kinds", "SCHOOL");
        crafted.removeIf(e -> e.getKey().equals("shownBank"));
        var schoolsForSection11 = browser.postRepeated("/cycles", crafted);
        assertEquals(422, schoolsForSection11.status());
        assertContains(schoolsForSection11.body(), "This question bank version is for agencies only: tick only that kind of organisation");
        var everyKind = browser.postRepeated("/cycles", form("Every kind", "section-175/2025", today(), "categories", "MAINTAINED"));
        assertEquals(422, everyKind.status(), "no kind ticked means every kind, agencies included");
        assertContains(everyKind.body(), "This question bank version is for schools and colleges only");
        var chosen = browser.postRepeated("/cycles", form("Chosen", "section-11/2023", today(), "audience", "CHOSEN",
                "organisations", String.valueOf(agency.id()), "organisations", String.valueOf(school.id())));
        assertEquals(422, chosen.status());
        assertContains(chosen.body(), "This question bank version is for agencies, not for " + school.name() + ": untick it");

        // choosing from a list: a changed bank keeps only the organisations it is for
        var changedChosen = browser.postRepeated("/cycles", form("Chosen", "section-11/2023", today(), "shownBank", "section-175/2025",
                "audience", "CHOSEN", "organisations", String.valueOf(agency.id()), "organisations", String.valueOf(school.id())));
        assertEquals(422, changedChosen.status());
        assertContains(changedChosen.body(), "href=\"#organisations\"", "type=\"checkbox\" value=\"" + agency.id() + "\" checked");
        assertFalse(changedChosen.body().contains("type=\"checkbox\" value=\"" + school.id() + "\" checked"));

        // the edit page follows the same rules
        var editChanged = browser.postRepeated("/cycles/" + id + "/edit", form("Agencies 2026", "section-175/2025", today(),
                "shownBank", "section-11/2023", "kinds", "AGENCY", "version", "0"));
        assertEquals(422, editChanged.status());
        assertContains(editChanged.body(), "You changed the question bank", "value=\"SCHOOL\" checked", "value=\"MAINTAINED\" checked");
        assertFalse(editChanged.body().contains("value=\"AGENCY\" checked"));

        // an open Section 11 cycle offers agencies only, and refuses a school posted anyway
        List<Map.Entry<String, String>> one = form("One agency", "section-11/2023", today(), "audience", "CHOSEN",
                "organisations", String.valueOf(agency.id()));
        long single = idFrom(browser.postRepeated("/cycles", one));
        assertEquals(303, browser.post("/cycles/" + single + "/open").status());
        String page = browser.get("/cycles/" + single).body();
        assertContains(page, "<option value=\"" + otherAgency.id() + "\"");
        assertFalse(page.contains("<option value=\"" + school.id() + "\""), "a school is not offered for a Section 11 cycle");
        var addSchool = browser.post("/cycles/" + single + "/organisations", "organisationId", String.valueOf(school.id()));
        assertEquals(409, addSchool.status());
        assertContains(addSchool.body(), school.name() + " cannot be added: this cycle&#39;s question bank is for agencies only.");
        assertTrue(cycles.returnOf(single, school.id()).isEmpty(), "no return was created");
        assertEquals(303, browser.post("/cycles/" + single + "/organisations", "organisationId", String.valueOf(otherAgency.id())).status());
    }

    @Test
    void pastDatesAreWarnedAboutAndKeptUntilConfirmed() {
        Partnership p = fixtures.partnership();
        fixtures.school(p);
        TestBrowser browser = signedIn(fixtures.admin(p));
        LocalDate lastWeek = today().minusDays(7);

        var warned = browser.postRepeated("/cycles", form("Backdated", "section-175/2025", lastWeek, "kinds", "SCHOOL"));
        assertEquals(422, warned.status());
        assertContains(warned.body(), "The opening date (" + Dates.date(lastWeek) + ") is in the past. Check the dates, or tick the box to use them anyway",
                "href=\"#pastDatesConfirmed\"", "name=\"pastDatesConfirmed\" type=\"checkbox\" value=\"true\"", "value=\"Backdated\"",
                "name=\"opensDay\" type=\"text\" inputmode=\"numeric\" value=\"" + lastWeek.getDayOfMonth() + "\"");
        assertFalse(browser.get("/cycles").body().contains("Backdated"));

        List<Map.Entry<String, String>> both = form("Long past", "section-175/2025", today().minusDays(60), "kinds", "SCHOOL");
        date(both, "deadline", today().minusDays(1));
        assertContains(browser.postRepeated("/cycles", both).body(), "The opening date (" + Dates.date(today().minusDays(60))
                + ") and the deadline (" + Dates.date(today().minusDays(1)) + ") are in the past");
        assertFalse(browser.postRepeated("/cycles", form("Today", "section-175/2025", today(), "kinds", "SCHOOL")).body()
                .contains("in the past"), "today is not in the past");

        long id = idFrom(browser.postRepeated("/cycles", form("Backdated", "section-175/2025", lastWeek, "kinds", "SCHOOL",
                "pastDatesConfirmed", "true")));
        assertContains(browser.get("/cycles/" + id).body(), Dates.date(lastWeek));
        // editing asks again only if the box is not ticked: the page keeps it ticked once confirmed
        var edit = browser.postRepeated("/cycles/" + id + "/edit", form("Backdated again", "section-175/2025", lastWeek, "kinds", "SCHOOL",
                "version", "0"));
        assertEquals(422, edit.status());
        assertContains(edit.body(), "is in the past");
        assertEquals(303, browser.postRepeated("/cycles/" + id + "/edit", form("Backdated again", "section-175/2025", lastWeek,
                "kinds", "SCHOOL", "version", "0", "pastDatesConfirmed", "true")).status());
    }

    @Test
    void aDraftCycleIsDeletedAfterConfirmingAndAnOpenedOneNever() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        TestBrowser browser = signedIn(admin);
        long draft = idFrom(browser.postRepeated("/cycles", form("Mistaken draft", "section-175/2025", today(), "audience", "CHOSEN",
                "organisations", String.valueOf(school.id()))));

        assertContains(browser.get("/cycles/" + draft).body(), "href=\"/cycles/" + draft + "/delete\"");
        var confirm = browser.get("/cycles/" + draft + "/delete");
        assertEquals(200, confirm.status());
        assertContains(confirm.body(), "Are you sure you want to delete Mistaken draft?", "action=\"/cycles/" + draft + "/delete\"");
        assertEquals(404, signedIn(fixtures.admin(fixtures.partnership())).post("/cycles/" + draft + "/delete").status());
        assertEquals(403, signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, school)).post("/cycles/" + draft + "/delete").status());

        var deleted = browser.post("/cycles/" + draft + "/delete");
        assertEquals(303, deleted.status());
        assertEquals("/cycles?saved=deleted", deleted.location());
        String list = browser.follow(deleted).body();
        assertContains(list, "Draft cycle deleted");
        assertFalse(list.contains("Mistaken draft"));
        assertEquals(404, browser.get("/cycles/" + draft).status());
        assertEquals(List.of("created", "deleted"), actions(p, draft));
        AuditEvent gone = audit.history(p.id(), CycleAudit.KIND, draft).get(1);
        assertEquals("Mistaken draft", gone.before().get(CycleAudit.NAME));

        long opened = idFrom(browser.postRepeated("/cycles", form("Opened", "section-175/2025", today(), "kinds", "SCHOOL")));
        assertEquals(303, browser.post("/cycles/" + opened + "/open").status());
        assertFalse(browser.get("/cycles/" + opened).body().contains("/delete\""), "an opened cycle offers no delete");
        var refused = browser.get("/cycles/" + opened + "/delete");
        assertEquals(409, refused.status());
        assertContains(refused.body(), "Only a draft cycle can be deleted");
        assertEquals(409, browser.post("/cycles/" + opened + "/delete").status());
        assertTrue(cycles.returnOf(opened, school.id()).isPresent());
    }

    private static org.assure.access.CurrentUser currentUser(Fixtures.Person admin, Partnership p) {
        return new org.assure.access.CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin",
                java.util.Set.of(org.assure.access.Roles.ADMIN), java.util.Set.of());
    }
}
