package org.assure.banks;

import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.Scale;
import org.assure.banks.BankModel.Version;
import org.assure.banks.LoadedBanks.LoadedVersion;
import org.assure.kernel.SigningKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks every bank file together, all or nothing: a single problem anywhere stops the
 * load, and every problem found is reported, so one start-up shows an author everything to fix.
 */
public final class BankLoader {
    static final Pattern VERSION_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private BankLoader() {
    }

    public static LoadedBanks load(List<BankFile> files) {
        List<BankProblem> problems = new ArrayList<>();
        Map<String, Scale> scales = new HashMap<>();
        List<BankFile> versionFiles = new ArrayList<>();
        for (BankFile file : files) {
            if (!file.path().endsWith(".yaml")) {
                continue;
            }
            String[] parts = file.path().split("/");
            String stem = parts[parts.length - 1].substring(0, parts[parts.length - 1].length() - ".yaml".length());
            if (parts.length == 2 && parts[0].equals("scales")) {
                new BankFileReader(file.displayPath(), problems).readScaleFile(file.text()).ifPresent(scale -> {
                    if (!scale.name().equals(stem)) {
                        problems.add(new BankProblem(file.displayPath(), 1, "the scale is named '" + scale.name()
                                + "' but the file is " + stem + ".yaml; rename one so they match"));
                    }
                    scales.put(stem, scale);
                });
            } else if (parts.length == 2) {
                versionFiles.add(file);
            } else {
                problems.add(new BankProblem(file.displayPath(), 0,
                        "a version file belongs at question-banks/<bank>/<version>.yaml and a scale at question-banks/scales/<name>.yaml"));
            }
        }
        List<LoadedVersion> versions = new ArrayList<>();
        for (BankFile file : versionFiles) {
            String[] parts = file.path().split("/");
            String stem = parts[1].substring(0, parts[1].length() - ".yaml".length());
            Map<String, Integer> lines = new HashMap<>();
            Optional<Version> read = new BankFileReader(file.displayPath(), problems)
                    .readVersion(file.text(), name -> Optional.ofNullable(scales.get(name)), lines);
            read.ifPresent(version -> {
                if (!version.bank().equals(parts[0])) {
                    problems.add(new BankProblem(file.displayPath(), 1, "the file says bank '" + version.bank()
                            + "' but is in the folder '" + parts[0] + "'; they must match"));
                }
                if (!version.version().equals(stem)) {
                    problems.add(new BankProblem(file.displayPath(), 1, "the file says version '" + version.version()
                            + "' but is named " + stem + ".yaml; they must match"));
                } else if (!VERSION_LABEL.matcher(stem).matches()) {
                    problems.add(new BankProblem(file.displayPath(), 1, "'" + stem + "' is not a usable version label: "
                            + "use letters, digits, dots, hyphens and underscores"));
                }
                versions.add(new LoadedVersion(version, file.displayPath(), SigningKey.hash(file.text()), Map.copyOf(lines)));
            });
        }
        checkLineage(versions, problems);
        if (!problems.isEmpty()) {
            throw new BankException(problems);
        }
        return new LoadedBanks(List.copyOf(versions));
    }

    /** Lineage may name only keys of earlier versions of the same bank that this version no longer has. */
    private static void checkLineage(List<LoadedVersion> versions, List<BankProblem> problems) {
        Map<String, List<LoadedVersion>> byBank = new LinkedHashMap<>();
        versions.stream().sorted(Comparator.comparing((LoadedVersion v) -> v.version().effectiveFrom()))
                .forEach(v -> byBank.computeIfAbsent(v.version().bank(), k -> new ArrayList<>()).add(v));
        for (List<LoadedVersion> bank : byBank.values()) {
            Set<String> earlierKeys = new HashSet<>();
            LoadedVersion previous = null;
            for (LoadedVersion current : bank) {
                if (previous != null && previous.version().effectiveFrom().equals(current.version().effectiveFrom())) {
                    problems.add(new BankProblem(current.file(), 1, "takes effect on the same day as " + previous.file()
                            + "; versions of a bank need different effective-from dates to be ordered"));
                }
                Set<String> ownKeys = new HashSet<>();
                current.version().questions().forEach(q -> ownKeys.add(q.key()));
                for (Question q : current.version().questions()) {
                    List<String> lineage = new ArrayList<>(q.replaces());
                    if (q.splitFrom() != null) {
                        lineage.add(q.splitFrom());
                    }
                    for (String target : lineage) {
                        int line = current.questionLines().getOrDefault(q.key(), 0);
                        if (!earlierKeys.contains(target)) {
                            problems.add(new BankProblem(current.file(), line, "question '" + q.key() + "' says it comes from '" + target
                                    + "', but no earlier version of " + current.version().bank() + " has a question with that key"));
                        } else if (ownKeys.contains(target)) {
                            problems.add(new BankProblem(current.file(), line, "question '" + q.key() + "' says it comes from '" + target
                                    + "', but this version still has '" + target + "'; a kept question keeps its key and needs no lineage"));
                        }
                    }
                }
                earlierKeys.addAll(ownKeys);
                previous = current;
            }
        }
    }
}
