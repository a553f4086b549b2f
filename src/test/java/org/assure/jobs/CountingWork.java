package org.assure.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A source of due work for tests only, present when {@link #ENABLED} is set: the test plans its pieces,
 * and every piece counts how often its work was started and how often it finished. {@link #meetAtDue}
 * makes concurrent runs wait for each other inside the run, so that they really overlap.
 */
@Singleton
@Requires(property = CountingWork.ENABLED, value = "true")
public class CountingWork implements DueWork {
    public static final String ENABLED = "assure.test.counting-work";
    public static final String NAME = "counting";
    private final List<DuePiece> pieces = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();
    private volatile @Nullable CyclicBarrier meetAtDue;
    private volatile boolean failToSayWhatIsDue;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DuePiece> due(Instant now) {
        CyclicBarrier barrier = meetAtDue;
        if (barrier != null) {
            try {
                barrier.await(30, TimeUnit.SECONDS); // only ever reached on failure: the other run never came
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other run did not come", e);
            }
        }
        if (failToSayWhatIsDue) {
            throw new IllegalStateException("cannot say what is due");
        }
        return List.copyOf(pieces);
    }

    public void clear() {
        pieces.clear();
        meetAtDue = null;
        failToSayWhatIsDue = false;
    }

    /** A keyed piece that does nothing but count. */
    public void plan(String key, Instant dueAt) {
        plan(key, dueAt, null, () -> { });
    }

    /** A keyed piece that also does {@code also} inside its transaction (throwing there fails it). */
    public void plan(String key, Instant dueAt, @Nullable Long partnershipId, Runnable also) {
        DuePiece piece = DuePiece.once(key, dueAt, "counting " + key, () -> {
            count(started, key);
            also.run();
            count(finished, key);
            return "counted " + key;
        });
        pieces.add(partnershipId == null ? piece : piece.forPartnership(partnershipId));
    }

    /** A keyed piece whose first {@code failures} attempts throw. */
    public void planFailing(String key, Instant dueAt, int failures) {
        AtomicInteger left = new AtomicInteger(failures);
        plan(key, dueAt, null, () -> {
            if (left.getAndDecrement() > 0) {
                throw new IllegalStateException("planned failure of " + key);
            }
        });
    }

    /** A piece without a key, saying what {@code said} gives. */
    public void planEveryRun(String description, Instant now, Supplier<String> said) {
        pieces.add(DuePiece.everyRun(now, description, () -> {
            count(started, description);
            String s = said.get();
            count(finished, description);
            return s;
        }));
    }

    public void meetAtDue(@Nullable CyclicBarrier barrier) {
        this.meetAtDue = barrier;
    }

    public void failToSayWhatIsDue(boolean fail) {
        this.failToSayWhatIsDue = fail;
    }

    /** How often the work of this piece was started. */
    public int started(String key) {
        return started.getOrDefault(key, new AtomicInteger()).get();
    }

    /** How often it returned (its transaction then commits, unless recording the summary fails). */
    public int finished(String key) {
        return finished.getOrDefault(key, new AtomicInteger()).get();
    }

    private static void count(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
