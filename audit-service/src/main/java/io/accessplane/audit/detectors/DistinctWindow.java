package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts distinct values per key over a sliding event-time window (e.g. distinct credentials one
 * address failed on), in one-second buckets, tolerant of late events like
 * {@link SlidingWindowCounter}. A bucket keeps at most {@value #VALUES_PER_BUCKET} values, so counts
 * are exact up to that many new values per second, which is far above any threshold.
 */
final class DistinctWindow {
    static final int VALUES_PER_BUCKET = 64;

    private final long windowSeconds;
    private final long keepSeconds;
    private final Map<String, TreeMap<Long, Map<String, String>>> keys = new HashMap<>();
    private long latestSecond = Long.MIN_VALUE;
    private Long lastSweep;

    DistinctWindow(Duration window, Duration lateness) {
        this.windowSeconds = Math.max(1, window.toSeconds());
        this.keepSeconds = windowSeconds + lateness.toSeconds();
    }

    /** Records a value for key and returns the window containing it with the most distinct values. */
    Burst add(String key, Instant time, String value, String eventId) {
        long second = time.getEpochSecond();
        TreeMap<Long, Map<String, String>> buckets = keys.computeIfAbsent(key, k -> new TreeMap<>());
        Map<String, String> bucket = buckets.computeIfAbsent(second, s -> new LinkedHashMap<>());
        if (bucket.size() < VALUES_PER_BUCKET || bucket.containsKey(value)) {
            bucket.putIfAbsent(value, eventId);
        }
        slide(buckets, second);
        return widest(buckets, second);
    }

    private Burst widest(TreeMap<Long, Map<String, String>> buckets, long second) {
        List<Map.Entry<Long, Map<String, String>>> span = new ArrayList<>(
                buckets.subMap(second - windowSeconds + 1, true, second + windowSeconds - 1, true).entrySet());
        Map<String, Integer> inWindow = new HashMap<>();
        int best = 0;
        int bestLeft = 0;
        int bestRight = -1;
        int left = 0;
        for (int right = 0; right < span.size(); right++) {
            span.get(right).getValue().keySet().forEach(v -> inWindow.merge(v, 1, Integer::sum));
            while (span.get(right).getKey() - span.get(left).getKey() >= windowSeconds) {
                span.get(left).getValue().keySet().forEach(v -> inWindow.computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1));
                left++;
            }
            boolean containsEvent = span.get(left).getKey() <= second && second <= span.get(right).getKey();
            if (containsEvent && inWindow.size() > best) {
                best = inWindow.size();
                bestLeft = left;
                bestRight = right;
            }
        }
        if (bestRight < 0) {
            return Burst.NONE;
        }
        Map<String, String> firstIdOfValue = new LinkedHashMap<>();
        for (int i = bestLeft; i <= bestRight; i++) {
            span.get(i).getValue().forEach(firstIdOfValue::putIfAbsent);
        }
        Set<String> values = new LinkedHashSet<>(firstIdOfValue.keySet());
        List<String> ids = new ArrayList<>(firstIdOfValue.values());
        return new Burst(values.size(), values, ids, Instant.ofEpochSecond(span.get(bestLeft).getKey()),
                Instant.ofEpochSecond(span.get(bestRight).getKey()));
    }

    private void slide(TreeMap<Long, Map<String, String>> buckets, long second) {
        buckets.headMap(buckets.lastKey() - keepSeconds, false).clear();
        if (second > latestSecond) {
            latestSecond = second;
        }
        if (lastSweep == null) {
            lastSweep = latestSecond;
        } else if (latestSecond - lastSweep >= keepSeconds) {
            lastSweep = latestSecond;
            forgetBefore(Instant.ofEpochSecond(latestSecond - keepSeconds));
        }
    }

    /** Drops buckets before the horizon, and keys left empty. */
    void forgetBefore(Instant horizon) {
        long h = horizon.getEpochSecond();
        keys.values().removeIf(buckets -> {
            buckets.headMap(h, false).clear();
            return buckets.isEmpty();
        });
    }
}
