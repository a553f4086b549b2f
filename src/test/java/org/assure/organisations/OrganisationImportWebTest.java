package org.assure.organisations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.audit.AuditTrail;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.CraftedXlsx;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OrganisationImportWebTest extends WebTest {
    private static final Pattern COUNT = Pattern.compile("id=\"count-(\\w+)\">(\\d+)<");
    @Inject
    OrganisationService organisations;
    @Inject
    ImportRepository imports;
    @Inject
    ImportRowRepository rows;
    @Inject
    AuditTrail audit;

    private TestBrowser admin(Partnership p) {
        TestBrowser browser = signedIn(fixtures.admin(p));
        assertEquals(200, browser.get("/organisations/import").status());
        return browser;
    }

    private static TestBrowser.Page upload(TestBrowser browser, String fileName, byte[] content) {
        return browser.upload("/organisations/import", "file", fileName, content, Map.of());
    }

    /** The counts at the top of a preview or result page: created, updated, archived, unchanged, refused. */
    private static Map<String, Integer> counts(TestBrowser.Page page) {
        Matcher m = COUNT.matcher(page.body());
        var counts = new java.util.LinkedHashMap<String, Integer>();
        while (m.find()) {
            counts.put(m.group(1), Integer.valueOf(m.group(2)));
        }
        return counts;
    }

    private static Map<String, Integer> counts(int created, int updated, int archived, int unchanged, int refused) {
        return Map.of("created", created, "updated", updated, "archived", archived, "unchanged", unchanged, "refused", refused);
    }

    private List<Organisation> schools(Partnership p) {
        return organisations.active(p.id()).stream().filter(Organisation::isSchool).toList();
    }

    @Test
    void importsTheGiasSampleThenFindsNothingToChangeTheSecondTime() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        var uploaded = upload(browser, "gias-sample.csv", GiasReaderTest.sample());
        assertEquals(303, uploaded.status(), uploaded.body());
        assertTrue(uploaded.location().matches("/organisations/import/\\d+"), uploaded.location());

        var preview = browser.follow(uploaded);
        assertEquals(200, preview.status());
        assertEquals(counts(38, 0, 0, 0, 2), counts(preview));
        assertTrue(preview.body().contains("St Mary’s Catholic High School"));
        assertTrue(preview.body().contains("Note: proposed to close"));
        assertTrue(preview.body().contains("not open yet (GIAS: proposed to open)"));
        assertTrue(preview.body().contains("38 schools have no DSL email address"));
        assertTrue(preview.body().contains("Northgate High School</td>"));
        assertTrue(schools(p).isEmpty(), "a preview saves nothing");

        var confirmed = browser.post(uploaded.location() + "/confirm");
        assertEquals(303, confirmed.status());
        assertEquals(uploaded.location(), confirmed.location());
        var result = browser.follow(confirmed);
        assertTrue(result.body().contains("Schools imported"));
        assertEquals(counts(38, 0, 0, 0, 2), counts(result));

        List<Organisation> imported = schools(p);
        assertEquals(38, imported.size());
        Organisation castleton = imported.stream().filter(o -> "901010".equals(o.urn())).findFirst().orElseThrow();
        assertEquals(SchoolCategory.INDEPENDENT, castleton.category());
        assertTrue(castleton.hasBoarding());
        assertEquals("Ms Hannah Lewis", organisations.contacts(castleton.id()).get(0).name());
        assertEquals("imported", audit.history(p.id(), OrganisationAudit.KIND, castleton.id()).get(0).action());
        assertTrue(browser.get("/organisations?q=901019").body().contains("Millbrook High School"));

        assertEquals(404, browser.post(uploaded.location() + "/confirm").status(), "an import applies once");

        var again = browser.follow(upload(browser, "gias-sample.csv", GiasReaderTest.sample()));
        assertEquals(counts(0, 0, 0, 38, 2), counts(again));
        assertEquals(303, browser.post(again.raw().uri().getPath() + "/confirm").status());
        assertTrue(schools(p).stream().allMatch(o -> o.version() == 0), "nothing was written");
        assertEquals(1, audit.history(p.id(), OrganisationAudit.KIND, castleton.id()).size());
    }

    @Test
    void updatesKnownSchoolsAndArchivesClosedOnes() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        long elmridge = OrganisationsWebTest.idFrom(browser.post("/organisations",
                OrganisationsWebTest.school("Elmridge Primary (old name)", "901000")));
        long northgate = OrganisationsWebTest.idFrom(browser.post("/organisations",
                OrganisationsWebTest.school("Northgate High School", "901003")));

        var preview = browser.follow(upload(browser, "gias-sample.csv", GiasReaderTest.sample()));
        assertEquals(counts(37, 1, 1, 0, 1), counts(preview));
        assertTrue(preview.body().contains("Name: Elmridge Primary (old name) → Elmridge Primary School"), preview.body());
        assertTrue(preview.body().contains("Category: Academy or free school → Maintained school"));

        browser.post(preview.raw().uri().getPath() + "/confirm");
        Organisation updated = organisations.findInPartnership(p.id(), elmridge).orElseThrow();
        assertEquals("Elmridge Primary School", updated.name());
        assertEquals(Phase.PRIMARY, updated.phase());
        assertTrue(updated.hasEarlyYears());
        assertTrue(organisations.findInPartnership(p.id(), northgate).orElseThrow().isArchived());
        assertEquals(List.of("created", "updated by import"),
                audit.history(p.id(), OrganisationAudit.KIND, elmridge).stream().map(e -> e.action()).toList());
        assertEquals(List.of("created", "archived by import"),
                audit.history(p.id(), OrganisationAudit.KIND, northgate).stream().map(e -> e.action()).toList());
    }

    @Test
    void importsAnXlsxWithGiasHeaders() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        byte[] file = GiasReaderTest.xlsx(List.of("URN", "EstablishmentName", "TypeOfEstablishment (name)",
                        "EstablishmentStatus (name)", "PhaseOfEducation (name)", "HeadFirstName", "HeadLastName"),
                List.of(List.of(700001, "Chloë’s Free School", "Free schools", "Open", "Secondary", "Chloë", "Brontë"),
                        List.of(700002, "Offshore", "Offshore schools", "Open", "Primary", "", "")));
        var preview = browser.follow(upload(browser, "schools.xlsx", file));
        assertEquals(counts(1, 0, 0, 0, 1), counts(preview));
        assertTrue(preview.body().contains("unknown category: Offshore schools"));
        browser.post(preview.raw().uri().getPath() + "/confirm");
        Organisation school = schools(p).get(0);
        assertEquals("Chloë’s Free School", school.name());
        assertEquals("700001", school.urn());
        assertEquals(SchoolCategory.ACADEMY, school.category());
        assertEquals("Chloë Brontë", organisations.contacts(school.id()).get(0).name());
    }

    @Test
    void theTemplateIsAnXlsxTheImportReads() throws Exception {
        TestBrowser browser = admin(fixtures.partnership());
        var template = browser.get("/organisations/import/template.xlsx");
        assertEquals(200, template.status());
        assertTrue(template.header("Content-Type").startsWith(org.assure.web.Workbooks.XLSX), template.header("Content-Type"));
        assertTrue(template.header("Content-Disposition").contains("school-list-template.xlsx"));
        assertEquals(1, GiasReader.read("template.xlsx", template.raw().body()).size());
    }

    /**
     * Refusals are redirects to a page of their own (issue 9 item 17): the form posts to an address that
     * carries its CSRF token, which must not stay in the address bar. Nothing of a refused file is kept.
     */
    @Test
    void malformedFilesAreRefusedAtTheFileFieldAndNothingIsStored() {
        TestBrowser browser = admin(fixtures.partnership());
        long before = rows.count();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Map<String, byte[]> files = Map.of(
                "logo.png", png,
                "empty.csv", new byte[0],
                "names.csv", "Name,Town\nA,B\n".getBytes(StandardCharsets.UTF_8),
                "broken.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1),
                "bomb.xlsx", CraftedXlsx.zipBomb());
        files.forEach((name, content) -> {
            var posted = upload(browser, name, content);
            assertEquals(303, posted.status(), name);
            var page = browser.follow(posted);
            assertEquals(422, page.status(), name);
            assertFalse(page.raw().uri().toString().contains("_csrf"), page.raw().uri().toString());
            assertTrue(page.body().contains("href=\"#file\">"), name + " has an error summary linking to the field");
            assertTrue(page.body().contains("id=\"file-error\""), name);
            assertEquals(404, browser.post(page.raw().uri().getPath() + "/confirm").status(), "a refused file cannot be confirmed");
        });
        assertTrue(browser.follow(upload(browser, "names.csv", "Name,Town\nA,B\n".getBytes(StandardCharsets.UTF_8))).body()
                .contains("must have the columns URN and EstablishmentName"));
        assertTrue(browser.follow(upload(browser, "bomb.xlsx", CraftedXlsx.zipBomb())).body()
                .contains("The selected file holds more than 10 MB of data once unzipped"));
        var none = browser.follow(upload(browser, "", new byte[0]));
        assertEquals(422, none.status());
        assertFalse(none.raw().uri().toString().contains("_csrf"));
        assertTrue(none.body().contains("Select a CSV or Excel (.xlsx) file"));
        assertEquals(before, rows.count());
        imports.findAll().forEach(i -> assertTrue(i.isRefused() == (i.content().length == 0)));
    }

    /** Issue 9 item 5: the file is parsed once, at upload; the preview and confirming read its stored rows. */
    @Test
    void thePreviewAndConfirmingNeverParseTheFileAgain() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        var preview = browser.follow(upload(browser, "gias-sample.csv", GiasReaderTest.sample()));
        assertFalse(preview.raw().uri().toString().contains("_csrf"));
        long id = Long.parseLong(preview.raw().uri().getPath().substring("/organisations/import/".length()));
        OrganisationImport stored = imports.findById(id).orElseThrow();
        // Were the stored file read again, this would now fail to parse.
        imports.update(new OrganisationImport(stored.id(), stored.partnershipId(), stored.accountId(), stored.fileName(),
                "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), stored.createdAt(), null, 0, 0, 0, 0, 0, null));
        var again = browser.get(preview.raw().uri().getPath());
        assertEquals(200, again.status());
        assertEquals(counts(38, 0, 0, 0, 2), counts(again));
        assertEquals(303, browser.post(preview.raw().uri().getPath() + "/confirm").status());
        assertEquals(38, schools(p).size());
    }

    /** Issue 9 item 17: schools of another authority, names shared with another school and schools nobody can be invited for are pointed out. */
    @Test
    void thePreviewPointsOutWhatToCheckBeforeConfirming() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        String csv = "URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),LA (name)\n"
                + "710001,St Mary's C of E Primary,Voluntary aided school,Open,Primary,Sandwell\n"
                + "710002,St Mary's C of E Primary,Voluntary aided school,Open,Primary,Sandwell\n"
                + "710003,Oak Academy,Academy special converter,Open,Not applicable,Sandwell\n"
                + "710004,Far Away School,Community school,Open,Primary,Cornwall\n";
        var preview = browser.follow(upload(browser, "schools.csv", csv.getBytes(StandardCharsets.UTF_8)));
        String body = TestBrowser.unescape(preview.body());
        assertTrue(body.contains("1 school is in a local authority other than Sandwell"), body);
        assertTrue(body.contains("in another local authority (Cornwall)"));
        assertTrue(body.contains("2 schools have the same name as another school"));
        assertTrue(body.contains("another school has the same name (URN 710002)"));
        assertTrue(body.contains("4 schools have no DSL email address: nobody can be invited as their DSL"));
        browser.post(preview.raw().uri().getPath() + "/confirm");
        Organisation oak = schools(p).stream().filter(o -> o.urn().equals("710003")).findFirst().orElseThrow();
        assertEquals(SchoolCategory.ACADEMY, oak.category());
        assertEquals("Section 157", oak.category().duty());
        String list = TestBrowser.unescape(browser.get("/organisations/new?kind=SCHOOL").body());
        assertTrue(list.contains("St Mary's C of E Primary (URN 710001)") && list.contains("St Mary's C of E Primary (URN 710002)"),
                "drop-downs tell the two apart");
    }

    @Test
    void importsBelongToTheirPartnershipAndToAdmins() {
        Partnership a = fixtures.partnership();
        Partnership b = fixtures.partnership();
        TestBrowser adminB = admin(b);
        String theirs = adminB.follow(upload(adminB, "gias-sample.csv", GiasReaderTest.sample())).raw().uri().getPath();

        TestBrowser adminA = admin(a);
        assertEquals(404, adminA.get(theirs).status());
        assertEquals(404, adminA.post(theirs + "/confirm").status());
        assertTrue(schools(b).isEmpty(), "partnership B's import was not applied");
        assertTrue(schools(a).isEmpty());

        TestBrowser lead = signedIn(fixtures.person(a, Role.ORGANISATION_LEAD, fixtures.school(a)));
        assertEquals(403, lead.get("/organisations/import").status());
        assertEquals(403, lead.get("/organisations/import/template.xlsx").status());
        assertEquals(403, upload(lead, "gias-sample.csv", GiasReaderTest.sample()).status());
        assertEquals(303, adminB.post(theirs + "/confirm").status(), "its own admin still can");
        assertFalse(schools(b).isEmpty());
    }

    @Test
    void filesOverTwentyMegabytesAreRefused() {
        TestBrowser browser = admin(fixtures.partnership());
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        var posted = upload(browser, "big.csv", big);
        assertEquals(303, posted.status());
        var page = browser.follow(posted);
        assertEquals(422, page.status());
        assertFalse(page.raw().uri().toString().contains("_csrf"));
        assertTrue(page.body().contains("smaller than 20 MB"));
    }
}
