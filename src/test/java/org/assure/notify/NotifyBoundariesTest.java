package org.assure.notify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shape ADR 0017 decided, read from the sources: features send email only through {@link Notifications}
 * (so every email comes from templates, none is written in Java), and notify, below the features, uses none.
 */
class NotifyBoundariesTest {
    private static final Path MAIN = Path.of("src", "main", "java", "org", "assure");
    private static final List<String> FEATURES = List.of("accounts", "organisations", "banks", "cycles", "returns", "escalation",
            "panels", "sampling", "actions", "reports", "api", "partnerships", "home", "demo", "chasing");

    @Test
    void onlyNotifyWritesToTheOutbox() {
        Pattern outbox = Pattern.compile("\\bimport org\\.assure\\.notify\\.(Outbox|OutboxEmail)\\b|\\bOutbox\\s+\\w+\\s*[;,)]");
        assertEquals(List.of(), sources().filter(f -> !f.startsWith(MAIN.resolve("notify"))).filter(f -> outbox.matcher(read(f)).find())
                .map(Path::toString).toList(), "send through Notifications with a typed message instead");
    }

    @Test
    void notifyDependsOnNoFeature() {
        Pattern feature = Pattern.compile("\\borg\\.assure\\.(" + String.join("|", FEATURES) + ")\\.");
        assertEquals(List.of(), sources().filter(f -> f.startsWith(MAIN.resolve("notify"))).filter(f -> feature.matcher(read(f)).find())
                .map(Path::toString).toList(), "a feature implements a notify interface (RecipientResolver, Message) instead");
    }

    private static Stream<Path> sources() {
        try (Stream<Path> all = Files.walk(MAIN)) {
            return all.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
