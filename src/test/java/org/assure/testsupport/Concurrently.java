package org.assure.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls on threads of their own, all at once; tests make them meet with latches or barriers, never sleeps. */
public final class Concurrently {
    private Concurrently() {
    }

    public static <T> List<T> times(int threads, Callable<T> call) throws Exception {
        return all(Collections.nCopies(threads, call));
    }

    /** The results in the calls' order; a call's exception is thrown here. */
    public static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES)); // a guard against a hang, never reached when it works
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
