package org.assure.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no page of ours sends, as a curious person or an attacker would: each is a 4xx page in the layout,
 * quickly, with no stack trace in the answer and nothing in the log that a request could forge or that names a token.
 */
@MicronautTest(transactional = false)
class MalformedRequestsWebTest extends WebTest {

    private static void assertPage(RawRequests.Answer answer, int status, String heading) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.body().contains(heading), () -> "Expected «" + heading + "» in:\n" + answer.body());
        assertTrue(answer.body().contains("govuk-header"), "in the layout");
        assertFalse(answer.body().contains("Exception"), answer.body());
        assertFalse(answer.body().contains("\"_links\""), "not Micronaut's JSON error");
        assertTrue(answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
    }

    private RawRequests signedInAdmin() {
        return new RawRequests(server.getURI(), signedIn(fixtures.admin(fixtures.partnership())));
    }

    @Test
    void idsThatAreNotNumbersFindNoPage() {
        RawRequests admin = signedInAdmin();
        try (LogCapture log = new LogCapture()) {
            for (String path : new String[] {"/returns/abc", "/cycles/1e3", "/returns/99999999999999999999999", "/cycles/-1x",
                    "/returns/1%20OR%201=1", "/organisations/0x10", "/returns/abc/sections/leadership"}) {
                var answer = admin.get(path);
                assertEquals(404, answer.status(), path);
                assertPage(answer, 404, "Page not found");
            }
            assertFalse(log.all().contains("Exception"), log.all());
        }
    }

    @Test
    void anAnonymousBadIdIsSentToSignInNotAnError() {
        RawRequests anonymous = new RawRequests(server.getURI(), browser());
        var answer = anonymous.get("/returns/abc");
        assertTrue(answer.status() == 303 || answer.status() == 404, answer.status() + answer.body());
    }

    @Test
    void badPercentEncodingInAFormIsABadRequestPage() {
        TestBrowser browser = browser();
        browser.get("/sign-in");
        String token = URLEncoder.encode(browser.csrfToken(), StandardCharsets.UTF_8);
        RawRequests anonymous = new RawRequests(server.getURI(), browser);
        try (LogCapture log = new LogCapture()) {
            for (String body : new String[] {"_csrf=" + token + "&%ZZ=1&email=a%40b.org&password=x",
                    "_csrf=" + token + "&email=%ZZ&password=x", "_csrf=" + token + "&email=a%4&password=x",
                    "%ZZ&_csrf=" + token, "_csrf=%E0%A4%A&email=x"}) {
                assertPage(anonymous.post("/sign-in", "application/x-www-form-urlencoded", body), 400, "could not be read");
            }
            assertFalse(log.all().contains("Exception"), log.all());
            assertFalse(log.all().contains(browser.csrfToken()), "no token in the log");
        }
    }

    @Test
    void aNextAddressWithSpacesOrLineBreaksGoesToTheDashboard() {
        var admin = fixtures.admin(fixtures.partnership());
        try (LogCapture log = new LogCapture()) {
            for (String next : new String[] {"/returns\r\nSet-Cookie: evil=1", "/ returns", "/\nx", "/\tx", "/%0d%0aX: y"}) {
                TestBrowser browser = browser();
                var page = browser.get("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                assertEquals(200, page.status(), page.body());
                assertFalse(page.body().contains("Set-Cookie: evil"), "not echoed into the page as is");
                var signedIn = browser.post("/sign-in", "email", admin.email(), "password", Fixtures.PASSWORD, "next", next);
                assertEquals(303, signedIn.status(), signedIn.body());
                assertEquals("/", signedIn.location());
                assertFalse(signedIn.raw().headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("evil")));
            }
            assertFalse(log.all().contains("Exception"), log.all());
            assertFalse(log.lines().stream().anyMatch(l -> l.contains("Set-Cookie: evil")), log.all());
        }
    }

    @Test
    void aJsonOrTextPostIsAnUnsupportedMediaTypePage() {
        RawRequests admin = signedInAdmin();
        TestBrowser anonymousBrowser = browser();
        anonymousBrowser.get("/sign-in");
        RawRequests anonymous = new RawRequests(server.getURI(), anonymousBrowser);
        try (LogCapture log = new LogCapture()) {
            assertPage(anonymous.post("/sign-in", "application/json", "{\"email\":\"a@b.org\",\"password\":\"x\"}"), 415, "could not be read");
            assertPage(anonymous.post("/sign-in", "text/plain", "email=a@b.org"), 415, "could not be read");
            assertPage(admin.post("/sign-out", "application/json", "{}"), 415, "could not be read");
            assertPage(admin.post("/cycles", "text/xml", "<cycle/>"), 415, "could not be read");
            assertFalse(log.all().contains("Exception"), log.all());
        }
    }

    @Test
    void aFormOverTheServerLimitIsATooLargePageQuickly() {
        TestBrowser browser = browser();
        browser.get("/sign-in");
        RawRequests anonymous = new RawRequests(server.getURI(), browser);
        String huge = "_csrf=" + URLEncoder.encode(browser.csrfToken(), StandardCharsets.UTF_8) + "&email=" + "a".repeat(3 * 1024 * 1024);
        var answer = anonymous.post("/sign-in", "application/x-www-form-urlencoded", huge);
        assertPage(answer, 413, "too large");
        assertTrue(answer.millis() < 5000, answer.millis() + " ms");
    }

    @Test
    void anUploadOverTheServerLimitIsATooLargePage() {
        RawRequests admin = signedInAdmin();
        byte[] body = new byte[26 * 1024 * 1024];
        var answer = admin.post("/banks/import", "multipart/form-data; boundary=xyz", body);
        assertPage(answer, 413, "too large");
    }

    @Test
    void aChunkedFormWithoutALengthIsReadWhole() {
        TestBrowser browser = browser();
        browser.get("/sign-in");
        String cookies = String.join("; ", browser.cookies().getCookieStore().getCookies().stream().map(Object::toString).toList());
        String body = "_csrf=" + URLEncoder.encode(browser.csrfToken(), StandardCharsets.UTF_8) + "&email=nobody%40example.org&password="
                + "p".repeat(200_000);
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < body.length(); i += 8000) {
            String part = body.substring(i, Math.min(body.length(), i + 8000));
            chunked.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        long start = System.nanoTime();
        String answer = RawRequests.rawExchange(server.getURI(), "POST /sign-in HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Cookie: " + cookies + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + chunked, Duration.ofSeconds(15));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(answer.startsWith("HTTP/1.1 422"), answer.substring(0, Math.min(500, answer.length())));
        assertTrue(millis < 5000, millis + " ms");
    }

    @Test
    void moreFieldsThanAnyFormHasIsABadRequestPage() {
        TestBrowser browser = browser();
        browser.get("/sign-in");
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(browser.csrfToken(), StandardCharsets.UTF_8));
        for (int i = 0; i < FormBodies.MAX_FIELDS + 1; i++) {
            body.append("&f").append(i).append("=1");
        }
        var answer = new RawRequests(server.getURI(), browser).post("/sign-in", "application/x-www-form-urlencoded", body.toString());
        assertPage(answer, 400, "could not be read");
    }

    private long signInMillis(Fixtures.Person person) {
        long start = System.nanoTime();
        TestBrowser other = browser();
        assertEquals(200, other.get("/sign-in").status());
        assertEquals(303, other.post("/sign-in", "email", person.email(), "password", Fixtures.PASSWORD).status());
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void slowAnonymousBodiesHoldNoThreadThatOthersNeed() throws Exception {
        var admin = fixtures.admin(fixtures.partnership());
        long baseline = signInMillis(admin);
        java.util.List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                var socket = new java.net.Socket(server.getURI().getHost(), server.getURI().getPort());
                socket.getOutputStream().write(("POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100000\r\n\r\nemail=").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long millis = signInMillis(admin);
            assertTrue(millis < baseline + 2000, "others are answered while 60 bodies trickle in: " + millis + " ms (alone: " + baseline + " ms)");
        } finally {
            for (var socket : slow) {
                socket.close();
            }
        }
    }
}
