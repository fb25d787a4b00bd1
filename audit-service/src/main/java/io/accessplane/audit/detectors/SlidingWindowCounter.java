package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts events per key over a sliding event-time window in one-second buckets. Late events are
 * placed where they belong, and {@link #add} answers the busiest window that contains the new
 * event, so a late arrival that completes a burst is still caught. Memory per key is bounded by
 * the window plus the allowed lateness, whatever the event rate; each bucket keeps a few ids.
 */
final class SlidingWindowCounter {
    private static final int IDS_PER_BUCKET = 16;

    private final long windowSeconds;
    private final long keepSeconds;
    private final Map<String, TreeMap<Long, Bucket>> keys = new HashMap<>();
    private long latestSecond = Long.MIN_VALUE;
    private Long lastSweep;

    SlidingWindowCounter(Duration window, Duration lateness) {
        this.windowSeconds = Math.max(1, window.toSeconds());
        this.keepSeconds = windowSeconds + lateness.toSeconds();
    }

    /** Counts one event and returns the busiest window (shorter than the window length) containing it. */
    Burst add(String key, Instant time, String eventId) {
        long second = time.getEpochSecond();
        TreeMap<Long, Bucket> buckets = keys.computeIfAbsent(key, k -> new TreeMap<>());
        Bucket b = buckets.computeIfAbsent(second, s -> new Bucket());
        b.count++;
        if (b.ids.size() < IDS_PER_BUCKET) {
            b.ids.add(eventId);
        }
        slide(buckets, second);
        return busiest(buckets, second);
    }

    private Burst busiest(TreeMap<Long, Bucket> buckets, long second) {
        List<Map.Entry<Long, Bucket>> span = new ArrayList<>(
                buckets.subMap(second - windowSeconds + 1, true, second + windowSeconds - 1, true).entrySet());
        int bestCount = 0;
        int bestLeft = 0;
        int bestRight = -1;
        int left = 0;
        int sum = 0;
        for (int right = 0; right < span.size(); right++) {
            sum += span.get(right).getValue().count;
            while (span.get(right).getKey() - span.get(left).getKey() >= windowSeconds) {
                sum -= span.get(left).getValue().count;
                left++;
            }
            boolean containsEvent = span.get(left).getKey() <= second && second <= span.get(right).getKey();
            if (containsEvent && sum > bestCount) {
                bestCount = sum;
                bestLeft = left;
                bestRight = right;
            }
        }
        if (bestRight < 0) {
            return Burst.NONE;
        }
        List<String> ids = new ArrayList<>();
        for (int i = bestLeft; i <= bestRight && ids.size() < AlertCandidate.MAX_EVENT_IDS; i++) {
            for (String id : span.get(i).getValue().ids) {
                if (ids.size() < AlertCandidate.MAX_EVENT_IDS) {
                    ids.add(id);
                }
            }
        }
        return new Burst(bestCount, Set.of(), ids, Instant.ofEpochSecond(span.get(bestLeft).getKey()),
                Instant.ofEpochSecond(span.get(bestRight).getKey()));
    }

    private void slide(TreeMap<Long, Bucket> buckets, long second) {
        long newest = buckets.lastKey();
        buckets.headMap(newest - keepSeconds, false).clear();
        if (second > latestSecond) {
            latestSecond = second;
        }
        // now and then drop keys that went quiet, so idle keys do not pile up until forgetBefore
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
            NavigableMap<Long, Bucket> old = buckets.headMap(h, false);
            old.clear();
            return buckets.isEmpty();
        });
    }

    /** How many keys are held (for tests of bounded memory). */
    int keyCount() {
        return keys.size();
    }

    /** One second of one key. */
    private static final class Bucket {
        int count;
        final List<String> ids = new ArrayList<>(2);
    }
}
