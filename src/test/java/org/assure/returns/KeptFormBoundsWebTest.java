package org.assure.returns;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.assure.testsupport.TestBrowser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 4: anyone could fill pending_form by posting a section with the sign-in page's token while
 * signed out. Now only a form from a signed-in page whose session has ended is kept, and kept forms are
 * bounded per client address and in total (small limits here so the test can reach them).
 */
@MicronautTest(transactional = false)
@Property(name = "assure.pending-forms.per-address", value = "3")
@Property(name = "assure.pending-forms.total", value = "5")
@Property(name = "micronaut.server.client-address-header", value = "X-Forwarded-For")
class KeptFormBoundsWebTest extends ReturnWebTest {
    @Inject
    TransactionOperations<Connection> transactions;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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

    /** A post written by hand: these cookies and no others, from this address, never storing what comes back. */
    private int post(String path, String cookies, String address, List<Map.Entry<String, String>> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach(e -> body.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        try {
            return client.send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies).header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cookies(TestBrowser browser) {
        return browser.cookies().getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    @Test
    void aThousandAnonymousPostsWithTheSignInPagesTokenKeepNothing() {
        Setup s = setup();
        String section = signedIn(s.lead()).get(s.section()).body();
        TestBrowser attacker = browser();
        attacker.get("/sign-in");
        List<Map.Entry<String, String>> fields = form(section, "_csrf", attacker.csrfToken(), "governance-accountability", "RED",
                "governance-accountability-evidence", "x".repeat(90_000), "action", "later");
        // with a made-up session cookie too, as an attacker who read the ADR would add
        String cookies = cookies(attacker) + "; assure-session=made-up";
        int before = keptForms();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertEquals(303, post(s.section(), i % 2 == 0 ? cookies : cookies(attacker), "203.0.113." + (i % 250), fields));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(before, keptForms(), "nothing kept");
        System.out.println("1,000 anonymous section posts of 90 KB: " + millis + " ms");
    }

    @Test
    void formsFromExpiredSessionsAreBoundedPerAddressAndInTotal() {
        Setup s = setup();
        TestBrowser lead = signedIn(s.lead());
        String page = lead.get(s.section()).body();
        String cookies = cookies(lead);
        List<Map.Entry<String, String>> fields = form(page, "_csrf", lead.csrfToken(), "governance-accountability", "AMBER", "action", "later");
        clock.advance(ExpiredSessionWebTest.PAST_IDLE);
        int before = keptForms();
        assertEquals(0, before, "a context of its own");
        for (int i = 0; i < 6; i++) {
            assertEquals(303, post(s.section(), cookies, "198.51.100.7", fields));
        }
        assertEquals(3, keptForms(), "three from one address");
        for (int i = 0; i < 6; i++) {
            assertEquals(303, post(s.section(), cookies, "198.51.100." + (20 + i), fields));
        }
        assertEquals(5, keptForms(), "five in all");
        assertTrue(lead.get("/sign-in").status() == 200);
    }
}
