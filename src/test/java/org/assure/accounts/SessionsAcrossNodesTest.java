package org.assure.accounts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assure.partnerships.PartnershipService;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.assure.access.Role;

/** Two application nodes on one database, as behind a load balancer; and a node restarting. */
class SessionsAcrossNodesTest {

    @Test
    void aSessionStartedOnOneNodeWorksOnAnotherAndSignOutEndsItEverywhere() {
        Map<String, Object> database = new HashMap<>(TestDatabases.forContext());
        try (EmbeddedServer nodeA = ApplicationContext.run(EmbeddedServer.class, database, "test");
             EmbeddedServer nodeB = ApplicationContext.run(EmbeddedServer.class, database, "test")) {
            long partnershipId = nodeA.getApplicationContext().getBean(PartnershipService.class).create("Two Nodes " + Fixtures.next()).id();
            String email = "nodes" + Fixtures.next() + "@people.test";
            nodeA.getApplicationContext().getBean(AccountService.class)
                    .createActive(partnershipId, "Node Person", email, Fixtures.PASSWORD, List.of(Role.PARTNERSHIP_ADMIN), List.of());

            TestBrowser onA = new TestBrowser(nodeA.getURI());
            assertEquals(303, onA.signIn(email, Fixtures.PASSWORD).status());
            TestBrowser onB = new TestBrowser(nodeB.getURI());
            copyCookies(onA, onB);
            assertEquals(200, onB.get("/").status(), "node B knows the session node A started");

            onA.get("/");
            assertEquals(303, onA.post("/sign-out").status());
            assertEquals(303, onB.get("/").status(), "signed out on A means signed out on B at once");
        }
    }

    @Test
    void aSessionSurvivesARestart() {
        Map<String, Object> database = new HashMap<>(TestDatabases.forContext());
        TestBrowser before;
        String email = "restart" + Fixtures.next() + "@people.test";
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, database, "test")) {
            long partnershipId = first.getApplicationContext().getBean(PartnershipService.class).create("Restart " + Fixtures.next()).id();
            first.getApplicationContext().getBean(AccountService.class)
                    .createActive(partnershipId, "Restart Person", email, Fixtures.PASSWORD, List.of(Role.BOARD_VIEWER), List.of());
            before = new TestBrowser(first.getURI());
            assertEquals(303, before.signIn(email, Fixtures.PASSWORD).status());
        }
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, database, "test")) {
            TestBrowser after = new TestBrowser(second.getURI());
            copyCookies(before, after);
            assertEquals(200, after.get("/").status());
        }
    }

    private static void copyCookies(TestBrowser from, TestBrowser to) {
        for (HttpCookie cookie : from.cookies().getCookieStore().getCookies()) {
            HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
            copy.setPath("/");
            copy.setVersion(0);
            for (var uri : from.cookies().getCookieStore().getURIs()) {
                to.cookies().getCookieStore().add(java.net.URI.create(uri.getScheme() + "://" + uri.getHost()), copy);
            }
        }
    }
}
