package org.assure;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionSettingsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:mysql://db:3306/assure");
        env.put("DATASOURCES_DEFAULT_USERNAME", "assure");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "database-password");
        env.put("ASSURE_SIGNING_SECRET", SECRET);
        env.put("ASSURE_BASE_URL", "https://assure.example.org");
        env.put("ASSURE_SMTP_HOST", "smtp.example.org");
        return env;
    }

    private static List<String> problems(Map<String, String> env) {
        return ProductionSettings.problems(s -> env.get(s.variable()));
    }

    @Test
    void completeSettingsHaveNoProblems() {
        assertEquals(List.of(), problems(complete()));
    }

    @Test
    void nothingSetNamesEveryVariable() {
        List<String> problems = problems(Map.of());
        String all = String.join("\n", problems);
        for (String variable : List.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD",
                "ASSURE_SIGNING_SECRET", "ASSURE_BASE_URL", "ASSURE_SMTP_HOST")) {
            assertTrue(all.contains(variable), variable + " named in:\n" + all);
        }
        assertEquals(6, problems.size());
    }

    @Test
    void eachMissingVariableIsNamedAlone() {
        for (String variable : complete().keySet()) {
            Map<String, String> env = complete();
            env.remove(variable);
            List<String> problems = problems(env);
            assertEquals(1, problems.size(), variable + ": " + problems);
            assertTrue(problems.get(0).startsWith(variable + " "), problems.get(0));
        }
    }

    @Test
    void blankCountsAsMissing() {
        Map<String, String> env = complete();
        env.put("ASSURE_SMTP_HOST", "   ");
        assertEquals(List.of("ASSURE_SMTP_HOST is not set"), problems(env));
    }

    @Test
    void theEmbeddedH2DatabaseIsRefused() {
        Map<String, String> env = complete();
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:h2:file:./data/assure;MODE=MySQL");
        List<String> problems = problems(env);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("H2"), problems.get(0));
    }

    @Test
    void aDatabaseOtherThanMySqlIsRefused() {
        Map<String, String> env = complete();
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/assure");
        assertTrue(problems(env).get(0).contains("must be a MySQL URL"));
    }

    @Test
    void aShortSecretIsRefused() {
        Map<String, String> env = complete();
        env.put("ASSURE_SIGNING_SECRET", SECRET.substring(1));
        List<String> problems = problems(env);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("ASSURE_SIGNING_SECRET") && problems.get(0).contains("32"), problems.get(0));
    }

    @Test
    void productionIsTheProdEnvironmentAmongOthers() {
        assertTrue(ProductionSettings.isProduction("prod"));
        assertTrue(ProductionSettings.isProduction("cloud, PROD"));
        assertFalse(ProductionSettings.isProduction("production"));
        assertFalse(ProductionSettings.isProduction(null));
        assertFalse(ProductionSettings.isProduction(""));
    }

    @Test
    void theRefusalListsEveryProblemInOneLine() {
        String refusal = ProductionSettings.refusal(problems(Map.of()));
        assertTrue(refusal.startsWith("Assure refuses to start in production: "));
        assertFalse(refusal.contains("\n"));
    }
}
