package org.assure.notify;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.accounts.AccountService;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 1: an admin could take over any account by asking for a password reset (or re-sending an
 * invitation) and reading the one-time link on the Emails page. In local mode (no mail server) the links are
 * on the developer mail page only; every page an admin can reach shows that the email exists, never its link.
 */
@MicronautTest(transactional = false)
class OneTimeLinksWebTest extends WebTest {
    /** Any one-time link: the two routes whose path holds the secret, followed by a token-like value. */
    static final Pattern ANY_LINK = Pattern.compile("/(invitations|password-reset)/[A-Za-z0-9_-]{16,}");
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");
    private static final Pattern EMAIL_PAGE = Pattern.compile("/outbox/(\\d+)");

    @Inject
    Outbox outbox;
    @Inject
    AccountService accounts;
    @Inject
    Emails emails;

    @Test
    void anAdminAskingToResetAPanelMembersOrALeadsPasswordCannotReadTheLink() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person panel = fixtures.person(p, Role.PANEL_MEMBER);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        TestBrowser admin = signedIn(fixtures.admin(p));

        // As reported: the admin asks for the reset, signed in or from a private window.
        admin.get("/password-reset");
        assertEquals(303, admin.post("/password-reset", "email", panel.email()).status());
        TestBrowser privateWindow = browser();
        privateWindow.get("/password-reset");
        assertEquals(303, privateWindow.post("/password-reset", "email", lead.email().toUpperCase()).status());

        // The links as the recipients' mailboxes would get them (the outbox row, which only the sender reads).
        String panelLink = Emails.linkPath(emails.latest(p.id(), panel.email()), "/password-reset/");
        String leadLink = Emails.linkPath(emails.latest(p.id(), lead.email()), "/password-reset/");
        assertEquals(200, browser().get(panelLink).status(), "the link is live: exactly what the admin must not get");

        List<String> seen = crawl(admin, p);
        assertTrue(seen.size() > 10, "the crawl reached the admin's pages: " + seen);
        assertNoLinkOn(admin, seen, panelLink, leadLink);
        assertEquals(panelLink, developerLink(panel.email(), "/password-reset/"), "local mode: the developer reads it on their own page");
        assertEquals(leadLink, developerLink(lead.email(), "/password-reset/"));

        var list = admin.get("/outbox").body();
        assertTrue(list.contains(panel.email()) && list.contains(lead.email()), "who it went to is shown");
        assertTrue(list.contains("Reset your Assure password"), "and the subject");
        assertTrue(list.contains("One-time link: content not shown"), list);
        long id = outbox.recent(p.id()).get(0).id();
        var page = admin.get("/outbox/" + id);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("This email carries a one-time link that only its recipient may use"), page.body());
        assertTrue(page.body().contains(">Waiting<"), "its status is shown");
        assertTrue(page.body().contains("href=\"/dev/mail\""), "in local mode the page says where the developer reads it");
        assertFalse(page.body().contains("<iframe"), "no frame for its formatted part");
        assertEquals(404, admin.get("/outbox/" + id + "/html").status(), "nor the part itself, asked for directly");

        // Still the recipient's: the panel member resets their password with the link.
        TestBrowser member = browser();
        member.get(panelLink);
        assertEquals(303, member.post(panelLink, "password", "the panel's new password", "confirmPassword", "the panel's new password").status());
        assertEquals(303, browser().signIn(panel.email(), "the panel's new password").status());
    }

    @Test
    void invitationsFromAnAdminAndFromALeadAreNotReadableByTheAdmin() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        Fixtures.Person adminPerson = fixtures.admin(p);
        TestBrowser admin = signedIn(adminPerson);
        String viewer = "viewer" + Fixtures.next() + "@people.test";
        String helper = "helper" + Fixtures.next() + "@school.test";
        admin.get("/users/invite");
        assertEquals(303, admin.post("/users/invite", "name", "Nia Viewer", "email", viewer, "role", "BOARD_VIEWER", "organisationId", "").status());
        accounts.inviteContributor(new CurrentUser(lead.id(), p.id(), p.name(), lead.email(), "Lee Lead", Set.of(Roles.LEAD), Set.of(school.id())),
                "Hal Helper", helper, school.id());
        String firstLink = Emails.linkPath(emails.latest(p.id(), viewer), "/invitations/");
        long pending = accounts.list(new CurrentUser(adminPerson.id(), p.id(), p.name(), adminPerson.email(), "Ada Admin", Set.of(Roles.ADMIN), Set.of())).stream().filter(u -> u.email().equals(viewer)).findFirst().orElseThrow().id();

        // Sending it again makes a new link, and the old one stops working: neither is readable.
        admin.get("/users");
        assertEquals(303, admin.post("/users/" + pending + "/reinvite").status());
        String secondLink = Emails.linkPath(emails.latest(p.id(), viewer), "/invitations/");
        String helperLink = Emails.linkPath(emails.latest(p.id(), helper), "/invitations/");
        assertFalse(firstLink.equals(secondLink));

        assertNoLinkOn(admin, crawl(admin, p), firstLink, secondLink, helperLink);
        assertEquals(secondLink, developerLink(viewer, "/invitations/"), "the developer mail page has the newest link");
        assertEquals(helperLink, developerLink(helper, "/invitations/"));

        TestBrowser newcomer = browser();
        assertEquals(200, newcomer.get(secondLink).status());
        assertEquals(303, newcomer.post(secondLink, "password", "a brand new password", "confirmPassword", "a brand new password").status());
        assertEquals(303, browser().signIn(viewer, "a brand new password").status(), "the demo still works end to end");
    }

    @Test
    void theDeveloperMailPageShowsOnlyHeldOneTimeLinksAsText() {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        String hostile = "Tom <script>alert(1)</script>";
        String invitee = "dev.page" + Fixtures.next() + "@people.test";
        admin.get("/users/invite");
        assertEquals(303, admin.post("/users/invite", "name", hostile, "email", invitee, "role", "BOARD_VIEWER", "organisationId", "").status());
        String ordinary = "Ordinary " + Fixtures.next();
        transactionally(() -> outbox.send(p.id(), "someone@agency.test", ordinary, "No secret here"));

        var page = browser().get("/dev/mail");
        assertEquals(200, page.status(), "anyone may read it in local mode: the developer stands in for every recipient");
        assertEquals("no-store", page.header("Cache-Control"));
        assertTrue(page.body().contains(invitee), page.body());
        assertTrue(page.body().contains("Dear Tom &lt;script&gt;alert(1)&lt;/script&gt;,"), page.body());
        assertFalse(page.body().contains("<script>alert"), page.body());
        assertFalse(page.body().contains(ordinary), "other emails are on the Emails page, not here");
        assertTrue(ANY_LINK.matcher(page.body()).find(), "the link itself");
    }

    /** The link to this site in the newest held email to this address on the developer mail page. */
    private String developerLink(String to, String prefix) {
        String page = browser().get("/dev/mail").body();
        int at = page.toLowerCase().indexOf(to.toLowerCase());
        assertTrue(at >= 0, "no email to " + to + " on the developer mail page:\n" + page);
        Matcher link = Pattern.compile("href=\"http://assure\\.test(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)\"").matcher(page);
        assertTrue(link.find(at), "no " + prefix + " link after " + to + ":\n" + page);
        return link.group(1);
    }

    /**
     * Every page the admin can reach by following links from the dashboard, the Emails page and each email of
     * the partnership (its page and its HTML part), as far as 400 pages, except local mode's developer mail page.
     * Sign-out is a form, so never followed.
     */
    private List<String> crawl(TestBrowser admin, Partnership p) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/outbox", "/users", "/jobs", "/organisations", "/cycles"));
        for (OutboxEmail e : outbox.recent(p.id())) {
            queue.add("/outbox/" + e.id());
            queue.add("/outbox/" + e.id() + "/html");
        }
        List<String> pages = new ArrayList<>();
        while (!queue.isEmpty() && pages.size() < 400) {
            String path = TestBrowser.unescape(queue.poll());
            // The developer mail page is local mode's stand-in for the recipients' mailboxes, there by design.
            if (!seen.add(path) || path.startsWith("/dev/") || path.startsWith("/govuk/") || path.startsWith("/static/") || path.startsWith("/assets/")
                    || path.endsWith(".xlsx") || path.endsWith(".yaml")) {
                continue;
            }
            pages.add(path);
            Matcher href = HREF.matcher(admin.get(path).body());
            while (href.find()) {
                queue.add(href.group(1));
            }
        }
        return pages;
    }

    private static void assertNoLinkOn(TestBrowser admin, List<String> pages, String... links) {
        for (String path : pages) {
            var page = admin.get(path);
            for (String link : links) {
                String token = link.substring(link.lastIndexOf('/') + 1);
                assertFalse(page.body().contains(token), "the one-time link " + link + " is readable at " + path + ":\n" + page.body());
            }
            assertFalse(ANY_LINK.matcher(page.body()).find(), "a one-time link at " + path + ":\n" + page.body());
            assertFalse(page.raw().headers().map().toString().contains(links[0].substring(links[0].lastIndexOf('/') + 1)), path);
        }
        assertTrue(pages.stream().anyMatch(path -> EMAIL_PAGE.matcher(path).matches()), "the emails' own pages were read: " + pages);
    }

    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    private void transactionally(Runnable work) {
        transactions.executeWrite(status -> {
            work.run();
            return null;
        });
    }
}
