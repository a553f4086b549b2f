package org.assure.accounts;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real hasher, counting which hashes it checks passwords against. {@link #holdChecks} makes checks wait
 * for each other (up to half a second), so that concurrent attempts really are inside their checks together,
 * as they are when hashing is slow in production.
 */
@Singleton
@Replaces(PasswordHasher.class)
@Requires(env = CountingPasswordHasher.ENV)
class CountingPasswordHasher extends PasswordHasher {
    static final String ENV = "counting-hasher";
    final List<String> checked = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch together = new CountDownLatch(0);

    CountingPasswordHasher(@Value("${assure.passwords.memory-kib}") int memoryKib, @Value("${assure.passwords.iterations}") int iterations) {
        super(memoryKib, iterations);
    }

    void holdChecks(int attempts) {
        together = new CountDownLatch(attempts);
    }

    long checksAgainst(String hash) {
        return checked.stream().filter(hash::equals).count();
    }

    @Override
    boolean matches(String password, String encoded) {
        checked.add(encoded);
        CountDownLatch latch = together;
        latch.countDown();
        try {
            latch.await(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.matches(password, encoded);
    }
}
