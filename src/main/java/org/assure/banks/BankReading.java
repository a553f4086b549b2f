package org.assure.banks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reading and checking the bank files on a thread of their own. {@link org.assure.Application#main}
 * starts one before Micronaut boots, so the work overlaps the whole start-up; {@link QuestionBanks}
 * takes it over, or starts its own when the application was started another way (tests).
 */
public final class BankReading {
    private static BankReading early;

    private final String directory;
    private final long started = System.nanoTime();
    private volatile long finished;
    private final CompletableFuture<Result> result;

    /** The files read and the banks they make. */
    record Result(List<BankFile> files, LoadedBanks banks) {
    }

    private BankReading(String directory) {
        this.directory = directory;
        this.result = CompletableFuture.supplyAsync(() -> {
            List<BankFile> files = directory.isBlank() ? BankFiles.packaged() : BankFiles.fromDirectory(Path.of(directory));
            LoadedBanks loaded = BankLoader.load(files);
            finished = System.nanoTime();
            return new Result(List.copyOf(files), loaded);
        }, task -> {
            Thread thread = new Thread(task, "question-banks-reader");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Starts reading now; {@code directory} is ASSURE_BANKS_DIR, empty for the packaged banks. */
    public static synchronized void startEarly(String directory) {
        early = new BankReading(directory);
    }

    /** The early reading if it read the same place, else a new one. */
    static synchronized BankReading forDirectory(String directory) {
        BankReading reading = early != null && early.directory.equals(directory) ? early : new BankReading(directory);
        early = null;
        return reading;
    }

    Result join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    long millisTaken() {
        return (finished - started) / 1_000_000;
    }
}
