package org.assure.banks;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel.Version;
import org.assure.banks.LoadedBanks.LoadedVersion;
import org.assure.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The question banks feature's entrance. Loads every bank at start-up (refusing to start on any
 * problem), enforces that versions a cycle has used never change, and serves versions to the rest.
 */
@Singleton
public class QuestionBanks {
    private static final Logger LOG = LoggerFactory.getLogger(QuestionBanks.class);
    private final String directory;
    private final BankVersionRecord.Repository records;
    private final Clock clock;
    private volatile LoadedBanks banks = new LoadedBanks(List.of());

    QuestionBanks(@Value("${assure.banks-dir:}") String directory, BankVersionRecord.Repository records, Clock clock) {
        this.directory = directory;
        this.records = records;
        this.clock = clock;
    }

    /** Runs before anything else at start-up that may need the banks (demo data, cycles). */
    @EventListener
    @Order(-100)
    void onStartup(StartupEvent event) {
        long started = System.nanoTime();
        List<BankFile> files = directory.isBlank() ? BankFiles.packaged() : BankFiles.fromDirectory(Path.of(directory));
        LoadedBanks loaded = BankLoader.load(files);
        reconcile(loaded);
        banks = loaded;
        LOG.info("Loaded {} question bank versions ({} questions) from {} in {} ms", loaded.versions().size(),
                loaded.versions().stream().mapToInt(v -> v.version().questions().size()).sum(),
                directory.isBlank() ? "the packaged question-banks" : directory, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Frozen versions must be byte-for-byte what the cycle used; unfrozen ones are recorded with their
     * current hash. Like a landed database migration, a frozen file is never edited.
     */
    @Transactional
    void reconcile(LoadedBanks loaded) {
        Map<String, BankVersionRecord> known = records.findAll().stream()
                .collect(Collectors.toMap(r -> r.bankKey() + "/" + r.version(), Function.identity()));
        List<BankProblem> problems = new ArrayList<>();
        for (LoadedVersion v : loaded.versions()) {
            BankVersionRecord record = known.remove(v.version().id());
            if (record == null) {
                records.save(new BankVersionRecord(null, v.version().bank(), v.version().version(), v.contentHash(), clock.instant(), null));
            } else if (!record.contentHash().equals(v.contentHash())) {
                if (record.isFrozen()) {
                    problems.add(new BankProblem(v.file(), 0, "this version was used by an audit cycle and is frozen, but the file "
                            + "has changed since. Put the file back as it was, and make your changes in a new version file instead"));
                } else {
                    records.update(new BankVersionRecord(record.id(), record.bankKey(), record.version(), v.contentHash(),
                            record.firstLoadedAt(), null));
                }
            }
        }
        String root = directory.isBlank() ? "question-banks" : directory;
        known.values().stream().filter(BankVersionRecord::isFrozen).forEach(r -> problems.add(new BankProblem(
                root + "/" + r.bankKey() + "/" + r.version() + ".yaml", 0,
                "this version was used by an audit cycle and is frozen, but the file is missing. Put it back")));
        if (!problems.isEmpty()) {
            throw new BankException(problems);
        }
    }

    public LoadedBanks banks() {
        return banks;
    }

    public Version get(String bank, String version) {
        return banks.find(bank, version).map(LoadedVersion::version).orElseThrow(() -> new NotFoundException("Question bank version"));
    }

    /** Marks a version as used by a cycle: from now on its file may not change. */
    @Transactional
    public void freeze(String bank, String version) {
        BankVersionRecord record = records.findByBankKeyAndVersion(bank, version).orElseThrow(() -> new NotFoundException("Question bank version"));
        if (!record.isFrozen()) {
            records.update(new BankVersionRecord(record.id(), record.bankKey(), record.version(), record.contentHash(),
                    record.firstLoadedAt(), clock.instant()));
        }
    }

    @Transactional
    public boolean isFrozen(String bank, String version) {
        return records.findByBankKeyAndVersion(bank, version).map(BankVersionRecord::isFrozen).orElse(false);
    }
}
