package org.assure.banks;

import org.assure.banks.BankModel.Version;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every version of every bank, validated together. Versions of a bank are in effective-date order. */
public record LoadedBanks(List<LoadedVersion> versions) {

    /** A version with where it came from and the hash that freezing compares. */
    public record LoadedVersion(Version version, String file, String contentHash, Map<String, Integer> questionLines) {
    }

    public Optional<LoadedVersion> find(String bank, String version) {
        return versions.stream().filter(v -> v.version().bank().equals(bank) && v.version().version().equals(version)).findFirst();
    }

    /** Bank key to its versions, oldest first. */
    public Map<String, List<LoadedVersion>> byBank() {
        return versions.stream()
                .sorted(Comparator.comparing((LoadedVersion v) -> v.version().bank()).thenComparing(v -> v.version().effectiveFrom()))
                .collect(Collectors.groupingBy(v -> v.version().bank(), LinkedHashMap::new, Collectors.toList()));
    }

    /** The versions of a bank that take effect before the given one, oldest first. */
    public List<Version> earlierThan(Version version) {
        return byBank().getOrDefault(version.bank(), List.of()).stream().map(LoadedVersion::version)
                .filter(v -> v.effectiveFrom().isBefore(version.effectiveFrom())).toList();
    }
}
