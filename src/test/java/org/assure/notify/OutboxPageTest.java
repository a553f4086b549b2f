package org.assure.notify;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.jobs.DueWorkRunner;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /outbox pages in local mode (no SMTP host): where admins read mail that is not sent. */
@MicronautTest(transactional = false)
class OutboxPageTest extends WebTest {
    private static final Pattern EMAIL_LINK = Pattern.compile("href=\"/outbox/(\\d+)\"");
    private static final Pattern INVITATION = Pattern.compile("href=\"http://assure\\.test(/invitations/[A-Za-z0-9_-]+)\"");

    @Inject
    Outbox outbox;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Notifications notifications;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aLocalAdminSeesThatAnInvitationWentAndTheDeveloperFollowsItsLinkOnTheirOwnPage() {
        Partnership p = fixtures.partnership();
        TestBrowser admin = signedIn(fixtures.admin(p));
        String invitee = "new.viewer" + Fixtures.next() + "@people.test";
        admin.get("/users/invite");
        assertEquals(303, admin.post("/users/invite", "name", "Nia Viewer", "email", invitee, "role", "BOARD_VIEWER",
                "organisationId", "").status());

        var list = admin.get("/outbox");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("No mail server is set up (local mode)"), "local mode explains where mail goes");
        assertTrue(list.body().contains("href=\"/dev/mail\""), "and where one-time links are");
        assertTrue(list.body().contains(invitee));
        assertTrue(list.body().contains("You have been invited to " + p.name()));
        assertTrue(list.body().contains(">Waiting<"));

        var email = admin.get("/outbox/" + firstEmailId(list.body()));
        assertEquals(200, email.status());
        assertFalse(email.body().contains("Dear Nia Viewer,"), "an invitation's content is its recipient's alone");
        assertFalse(INVITATION.matcher(email.body()).find(), email.body());

        Matcher link = INVITATION.matcher(browser().get("/dev/mail").body());
        assertTrue(link.find(), "the developer mail page has the link");
        TestBrowser newcomer = browser();
        assertEquals(200, newcomer.get(link.group(1)).status());
        assertEquals(303, newcomer.post(link.group(1), "password", "a brand new password", "confirmPassword", "a brand new password").status());
        assertEquals(303, browser().signIn(invitee, "a brand new password").status(), "the invitee can sign in");
    }

    @Test
    void onlyAdminsOfThePartnershipSeeItsEmail() {
        Partnership p = fixtures.partnership();
        queue(p, "someone@agency.test", "Private matter", "For partnership A only");
        long id = outbox.recent(p.id()).get(0).id();
        TestBrowser admin = signedIn(fixtures.admin(p));
        assertEquals(200, admin.get("/outbox/" + id).status());

        TestBrowser contributor = signedIn(fixtures.person(p, Role.CONTRIBUTOR, fixtures.agency(p)));
        assertEquals(403, contributor.get("/outbox").status());
        assertEquals(403, contributor.get("/outbox/" + id).status());

        TestBrowser otherAdmin = signedIn(fixtures.admin(fixtures.partnership()));
        var otherList = otherAdmin.get("/outbox");
        assertEquals(200, otherList.status());
        assertFalse(otherList.body().contains("Private matter"));
        assertEquals(404, otherAdmin.get("/outbox/" + id).status());
        assertEquals(404, otherAdmin.get("/outbox/999999999").status());

        var anonymous = browser().get("/outbox/" + id);
        assertEquals(303, anonymous.status());
        assertTrue(anonymous.location().startsWith("/sign-in"));
    }

    @Test
    void subjectBodyAndErrorsAreShownAsText() {
        Partnership p = fixtures.partnership();
        queue(p, "x@agency.test", "<script>alert('subject')</script>",
                "Hello <b>there</b>\n<script>alert('body')</script>\nSee https://evil.example/steal and http://assure.test/\"><script>x</script>");
        long id = outbox.recent(p.id()).get(0).id();
        outbox.recordFailure(id, "550 <mailbox@unavailable> & refused", clock.instant().plus(Duration.ofMinutes(1)));
        TestBrowser admin = signedIn(fixtures.admin(p));

        var list = admin.get("/outbox");
        assertTrue(list.body().contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;"), list.body());
        assertFalse(list.body().contains("<script>alert"));
        assertTrue(list.body().contains(">Failing<"));
        assertTrue(list.body().contains("1 failed attempt,"));
        assertTrue(list.body().contains("Last error: 550 &lt;mailbox@unavailable&gt; &amp; refused"));

        var page = admin.get("/outbox/" + id);
        assertTrue(page.body().contains("Hello &lt;b&gt;there&lt;/b&gt;"));
        assertFalse(page.body().contains("<script>"), page.body());
        assertFalse(page.body().contains("href=\"https://evil.example"), "other sites' links stay text");
        assertTrue(page.body().contains("550 &lt;mailbox@unavailable&gt; &amp; refused"));
    }

    @Test
    void anEmailShowsItsTextPartAndItsHtmlPartInASandboxedFrame() {
        Partnership p = fixtures.partnership();
        String hostile = "Tom & Jerry <script>alert(1)</script> \"><img src=x onerror=alert(1)>";
        transactions.executeWrite(status -> notifications.send(p.id(), new org.assure.cycles.CycleOpenedEmail(p.name(), "Schools audit",
                hostile, "Section 175/157 self-assessment", "9 June 2027", "/returns/123"), Recipient.person("Nia Viewer", "nia@people.test")));
        long id = outbox.recent(p.id()).get(0).id();
        TestBrowser admin = signedIn(fixtures.admin(p));

        var page = admin.get("/outbox/" + id);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Dear Nia Viewer,"), "the text part, as before");
        assertTrue(page.body().contains("href=\"http://assure.test/returns/123\""), "its link to this site works");
        assertTrue(page.body().contains("Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;: the Section 175/157"),
                page.body());
        assertFalse(page.body().contains("<script>alert") || page.body().contains("<img"), "never raw on the page");
        assertTrue(page.body().contains("<iframe class=\"assure-email-frame\" id=\"email-html\" src=\"/outbox/" + id + "/html\""), page.body());
        assertTrue(page.body().contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\""), "no scripts, forms or same-origin in the frame");
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"), "the page itself keeps the site's policy");
        assertEquals("DENY", page.header("X-Frame-Options"));

        var html = admin.get("/outbox/" + id + "/html");
        assertEquals(200, html.status());
        assertTrue(html.header("Content-Type").startsWith("text/html"), html.header("Content-Type"));
        String policy = html.header("Content-Security-Policy");
        assertTrue(policy.startsWith("sandbox allow-popups allow-popups-to-escape-sandbox;"), policy);
        assertFalse(policy.contains("allow-scripts") || policy.contains("allow-same-origin") || policy.contains("allow-forms"), policy);
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'self'"), policy);
        assertFalse(policy.contains("script-src"), "no script source at all: " + policy);
        assertEquals("SAMEORIGIN", html.header("X-Frame-Options"));
        assertEquals("nosniff", html.header("X-Content-Type-Options"));
        assertEquals("no-store", html.header("Cache-Control"));
        assertTrue(html.body().contains("<head><base target=\"_blank\">"), "links leave the frame for a new tab: " + html.body());
        assertTrue(html.body().contains("Dear Nia Viewer,") && html.body().contains("href=\"http://assure.test/returns/123\""));
        assertTrue(html.body().contains("Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.body().contains("<script") || html.body().contains("<img"), html.body());
    }

    @Test
    void theHtmlPartIsForThePartnershipsAdminsOnly() {
        Partnership p = fixtures.partnership();
        transactions.executeWrite(status -> {
            outbox.send(p.id(), "someone@agency.test", "Private matter", "For partnership A only", "<html><head></head><body>Formatted</body></html>");
            return null;
        });
        long id = outbox.recent(p.id()).get(0).id();
        assertEquals(200, signedIn(fixtures.admin(p)).get("/outbox/" + id + "/html").status());
        assertEquals(403, signedIn(fixtures.person(p, Role.ORGANISATION_LEAD, fixtures.school(p))).get("/outbox/" + id + "/html").status());
        assertEquals(403, signedIn(fixtures.person(p, Role.BOARD_VIEWER)).get("/outbox/" + id + "/html").status());
        TestBrowser otherAdmin = signedIn(fixtures.admin(fixtures.partnership()));
        assertEquals(404, otherAdmin.get("/outbox/" + id + "/html").status(), "another partnership's email is not found");
        assertEquals(404, otherAdmin.get("/outbox/999999999/html").status());
        var anonymous = browser().get("/outbox/" + id + "/html");
        assertEquals(303, anonymous.status());
        assertTrue(anonymous.location().startsWith("/sign-in"));
    }

    @Test
    void anEmailWithoutAnHtmlPartHasNoFrame() {
        Partnership p = fixtures.partnership();
        queue(p, "x@agency.test", "Plain", "Only text");
        long id = outbox.recent(p.id()).get(0).id();
        TestBrowser admin = signedIn(fixtures.admin(p));
        var page = admin.get("/outbox/" + id);
        assertTrue(page.body().contains("Only text"));
        assertFalse(page.body().contains("<iframe"));
        assertEquals(404, admin.get("/outbox/" + id + "/html").status());
    }

    @Test
    void withoutAnSmtpHostThereIsNoSenderJobAndNothingIsSent() {
        Partnership p = fixtures.partnership();
        queue(p, "kept@agency.test", "Kept", "Stays in the outbox");
        assertFalse(context.containsBean(OutboxDueWork.class));
        assertEquals(new OutboxSender.Run(0, 0), context.getBean(OutboxSender.class).sendDue());
        assertNull(context.getBean(DueWorkRunner.class).runOnce().of("outbox"), "the runner has no outbox to drain");
        OutboxEmail kept = outbox.recent(p.id()).get(0);
        assertEquals(0, kept.attempts());
        assertEquals(null, kept.sentAt());
    }

    private void queue(Partnership p, String to, String subject, String body) {
        transactions.executeWrite(status -> {
            outbox.send(p.id(), to, subject, body);
            return null;
        });
    }

    private static String firstEmailId(String html) {
        Matcher m = EMAIL_LINK.matcher(html);
        assertTrue(m.find(), "a link to an email");
        return m.group(1);
    }
}
