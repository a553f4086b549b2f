package org.assure.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** After {@code maxFailures} wrong passwords in a row an account is locked for {@code lockMinutes}. */
@ConfigurationProperties("assure.sign-in")
record SignInPolicy(int maxFailures, int lockMinutes) {
    Duration lockDuration() {
        return Duration.ofMinutes(lockMinutes);
    }
}
