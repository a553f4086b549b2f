package org.assure.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * After {@code maxFailures} wrong passwords in a row an account is locked for {@code lockMinutes}. Password reset
 * links: at most {@code resetsPerEmailPerHour} for one email and {@code resetsPerClientPerHour} from one client address.
 */
@ConfigurationProperties("assure.sign-in")
record SignInPolicy(int maxFailures, int lockMinutes, int resetsPerEmailPerHour, int resetsPerClientPerHour) {
    Duration lockDuration() {
        return Duration.ofMinutes(lockMinutes);
    }
}
