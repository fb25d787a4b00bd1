package io.accessplane.audit.detectors;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-key events per minute judged against the key's own rolling baseline (CloudTrail Insights
 * style): mean and standard deviation of every minute in the window (quiet minutes count as 0),
 * excluding the minute being judged. A minute is a spike when it holds at least the minimum
 * events and at least {@code mean + sigmas * sd}, where sd is floored at {@code sqrt(mean)} (the
 * Poisson spread) so a perfectly regular series does not alert on one extra event. A key alerts
 * only once it has {@code minimumHistory} of history. Recent minutes stay open for late events
 * (the allowed lateness); older ones are folded into hourly moments, so memory per key is at most
 * one entry per active hour of the window.
 */
final class RollingBaseline {
    private final BaselinePolicy policy;
    private final Map<String, Series> series = new HashMap<>();

    RollingBaseline(BaselinePolicy policy) {
        this.policy = policy;
    }

    /** Counts one event of key at time; a verdict when its minute is now a spike. */
    Optional<BaselineVerdict> add(String key, Instant time) {
        long minute = Math.floorDiv(time.getEpochSecond(), 60);
        Series s = series.computeIfAbsent(key, k -> new Series(minute));
        long count = s.add(minute);
        return s.judge(minute, count);
    }

    /** Forgets keys whose latest minute is before the horizon. */
    void forgetBefore(Instant horizon) {
        long h = Math.floorDiv(horizon.getEpochSecond(), 60);
        series.values().removeIf(s -> s.latestMinute < h);
    }

    /** One key's minutes. */
    private final class Series {
        private long firstMinute;
        private long latestMinute;
        private final TreeMap<Long, Long> open = new TreeMap<>();
        private final HourlyMoments closed = new HourlyMoments();

        Series(long minute) {
            this.firstMinute = minute;
            this.latestMinute = minute;
        }

        long add(long minute) {
            firstMinute = Math.min(firstMinute, minute);
            latestMinute = Math.max(latestMinute, minute);
            long count;
            if (minute < latestMinute - policy.openMinutes() && !open.containsKey(minute)) {
                // later than the allowed lateness: counted as a minute of its own
                closed.add(minute, 1);
                count = 1;
            } else {
                count = open.merge(minute, 1L, Long::sum);
            }
            while (!open.isEmpty() && open.firstKey() < latestMinute - policy.openMinutes()) {
                Map.Entry<Long, Long> e = open.pollFirstEntry();
                closed.add(e.getKey(), e.getValue());
            }
            closed.dropBefore(latestMinute - policy.windowMinutes());
            return count;
        }

        Optional<BaselineVerdict> judge(long minute, long count) {
            long history = minute - firstMinute;
            if (count < policy.minimumEvents() || history < policy.minimumHistoryMinutes()) {
                return Optional.empty();
            }
            double sum = closed.sum();
            double squares = closed.sumSquares();
            for (Map.Entry<Long, Long> e : open.entrySet()) {
                if (e.getKey() != minute) {
                    sum += e.getValue();
                    squares += (double) e.getValue() * e.getValue();
                }
            }
            long start = Math.max(firstMinute, latestMinute - policy.windowMinutes());
            long samples = latestMinute - start; // minutes of the window other than the judged one
            if (samples <= 0) {
                return Optional.empty();
            }
            double mean = sum / samples;
            double sd = Math.sqrt(Math.max(0, squares / samples - mean * mean));
            double spread = Math.max(sd, Math.sqrt(mean));
            double threshold = Math.max(policy.minimumEvents(), mean + policy.sigmas() * spread);
            if (count < threshold) {
                return Optional.empty();
            }
            return Optional.of(new BaselineVerdict(count, mean, sd, threshold, history, samples));
        }
    }
}
