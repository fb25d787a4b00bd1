package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * First-seen memory (GuardDuty UNSEEN, Elastic new_terms): for each key, the terms seen with it and
 * when each was first and last seen. A term is new for a key at time t when no sighting falls in
 * {@code [t - history, t)}. Terms not seen for longer than the history are dropped as event time
 * moves on, so memory is bounded by what was active within the history.
 */
final class NewTermMemory {
    private final Duration history;
    private final Map<String, Map<String, Sighting>> keys = new HashMap<>();
    private Instant latest;
    private Instant lastSweep;

    NewTermMemory(Duration history) {
        this.history = history;
    }

    /** Whether the term was seen with the key within the history before {@code at}. */
    boolean seenBefore(String key, String term, Instant at) {
        Map<String, Sighting> terms = keys.get(key);
        Sighting s = terms == null ? null : terms.get(term);
        return s != null && s.coversBefore(at, history);
    }

    /** Whether any term was seen with the key within the history before {@code at}. */
    boolean anySeenBefore(String key, Instant at) {
        Map<String, Sighting> terms = keys.get(key);
        return terms != null && terms.values().stream().anyMatch(s -> s.coversBefore(at, history));
    }

    /** The first sighting of any term of the key, if any is remembered. */
    Optional<Instant> firstSeen(String key) {
        Map<String, Sighting> terms = keys.get(key);
        return terms == null ? Optional.empty()
                : terms.values().stream().map(Sighting::first).min(Instant::compareTo);
    }

    /** Records a sighting of the term with the key. */
    void record(String key, String term, Instant at) {
        keys.computeIfAbsent(key, k -> new HashMap<>()).merge(term, new Sighting(at, at), Sighting::merge);
        if (latest == null || at.isAfter(latest)) {
            latest = at;
        }
        if (lastSweep == null || Duration.between(lastSweep, latest).compareTo(Duration.ofHours(1)) >= 0) {
            lastSweep = latest;
            forgetBefore(latest.minus(history));
        }
    }

    /** Drops sightings last seen before the horizon, and keys left empty. */
    void forgetBefore(Instant horizon) {
        keys.values().removeIf(terms -> {
            terms.values().removeIf(s -> s.last().isBefore(horizon));
            return terms.isEmpty();
        });
    }

    /** When a term was first and last seen with a key. */
    private record Sighting(Instant first, Instant last) {

        Sighting merge(Sighting other) {
            return new Sighting(first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }

        /**
         * Whether a sighting lies in {@code [at - history, at)}: exact when the last sighting is
         * before {@code at}; for a late event, any sighting before it counts.
         */
        boolean coversBefore(Instant at, Duration history) {
            if (last.isBefore(at)) {
                return !last.isBefore(at.minus(history));
            }
            return first.isBefore(at);
        }
    }
}
