package org.assure.banks;

import java.nio.charset.StandardCharsets;

/** A file under question-banks/: its path relative to that folder ("section-175/2025.yaml") and bytes. */
public record BankFile(String path, byte[] content) {
    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    String displayPath() {
        return "question-banks/" + path;
    }
}
