package org.assure.banks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where bank files come from: a directory (ASSURE_BANKS_DIR) or the copy packaged in the application. */
final class BankFiles {
    private static final String PACKAGED = "question-banks";

    private BankFiles() {
    }

    static List<BankFile> fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BankException(List.of(new BankProblem(root.toString(), 0,
                    "ASSURE_BANKS_DIR points at " + root.toAbsolutePath() + ", which is not a directory")));
        }
        return read(root.toString(), root);
    }

    /** The banks inside the jar (or target/classes when run from the build). */
    static List<BankFile> packaged() {
        URL marker = BankFiles.class.getClassLoader().getResource(PACKAGED + "/README.md");
        if (marker == null) {
            return List.of();
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(PACKAGED, jar.getPath(PACKAGED));
                }
            }
            return read(PACKAGED, Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("Cannot read the packaged question banks", e));
        }
    }

    /**
     * What an uploaded version is checked with: the scales and the other versions of its bank, with
     * the upload in place of the version of the same name if there is one.
     */
    static List<BankFile> beside(List<BankFile> library, BankFile upload) {
        String bank = upload.path().substring(0, upload.path().indexOf('/') + 1);
        List<BankFile> files = new ArrayList<>(library.stream()
                .filter(f -> f.path().startsWith("scales/") || f.path().startsWith(bank) && !f.path().equals(upload.path()))
                .toList());
        files.add(upload);
        return files;
    }

    private static List<BankFile> read(String label, Path root) {
        List<BankFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                files.add(new BankFile(label, relative, Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
