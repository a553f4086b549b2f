package org.assure.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.accounts.AccountService;
import org.assure.banks.QuestionBanks;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationService;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Concurrently;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.ReturnFilling;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 12: the features' forms posted twice, as a double click posts them (the second post carries the
 * cookies and page from before the first: {@link TestBrowser#twin()}). Each makes one change, and both posts lead
 * to the same success page. The mechanism's own cases are in {@link OnceOnlyFormsWebTest}.
 */
@MicronautTest(transactional = false)
class DoubleSubmitWebTest extends WebTest {
    @Inject
    OrganisationService organisations;
    @Inject
    AccountService accounts;
    @Inject
    QuestionBanks banks;
    @Inject
    Emails emails;
    @Inject
    TransactionOperations<Connection> transactions;

    /** Posts the form twice: first from this browser, then from its twin, one after the other. */
    private static List<TestBrowser.Page> twice(TestBrowser b, String path, Map<String, String> fields) {
        TestBrowser second = b.twin();
        Map<String, String> withId = new LinkedHashMap<>(fields);
        withId.put("_form", b.formId(path));
        return List.of(b.post(path, withId), second.post(path, withId));
    }

    /** Posts the form twice at the same moment, as a fast double click does. */
    private static List<TestBrowser.Page> together(TestBrowser b, String path, Map<String, String> fields) throws Exception {
        TestBrowser second = b.twin();
        Map<String, String> withId = new LinkedHashMap<>(fields);
        withId.put("_form", b.formId(path));
        List<Callable<TestBrowser.Page>> posts = List.of(() -> b.post(path, withId), () -> second.post(path, withId));
        return Concurrently.all(posts);
    }

    private static void sameSuccessPage(List<TestBrowser.Page> pages) {
        assertEquals(303, pages.get(0).status(), pages.get(0).body());
        assertEquals(303, pages.get(1).status(), "the second post: " + pages.get(1).status() + "\n" + pages.get(1).body());
        assertEquals(pages.get(0).location(), pages.get(1).location(), "both lead to the same page");
    }

    @Test
    void anOrganisationCreatedTwiceIsCreatedOnce() throws Exception {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        for (boolean atOnce : List.of(false, true)) {
            String name = "Northbridge Constabulary " + Fixtures.next();
            admin.get("/organisations/new?kind=AGENCY");
            Map<String, String> fields = Map.of("kind", "AGENCY", "version", "0", "name", name, "sector", "POLICE", "parentId", "",
                    "leadName", "Det Supt Mark Ellison", "leadEmail", "lead@police.test");
            List<TestBrowser.Page> pages = atOnce ? together(admin, "/organisations", fields) : twice(admin, "/organisations", fields);
            sameSuccessPage(pages);
            assertEquals(1, organisations.active(p.id()).stream().filter(o -> o.name().equals(name)).count(), "one organisation");
            assertTrue(admin.follow(pages.get(1)).body().contains(name), "the second shows the organisation");
        }
    }

    @Test
    void aReturnSubmittedTwiceIsSubmittedOnceAndBothShowTheReference() throws Exception {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        Organisation first = fixtures.school(p);
        Organisation second = fixtures.school(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, first, second);
        long cycle = openCycle(signedIn(admin));
        TestBrowser b = signedIn(lead);
        for (Organisation school : List.of(first, second)) {
            boolean atOnce = school == second;
            long returnId = returnOf(cycle, school);
            String path = "/returns/" + returnId;
            ReturnFilling.completeEverySection(b, path, banks.get("section-175", "2025"));
            assertTrue(b.get(path + "/check").body().contains("Declaration"));
            Map<String, String> fields = Map.of("name", "Dee Esel", "role", "Designated safeguarding lead", "confirm", "true");
            List<TestBrowser.Page> pages = atOnce ? together(b, path + "/submit", fields) : twice(b, path + "/submit", fields);
            sameSuccessPage(pages);
            assertEquals(path + "/submitted", pages.get(1).location());
            String reference = "AR-%06d-1".formatted(returnId);
            for (TestBrowser.Page page : pages) {
                String shown = b.follow(page).body();
                assertTrue(shown.contains("Return submitted") && shown.contains(reference), shown);
                assertFalse(shown.contains("Your changes were not saved"));
            }
            assertEquals(1, count("SELECT COUNT(*) FROM return_submission WHERE return_id = " + returnId), "one submission");
            assertEquals(1, emails.to(p.id(), lead.email()).stream().filter(e -> e.subject().contains(reference)).count(), "one email");
        }
    }

    @Test
    void anImportConfirmedTwiceIsAppliedOnceWithoutA404() {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        admin.get("/organisations/import");
        String uploadId = admin.formId("/organisations/import");
        TestBrowser twin = admin.twin();
        TestBrowser.Page uploaded = admin.upload("/organisations/import?_form=" + uploadId, "file", "gias.csv", gias(), Map.of());
        TestBrowser.Page uploadedAgain = twin.upload("/organisations/import?_form=" + uploadId, "file", "gias.csv", gias(), Map.of());
        assertEquals(303, uploaded.status(), uploaded.body());
        assertEquals(uploaded.location(), uploadedAgain.location(), "an upload sent twice is one preview");

        admin.follow(uploaded);
        List<TestBrowser.Page> pages = twice(admin, uploaded.location() + "/confirm", Map.of());
        sameSuccessPage(pages);
        for (TestBrowser.Page page : pages) {
            TestBrowser.Page result = admin.follow(page);
            assertEquals(200, result.status());
            assertTrue(result.body().contains("Schools imported"), result.body());
        }
        // the sample GIAS file has 39 open schools, one of them only proposed to open, which is refused
        assertEquals(38, organisations.active(p.id()).size(), "applied once");
    }

    @Test
    void anInvitationSentTwiceIsSentOnceWithoutAlreadyAnAccount() {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        String email = "new" + Fixtures.next() + "@people.test";
        admin.get("/users/invite");
        List<TestBrowser.Page> pages = twice(admin, "/users/invite",
                Map.of("name", "New Person", "email", email, "role", "PANEL_MEMBER", "organisationId", ""));
        sameSuccessPage(pages);
        String shown = admin.follow(pages.get(1)).body();
        assertFalse(shown.toLowerCase().contains("already"), shown);
        assertTrue(shown.contains(email), shown);
        assertEquals(1, emails.to(p.id(), email).size(), "one invitation email");
        assertEquals(1, count("SELECT COUNT(*) FROM account WHERE email = '" + email + "'"));
    }

    @Test
    void aCycleCreatedTwiceIsOneCycleAndOpenedTwiceIsOpenedOnce() {
        Partnership p = fixtures.partnership();
        fixtures.school(p);
        TestBrowser admin = signedIn(fixtures.admin(p));
        String name = "Schools audit " + Fixtures.next();
        admin.get("/cycles/new");
        Map<String, String> fields = new LinkedHashMap<>(cycleFields(name));
        List<TestBrowser.Page> created = twice(admin, "/cycles", fields);
        sameSuccessPage(created);
        assertEquals(1, count("SELECT COUNT(*) FROM audit_cycle WHERE name = '" + name + "'"), "one cycle");

        String location = created.get(0).location();
        long cycleId = Long.parseLong(location.replaceAll("^/cycles/(\\d+).*$", "$1"));
        admin.get("/cycles/" + cycleId);
        List<TestBrowser.Page> opened = twice(admin, "/cycles/" + cycleId + "/open", Map.of());
        sameSuccessPage(opened);
        assertEquals(1, count("SELECT COUNT(*) FROM audit_return WHERE cycle_id = " + cycleId), "one return for the one school");
    }

    @Test
    void askingForAResetLinkTwiceSendsOneEmail() {
        Partnership p = fixtures.partnership();
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, fixtures.school(p));
        TestBrowser b = browser();
        b.get("/password-reset");
        TestBrowser twin = b.twin();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("email", lead.email()));
        fields.put("_form", b.formId("/password-reset"));
        TestBrowser.Page first = b.post("/password-reset", fields);
        TestBrowser.Page second = twin.post("/password-reset", fields);
        assertEquals("/password-reset?sent=true", first.location());
        assertEquals(first.location(), second.location(), "the same page both times");
        assertEquals(1, emails.to(p.id(), lead.email()).size(), "one reset email");
    }

    @Test
    void signingInTwiceSignsInBothTimes() {
        Fixtures.Person admin = fixtures.admin(fixtures.partnership());
        TestBrowser b = browser();
        b.get("/sign-in");
        TestBrowser twin = b.twin();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("email", admin.email(), "password", Fixtures.PASSWORD, "next", "/"));
        fields.put("_form", b.formId("/sign-in"));
        TestBrowser.Page first = b.post("/sign-in", fields);
        TestBrowser.Page second = twin.post("/sign-in", fields);
        assertEquals(303, first.status());
        assertEquals(303, second.status());
        // The first response's session cookie is lost when a second click cancels it: the second post must sign in too.
        assertEquals(200, twin.get("/").status(), "the second post signed the browser in");
        assertEquals(200, b.get("/").status());
    }

    private long openCycle(TestBrowser admin) {
        admin.get("/cycles/new");
        var created = admin.post("/cycles", cycleFields("Schools audit " + Fixtures.next()));
        assertEquals(303, created.status(), created.body());
        long cycleId = Long.parseLong(created.location().replaceAll("^/cycles/(\\d+).*$", "$1"));
        admin.get("/cycles/" + cycleId);
        assertEquals(303, admin.post("/cycles/" + cycleId + "/open").status());
        return cycleId;
    }

    private Map<String, String> cycleFields(String name) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        LocalDate deadline = today.plusDays(30);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("bank", "section-175/2025");
        f.put("audience", "TYPES");
        f.put("kinds", "SCHOOL");
        f.put("categories", "MAINTAINED");
        f.put("opensDay", String.valueOf(today.getDayOfMonth()));
        f.put("opensMonth", String.valueOf(today.getMonthValue()));
        f.put("opensYear", String.valueOf(today.getYear()));
        f.put("deadlineDay", String.valueOf(deadline.getDayOfMonth()));
        f.put("deadlineMonth", String.valueOf(deadline.getMonthValue()));
        f.put("deadlineYear", String.valueOf(deadline.getYear()));
        return f;
    }

    private long returnOf(long cycleId, Organisation school) {
        return count("SELECT id FROM audit_return WHERE cycle_id = " + cycleId + " AND organisation_id = " + school.id());
    }

    private int count(String sql) {
        return transactions.executeRead(status -> {
            try (var rs = status.getConnection().createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] gias() {
        try (InputStream in = DoubleSubmitWebTest.class.getResourceAsStream("/gias/gias-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
