package org.assure.notify;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.assure.access.Role;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.MailServerWebTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a mail server (GreenMail, real SMTP): an email with a one-time link keeps its content only until SMTP
 * has accepted it, then the link exists nowhere in the database; admins see that it went, never the link;
 * and there is no developer mail page, since the link went to its recipient.
 */
@MicronautTest(transactional = false)
class OneTimeLinksDeliveryTest extends MailServerWebTest {
    private static final Pattern LINK = Pattern.compile("http://assure\\.test(/(invitations|password-reset)/([A-Za-z0-9_-]+))");

    @Inject
    Outbox outbox;
    @Inject
    OutboxSender sender;
    @Inject
    OutboxRepository emails;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void onceDeliveredTheLinkIsNowhereInTheDatabaseAndAdminsSeeOnlyThatItWent() throws Exception {
        startMailServer();
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        TestBrowser admin = signedIn(fixtures.admin(p));
        String invitee = "delivered" + Fixtures.next() + "@people.test";
        admin.get("/users/invite");
        assertEquals(303, admin.post("/users/invite", "name", "Nia Viewer", "email", invitee, "role", "BOARD_VIEWER", "organisationId", "").status());
        TestBrowser anyone = browser();
        anyone.get("/password-reset");
        assertEquals(303, anyone.post("/password-reset", "email", lead.email()).status());

        assertEquals(2, sender.sendDue().sent());

        String invitation = linkIn(receivedBy(invitee));
        String reset = linkIn(receivedBy(lead.email()));
        List<String> tokens = List.of(tokenOf(invitation), tokenOf(reset));
        for (String token : tokens) {
            assertEquals(List.of(), placesHolding(token), "the delivered link is kept nowhere");
        }
        for (OutboxEmail row : outbox.recent(p.id())) {
            OutboxEmail stored = emails.findById(row.id()).orElseThrow();
            assertNull(stored.body(), "text part forgotten");
            assertNull(stored.htmlBody(), "HTML part forgotten");
            assertTrue(stored.carriesSecret());
            assertNotNull(stored.sentAt());
            assertTrue(stored.purged());
            assertTrue(List.of("invitation", "password-reset").contains(stored.kind()), stored.kind());
            assertFalse(stored.subject().isBlank(), "who, subject, kind, status and times stay");
        }

        var list = admin.get("/outbox");
        assertTrue(list.body().contains(invitee) && list.body().contains(lead.email()), list.body());
        assertTrue(list.body().contains(">Sent<"), list.body());
        long id = outbox.recent(p.id()).get(0).id();
        var page = admin.get("/outbox/" + id);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("The content was deleted when the email was sent."), page.body());
        assertFalse(page.body().contains("/dev/mail"), "no developer page to point at");
        assertEquals(404, admin.get("/outbox/" + id + "/html").status());
        for (String path : List.of("/outbox", "/outbox/" + id, "/outbox/" + outbox.recent(p.id()).get(1).id(), "/users", "/jobs")) {
            String body = admin.get(path).body();
            tokens.forEach(token -> assertFalse(body.contains(token), path));
            assertFalse(OneTimeLinksWebTest.ANY_LINK.matcher(body).find(), path + ":\n" + body);
        }

        assertEquals(404, browser().get("/dev/mail").status(), "with a mail server there is no developer mail page");
        assertEquals(404, admin.get("/dev/mail").status(), "not even for an admin");

        TestBrowser newcomer = browser();
        assertEquals(200, newcomer.get(invitation).status(), "the recipient's link still works: only our copy is gone");
        assertEquals(303, newcomer.post(invitation, "password", "a brand new password", "confirmPassword", "a brand new password").status());
    }

    @Test
    void whileDeliveryFailsTheLinkIsKeptToDeliverButNeverShown() throws Exception {
        Partnership p = fixtures.partnership();
        Fixtures.Person panel = fixtures.person(p, Role.PANEL_MEMBER);
        TestBrowser admin = signedIn(fixtures.admin(p));
        TestBrowser anyone = browser();
        anyone.get("/password-reset");
        anyone.post("/password-reset", "email", panel.email());

        assertEquals(1, sender.sendDue().failed(), "the mail server is down");

        OutboxEmail failing = emails.findById(outbox.recent(p.id()).get(0).id()).orElseThrow();
        assertNotNull(failing.body(), "kept: it is still to be delivered");
        Matcher held = LINK.matcher(failing.body());
        assertTrue(held.find());
        String token = held.group(3);
        var page = admin.get("/outbox/" + failing.id());
        assertTrue(page.body().contains(">Failing<") && page.body().contains("Last error"), page.body());
        assertTrue(page.body().contains("The content is kept only until the email is sent."), page.body());
        assertFalse(page.body().contains(token), page.body());
        assertFalse(admin.get("/outbox").body().contains(token));

        clock.advance(Duration.ofMinutes(2));
        startMailServer();
        assertEquals(1, sender.sendDue().sent());
        assertEquals("/password-reset/" + token, linkIn(receivedBy(panel.email())), "the same link arrives");
        assertEquals(List.of(), placesHolding(token));
    }

    @Test
    void anEmailWithoutASecretKeepsItsContentOnceSent() {
        startMailServer();
        Partnership p = fixtures.partnership();
        transactions.executeWrite(status -> {
            outbox.send(p.id(), "kept" + Fixtures.next() + "@agency.test", "A notice", "Nothing secret", "<p>Nothing secret</p>");
            return null;
        });
        sender.sendDue();
        OutboxEmail sent = emails.findById(outbox.recent(p.id()).get(0).id()).orElseThrow();
        assertNotNull(sent.sentAt());
        assertEquals("Nothing secret", sent.body());
        assertEquals("<p>Nothing secret</p>", sent.htmlBody());
        assertFalse(sent.carriesSecret());
    }

    /** Every table and column of the database that holds this text: a thorough look, not just the outbox. */
    private List<String> placesHolding(String text) throws SQLException {
        return transactions.executeRead(status -> {
            try {
                return placesHolding(status.getConnection(), text);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> placesHolding(Connection c, String text) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.stream().anyMatch(t -> t.equalsIgnoreCase("outbox_email")), tables::toString);
        List<String> places = new ArrayList<>();
        for (String table : tables) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        if (value != null && String.valueOf(value).contains(text)) {
                            places.add(table + "." + rs.getMetaData().getColumnName(i));
                        }
                    }
                }
            }
        }
        return places;
    }

    private static String linkIn(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private MimeMessage receivedBy(String to) {
        assertTrue(greenMail.waitForIncomingEmail(5000, 1), "some email arrived");
        MimeMessage[] messages = greenMail.getReceivedMessagesForDomain(to);
        assertEquals(1, messages.length, "one email for " + to);
        return messages[0];
    }
}
