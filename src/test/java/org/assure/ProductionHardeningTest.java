package org.assure;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9, item 10: production however it is spelt, HTTPS links only unless said otherwise, the app published on loopback. */
class ProductionHardeningTest {

    private static List<String> problems(Map<String, String> env) {
        return ProductionSettings.problems(s -> env.get(s.variable()));
    }

    @Test
    void productionRefusesAnHttpBaseUrlUnlessAllowedExplicitly() {
        var env = ProductionSettingsTest.complete();
        env.put("ASSURE_BASE_URL", "http://assure.example.org");
        assertEquals(List.of("ASSURE_BASE_URL must be an https:// address (set ASSURE_ALLOW_HTTP_BASE_URL=true to use http:// on purpose)"),
                problems(env));
        env.put("ASSURE_BASE_URL", "HTTP://ASSURE.EXAMPLE.ORG");
        assertEquals(1, problems(env).size(), "in capitals too");
        env.put("ASSURE_ALLOW_HTTP_BASE_URL", "yes");
        assertEquals(1, problems(env).size(), "only true allows it");
        env.put("ASSURE_ALLOW_HTTP_BASE_URL", "true");
        assertEquals(List.of(), problems(env));
        env.put("ASSURE_BASE_URL", "assure.example.org");
        assertEquals(1, problems(env).size(), "not an address at all");
        env.put("ASSURE_BASE_URL", "javascript:alert(1)");
        assertEquals(1, problems(env).size());
    }

    @Test
    void productionIsRecognisedInAnyCase() {
        for (String env : List.of("prod", "PROD", "Prod", " prod ", "cloud,PROD")) {
            assertTrue(ProductionSettings.isProduction(env), env);
        }
        assertFalse(ProductionSettings.isProduction("production-like"));
        assertFalse(ProductionSettings.isProduction(null));
    }

    @Test
    void aContextStartedAsProdInCapitalsIsRefusedNotLocalMode() {
        var error = assertThrows(RuntimeException.class, () -> ApplicationContext.builder().environments("PROD")
                .deduceEnvironment(false).start().close());
        String message = messages(error);
        assertTrue(message.contains("MICRONAUT_ENVIRONMENTS=prod") || message.contains("Assure refuses to start in production"), message);
    }

    @Test
    void productionConfigurationSendsHstsAndTrustsOnlyTheProxysAddressHeader() {
        try (ApplicationContext context = ApplicationContext.builder().environments("prod").deduceEnvironment(false).build()) {
            context.getEnvironment().start();
            assertEquals(Boolean.TRUE, context.getEnvironment().getProperty("assure.strict-transport-security", Boolean.class).orElse(null));
            assertEquals("X-Forwarded-For", context.getEnvironment().getProperty("micronaut.server.client-address-header", String.class).orElse(null));
            assertEquals(Boolean.FALSE, context.getEnvironment().getProperty("assure.allow-http-base-url", Boolean.class).orElse(null));
        }
    }

    @Test
    void composePublishesTheAppOnLoopbackOnly() throws Exception {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertTrue(compose.contains("- \"127.0.0.1:8080:8080\""), compose);
        assertFalse(compose.contains("- \"8080:8080\""), "not on every interface");
        assertTrue(compose.contains("MICRONAUT_ENVIRONMENTS: prod"));
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
