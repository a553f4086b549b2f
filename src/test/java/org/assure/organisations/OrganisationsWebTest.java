package org.assure.organisations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.audit.AuditEvent;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OrganisationsWebTest extends WebTest {
    @Inject
    AuditTrail audit;
    @Inject
    OrganisationService organisations;
    @Inject
    org.assure.notify.Recipients recipients;

    static Map<String, String> school(String name, String urn) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "SCHOOL");
        fields.put("version", "0");
        fields.put("name", name);
        fields.put("category", "ACADEMY");
        fields.put("phase", "SECONDARY");
        fields.put("urn", urn);
        fields.put("trustName", "Oak Leaf Learning Trust");
        fields.put("localAuthority", "Sandwell");
        fields.put("postcode", "ZZ1 1ZZ");
        fields.put("hasBoarding", "true");
        fields.put("parentId", "");
        fields.put("headteacherName", "Mrs Chloë Shah");
        fields.put("headteacherEmail", "head@school.test");
        fields.put("dslName", "Dee Esel");
        fields.put("dslEmail", "dsl@school.test");
        return fields;
    }

    static Map<String, String> agency(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "AGENCY");
        fields.put("version", "0");
        fields.put("name", name);
        fields.put("sector", "POLICE");
        fields.put("parentId", "");
        fields.put("leadName", "Det Supt Mark Ellison");
        fields.put("leadEmail", "lead@police.test");
        return fields;
    }

    static Map<String, String> with(Map<String, String> fields, String... keyValues) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put(keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    static long idFrom(TestBrowser.Page created) {
        assertEquals(303, created.status(), created.body());
        String location = created.location();
        return Long.parseLong(location.substring("/organisations/".length(), location.indexOf('?')));
    }

    private TestBrowser admin(Partnership p) {
        return signedIn(fixtures.admin(p));
    }

    private String urn() {
        return String.valueOf(300000 + Fixtures.next());
    }

    /** Issue 9 item 17: ?kind=agency, as people and links write it, works like ?kind=AGENCY. */
    @Test
    void theKindMayBeWrittenInAnyCase() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        Organisation agency = fixtures.agency(p);
        Organisation school = fixtures.school(p);
        for (String kind : List.of("agency", "Agency", "AGENCY", " agency ")) {
            var form = browser.get("/organisations/new?kind=" + java.net.URLEncoder.encode(kind, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, form.status(), kind);
            assertTrue(form.body().contains("name=\"kind\" value=\"AGENCY\""), kind);
        }
        var list = browser.get("/organisations?kind=agency");
        assertEquals(200, list.status());
        assertTrue(list.body().contains(">" + agency.name() + "</a>"));
        assertFalse(list.body().contains(">" + school.name() + "</a>"), "the filter applies");
        assertTrue(list.body().contains("value=\"AGENCY\" selected"), "and shows as chosen");
        assertEquals(404, browser.get("/organisations/new?kind=planet").status());
        assertEquals(404, browser.get("/organisations/new?kind=%00").status());
        String parents = TestBrowser.unescape(browser.get("/organisations/new?kind=school").body());
        assertTrue(parents.contains(school.name() + " (URN " + school.urn() + ")"), "schools show their URN in the drop-down");
        assertTrue(parents.contains(agency.name() + " (Police)"));
    }

    @Test
    void adminAddsEditsArchivesAndRestoresAnAgency() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        assertEquals(200, browser.get("/organisations/new?kind=AGENCY").status());
        var created = browser.post("/organisations", agency("Northbridge Constabulary"));
        long id = idFrom(created);
        assertEquals("/organisations/" + id + "?saved=created", created.location());

        var detail = browser.follow(created);
        assertTrue(detail.body().contains("Organisation added"));
        assertTrue(detail.body().contains("Northbridge Constabulary"));
        assertTrue(detail.body().contains("Police"));
        assertTrue(detail.body().contains("Det Supt Mark Ellison"));
        assertTrue(browser.get("/organisations").body().contains(">Northbridge Constabulary</a>"));

        var edit = browser.get("/organisations/" + id + "/edit");
        assertTrue(edit.body().contains("value=\"Northbridge Constabulary\""));
        assertTrue(edit.body().contains("name=\"version\" value=\"0\""));
        var updated = browser.post("/organisations/" + id, with(agency("Northbridge Police"), "sector", "OTHER", "leadEmail", ""));
        assertEquals(303, updated.status(), updated.body());
        var afterEdit = browser.follow(updated);
        assertTrue(afterEdit.body().contains("Changes saved"));
        assertTrue(afterEdit.body().contains("Northbridge Police"));
        assertFalse(afterEdit.body().contains("lead@police.test"));

        assertEquals(303, browser.post("/organisations/" + id + "/archive").status());
        assertTrue(browser.get("/organisations/" + id).body().contains("Archived"));
        assertFalse(browser.get("/organisations").body().contains("Northbridge Police"), "archived ones are hidden by default");
        var withArchived = browser.get("/organisations?archived=true");
        assertTrue(withArchived.body().contains("Northbridge Police"));
        assertEquals(303, browser.post("/organisations/" + id + "/restore").status());
        assertTrue(browser.get("/organisations").body().contains("Northbridge Police"));

        var history = audit.history(p.id(), OrganisationAudit.KIND, id);
        assertEquals(java.util.List.of("created", "updated", "archived", "restored"), history.stream().map(AuditEvent::action).toList());
        AuditEvent update = history.get(1);
        assertEquals(AuditFields.of("name", "Northbridge Constabulary", "sector", "Police", "lead", "Det Supt Mark Ellison (lead@police.test)"),
                update.before());
        assertEquals(AuditFields.of("name", "Northbridge Police", "sector", "Other", "lead", "Det Supt Mark Ellison"), update.after());
        assertEquals(AuditFields.of("status", "ACTIVE"), history.get(2).before());
        assertEquals(AuditFields.of("status", "ARCHIVED"), history.get(2).after());
    }

    /** Issue 11: an agency records who sits on the partnership board for it; the agency ladder's board step writes to them. */
    @Test
    void anAgencyRecordsItsPartnershipBoardMember() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        var form = browser.get("/organisations/new?kind=AGENCY");
        assertTrue(form.body().contains("Partnership board member"));
        assertTrue(form.body().contains("name=\"boardMemberEmail\""));
        assertFalse(browser.get("/organisations/new?kind=SCHOOL").body().contains("Partnership board member"), "schools have governors instead");

        browser.get("/organisations/new?kind=AGENCY");
        var wrong = browser.post("/organisations", with(agency("Northbridge Constabulary"), "boardMemberName", "", "boardMemberEmail", "ruth at police"));
        assertEquals(422, wrong.status());
        String said = TestBrowser.unescape(wrong.body());
        assertTrue(said.contains("Enter the partnership board member's email address in the correct format"), said);
        assertTrue(wrong.body().contains("value=\"ruth at police\""));
        var noName = browser.post("/organisations", with(agency("Northbridge Constabulary"), "boardMemberEmail", "ruth@police.test"));
        assertEquals(422, noName.status());
        assertTrue(TestBrowser.unescape(noName.body()).contains("Enter the partnership board member's name, or remove their email address"));
        var tooLong = browser.post("/organisations", with(agency("Northbridge Constabulary"), "boardMemberName", "R".repeat(201)));
        assertEquals(422, tooLong.status());
        assertTrue(TestBrowser.unescape(tooLong.body()).contains("The partnership board member's name must be 200 characters or fewer"));

        long id = idFrom(browser.post("/organisations", with(agency("Northbridge Constabulary"),
                "boardMemberName", "Ch Supt Ruth Adebayo", "boardMemberEmail", "ruth@police.test")));
        var detail = browser.get("/organisations/" + id);
        assertTrue(detail.body().contains("Partnership board member"));
        assertTrue(detail.body().contains("Ch Supt Ruth Adebayo") && detail.body().contains("ruth@police.test"));
        assertEquals("Ch Supt Ruth Adebayo (ruth@police.test)", audit.history(p.id(), OrganisationAudit.KIND, id).get(0).after().get("boardMember"));
        assertEquals(List.of(new org.assure.notify.Addressee("Ch Supt Ruth Adebayo", "ruth@police.test")),
                recipients.resolve(p.id(), new ContactRecipient(id, ContactRole.BOARD_MEMBER)), "the contact recipient finds them");
        assertEquals(List.of(), recipients.resolve(fixtures.partnership().id(), new ContactRecipient(id, ContactRole.BOARD_MEMBER)),
                "never from another partnership");

        var edit = browser.get("/organisations/" + id + "/edit");
        assertTrue(edit.body().contains("value=\"Ch Supt Ruth Adebayo\""));
        var changed = browser.post("/organisations/" + id, with(agency("Northbridge Constabulary"),
                "boardMemberName", "ACC David Lomax", "boardMemberEmail", "david@police.test"));
        assertEquals(303, changed.status(), changed.body());
        AuditEvent update = audit.history(p.id(), OrganisationAudit.KIND, id).get(1);
        assertEquals("Ch Supt Ruth Adebayo (ruth@police.test)", update.before().get("boardMember"));
        assertEquals("ACC David Lomax (david@police.test)", update.after().get("boardMember"));
        browser.get("/organisations/" + id + "/edit");
        assertEquals(303, browser.post("/organisations/" + id, with(agency("Northbridge Constabulary"), "version", "1")).status());
        assertEquals(List.of(ContactRole.LEAD), organisations.contacts(id).stream().map(OrganisationContact::role).toList(),
                "left blank: removed");
    }

    @Test
    void adminAddsAndEditsASchool() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        String urn = urn();
        assertTrue(browser.get("/organisations/new?kind=SCHOOL").body().contains("Designated safeguarding lead"));
        long id = idFrom(browser.post("/organisations", school("St Mary’s Academy", urn)));
        var detail = browser.get("/organisations/" + id);
        for (String text : new String[]{"St Mary’s Academy", urn, "Academy or free school (Section 157)", "Secondary",
                "Oak Leaf Learning Trust", "Sandwell", "ZZ1 1ZZ", "Mrs Chloë Shah", "dsl@school.test"}) {
            assertTrue(detail.body().contains(text), text);
        }
        Organisation saved = organisations.findInPartnership(p.id(), id).orElseThrow();
        assertTrue(saved.hasBoarding());
        assertFalse(saved.hasEarlyYears());

        var edit = browser.get("/organisations/" + id + "/edit");
        assertTrue(edit.body().contains("value=\"" + urn + "\""));
        var updated = browser.post("/organisations/" + id, with(school("St Mary’s Academy", urn), "hasBoarding", "", "hasEarlyYears", "true",
                "dslName", "", "dslEmail", "", "chairOfGovernorsName", "Chair Person"));
        assertEquals(303, updated.status(), updated.body());
        saved = organisations.findInPartnership(p.id(), id).orElseThrow();
        assertFalse(saved.hasBoarding());
        assertTrue(saved.hasEarlyYears());
        assertEquals(1, saved.version());
        var contacts = organisations.contacts(id);
        assertEquals(java.util.Set.of(ContactRole.HEADTEACHER, ContactRole.CHAIR_OF_GOVERNORS),
                contacts.stream().map(OrganisationContact::role).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void invalidFormsSayWhatIsWrongAndKeepWhatWasTyped() {
        Partnership p = fixtures.partnership();
        Organisation taken = fixtures.school(p);
        TestBrowser browser = admin(p);
        browser.get("/organisations/new?kind=SCHOOL");

        var empty = browser.post("/organisations", with(school("", "12AB"), "postcode", "ZZ9 9ZZ", "category", ""));
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("href=\"#name\">Enter the organisation&#39;s name"), empty.body());
        assertTrue(empty.body().contains("href=\"#category\">Select the category of school"));
        assertTrue(empty.body().contains("href=\"#urn\">URN must be 6 digits"));
        assertTrue(empty.body().contains("value=\"12AB\""), "typed URN kept");
        assertTrue(empty.body().contains("value=\"ZZ9 9ZZ\""), "other fields kept");
        assertTrue(empty.body().contains("<title>Error: Add a school or college"));

        var duplicate = browser.post("/organisations", school("Another School", taken.urn()));
        assertEquals(422, duplicate.status());
        assertTrue(duplicate.body().contains("URN " + taken.urn() + " is already used by " + taken.name()));
        assertTrue(duplicate.body().contains("value=\"Another School\""));

        var badEmail = browser.post("/organisations", with(school("Email School", urn()), "dslEmail", "not-an-email",
                "headteacherName", "", "headteacherEmail", "head@school.test"));
        assertEquals(422, badEmail.status());
        assertTrue(badEmail.body().contains("href=\"#dslEmail\">Enter the designated safeguarding lead&#39;s email address in the correct format"));
        assertTrue(badEmail.body().contains("value=\"not-an-email\""));
        assertTrue(badEmail.body().contains("href=\"#headteacherName\">Enter the headteacher&#39;s name, or remove their email address"));

        var noSector = browser.post("/organisations", with(agency("Agency Without Sector"), "sector", ""));
        assertEquals(422, noSector.status());
        assertTrue(noSector.body().contains("Select the agency&#39;s sector"));
        assertEquals(0, organisations.active(p.id()).stream().filter(o -> !o.id().equals(taken.id())).count(), "nothing saved");
    }

    @Test
    void aStaleEditShowsBothVersionsAndSavesNothingUntilConfirmed() {
        Partnership p = fixtures.partnership();
        Organisation agency = fixtures.agency(p);
        TestBrowser first = admin(p);
        TestBrowser second = admin(p);
        first.get("/organisations/" + agency.id() + "/edit");
        second.get("/organisations/" + agency.id() + "/edit");
        assertEquals(303, second.post("/organisations/" + agency.id(), with(agency("Saved By Second"), "version", "0")).status());

        var stale = first.post("/organisations/" + agency.id(), with(agency("Typed By First"), "version", "0"));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("Someone else changed this organisation while you were editing it"));
        assertTrue(stale.body().contains("Saved By Second"), "their value is shown");
        assertTrue(stale.body().contains("value=\"Typed By First\""), "mine is kept in the form");
        assertTrue(stale.body().contains("name=\"version\" value=\"1\""), "saving again is deliberate");
        assertEquals("Saved By Second", organisations.findInPartnership(p.id(), agency.id()).orElseThrow().name());

        assertEquals(303, first.post("/organisations/" + agency.id(), with(agency("Typed By First"), "version", "1")).status());
        assertEquals("Typed By First", organisations.findInPartnership(p.id(), agency.id()).orElseThrow().name());
    }

    @Test
    void parentsAreOfferedWithoutLoops() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        long council = idFrom(browser.post("/organisations", with(agency("Council " + Fixtures.next()), "sector", "LOCAL_AUTHORITY")));
        long department = idFrom(browser.post("/organisations", with(agency("Children's Services " + Fixtures.next()),
                "sector", "LOCAL_AUTHORITY", "parentId", String.valueOf(council))));
        var councilPage = browser.get("/organisations/" + council);
        assertTrue(councilPage.body().contains("href=\"/organisations/" + department + "\""), "departments listed");
        assertTrue(browser.get("/organisations/" + department).body().contains("href=\"/organisations/" + council + "\""));

        var edit = browser.get("/organisations/" + council + "/edit");
        assertFalse(edit.body().contains("<option value=\"" + department + "\""), "a department cannot contain its council");
        assertFalse(edit.body().contains("<option value=\"" + council + "\""), "nor itself");
        var loop = browser.post("/organisations/" + council, with(agency("Council"), "parentId", String.valueOf(department)));
        assertEquals(422, loop.status());
        assertTrue(loop.body().contains("Select a parent organisation from the list"));
    }

    @Test
    void searchesByNameOrUrnAndFilters() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Organisation agency = fixtures.agency(p);
        TestBrowser browser = admin(p);
        var all = browser.get("/organisations");
        assertTrue(all.body().contains("2 organisations"));
        var byUrn = browser.get("/organisations?q=" + school.urn());
        assertTrue(byUrn.body().contains("1 organisation found"));
        assertTrue(byUrn.body().contains(school.name()));
        var byName = browser.get("/organisations?q=" + agency.name().toUpperCase().replace(" ", "+"));
        assertTrue(byName.body().contains(agency.name()));
        assertFalse(byName.body().contains(school.name()));
        var agencies = browser.get("/organisations?kind=AGENCY");
        assertTrue(agencies.body().contains(agency.name()) && !agencies.body().contains(school.name()));
        var primaries = browser.get("/organisations?kind=SCHOOL&category=MAINTAINED&phase=PRIMARY");
        assertTrue(primaries.body().contains(school.name()));
        assertTrue(browser.get("/organisations?phase=SECONDARY").body().contains("0 organisations found"));
        assertTrue(browser.get("/organisations?sector=POLICE").body().contains(agency.name()));
        assertTrue(browser.get("/organisations?kind=NONSENSE").body().contains("2 organisations"), "unknown values filter nothing");
    }

    @Test
    void namesAreEscaped() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        long id = idFrom(browser.post("/organisations", agency("<script>alert(1)</script>")));
        for (String page : new String[]{"/organisations", "/organisations/" + id, "/organisations/" + id + "/edit"}) {
            String body = browser.get(page).body();
            assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
            assertFalse(body.contains("<script>alert(1)"), page);
        }
    }

    @Test
    void onlyAdminsManageOrganisationsAndLeadsSeeTheirOwn() {
        Partnership p = fixtures.partnership();
        Organisation own = fixtures.school(p);
        Organisation other = fixtures.school(p);
        TestBrowser lead = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, own));
        assertEquals(403, lead.get("/organisations").status());
        assertEquals(403, lead.get("/organisations/new?kind=AGENCY").status());
        assertEquals(403, lead.get("/organisations/" + own.id() + "/edit").status());
        assertEquals(403, lead.post("/organisations/" + own.id() + "/archive").status());
        assertEquals(403, lead.post("/organisations", agency("Sneaky")).status());
        var mine = lead.get("/organisations/" + own.id());
        assertEquals(200, mine.status());
        assertTrue(mine.body().contains(own.name()));
        assertFalse(mine.body().contains("/edit\""), "no edit link for a lead");
        assertFalse(mine.body().contains("/archive\""));
        assertEquals(404, lead.get("/organisations/" + other.id()).status());
        assertEquals(403, signedIn(fixtures.person(p, Role.PANEL_MEMBER)).get("/organisations/" + own.id()).status());

        var anonymous = browser().get("/organisations");
        assertEquals(303, anonymous.status());
        assertTrue(anonymous.location().startsWith("/sign-in"));
    }

    @Test
    void anotherPartnershipsOrganisationsAreNotFound() {
        Partnership a = fixtures.partnership();
        Partnership b = fixtures.partnership();
        Organisation theirs = fixtures.agency(b);
        TestBrowser browser = admin(a);
        assertEquals(404, browser.get("/organisations/" + theirs.id()).status());
        assertEquals(404, browser.get("/organisations/" + theirs.id() + "/edit").status());
        assertEquals(404, browser.post("/organisations/" + theirs.id(), agency("Hijacked")).status());
        assertEquals(404, browser.post("/organisations/" + theirs.id() + "/archive").status());
        assertFalse(browser.get("/organisations").body().contains(theirs.name()));
        assertEquals(422, browser.post("/organisations", with(agency("Child"), "parentId", String.valueOf(theirs.id()))).status(),
                "nor can it be a parent");
        Organisation after = organisations.findInPartnership(b.id(), theirs.id()).orElseThrow();
        assertEquals(theirs.name(), after.name());
        assertFalse(after.isArchived());
    }
}
