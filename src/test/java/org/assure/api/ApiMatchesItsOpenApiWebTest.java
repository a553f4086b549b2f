package org.assure.api;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.assure.access.RouteAccess;
import org.assure.kernel.Dates;
import org.assure.panels.MarkingBy;
import org.assure.panels.PanelWorld;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served API and src/main/resources/api/openapi.yaml (as served) say the same: every path in the file answers,
 * every route under /api/v1 is in the file, and each response's fields, nested ones too, are exactly its schema's.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
class ApiMatchesItsOpenApiWebTest extends WebTest {
    @Inject
    PanelWorld worlds;
    @Inject
    ApiTestRows rows;
    @Inject
    JsonMapper json;
    @Inject
    Router router;

    @Test
    @SuppressWarnings("unchecked")
    void theServedApiIsTheOneItsOpenApiFileDescribes() {
        PanelWorld.World world = worlds.build(MarkingBy.SECTION);
        rows.confirmModeration(world.partnership().id(), world.caseId(), "ASSURED");
        rows.update("INSERT INTO case_agreed_rating (partnership_id, case_id, item_key, rating) VALUES (?, ?, 'leadership', 'GREEN')",
                world.partnership().id(), world.caseId());
        rows.action(world.partnership().id(), world.school().id(), world.cycleId(), world.returnId(), world.admin().id());
        String token = token(signedIn(world.admin()));
        ApiCalls api = new ApiCalls(server.getURI(), json);

        TestBrowser.Page served = browser().get("/api/v1/openapi.yaml");
        assertEquals(200, served.status());
        Map<String, Object> spec = new Yaml().load(served.text());
        assertEquals("3.0.3", spec.get("openapi"));
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");

        Set<String> routes = new TreeSet<>();
        for (RouteAccess.Route r : RouteAccess.of(router.uriRoutes())) {
            if (r.path().startsWith(ApiFilter.PREFIX + "/")) {
                routes.add(r.path().substring(ApiFilter.PREFIX.length()));
                assertEquals("GET", r.method().name(), "the API is read-only: " + r);
            }
        }
        assertEquals(new TreeSet<>(paths.keySet()), routes, "the file's paths are the API's routes");

        List<String> wrong = new ArrayList<>();
        int fieldsChecked = 0;
        for (String path : paths.keySet()) {
            if (path.equals("/openapi.yaml")) {
                continue;
            }
            var answer = api.get(token, ApiFilter.PREFIX + path);
            assertEquals(200, answer.status(), path + ": " + answer.body());
            Map<String, Object> schema = schemaOf(spec, (Map<String, Object>) paths.get(path));
            fieldsChecked += compare(spec, schema, answer.json(), path, wrong);
            assertFalse(answer.data().isEmpty(), path + " has rows to compare: " + answer.body());
        }
        assertEquals(List.of(), wrong);
        assertTrue(fieldsChecked > 60, "fields compared: " + fieldsChecked);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaOf(Map<String, Object> spec, Map<String, Object> path) {
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) path.get("get")).get("responses")).get("200");
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) ok.get("content")).get("application/json");
        return resolve(spec, (Map<String, Object>) content.get("schema"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring("#/components/schemas/".length());
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas")).get(name);
    }

    /** Compares an object's keys with its schema's properties, and goes into arrays of objects. */
    @SuppressWarnings("unchecked")
    private static int compare(Map<String, Object> spec, Map<String, Object> schema, Map<String, Object> value, String where, List<String> wrong) {
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        if (!new TreeSet<>(properties.keySet()).equals(new TreeSet<>(value.keySet()))) {
            wrong.add(where + ": the schema lists " + new TreeSet<>(properties.keySet()) + ", the API answered " + new TreeSet<>(value.keySet()));
            return 0;
        }
        int checked = properties.size();
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            Map<String, Object> property = (Map<String, Object>) p.getValue();
            Object v = value.get(p.getKey());
            if ("array".equals(property.get("type")) && v instanceof List<?> list) {
                Map<String, Object> items = resolve(spec, (Map<String, Object>) property.get("items"));
                for (Object item : list) {
                    if ("object".equals(items.get("type")) && item instanceof Map<?, ?> m) {
                        checked += compare(spec, items, (Map<String, Object>) m, where + "." + p.getKey(), wrong);
                    }
                }
            }
        }
        return checked;
    }

    private static String token(TestBrowser admin) {
        admin.get("/api-tokens/new");
        LocalDate expires = LocalDate.now(Dates.ZONE).plusDays(30);
        TestBrowser.Page page = admin.post("/api-tokens/new", Map.of("name", "OpenAPI", "expiryDay", String.valueOf(expires.getDayOfMonth()),
                "expiryMonth", String.valueOf(expires.getMonthValue()), "expiryYear", String.valueOf(expires.getYear()), "returns", "ALL"));
        Matcher m = Pattern.compile("id=\"api-token\">([^<]+)<").matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }
}
