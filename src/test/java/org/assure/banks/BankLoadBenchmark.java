package org.assure.banks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A benchmark, not a test: how long reading and checking every shipped bank takes. The first load in a
 * fresh JVM is what start-up pays (class loading included); later ones show the steady cost.
 * Run it as doc/benchmarks.md says.
 */
public final class BankLoadBenchmark {
    private BankLoadBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "question-banks");
        long start = System.nanoTime();
        LoadedBanks banks = BankLoader.load(BankFiles.fromDirectory(root));
        double cold = (System.nanoTime() - start) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long s = System.nanoTime();
            BankLoader.load(BankFiles.fromDirectory(root));
            warm.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(warm);
        int questions = banks.versions().stream().mapToInt(v -> v.version().questions().size()).sum();
        System.out.printf("%d versions, %d questions: first load %.0f ms; then median %.1f ms, max %.1f ms over %d loads%n",
                banks.versions().size(), questions, cold, warm.get(warm.size() / 2), warm.get(warm.size() - 1), warm.size());
    }
}
