package org.assure.testsupport;

/**
 * For benchmarks (not tests): the most heap in use (garbage included) seen every 5 ms while a run goes on, and the heap in
 * use after a collection. Start it before the run, set {@link #stop} after, read {@link #peak}.
 */
public final class HeapSampler extends Thread {
    public volatile boolean stop;
    public volatile long peak;

    public HeapSampler() {
        setDaemon(true);
    }

    /** Heap in use after a collection, in MB. */
    public static long heapAfterGc() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    @Override
    public void run() {
        Runtime r = Runtime.getRuntime();
        while (!stop) {
            peak = Math.max(peak, r.totalMemory() - r.freeMemory());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
