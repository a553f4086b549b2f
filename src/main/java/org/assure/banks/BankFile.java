package org.assure.banks;

import java.nio.charset.StandardCharsets;

/**
 * A bank file: the folder it was read from as an author knows it ("question-banks" for the packaged
 * banks, ASSURE_BANKS_DIR otherwise), its path inside that folder ("section-175/2025.yaml") and bytes.
 */
public record BankFile(String root, String path, byte[] content) {
    public BankFile(String path, byte[] content) {
        this("question-banks", path, content);
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    String displayPath() {
        return root + "/" + path;
    }
}
