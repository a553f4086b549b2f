package org.assure.banks;

import io.micronaut.context.ApplicationContext;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application loads banks when it starts, and refuses to start on a broken bank or a changed frozen one. */
class BanksAtStartupTest {
    @TempDir
    Path banksDir;

    private Map<String, Object> properties(Map<String, String> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("assure.banks-dir", banksDir.toString());
        return properties;
    }

    private void write(String path, String text) throws IOException {
        Path file = banksDir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && !(t instanceof BankException)) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void thePackagedBanksLoadAtStartUp() {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(TestDatabases.h2()), "test")) {
            LoadedBanks banks = context.getBean(QuestionBanks.class).banks();
            assertTrue(banks.find("section-11", "2023").isPresent());
            assertTrue(banks.versions().size() >= 2);
        }
    }

    @Test
    void aBrokenBankStopsStartUpNamingFileAndLine() throws IOException {
        write("scales/rag.yaml", BankLoaderTest.RAG);
        write("demo/2024.yaml", BankLoaderTest.V2024.replace("- key: old-one", "- key: governor-training"));
        var failure = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties(TestDatabases.h2()), "test"));
        Throwable cause = rootCause(failure);
        assertTrue(cause instanceof BankException, String.valueOf(cause));
        assertTrue(cause.getMessage().contains(banksDir + "/demo/2024.yaml:25: question key 'governor-training' is used twice"), cause.getMessage());
    }

    @Test
    void aFrozenVersionMayNotChangeButAnUnfrozenOneMay() throws IOException {
        Map<String, String> database = TestDatabases.h2();
        write("scales/rag.yaml", BankLoaderTest.RAG);
        write("demo/2024.yaml", BankLoaderTest.V2024);
        String v2025 = BankLoaderTest.V2024.replace("version: \"2024\"", "version: \"2025\"").replace("2024-09-01", "2025-09-01");
        write("demo/2025.yaml", v2025);
        try (ApplicationContext context = ApplicationContext.run(properties(database), "test")) {
            QuestionBanks banks = context.getBean(QuestionBanks.class);
            banks.freeze("demo", "2024");
            assertTrue(banks.isFrozen("demo", "2024"));
            assertFalse(banks.isFrozen("demo", "2025"));
        }

        write("demo/2025.yaml", v2025.replace("Governors are trained.", "Governors and trustees are trained."));
        try (ApplicationContext context = ApplicationContext.run(properties(database), "test")) {
            assertEquals("Governors and trustees are trained.",
                    context.getBean(QuestionBanks.class).get("demo", "2025").question("governor-training").orElseThrow().text(),
                    "an unused version may still be edited");
        }

        write("demo/2024.yaml", BankLoaderTest.V2024.replace("Governors are trained.", "Governors are well trained."));
        var changed = rootCause(assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties(database), "test")));
        assertTrue(changed.getMessage().contains(banksDir + "/demo/2024.yaml: this version was used by an audit cycle and is frozen, "
                + "but the file has changed since"), changed.getMessage());
        assertTrue(changed.getMessage().contains("new version file instead"));

        Files.delete(banksDir.resolve("demo/2024.yaml"));
        Files.writeString(banksDir.resolve("demo/2025.yaml"), v2025);
        var missing = rootCause(assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties(database), "test")));
        assertTrue(missing.getMessage().contains("frozen, but the file is missing"), missing.getMessage());

        write("demo/2024.yaml", BankLoaderTest.V2024);
        try (ApplicationContext context = ApplicationContext.run(properties(database), "test")) {
            assertTrue(context.getBean(QuestionBanks.class).isFrozen("demo", "2024"), "restored as it was: starts again");
        }
    }
}
