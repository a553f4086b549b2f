package org.assure.banks;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.banks.BankComparison.Kind;
import org.assure.banks.BankModel.Audience;
import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.QuestionType;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Version;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BankPagesWebTest extends WebTest {
    @Inject
    QuestionBanks banks;

    private TestBrowser admin(Partnership p) {
        return signedIn(fixtures.admin(p));
    }

    /** As FreeMarker writes text into HTML. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The upload's answer; a refusal is a redirect to its own page (doc/adr/0023), which is followed. */
    private static TestBrowser.Page upload(TestBrowser browser, String fileName, byte[] content) {
        browser.get("/banks/import");
        TestBrowser.Page posted = browser.upload("/banks/import", "file", fileName, content, Map.of());
        if (posted.status() == 303 && posted.location().startsWith("/banks/import?")) {
            TestBrowser.Page page = browser.follow(posted);
            assertFalse(page.raw().uri().toString().contains("_csrf"), page.raw().uri().toString());
            return page;
        }
        return posted;
    }

    private static void assertContains(TestBrowser.Page page, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(page.body().contains(fragment), "expected '" + fragment + "' in\n" + page.body());
        }
    }

    @Test
    void listsEveryBankWithItsVersions() {
        TestBrowser browser = admin(fixtures.partnership());
        var page = browser.get("/banks");
        assertEquals(200, page.status());
        Version v2023 = banks.get("section-11", "2023");
        assertContains(page, "href=\"/banks\" aria-current=\"page\"", "Question banks</strong></a>", html(v2023.title()), "Working Together to Safeguard Children 2023",
                "15 December 2023", "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + v2023.questions().size() + "</td>",
                "href=\"/banks/section-11/2023\"", "href=\"/banks/section-11/2023/export.xlsx\"", "href=\"/banks/import\"",
                "action=\"/banks/section-11/compare\"", "<option value=\"2023\" selected>", "Not used yet");
    }

    @Test
    void showsAVersionInWordsAReaderFollows() {
        TestBrowser browser = admin(fixtures.partnership());
        var page = browser.get("/banks/section-11/2023");
        assertEquals(200, page.status());
        Version v = banks.get("section-11", "2023");
        Question conditional = v.questions().stream().filter(q -> q.showWhen() != null).findFirst().orElseThrow();
        Question gate = v.question(conditional.showWhen().question()).orElseThrow();
        Question split = v.questions().stream().filter(q -> q.splitFrom() != null).findFirst().orElseThrow();
        assertContains(page, html(v.questions().get(0).text()), html(v.sections().get(v.sections().size() - 1).title()),
                html("Asked only when ‘" + gate.text() + "’ is answered Yes"),
                html("Split from ‘" + banks.get("section-11", "2018").question(split.splitFrom()).orElseThrow().text() + "’ ("
                        + split.splitFrom() + ", 2018); answers carry forward."),
                "<details class=\"govuk-details\">", html(v.questions().get(0).guidance()),
                "fill=\"#00703c\"/></svg>Green</td>", "Evidence must be given", "Means the question does not apply; a reason must be given",
                v.sections().size() + " sections, " + v.questions().size() + " questions", "Agencies",
                "href=\"/banks/section-11/compare?from=2018&amp;to=2023\"");
    }

    @Test
    void conditionsOnBoardingReadAsASentence() {
        var page = admin(fixtures.partnership()).get("/banks/section-175/2025");
        assertEquals(200, page.status());
        assertContains(page, html("Asked only when ‘Does the school or college provide boarding or host pupils overnight?’ is answered Yes"),
                html("Asked only when ‘Does the school have early years (EYFS) provision?’ is answered Yes"), "Schools and colleges");
    }

    @Test
    void comparesTwoVersionsKindByKind() {
        TestBrowser browser = admin(fixtures.partnership());
        var page = browser.get("/banks/section-11/compare?from=2018&to=2023");
        assertEquals(200, page.status());
        List<Version> all = List.of(banks.get("section-11", "2018"), banks.get("section-11", "2023"));
        var expected = BankComparison.compare(all, all.get(0), all.get(1));
        for (Kind kind : Kind.values()) {
            assertContains(page, "id=\"count-" + kind.name().toLowerCase() + "\">" + expected.of(kind).size() + "<");
        }
        assertContains(page, "id=\"count-unchanged\">" + expected.unchanged() + "<", "Changes from 2018 to 2023",
                "Questions with a new key", "Answers carry forward.");
        var reworded = expected.of(Kind.REWORDED).get(0);
        assertContains(page, html(reworded.before().get(0).text()), html(reworded.after().get(0).text()));
        var split = expected.of(Kind.SPLIT).get(0);
        assertContains(page, html(split.before().get(0).text()), html(split.after().get(1).text()));
        var reversed = browser.get("/banks/section-11/compare?from=2023&to=2018");
        assertEquals(200, reversed.status());
        assertContains(reversed, "Changes from 2018 to 2023", "id=\"count-unchanged\">" + expected.unchanged() + "<");
    }

    @Test
    void aCompareWithoutTwoDifferentKnownVersionsShowsTheFormAgain() {
        TestBrowser browser = admin(fixtures.partnership());
        var missing = browser.get("/banks/section-11/compare");
        assertEquals(422, missing.status());
        assertContains(missing, "<title>Error: ", "Select the version to compare from", "Select the version to compare with");
        var same = browser.get("/banks/section-11/compare?from=2023&to=2023");
        assertEquals(422, same.status());
        assertContains(same, "Select two different versions");
        var unknown = browser.get("/banks/section-11/compare?from=1999&to=2023");
        assertEquals(422, unknown.status());
        assertContains(unknown, "section-11 has no version 1999");
        var script = browser.get("/banks/section-11/compare?from=%3Cscript%3E&to=2023");
        assertEquals(422, script.status());
        assertFalse(script.body().contains("<script>"), "what was typed is escaped");
    }

    @Test
    void onlyPartnershipAdminsSeeTheBanks() {
        Partnership p = fixtures.partnership();
        TestBrowser lead = signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, fixtures.school(p)));
        for (String path : List.of("/banks", "/banks/section-11/2023", "/banks/section-11/compare?from=2018&to=2023",
                "/banks/section-11/2023/export.xlsx", "/banks/import")) {
            assertEquals(403, lead.get(path).status(), path);
            var anonymous = browser().get(path);
            assertEquals(303, anonymous.status(), path);
            assertTrue(anonymous.location().startsWith("/sign-in?next="), anonymous.location());
        }
        assertFalse(lead.get("/").body().contains("href=\"/banks\""), "no link for those who cannot follow it");
    }

    @Test
    void unknownBanksVersionsAndOtherPartnershipsDraftsAreNotFound() {
        Partnership p = fixtures.partnership();
        TestBrowser browser = admin(p);
        for (String path : List.of("/banks/nope/2023", "/banks/section-11/1999", "/banks/nope/compare?from=1&to=2",
                "/banks/section-11/1999/export.xlsx", "/banks/drafts/999999", "/banks/drafts/999999.yaml")) {
            var page = browser.get(path);
            assertEquals(404, page.status(), path);
            assertContains(page, "Page not found");
        }
        var draft = upload(browser, "s11.xlsx", BankWorkbook.export(banks.get("section-11", "2023")));
        assertEquals(303, draft.status(), draft.body());
        TestBrowser other = admin(fixtures.partnership());
        assertEquals(404, other.get(draft.location()).status());
        assertEquals(404, other.get(draft.location() + ".yaml").status());
        assertEquals(200, browser.get(draft.location()).status());
    }

    @Test
    void anExportedVersionUploadedAgainBecomesADraftOfTheSameFile() {
        TestBrowser browser = admin(fixtures.partnership());
        var export = browser.get("/banks/section-11/2023/export.xlsx");
        assertEquals(200, export.status());
        assertEquals(org.assure.web.Workbooks.XLSX, export.header("Content-Type"));
        assertEquals("attachment; filename=\"section-11-2023.xlsx\"", export.header("Content-Disposition"));

        var uploaded = upload(browser, "section-11-2023.xlsx", export.raw().body());
        assertEquals(303, uploaded.status(), uploaded.body());
        assertTrue(uploaded.location().matches("/banks/drafts/\\d+"), uploaded.location());
        var page = browser.follow(uploaded);
        assertEquals(200, page.status());
        assertContains(page, "section-11-2023.xlsx", "A change to version 2023", "Compared with version 2018",
                "question-banks/section-11/2023.yaml", "href=\"" + uploaded.location() + ".yaml\"", "id=\"count-renamed\">");

        var yaml = browser.get(uploaded.location() + ".yaml");
        assertEquals(200, yaml.status());
        assertEquals("attachment; filename=\"2023.yaml\"", yaml.header("Content-Disposition"));
        assertTrue(yaml.header("Content-Type").startsWith("application/yaml"), yaml.header("Content-Type"));
        assertEquals(BankYamlWriter.write(banks.get("section-11", "2023")), yaml.text());
    }

    @Test
    void aBrokenWorkbookIsRefusedWithEveryProblemByRow() {
        TestBrowser browser = admin(fixtures.partnership());
        byte[] broken = BankWorkbookTest.edited(banks.get("section-11", "2023"), w -> {
            BankWorkbookTest.set(w, "Questions", 4, "Type", "stars");
            BankWorkbookTest.set(w, "Questions", 6, "Replaces", "never-a-key");
        });
        var refused = upload(browser, "broken.xlsx", broken);
        assertEquals(422, refused.status());
        assertContains(refused, "<title>Error: ", "The file cannot be used as a bank version", "Questions row 4",
                html("unknown question type 'stars'"), "Questions row 6", html("comes from 'never-a-key'"));

        var notExcel = upload(browser, "notes.xlsx", "just some text".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, notExcel.status());
        assertContains(notExcel, "The file", "not an Excel (.xlsx) workbook");
        var nothing = upload(browser, "", new byte[0]);
        assertEquals(422, nothing.status());
        assertContains(nothing, "Select an Excel (.xlsx) file");

        // Issue 9: the refusal's page has an address without the CSRF token, of its partnership only.
        String address = refused.raw().uri().getPath() + "?" + refused.raw().uri().getQuery();
        assertTrue(address.matches("/banks/import\\?refused=\\d+"), address);
        assertEquals(404, admin(fixtures.partnership()).get(address).status());
        assertEquals(404, browser.get("/banks/import?refused=x").status());
        assertContains(upload(browser, "bomb.xlsx", org.assure.testsupport.CraftedXlsx.zipBomb()), "once unzipped");
    }

    @Test
    void aFrozenVersionCannotBeChangedByUpload() {
        TestBrowser browser = admin(fixtures.partnership());
        banks.freeze("section-11", "2018"); // the only test that freezes anything: the others use 2023
        assertContains(browser.get("/banks"), "Used by a cycle — frozen");
        assertContains(browser.get("/banks/section-11/2018"), "Used by a cycle — frozen");
        var refused = upload(browser, "s11-2018.xlsx", BankWorkbook.export(banks.get("section-11", "2018")));
        assertEquals(422, refused.status());
        assertContains(refused, "Version sheet", "has been used by an audit cycle, so it can no longer change",
                "Give your changes a new version label");
    }

    @Test
    void uploadedTextIsEscapedOnTheDraftPage() {
        TestBrowser browser = admin(fixtures.partnership());
        String script = "<script>alert('x')</script> & \"more\"";
        Version v = new Version("escape-test", "Escape <b>test</b>", "1", "Guidance", LocalDate.of(2025, 1, 1),
                new Audience(List.of("AGENCY"), List.of(), List.of()), banks.get("section-11", "2023").scale(),
                List.of(new Section("only", "Only <i>section</i>", null, null, List.of(new Question("risky", script, script, null,
                        List.of(script), QuestionType.RATING, true, null, List.of(), List.of(), null, null, List.of())))));
        var uploaded = upload(browser, "<escape>.xlsx", BankWorkbook.export(v));
        assertEquals(303, uploaded.status(), uploaded.body());
        var page = browser.follow(uploaded);
        assertEquals(200, page.status());
        assertContains(page, html(script), "Escape &lt;b&gt;test&lt;/b&gt;", "Only &lt;i&gt;section&lt;/i&gt;", "&lt;escape&gt;.xlsx",
                "A new bank", "This is the first version of the bank");
        assertFalse(page.body().contains("<script>alert"));
        assertFalse(page.body().contains("<b>test"));
    }
}
