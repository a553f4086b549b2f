package org.assure.cycles;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.access.Role;
import org.assure.audit.AuditEvent;
import org.assure.audit.AuditTrail;
import org.assure.banks.QuestionBanks;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.assure.kernel.Dates;

@MicronautTest(transactional = false)
class CyclesWebTest extends WebTest {
    @Inject
    OrganisationService organisations;
    @Inject
    QuestionBanks banks;
    @Inject
    Emails emails;
    @Inject
    AuditTrail audit;

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
    }

    /** A valid form for the 2025 Section 175/157 bank: maintained schools, opening today, deadline in 30 days. */
    private List<Map.Entry<String, String>> form(String name) {
        LocalDate opens = today(), deadline = opens.plusDays(30);
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("name", name));
        f.add(Map.entry("bank", "section-175/2025"));
        f.add(Map.entry("audience", "TYPES"));
        f.add(Map.entry("kinds", "SCHOOL"));
        f.add(Map.entry("categories", "MAINTAINED"));
        date(f, "opens", opens);
        date(f, "deadline", deadline);
        return f;
    }

    private static void date(List<Map.Entry<String, String>> f, String name, LocalDate d) {
        set(f, name + "Day", String.valueOf(d.getDayOfMonth()));
        set(f, name + "Month", String.valueOf(d.getMonthValue()));
        set(f, name + "Year", String.valueOf(d.getYear()));
    }

    private static List<Map.Entry<String, String>> set(List<Map.Entry<String, String>> f, String key, String value) {
        f.removeIf(e -> e.getKey().equals(key));
        f.add(Map.entry(key, value));
        return f;
    }

    private Organisation school(Partnership p, SchoolCategory category, Phase phase) {
        int n = Fixtures.next();
        return organisations.create(p.id(), null, new OrganisationDetails(OrganisationKind.SCHOOL, "School " + category + " " + n, null,
                phase, category, String.valueOf(700000 + n), null, "Testshire", "TS1 1AA", false, false, null,
                List.of(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", "dsl" + n + "@school.test", null),
                        new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Head Teacher", "head" + n + "@school.test", null),
                        new OrganisationDetails.Contact(ContactRole.CHAIR_OF_GOVERNORS, "Chair", "chair" + n + "@school.test", null))));
    }

    private static String email(Organisation o, ContactRole role, OrganisationService organisations) {
        return organisations.contacts(o.id()).stream().filter(c -> c.role() == role).findFirst().orElseThrow().email();
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

    @Test
    void badInputIsRefusedWithMessagesAndKept() {
        Partnership p = fixtures.partnership();
        fixtures.school(p);
        TestBrowser browser = signedIn(fixtures.admin(p));
        var newForm = browser.get("/cycles/new");
        assertEquals(200, newForm.status());
        assertContains(newForm.body(), "Section 175/157 safeguarding self-assessment for schools and colleges — Keeping Children Safe in Education 2025",
                "value=\"SCHOOL\" checked", "value=\"MAINTAINED\" checked", "id=\"opens-month\"");

        var missingName = browser.postRepeated("/cycles", set(form("x"), "name", " "));
        assertEquals(422, missingName.status());
        assertContains(missingName.body(), "Enter a name for the cycle", "href=\"#name\"", "name=\"categories\" type=\"checkbox\" value=\"MAINTAINED\" checked");

        var impossible = browser.postRepeated("/cycles", set(set(form("Kept name"), "opensDay", "31"), "opensMonth", "2"));
        assertEquals(422, impossible.status());
        assertContains(impossible.body(), "Opening date must be a real date", "value=\"Kept name\"", "name=\"opensDay\" type=\"text\" inputmode=\"numeric\" value=\"31\"");

        var noYear = browser.postRepeated("/cycles", set(form("x"), "deadlineYear", ""));
        assertContains(noYear.body(), "Deadline must include a year");

        List<Map.Entry<String, String>> before = form("x");
        date(before, "deadline", today().minusDays(1));
        var deadlineBefore = browser.postRepeated("/cycles", before);
        assertEquals(422, deadlineBefore.status());
        assertContains(deadlineBefore.body(), "The deadline must be after the opening date");

        List<Map.Entry<String, String>> fin = form("x");
        date(fin, "final", today().plusDays(29));
        date(fin, "panel", today().plusDays(30));
        var finalBefore = browser.postRepeated("/cycles", fin);
        assertEquals(422, finalBefore.status());
        assertContains(finalBefore.body(), "The final deadline must be on or after the deadline", "The panel date must be after the deadline");

        var nobody = browser.postRepeated("/cycles", set(form("x"), "categories", "INDEPENDENT"));
        assertEquals(422, nobody.status());
        assertContains(nobody.body(), "No active organisation is of the types you selected");

        var noneChosen = browser.postRepeated("/cycles", set(form("x"), "audience", "CHOSEN"));
        assertEquals(422, noneChosen.status());
        assertContains(noneChosen.body(), "Select at least one organisation");

        var missingDates = browser.postRepeated("/cycles", List.of(Map.entry("name", "x"), Map.entry("bank", "nope/1")));
        assertEquals(422, missingDates.status());
        assertContains(missingDates.body(), "Select a question bank version", "Select who the cycle is for", "Enter the opening date", "Enter the deadline");
    }

    @Test
    void createEditOpenAddCloseAndArchive() {
        Partnership p = fixtures.partnership();
        Organisation maintained = school(p, SchoolCategory.MAINTAINED, Phase.PRIMARY);
        Organisation academy = school(p, SchoolCategory.ACADEMY, Phase.SECONDARY);
        Organisation archived = school(p, SchoolCategory.MAINTAINED, Phase.PRIMARY);
        Organisation agency = fixtures.agency(p);
        TestBrowser browser = signedIn(fixtures.admin(p));
        assertEquals(303, browser.post("/organisations/" + archived.id() + "/archive").status());

        long id = idFrom(browser.postRepeated("/cycles", set(form("Schools audit 2026"), "bank", "section-175/2024")));
        assertContains(browser.get("/cycles").body(), "Schools audit 2026", "Draft", Dates.date(today().plusDays(30)));
        assertContains(browser.get("/cycles/" + id + "?saved=created").body(), "Cycle created", "Maintained school",
                "creates a return for 1 active organisation and");

        var edit = browser.get("/cycles/" + id + "/edit");
        assertContains(edit.body(), "value=\"Schools audit 2026\"", "name=\"version\" value=\"0\"");
        var stale = browser.postRepeated("/cycles/" + id + "/edit", set(form("Stale"), "version", "7"));
        assertEquals(409, stale.status());
        assertContains(stale.body(), "Someone else changed this cycle");
        var updated = browser.postRepeated("/cycles/" + id + "/edit", set(set(form("Schools audit 2026–27"), "bank", "section-175/2024"), "version", "0"));
        assertEquals(303, updated.status(), updated.body());
        assertFalse(banks.isFrozen("section-175", "2024"), "not frozen before opening (no other test opens 2024)");

        var opened = browser.post("/cycles/" + id + "/open");
        assertEquals(303, opened.status(), opened.body());
        var page = browser.follow(opened).body();
        assertContains(page, "Cycle opened", "Schools audit 2026–27", maintained.name(), "0% submitted", "(0 of 1 returns)", "0%");
        assertFalse(page.contains(academy.name() + "<span class=\"govuk-visually-hidden\"> return</span></a>"), "academies are not in the audience");
        assertFalse(page.contains(archived.name() + "<span class=\"govuk-visually-hidden\"> return</span></a>"), "archived schools are not in the audience");
        assertFalse(page.contains(agency.name() + "<span class=\"govuk-visually-hidden\"> return</span></a>"), "agencies are not in the audience");
        assertTrue(banks.isFrozen("section-175", "2024"));

        // the school has no lead account: its DSL is invited as lead, and told about the cycle (ADR 0025)
        var invitation = emails.latest(p.id(), email(maintained, ContactRole.DSL, organisations));
        assertContains(invitation.body(), "Schools audit 2026–27", maintained.name(), "http://assure.test/",
                Dates.date(today().plusDays(30)));
        assertEquals(2, emails.to(p.id(), email(maintained, ContactRole.DSL, organisations)).size());
        assertEquals(0, emails.to(p.id(), email(maintained, ContactRole.HEADTEACHER, organisations)).size());
        assertEquals(0, emails.to(p.id(), email(maintained, ContactRole.CHAIR_OF_GOVERNORS, organisations)).size());
        assertEquals(0, emails.to(p.id(), email(archived, ContactRole.DSL, organisations)).size());

        var editAfterOpen = browser.get("/cycles/" + id + "/edit");
        assertEquals(409, editAfterOpen.status());
        assertContains(editAfterOpen.body(), "so it can no longer be edited");
        assertEquals(409, browser.postRepeated("/cycles/" + id + "/edit", set(form("Late edit"), "version", "1")).status());
        assertEquals(409, browser.post("/cycles/" + id + "/open").status());
        assertEquals(409, browser.post("/cycles/" + id + "/archive").status());

        var added = browser.post("/cycles/" + id + "/organisations", "organisationId", String.valueOf(academy.id()));
        assertEquals(303, added.status(), added.body());
        assertContains(browser.follow(added).body(), "Organisation added to the cycle", academy.name() + "<span class=\"govuk-visually-hidden\"> return</span></a>", "(0 of 2 returns)");
        assertEquals(2, emails.to(p.id(), email(academy, ContactRole.DSL, organisations)).size());
        var duplicate = browser.post("/cycles/" + id + "/organisations", "organisationId", String.valueOf(academy.id()));
        assertEquals(409, duplicate.status());
        assertContains(duplicate.body(), "is already in this cycle");
        assertEquals(404, browser.post("/cycles/" + id + "/organisations", "organisationId", String.valueOf(archived.id())).status());
        Organisation elsewhere = fixtures.school(fixtures.partnership());
        assertEquals(404, browser.post("/cycles/" + id + "/organisations", "organisationId", String.valueOf(elsewhere.id())).status());
        assertEquals(422, browser.post("/cycles/" + id + "/organisations", "organisationId", "").status());

        assertEquals(200, browser.get("/cycles/" + id + "/close").status());
        assertEquals(303, browser.post("/cycles/" + id + "/close").status());
        assertEquals(409, browser.post("/cycles/" + id + "/close").status());
        var addWhenClosed = browser.post("/cycles/" + id + "/organisations", "organisationId", String.valueOf(agency.id()));
        assertEquals(409, addWhenClosed.status());
        assertContains(addWhenClosed.body(), "only while the cycle is open");
        assertEquals(303, browser.post("/cycles/" + id + "/archive").status());
        assertContains(browser.get("/cycles/" + id).body(), "Archived");
        assertEquals(409, browser.post("/cycles/" + id + "/archive").status());

        assertEquals(List.of("created", "updated", "open", "organisation added", "closed", "archived"),
                audit.history(p.id(), CycleAudit.KIND, id).stream().map(AuditEvent::action).toList());
    }

    @Test
    void chosenListProgressFiltersLateFlagAndSpreadsheet() throws IOException {
        Partnership p = fixtures.partnership();
        Organisation primary = school(p, SchoolCategory.MAINTAINED, Phase.PRIMARY);
        Organisation secondary = school(p, SchoolCategory.ACADEMY, Phase.SECONDARY);
        Organisation agency = fixtures.agency(p);
        school(p, SchoolCategory.SPECIAL, Phase.PRIMARY);
        Fixtures.Person admin = fixtures.admin(p);
        TestBrowser browser = signedIn(admin);
        List<Map.Entry<String, String>> f = form("Chosen few");
        set(f, "audience", "CHOSEN");
        f.add(Map.entry("organisations", String.valueOf(primary.id())));
        f.add(Map.entry("organisations", String.valueOf(secondary.id())));
        f.add(Map.entry("organisations", String.valueOf(agency.id())));
        var agencyForSchoolsBank = browser.postRepeated("/cycles", f);
        assertEquals(422, agencyForSchoolsBank.status(), "the schools bank is not for agencies");
        f.removeIf(e -> e.getKey().equals("organisations") && e.getValue().equals(String.valueOf(agency.id())));
        long id = idFrom(browser.postRepeated("/cycles", f));
        assertContains(browser.get("/cycles/" + id).body(), "2 chosen organisations");
        assertEquals(303, browser.post("/cycles/" + id + "/open").status());
        assertEquals(0, emails.to(p.id(), email(agency, ContactRole.LEAD, organisations)).size());

        var page = browser.get("/cycles/" + id).body();
        assertContains(page, "(0 of 2 returns)", primary.name(), secondary.name());
        assertFalse(page.contains(agency.name() + "<span"), "the agency is not in the cycle");
        assertFalse(page.contains("govuk-tag--red\">Late"), "nothing is late before the deadline");

        var schools = browser.get("/cycles/" + id + "?kind=SCHOOL").body();
        assertContains(schools, primary.name(), secondary.name(), "2 returns matching the filters");
        assertFalse(schools.contains(agency.name()));
        var secondaries = browser.get("/cycles/" + id + "?phase=SECONDARY").body();
        assertContains(secondaries, secondary.name(), "1 return matching the filters");
        assertFalse(secondaries.contains(primary.name()));
        assertContains(browser.get("/cycles/" + id + "?status=SUBMITTED").body(), "0 returns matching the filters");
        assertContains(browser.get("/cycles/" + id + "?status=NOT_STARTED").body(), "2 returns matching the filters");
        assertContains(browser.get("/cycles/" + id + "?kind=AGENCY").body(), "0 returns matching the filters");

        clock.advance(Duration.ofDays(31));
        browser = signedIn(admin);
        var late = browser.get("/cycles/" + id).body();
        assertContains(late, "2 late", "govuk-tag--red\">Late");

        var download = browser.get("/cycles/" + id + "/progress.xlsx?kind=SCHOOL");
        assertEquals(200, download.status());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.raw().body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Organisation", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertEquals(2, sheet.getLastRowNum());
            List<String> names = List.of(sheet.getRow(1).getCell(0).getStringCellValue(), sheet.getRow(2).getCell(0).getStringCellValue());
            assertTrue(names.containsAll(List.of(primary.name(), secondary.name())), names.toString());
            assertEquals("Not started", sheet.getRow(1).getCell(3).getStringCellValue());
            assertEquals(0.0, sheet.getRow(1).getCell(4).getNumericCellValue());
            assertEquals("Late", sheet.getRow(1).getCell(7).getStringCellValue());
        }
    }

    @Test
    void onlyAdminsOfThePartnershipSeeCycles() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        TestBrowser admin = signedIn(fixtures.admin(p));
        long id = idFrom(admin.postRepeated("/cycles", form("Ours")));

        TestBrowser lead = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, school));
        for (String path : List.of("/cycles", "/cycles/new", "/cycles/" + id, "/cycles/" + id + "/progress.xlsx")) {
            assertEquals(403, lead.get(path).status(), path);
        }
        assertEquals(403, lead.post("/cycles/" + id + "/open").status());
        assertFalse(lead.get("/").body().contains("href=\"/cycles\""));
        assertContains(admin.get("/").body(), "href=\"/cycles\"");

        Partnership other = fixtures.partnership();
        fixtures.school(other);
        TestBrowser otherAdmin = signedIn(fixtures.admin(other));
        for (String path : List.of("/cycles/" + id, "/cycles/" + id + "/edit", "/cycles/" + id + "/progress.xlsx")) {
            assertEquals(404, otherAdmin.get(path).status(), path);
        }
        assertEquals(404, otherAdmin.post("/cycles/" + id + "/open").status());
        assertFalse(otherAdmin.get("/cycles").body().contains("Ours"));
        assertEquals(303, admin.post("/cycles/" + id + "/open").status());
        assertEquals(404, otherAdmin.post("/cycles/" + id + "/close").status());
    }
}
