package io.accessplane.audit.detectors;

import java.time.Instant;
import java.util.List;

/**
 * One detector of the D1-D24 table: judges each observed event, and the passage of time on ticks.
 * State must derive from observed events only (the engine is rebuilt by replay). Not thread-safe.
 */
interface Detector {

    /** Judges one newly stored event (event time is the only clock). */
    List<AlertCandidate> observe(EventView event);

    /** Time-driven checks at wall-clock {@code now}. */
    default List<AlertCandidate> tick(Instant now) {
        return List.of();
    }

    /** Drops state older than the horizon. */
    default void forgetBefore(Instant horizon) {
    }
}
