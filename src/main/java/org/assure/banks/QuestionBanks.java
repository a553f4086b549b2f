package org.assure.banks;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.banks.BankModel.Version;
import org.assure.banks.LoadedBanks.LoadedVersion;
import org.assure.kernel.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The question banks feature's entrance. Loads every bank at start-up (refusing to start on any
 * problem), enforces that versions a cycle has used never change, and serves versions to the rest.
 * Reading and checking the files runs on its own thread ({@link BankReading}) while the rest of the
 * application starts; only the frozen-hash check waits for the database.
 */
@Context
@Singleton
public class QuestionBanks {
    private static final Logger LOG = LoggerFactory.getLogger(QuestionBanks.class);
    private final String directory;
    private final BeanProvider<BankVersionRecord.Repository> records;
    private final Clock clock;
    private final BankReading reading;
    private volatile LoadedBanks banks = new LoadedBanks(List.of());
    private volatile List<BankFile> files = List.of();

    QuestionBanks(@Value("${assure.banks-dir:}") String directory, BeanProvider<BankVersionRecord.Repository> records, Clock clock) {
        this.directory = directory;
        this.records = records;
        this.clock = clock;
        this.reading = BankReading.forDirectory(directory);
    }

    /** Runs before anything else at start-up that may need the banks (demo data, cycles). */
    @EventListener
    @Order(-100)
    void onStartup(StartupEvent event) {
        long waited = System.nanoTime();
        BankReading.Result result = reading.join();
        LoadedBanks loaded = result.banks();
        long read = System.nanoTime();
        reconcile(loaded);
        files = result.files();
        banks = loaded;
        LOG.info("Loaded {} question bank versions ({} questions) from {}: read and checked in {} ms on their own thread, "
                        + "start-up waited {} ms for that and {} ms for the frozen-version check",
                loaded.versions().size(), loaded.versions().stream().mapToInt(v -> v.version().questions().size()).sum(),
                directory.isBlank() ? "the packaged question-banks" : directory, reading.millisTaken(),
                (read - waited) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
    }

    /**
     * Frozen versions must be byte-for-byte what the cycle used; unfrozen ones are recorded with their
     * current hash. Like a landed database migration, a frozen file is never edited.
     */
    @Transactional
    void reconcile(LoadedBanks loaded) {
        BankVersionRecord.Repository records = this.records.get();
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

    /** The files the banks were loaded from, so an uploaded version can be checked beside them. */
    List<BankFile> files() {
        return files;
    }

    public Version get(String bank, String version) {
        return banks.find(bank, version).map(LoadedVersion::version).orElseThrow(() -> Refusal.notFound("Question bank version"));
    }

    /** Marks a version as used by a cycle: from now on its file may not change. */
    @Transactional
    public void freeze(String bank, String version) {
        BankVersionRecord.Repository records = this.records.get();
        BankVersionRecord record = records.findByBankKeyAndVersion(bank, version).orElseThrow(() -> Refusal.notFound("Question bank version"));
        if (!record.isFrozen()) {
            records.update(new BankVersionRecord(record.id(), record.bankKey(), record.version(), record.contentHash(),
                    record.firstLoadedAt(), clock.instant()));
        }
    }

    @Transactional
    public boolean isFrozen(String bank, String version) {
        return records.get().findByBankKeyAndVersion(bank, version).map(BankVersionRecord::isFrozen).orElse(false);
    }
}
