package org.assure.api;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.kernel.Dates;
import org.assure.kernel.SigningKey;
import org.assure.organisations.Organisation;
import org.assure.panels.MarkingBy;
import org.assure.panels.PanelWorld;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
class ApiWebTest extends WebTest {
    private static final Pattern SECRET = Pattern.compile("id=\"api-token\">([^<]+)<");

    @Inject
    PanelWorld worlds;
    @Inject
    ApiTestRows rows;
    @Inject
    JsonMapper json;

    private PanelWorld.World world;
    private TestBrowser admin;
    private ApiCalls api;

    @BeforeEach
    void world() {
        world = worlds.build(MarkingBy.SECTION);
        admin = signedIn(world.admin());
        api = new ApiCalls(server.getURI(), json);
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndNeverInTheListOrTheAuditTrail() {
        String secret = create(admin, "Power BI board dashboard", Dates.today(clock).plusDays(90), "ALL");
        assertEquals(43, secret.length(), "32 random bytes, base64url: " + secret);

        TestBrowser.Page list = admin.get("/api-tokens");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("Power BI board dashboard"));
        assertFalse(list.body().contains(secret), "the list never shows a secret");
        assertEquals(List.of(SigningKey.hash(secret)), rows.strings("SELECT token_hash FROM api_token WHERE partnership_id = ?", world.partnership().id()));
        assertEquals(0, rows.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'api_token' AND (COALESCE(before_fields, '') LIKE ? "
                + "OR COALESCE(after_fields, '') LIKE ?)", "%" + secret + "%", "%" + SigningKey.hash(secret) + "%"));
        assertEquals(1, rows.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'api_token' AND partnership_id = ?",
                world.partnership().id()));
        assertEquals(200, api.get(secret, "/api/v1/cycles").status());
    }

    @Test
    void badInputOnTheTokenFormIsKeptWithAMessageOnEachField() {
        admin.get("/api-tokens/new");
        String longName = "x".repeat(101);
        LocalDate yesterday = Dates.today(clock).minusDays(1);
        TestBrowser.Page page = admin.post("/api-tokens/new", Map.of("name", longName, "expiryDay", String.valueOf(yesterday.getDayOfMonth()),
                "expiryMonth", String.valueOf(yesterday.getMonthValue()), "expiryYear", String.valueOf(yesterday.getYear())));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("Name must be 100 characters or fewer"));
        assertTrue(page.body().contains("Expiry date must be in the future"));
        assertTrue(page.body().contains("Select which returns the token can read"));
        assertTrue(page.body().contains("value=\"" + longName + "\""), "the name typed is kept");
        page = admin.post("/api-tokens/new", Map.of("name", "", "expiryDay", "31", "expiryMonth", "2", "expiryYear", "2027", "returns", "EVERYTHING"));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("Enter a name for the token"));
        assertTrue(page.body().contains("value=\"31\""), "the date typed is kept");
        LocalDate tooFar = Dates.today(clock).plusYears(2);
        page = admin.post("/api-tokens/new", Map.of("name", "Far", "expiryDay", String.valueOf(tooFar.getDayOfMonth()), "expiryMonth",
                String.valueOf(tooFar.getMonthValue()), "expiryYear", String.valueOf(tooFar.getYear()), "returns", "ALL"));
        assertTrue(page.body().contains("Expiry date must be within a year of today"));
        assertEquals(0, rows.count("SELECT COUNT(*) FROM api_token WHERE partnership_id = ?", world.partnership().id()), "nothing half-saved");
    }

    @Test
    void aTokenReadsOnlyItsOwnPartnership() {
        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        String mine = create(admin, "Mine", Dates.today(clock).plusDays(30), "ALL");

        var cycles = api.get(mine, "/api/v1/cycles");
        assertEquals(200, cycles.status(), cycles.body());
        assertEquals(List.of(world.cycleId()), ids(cycles.data(), "id"));
        Set<Long> orgs = new HashSet<>(ids(api.get(mine, "/api/v1/organisations?size=500").data(), "id"));
        assertTrue(orgs.contains(world.school().id()));
        assertFalse(orgs.contains(far.school().id()), "another partnership's organisation");
        assertEquals(404, api.get(mine, "/api/v1/returns?cycle=" + far.cycleId()).status(), "another partnership's cycle id");
        assertEquals(404, api.get(mine, "/api/v1/organisations?cycle=" + far.cycleId()).status());
        for (String path : List.of("/api/v1/returns", "/api/v1/actions", "/api/v1/panel-outcomes")) {
            assertEquals(404, api.get(mine, path + "?cycle=" + far.cycleId()).status(), path);
        }
        var returns = api.get(mine, "/api/v1/returns?cycle=" + world.cycleId());
        assertEquals(Set.of(world.returnId(), world.sisterReturnId()), new HashSet<>(ids(returns.data(), "id")).stream()
                .filter(id -> id == world.returnId() || id == world.sisterReturnId()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(ids(returns.data(), "id").stream().noneMatch(id -> id == far.returnId()));
    }

    @Test
    void revokedExpiredUnknownAndMissingTokensAndSessionsAreRefusedWithJson() {
        String token = create(admin, "Soon revoked", Dates.today(clock).plusDays(2), "ALL");
        String expiring = create(admin, "Soon expired", Dates.today(clock).plusDays(1), "ALL");
        assertEquals(200, api.get(token, "/api/v1/cycles").status());
        long id = rows.count("SELECT id FROM api_token WHERE name = 'Soon revoked' AND partnership_id = ?", world.partnership().id());
        admin.get("/api-tokens");
        assertEquals(303, admin.post("/api-tokens/" + id + "/revoke").status());
        assertEquals(303, admin.post("/api-tokens/" + id + "/revoke").status(), "revoking twice is harmless");
        assertEquals(1, rows.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'api_token' AND entity_id = ? AND action = 'revoked'", id));
        var revoked = api.get(token, "/api/v1/cycles");
        assertEquals(401, revoked.status());
        assertEquals("The API token has been revoked", revoked.json().get("error"));

        clock.advance(Duration.ofDays(2));
        var expired = api.get(expiring, "/api/v1/cycles");
        assertEquals(401, expired.status());
        assertEquals("The API token has expired", expired.json().get("error"));
        assertEquals(401, api.get("not-a-token", "/api/v1/cycles").status());
        assertEquals(401, api.get(null, "/api/v1/returns").status());
        assertEquals(401, admin.get("/api/v1/cycles").status(), "an admin's session does not open the API");

        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        TestBrowser farAdmin = signedIn(far.admin());
        farAdmin.get("/api-tokens");
        assertEquals(404, farAdmin.post("/api-tokens/" + id + "/revoke").status(), "another partnership's token");
        assertEquals(403, signedIn(world.lead()).get("/api-tokens").status());
    }

    @Test
    void aTokenCannotWrite() {
        String token = create(admin, "Writer", Dates.today(clock).plusDays(30), "ALL");
        long cyclesBefore = rows.count("SELECT COUNT(*) FROM audit_cycle WHERE partnership_id = ?", world.partnership().id());
        long tokensBefore = rows.count("SELECT COUNT(*) FROM api_token");
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/api/v1/cycles", "/api/v1/returns", "/api/v1/cycles/" + world.cycleId(), "/api/v1/anything")) {
                var answer = api.send(token, path, method, HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"));
                assertEquals(405, answer.status(), method + " " + path + ": " + answer.body());
                assertEquals("The API is read-only: use GET", answer.json().get("error"));
            }
        }
        assertEquals(cyclesBefore, rows.count("SELECT COUNT(*) FROM audit_cycle WHERE partnership_id = ?", world.partnership().id()));
        assertEquals(tokensBefore, rows.count("SELECT COUNT(*) FROM api_token"));
    }

    @Test
    void pagesFollowTheirNextLinkAndChangedSinceGivesOnlyWhatChanged() {
        String token = create(admin, "Pager", Dates.today(clock).plusDays(30), "ALL");
        for (int i = 0; i < 4; i++) {
            fixtures.school(world.partnership());
        }
        long total = rows.count("SELECT COUNT(*) FROM organisation WHERE partnership_id = ?", world.partnership().id());
        List<Long> seen = new ArrayList<>();
        String next = "/api/v1/organisations?size=2";
        int pages = 0;
        while (next != null) {
            var page = api.get(token, next);
            assertEquals(200, page.status(), page.body());
            assertTrue(page.data().size() <= 2);
            seen.addAll(ids(page.data(), "id"));
            next = (String) page.json().get("next");
            pages++;
        }
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size(), "no row twice");
        assertEquals((total + 1) / 2, pages);
        assertEquals(400, api.get(token, "/api/v1/organisations?size=501").status());
        assertEquals(400, api.get(token, "/api/v1/organisations?page=0").status());
        assertEquals(400, api.get(token, "/api/v1/organisations?changedSince=yesterday").status());
        assertEquals(400, api.get(token, "/api/v1/returns?cycle=abc").status());

        clock.advance(Duration.ofMinutes(5));
        String since = clock.instant().toString();
        clock.advance(Duration.ofMinutes(5));
        Organisation added = fixtures.school(world.partnership());
        var changed = api.get(token, "/api/v1/organisations?changedSince=" + since);
        assertEquals(List.of(added.id()), ids(changed.data(), "id"));
        assertNull(changed.json().get("next"));
        assertEquals(List.of(), api.get(token, "/api/v1/cycles?changedSince=" + since).data());
    }

    @Test
    void aModeratedOnlyTokenLeavesOutReturnsNotYetModerated() {
        String all = create(admin, "All", Dates.today(clock).plusDays(30), "ALL");
        String moderated = create(admin, "Moderated", Dates.today(clock).plusDays(30), "MODERATED");
        assertTrue(ids(api.get(all, "/api/v1/returns").data(), "id").contains(world.returnId()));
        assertEquals(List.of(), api.get(moderated, "/api/v1/returns").data());
        assertEquals(List.of(), api.get(all, "/api/v1/panel-outcomes").data());

        rows.confirmModeration(world.partnership().id(), world.caseId(), "PARTLY_ASSURED");
        var returns = api.get(moderated, "/api/v1/returns");
        assertEquals(List.of(world.returnId()), ids(returns.data(), "id"));
        assertEquals("PARTLY_ASSURED", returns.data().get(0).get("moderatedOutcome"));
        assertFalse(((List<?>) returns.data().get(0).get("answers")).isEmpty(), "the submitted answers");
        var outcomes = api.get(moderated, "/api/v1/panel-outcomes?cycle=" + world.cycleId());
        assertEquals(List.of(world.caseId()), ids(outcomes.data(), "caseId"));
    }

    @Test
    void everyCallIsLoggedAndShownOnTheTokensPage() {
        String token = create(admin, "Counted", Dates.today(clock).plusDays(30), "ALL");
        api.get(token, "/api/v1/cycles");
        api.get(token, "/api/v1/returns?size=9999");
        api.send(token, "/api/v1/cycles", "DELETE", HttpRequest.BodyPublishers.noBody());
        long id = rows.count("SELECT id FROM api_token WHERE name = 'Counted' AND partnership_id = ?", world.partnership().id());
        assertEquals(List.of("/api/v1/cycles 200", "/api/v1/returns 400"),
                rows.strings("SELECT CONCAT(path, ' ', status) FROM api_call WHERE token_id = ? ORDER BY id", id));
        TestBrowser.Page page = admin.get("/api-tokens");
        assertTrue(page.body().contains(">2</td>"), "two calls counted");
        assertFalse(page.body().contains("Never"), "last used shown");
    }

    private String create(TestBrowser browser, String name, LocalDate expires, String returns) {
        browser.get("/api-tokens/new");
        TestBrowser.Page page = browser.post("/api-tokens/new", Map.of("name", name, "expiryDay", String.valueOf(expires.getDayOfMonth()),
                "expiryMonth", String.valueOf(expires.getMonthValue()), "expiryYear", String.valueOf(expires.getYear()), "returns", returns));
        assertEquals(200, page.status(), page.body());
        Matcher m = SECRET.matcher(page.body());
        assertTrue(m.find(), page.body());
        assertNotNull(m.group(1));
        return m.group(1);
    }

    private static List<Long> ids(List<Map<String, Object>> data, String field) {
        return data.stream().map(r -> ((Number) r.get(field)).longValue()).toList();
    }
}
