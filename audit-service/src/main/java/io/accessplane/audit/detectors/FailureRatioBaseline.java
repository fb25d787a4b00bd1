package io.accessplane.audit.detectors;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-key failure ratio per minute (failures / attempts) judged against the key's rolling baseline
 * (CloudTrail Insights ApiErrorRate style). Samples are the minutes with at least one attempt,
 * excluding the judged minute. A minute is a spike when it holds at least the minimum failures and
 * its ratio is at least {@code mean + sigmas * max(sd, sigmaFloor)}; a key alerts only after
 * {@code minimumHistory}. Memory as in {@link RollingBaseline}.
 */
final class FailureRatioBaseline {
    private final BaselinePolicy policy;
    private final double sigmaFloor;
    private final Map<String, Series> series = new HashMap<>();

    FailureRatioBaseline(BaselinePolicy policy, double sigmaFloor) {
        this.policy = policy;
        this.sigmaFloor = sigmaFloor;
    }

    /** Counts one attempt of key at time; a verdict when a failure makes its minute a spike. */
    Optional<BaselineVerdict> add(String key, Instant time, boolean failure) {
        long minute = Math.floorDiv(time.getEpochSecond(), 60);
        Series s = series.computeIfAbsent(key, k -> new Series(minute));
        long[] m = s.add(minute, failure);
        return failure ? s.judge(minute, m) : Optional.empty();
    }

    /** Forgets keys whose latest minute is before the horizon. */
    void forgetBefore(Instant horizon) {
        long h = Math.floorDiv(horizon.getEpochSecond(), 60);
        series.values().removeIf(s -> s.latestMinute < h);
    }

    /** One key's minutes: {failures, attempts} while open, ratio moments once closed. */
    private final class Series {
        private long firstMinute;
        private long latestMinute;
        private final TreeMap<Long, long[]> open = new TreeMap<>();
        private final HourlyMoments closed = new HourlyMoments();

        Series(long minute) {
            this.firstMinute = minute;
            this.latestMinute = minute;
        }

        long[] add(long minute, boolean failure) {
            firstMinute = Math.min(firstMinute, minute);
            latestMinute = Math.max(latestMinute, minute);
            long[] m;
            if (minute < latestMinute - policy.openMinutes() && !open.containsKey(minute)) {
                m = new long[] {failure ? 1 : 0, 1};
                closed.add(minute, ratio(m));
            } else {
                m = open.computeIfAbsent(minute, k -> new long[2]);
                m[0] += failure ? 1 : 0;
                m[1] += 1;
            }
            while (!open.isEmpty() && open.firstKey() < latestMinute - policy.openMinutes()) {
                Map.Entry<Long, long[]> e = open.pollFirstEntry();
                closed.add(e.getKey(), ratio(e.getValue()));
            }
            closed.dropBefore(latestMinute - policy.windowMinutes());
            return m;
        }

        Optional<BaselineVerdict> judge(long minute, long[] m) {
            long history = minute - firstMinute;
            if (m[0] < policy.minimumEvents() || history < policy.minimumHistoryMinutes()) {
                return Optional.empty();
            }
            double n = closed.n();
            double sum = closed.sum();
            double squares = closed.sumSquares();
            for (Map.Entry<Long, long[]> e : open.entrySet()) {
                if (e.getKey() != minute) {
                    double r = ratio(e.getValue());
                    n += 1;
                    sum += r;
                    squares += r * r;
                }
            }
            if (n < 1) {
                return Optional.empty();
            }
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
            double threshold = mean + policy.sigmas() * Math.max(sd, sigmaFloor);
            double observed = ratio(m);
            if (observed < threshold) {
                return Optional.empty();
            }
            return Optional.of(new BaselineVerdict(observed, mean, sd, threshold, history, (long) n));
        }

        private double ratio(long[] m) {
            return m[1] == 0 ? 0 : (double) m[0] / m[1];
        }
    }
}
