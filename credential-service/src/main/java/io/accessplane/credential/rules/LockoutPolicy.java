package io.accessplane.credential.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Keystone's password lockout: after {@code attempts} consecutive failures a user is locked for
 * {@code duration} from the last failure; a success, or the end of the window, starts counting anew.
 */
public record LockoutPolicy(int attempts, Duration duration) {

    /** Whether a user with these counters is locked now. */
    public boolean isLocked(int failedCount, Instant lastFailure, Instant now) {
        return attempts > 0 && failedCount >= attempts && lastFailure != null
                && now.isBefore(lastFailure.plus(duration));
    }

    /** The failure count after one more failure at {@code now}. */
    public int countAfterFailure(int failedCount, Instant lastFailure, Instant now) {
        boolean windowOver = lastFailure != null && !now.isBefore(lastFailure.plus(duration));
        return windowOver ? 1 : failedCount + 1;
    }
}
