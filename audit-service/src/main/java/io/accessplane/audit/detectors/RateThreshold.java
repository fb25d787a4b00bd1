package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.Objects;

/**
 * "At least {@code count} within {@code window}": the shape of every fixed-rate threshold.
 *
 * @param count  how many events (or distinct values) make a finding
 * @param window the event-time span they must fall in
 */
public record RateThreshold(int count, Duration window) {

    public RateThreshold {
        Objects.requireNonNull(window, "window");
        if (count < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a threshold needs a positive count and window");
        }
    }

    /** {@code count} within {@code window}. */
    public static RateThreshold of(int count, Duration window) {
        return new RateThreshold(count, window);
    }
}
