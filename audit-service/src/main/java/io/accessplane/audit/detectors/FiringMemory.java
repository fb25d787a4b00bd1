package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers when each dedup key last fired (in event time) so a detector raises a lasting condition
 * once per suppression window instead of on every event.
 */
final class FiringMemory {
    private final Map<String, Instant> lastFired = new HashMap<>();

    /**
     * Whether a finding with this key at this time is new: true (and remembered) unless the key
     * fired within {@code suppression} of {@code at}, before or after (late events).
     */
    boolean fire(String dedupKey, Instant at, Duration suppression) {
        Instant last = lastFired.get(dedupKey);
        if (last != null && Duration.between(last, at).abs().compareTo(suppression) < 0) {
            return false;
        }
        if (last == null || at.isAfter(last)) {
            lastFired.put(dedupKey, at);
        }
        return true;
    }

    /** Forgets keys that last fired before the horizon. */
    void forgetBefore(Instant horizon) {
        lastFired.values().removeIf(t -> t.isBefore(horizon));
    }
}
