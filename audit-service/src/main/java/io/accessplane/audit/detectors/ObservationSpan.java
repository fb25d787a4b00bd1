package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;

/**
 * The event-time span the engine has observed, so new-term detectors can stay silent while they
 * learn (GuardDuty learns a baseline before it calls anything unusual).
 */
final class ObservationSpan {
    private Instant first;
    private Instant latest;

    void observe(Instant time) {
        if (first == null || time.isBefore(first)) {
            first = time;
        }
        if (latest == null || time.isAfter(latest)) {
            latest = time;
        }
    }

    /** Whether at least {@code learning} of event time had been observed before {@code at}. */
    boolean learned(Instant at, Duration learning) {
        return first != null && Duration.between(first, at).compareTo(learning) >= 0;
    }

    /** The latest event time seen, or null. */
    Instant latest() {
        return latest;
    }
}
