package io.accessplane.audit.detectors;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The busiest stretch of one key's window: how many events it held, which distinct values, a
 * sample of their ids, and its first and last second.
 */
record Burst(int count, Set<String> values, List<String> eventIds, Instant start, Instant end) {

    static final Burst NONE = new Burst(0, Set.of(), List.of(), Instant.EPOCH, Instant.EPOCH);
}
