package org.assure.returns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.banks.BankModel;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.web.PendingForms;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Never lose an answer: a section posted after the session expired is shown again after signing in (ADR 0012). */
@MicronautTest(transactional = false)
class ExpiredSessionWebTest extends ReturnWebTest {
    static final String NOTICE = "You were signed out before your answers were saved. Check them and save this section.";
    static final String KEPT_ON_SIGN_IN = "They have been kept: after you sign in they will be shown again";
    static final Duration PAST_IDLE = Duration.ofMinutes(31);
    @Inject
    PendingForms pendingForms;
    @Inject
    TransactionOperations<Connection> transactions;

    /** The lead opens the section, is away past the idle limit, then saves: the answers of a typed form. */
    TestBrowser.Page typeThenPostAfterExpiry(Setup s, TestBrowser browser) {
        String page = browser.get(s.section()).body();
        clock.advance(PAST_IDLE);
        return browser.postRepeated(s.section(), form(page, "governance-accountability", "AMBER",
                "governance-accountability-evidence", "Typed while away", "complete", "true", "action", "continue"));
    }

    /** Signs in from the page the redirect named, as a person does; the sign-in form carries next. */
    static TestBrowser.Page signInFrom(TestBrowser browser, String signInLocation, Fixtures.Person person) {
        TestBrowser.Page page = browser.get(signInLocation);
        assertEquals(200, page.status());
        Matcher next = Pattern.compile("name=\"next\" value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(next.find(), page.body());
        return browser.post("/sign-in", "email", person.email(), "password", Fixtures.PASSWORD, "next", next.group(1));
    }

    static String signInFor(String path) {
        return "/sign-in?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    @Test
    void answersPostedAfterTheSessionExpiredAreShownAgainAfterSigningInAndThenSaved() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        int before = keptForms();
        var posted = typeThenPostAfterExpiry(s, lead);
        assertEquals(303, posted.status(), posted.body());
        assertEquals(signInFor(s.section()), posted.location());
        assertContains(posted.header("Set-Cookie").toLowerCase(), "assure-pending-form=", "httponly", "samesite=lax", "max-age=86400");
        assertEquals(before + 1, keptForms());

        assertContains(lead.get(posted.location()).body(), KEPT_ON_SIGN_IN);
        var wrong = lead.post("/sign-in", "email", s.lead().email(), "password", "not my password", "next", s.section());
        assertEquals(422, wrong.status());
        assertContains(wrong.body(), KEPT_ON_SIGN_IN);
        var signedIn = signInFrom(lead, posted.location(), s.lead());
        assertEquals(303, signedIn.status(), signedIn.body());
        assertEquals(s.section(), signedIn.location());
        var shown = lead.get(s.section());
        assertEquals(200, shown.status());
        assertContains(shown.body(), NOTICE, "value=\"AMBER\" checked", "Typed while away</textarea>",
                "name=\"governance-accountability-version\" value=\"-1\"");
        assertContains(shown.body(), "name=\"complete\" type=\"checkbox\" value=\"true\" checked");
        assertEquals(before, keptForms(), "a kept form is shown once");

        // shown, not saved: the person saves the page as shown
        var saved = lead.postRepeated(s.section(), form(shown.body(), "governance-accountability", "AMBER",
                "governance-accountability-evidence", "Typed while away", "action", "later"));
        assertEquals(303, saved.status(), saved.body());
        var again = lead.get(s.section()).body();
        assertContains(again, "value=\"AMBER\" checked", "Typed while away</textarea>", "name=\"governance-accountability-version\" value=\"0\"");
        assertFalse(again.contains(NOTICE));
        assertFalse(again.contains("value=\"true\" checked"), "saved without the tick: not complete");
    }

    @Test
    void theKeptAnswersAreShownOnceAndNeverSavedForThePerson() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var posted = typeThenPostAfterExpiry(s, lead);
        signInFrom(lead, posted.location(), s.lead());
        assertContains(lead.get(s.section()).body(), NOTICE, "Typed while away</textarea>");
        var second = lead.get(s.section()).body();
        assertFalse(second.contains(NOTICE), second);
        assertFalse(second.contains("Typed while away"), "not saved, and not shown again");
        assertFalse(second.contains("value=\"AMBER\" checked"));
        assertContains(lead.get("/returns/" + s.returnId()).body(), "Not started");
        assertFalse(lead.get("/sign-in").body().contains(KEPT_ON_SIGN_IN));
    }

    @Test
    void anotherPersonSigningInInThatBrowserDoesNotSeeThem() {
        Setup s = setup();
        TestBrowser shared = signedIn(s.lead());
        var posted = typeThenPostAfterExpiry(s, shared);
        Fixtures.Person stranger = fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, fixtures.school(s.partnership()));
        assertEquals(303, signInFrom(shared, posted.location(), stranger).status());
        var refused = shared.get(s.section());
        assertEquals(404, refused.status());
        assertFalse(refused.body().contains("Typed while away"));
        assertFalse(refused.body().contains("AMBER"));
        for (String page : List.of("/", "/returns/" + s.returnId())) {
            assertFalse(shared.get(page).body().contains("Typed while away"), page);
        }
        // the form stays for the person who posted it
        shared.post("/sign-out");
        signInFrom(shared, posted.location(), s.lead());
        assertContains(shared.get(s.section()).body(), NOTICE, "Typed while away</textarea>");
    }

    @Test
    void aKeptFormIsShownOnlyOnTheSectionItWasPostedTo() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var posted = typeThenPostAfterExpiry(s, lead);
        signInFrom(lead, posted.location(), s.lead());
        var other = lead.get("/returns/" + s.returnId() + "/sections/dsl").body();
        assertFalse(other.contains(NOTICE));
        assertContains(lead.get(s.section()).body(), NOTICE);
    }

    @Test
    void anUnknownOrForgedTokenShowsTheNormalPage() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        for (String forged : List.of("forged", "x".repeat(500), "")) {
            HttpCookie cookie = new HttpCookie("assure-pending-form", forged);
            cookie.setPath("/");
            cookie.setVersion(0);
            lead.cookies().getCookieStore().add(server.getURI(), cookie);
            var page = lead.get(s.section());
            assertEquals(200, page.status());
            assertFalse(page.body().contains(NOTICE));
        }
        assertFalse(browser().get("/sign-in").body().contains(KEPT_ON_SIGN_IN));
    }

    @Test
    void aPostWithoutAValidCsrfTokenIsNotKept() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String page = lead.get(s.section()).body();
        clock.advance(PAST_IDLE);
        int before = keptForms();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", "planted");
        fields.put("governance-accountability-version", "-1");
        fields.put("governance-accountability", "RED");
        var posted = lead.postRaw(s.section(), fields);
        assertEquals(303, posted.status());
        assertEquals(signInFor("/"), posted.location());
        assertEquals(before, keptForms());
        assertTrue(page.contains("governance-accountability"));
    }

    @Test
    void aKeptFormExpiresAndHousekeepingDeletesIt() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        int before = keptForms();
        var posted = typeThenPostAfterExpiry(s, lead);
        assertEquals(before + 1, keptForms());
        clock.advance(Duration.ofHours(25));
        assertFalse(lead.get(posted.location()).body().contains(KEPT_ON_SIGN_IN));
        signInFrom(lead, posted.location(), s.lead());
        var page = lead.get(s.section()).body();
        assertFalse(page.contains(NOTICE));
        assertFalse(page.contains("Typed while away"));
        pendingForms.deleteExpired();
        assertEquals(0, keptForms(), "every form was kept more than 24 hours ago");
    }

    @Test
    void savingTheKeptAnswersStillDetectsSomeoneElsesChange() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        var posted = typeThenPostAfterExpiry(s, lead);
        TestBrowser colleague = signedIn(fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, s.school()));
        String theirs = colleague.get(s.section()).body();
        assertEquals(303, colleague.postRepeated(s.section(), form(theirs, "governance-accountability", "GREEN", "action", "later")).status());

        signInFrom(lead, posted.location(), s.lead());
        var shown = lead.get(s.section()).body();
        assertContains(shown, NOTICE, "value=\"AMBER\" checked", "name=\"governance-accountability-version\" value=\"-1\"");
        var clash = lead.postRepeated(s.section(), form(shown, "governance-accountability", "AMBER",
                "governance-accountability-evidence", "Typed while away", "action", "later"));
        assertEquals(409, clash.status(), clash.body());
        assertContains(clash.body(), "Someone else changed these answers", "Keep mine");
    }

    @Test
    void theConflictPagesChoicesAreKeptToo() {
        Setup s = setup();
        TestBrowser first = signedIn(s.lead());
        Fixtures.Person secondLead = fixtures.person(s.partnership(), Role.ORGANISATION_LEAD, s.school());
        TestBrowser second = signedIn(secondLead);
        String secondPage = second.get(s.section()).body();
        String firstPage = first.get(s.section()).body();
        assertEquals(303, first.postRepeated(s.section(), form(firstPage, "governance-accountability", "GREEN", "action", "later")).status());
        var clash = second.postRepeated(s.section(), form(secondPage, "governance-accountability", "RED",
                "governance-accountability-evidence", "Mine after all", "action", "later"));
        assertEquals(409, clash.status(), clash.body());

        clock.advance(PAST_IDLE);
        List<Map.Entry<String, String>> choice = new ArrayList<>(hidden(clash.body()));
        choice.add(Map.entry("governance-accountability-choice", "mine"));
        var posted = second.postRepeated(s.section() + "/resolve", choice);
        assertEquals(signInFor(s.section()), posted.location());
        signInFrom(second, posted.location(), secondLead);
        var shown = second.get(s.section()).body();
        assertContains(shown, NOTICE, "value=\"RED\" checked", "Mine after all</textarea>",
                "name=\"governance-accountability-version\" value=\"0\"");
        var saved = second.postRepeated(s.section(), form(shown, "governance-accountability", "RED",
                "governance-accountability-evidence", "Mine after all", "action", "later"));
        assertEquals(303, saved.status(), saved.body());
        assertContains(second.get(s.section()).body(), "value=\"RED\" checked", "name=\"governance-accountability-version\" value=\"1\"");
    }

    @Test
    void aSessionEndedElsewhereKeepsTheFormToo() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String page = lead.get(s.section()).body();
        TestBrowser elsewhere = signedIn(s.lead());
        elsewhere.get("/account/password");
        var changed = elsewhere.post("/account/password", "currentPassword", Fixtures.PASSWORD,
                "password", "a new password of mine", "confirmPassword", "a new password of mine");
        assertEquals(200, changed.status(), changed.body());
        var posted = lead.postRepeated(s.section(), form(page, "governance-accountability", "RED", "action", "later"));
        assertEquals(signInFor(s.section()), posted.location());
        lead.get(posted.location());
        assertEquals(303, lead.post("/sign-in", "email", s.lead().email(), "password", "a new password of mine",
                "next", s.section()).status());
        assertContains(lead.get(s.section()).body(), NOTICE, "value=\"RED\" checked");
    }

    @Test
    void aPostOverTheSizeLimitIsNotKept() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String page = lead.get(s.section()).body();
        clock.advance(PAST_IDLE);
        int before = keptForms();
        var posted = lead.postRepeated(s.section(), form(page, "governance-accountability", "RED",
                "governance-accountability-evidence", "x".repeat(1024 * 1024), "action", "later"));
        assertEquals(303, posted.status());
        assertEquals(signInFor("/"), posted.location());
        assertEquals(before, keptForms());
    }

    @Test
    void aPostToAPathNoSectionHasIsNotKept() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        lead.get(s.section());
        clock.advance(PAST_IDLE);
        int before = keptForms();
        var posted = lead.post("/returns/" + s.returnId() + "/sections/" + "k".repeat(400), "governance-accountability", "RED");
        assertEquals(303, posted.status(), posted.body());
        assertEquals(signInFor("/"), posted.location());
        assertEquals(before, keptForms());
    }

    @Test
    void fromTheConflictPageOnlyTheAnswersChosenAsMineAreShownAndOptionsAreTickedOneByOne() {
        var cover = question("cover", BankModel.QuestionType.MULTIPLE_CHOICE);
        var notes = question("notes", BankModel.QuestionType.LONG_TEXT);
        var pupils = question("pupils", BankModel.QuestionType.NUMBER);
        var section = new BankModel.Section("basics", "Basics", null, null, List.of(cover, notes, pupils));
        Map<String, List<String>> posted = new java.util.LinkedHashMap<>();
        posted.put("cover-choice", List.of("mine"));
        posted.put("cover", List.of("DEPUTY,HEAD"));
        posted.put("cover-version", List.of("2"));
        posted.put("notes-choice", List.of("mine"));
        posted.put("notes", List.of("One, two"));
        posted.put("notes-version", List.of("0"));
        posted.put("pupils-choice", List.of("theirs"));
        posted.put("pupils", List.of("12"));
        posted.put("pupils-version", List.of("4"));
        var mine = SectionForm.chosenAsMine(posted, section);
        assertEquals(List.of("DEPUTY", "HEAD"), mine.get("cover"));
        assertEquals(List.of("2"), mine.get("cover-version"));
        assertEquals(List.of("One, two"), mine.get("notes"));
        assertFalse(mine.containsKey("pupils"));
        assertFalse(mine.containsKey("pupils-version"));
    }

    private static BankModel.Question question(String key, BankModel.QuestionType type) {
        return new BankModel.Question(key, key, null, null, List.of(), type, true, null, List.of(), List.of(), null, null, List.of());
    }

    private int keptForms() {
        return transactions.executeRead(status -> {
            try (var rs = status.getConnection().createStatement().executeQuery("SELECT COUNT(*) FROM pending_form")) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
