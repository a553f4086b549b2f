package org.assure.accounts;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.kernel.SigningKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts requests anyone can make, per fixed window, in the database so every node shares the count. A bucket
 * is the hash of what is counted (kind, subject, window), so no typed address or IP is stored.
 */
@Singleton
class RequestThrottle {
    private final AccountRepositories.Throttles throttles;
    private final Clock clock;

    RequestThrottle(AccountRepositories.Throttles throttles, Clock clock) {
        this.throttles = throttles;
        this.clock = clock;
    }

    @MappedEntity("request_throttle")
    record Row(@Id String bucket, Instant windowEndsAt, int hits) {
    }

    /** Counts this request and says whether it is within {@code limit} in the current {@code window}. */
    @Transactional
    boolean allow(String kind, String subject, int limit, Duration window) {
        long windowIndex = clock.instant().toEpochMilli() / window.toMillis();
        Instant ends = Instant.ofEpochMilli((windowIndex + 1) * window.toMillis());
        String bucket = SigningKey.hash(kind + "\n" + subject + "\n" + windowIndex);
        throttles.hit(bucket, ends);
        return throttles.hits(bucket).orElse(1) <= limit;
    }

    /** Housekeeping: windows that have ended count for nothing. */
    @Transactional
    long deleteEnded() {
        return throttles.deleteEnded(clock.instant());
    }
}
