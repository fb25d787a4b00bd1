package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds gaps in each source's CloudEvents {@code sequence} (D24). Per source it keeps the
 * contiguous watermark (every number up to it is accounted for) and, above it, the runs of numbers
 * seen out of order. Memory is one entry per hole, not per number.
 *
 * <p>A source's events reach us over several Kafka partitions, so numbers arrive out of order: a
 * missing number is only a gap once it is still missing {@code grace} after a later number was
 * seen. "Seen" is the later event's time, but never earlier than the last {@link #gaps} call
 * before it arrived, so a backlog flushed after an outage (old event times, arriving now) gets
 * the full grace instead of alerting on the next tick. A number at or below the watermark that
 * was never seen is late, not an error.
 *
 * <p>The first number seen from a source that was not {@link #seed seeded} starts tracking (the
 * watermark becomes that number minus one): we cannot know what came before we started.
 *
 * <p>A <em>reset</em> (producer database restored or recreated) is a {@code 1} arriving when this
 * source already had a {@code 1}, or when its event time is after that of the highest number seen
 * (a genuinely late {@code 1} is older than its successors). Tracking then restarts at 1. After
 * {@link #seed} a replay of the log from its start is not mistaken for a reset (no recorded number
 * precedes the replayed {@code 1}).
 *
 * <p>Not thread-safe.
 */
public final class SequenceTracker {
    private final Duration grace;
    private final Map<String, SourceState> sources = new HashMap<>();
    private Instant lastGapCheck;

    /**
     * A hole in a source's sequence.
     *
     * @param source        the CloudEvents source
     * @param firstMissing  the lowest missing number
     * @param lastMissing   the highest missing number
     * @param since         when a later number was first seen (event time, see the class comment)
     * @param laterEventId  the id of that later event, if known
     */
    public record Gap(String source, long firstMissing, long lastMissing, Instant since, String laterEventId) {

        /** How many numbers are missing. */
        public long count() {
            return lastMissing - firstMissing + 1;
        }
    }

    /**
     * A source whose sequence started again at 1.
     *
     * @param source          the CloudEvents source
     * @param previousHighest the highest number seen before the reset
     * @param at              event time of the new {@code 1}
     */
    public record Reset(String source, long previousHighest, Instant at) {
    }

    /** A tracker with the given grace period for out-of-order arrivals. */
    public SequenceTracker(Duration grace) {
        this.grace = grace;
    }

    /**
     * Records a number given as the CloudEvents {@code sequence} string; a missing or unparseable
     * sequence is ignored. Returns the reset it reveals, if any.
     */
    public Optional<Reset> record(String source, String sequence, Instant eventTime, String eventId) {
        if (sequence == null || sequence.isBlank() || !sequence.trim().matches("\\d{1,20}")) {
            return Optional.empty();
        }
        long n;
        try {
            n = Long.parseLong(sequence.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return record(source, n, eventTime, eventId);
    }

    /** Records a number; returns the reset it reveals, if any. Negative numbers are ignored. */
    public Optional<Reset> record(String source, long sequence, Instant eventTime, String eventId) {
        if (sequence < 0) {
            return Optional.empty();
        }
        Instant seenAt = lastGapCheck != null && lastGapCheck.isAfter(eventTime) ? lastGapCheck : eventTime;
        SourceState s = sources.computeIfAbsent(source, k -> new SourceState());
        if (!s.started) {
            s.started = true;
            s.watermark = Math.max(s.watermark, sequence - 1);
        }
        Optional<Reset> reset = Optional.empty();
        if (sequence == 1 && s.watermark >= 1
                && (s.sawOne || (s.highestAt != null && eventTime.isAfter(s.highestAt)))) {
            reset = Optional.of(new Reset(source, s.highest, eventTime));
            s.restart();
        }
        s.accept(sequence, eventTime, seenAt, eventId);
        return reset;
    }

    /**
     * The holes that have stayed open for at least the grace period at {@code now}, lowest first
     * per source. Also marks {@code now} as the earliest "seen" time of numbers recorded after it.
     */
    public List<Gap> gaps(Instant now) {
        if (lastGapCheck == null || now.isAfter(lastGapCheck)) {
            lastGapCheck = now;
        }
        List<Gap> out = new ArrayList<>();
        for (Map.Entry<String, SourceState> e : sources.entrySet()) {
            for (Gap g : e.getValue().holes(e.getKey())) {
                if (!g.since().plus(grace).isAfter(now)) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    /** Every hole currently open, whatever its age. */
    public List<Gap> openGaps() {
        List<Gap> out = new ArrayList<>();
        sources.forEach((source, s) -> out.addAll(s.holes(source)));
        return out;
    }

    /**
     * Restores a persisted watermark: numbers up to it count as seen. Never moves an existing
     * watermark back.
     */
    public void seed(String source, long watermark) {
        SourceState s = sources.computeIfAbsent(source, k -> new SourceState());
        s.started = true;
        if (watermark > s.watermark) {
            s.watermark = watermark;
            s.highest = Math.max(s.highest, watermark);
            s.absorbRuns();
        }
    }

    /** The contiguous watermark of a source: every number up to it is accounted for; 0 when unknown. */
    public long watermark(String source) {
        SourceState s = sources.get(source);
        return s == null ? 0 : Math.max(0, s.watermark);
    }

    /** The sources seen or seeded. */
    public Set<String> sources() {
        return Collections.unmodifiableSet(sources.keySet());
    }

    /**
     * Gives up on holes whose later number was seen before the horizon (they have long been
     * reported): the watermark moves past them, bounding memory when numbers are lost for good.
     */
    public void abandonGapsBefore(Instant horizon) {
        for (SourceState s : sources.values()) {
            s.abandonBefore(horizon);
        }
    }

    /** One source's tracking state. */
    private static final class SourceState {
        boolean started;
        long watermark;
        long highest;
        Instant highestAt;
        boolean sawOne;
        /** Runs of seen numbers above watermark + 1: start to run. */
        final TreeMap<Long, Run> runs = new TreeMap<>();

        void restart() {
            watermark = 0;
            highest = 0;
            highestAt = null;
            sawOne = false;
            runs.clear();
        }

        void accept(long n, Instant eventTime, Instant seenAt, String eventId) {
            if (n == 1) {
                sawOne = true;
            }
            if (n > highest || highestAt == null) {
                highest = Math.max(highest, n);
                highestAt = eventTime;
            }
            if (n <= watermark) {
                return; // late (or seeded): already accounted for
            }
            Map.Entry<Long, Run> below = runs.floorEntry(n);
            if (below != null && below.getValue().end >= n) {
                return; // already inside a run
            }
            Run run;
            long start;
            if (below != null && below.getValue().end == n - 1) {
                run = below.getValue();
                start = below.getKey();
                run.end = n;
                run.noteSeen(seenAt, eventId);
            } else {
                run = new Run(n, seenAt, eventId);
                start = n;
                runs.put(start, run);
            }
            Run above = runs.get(n + 1);
            if (above != null) {
                runs.remove(n + 1);
                run.end = above.end;
                run.noteSeen(above.firstSeenAt, above.firstSeenEventId);
            }
            absorbRuns();
        }

        /** Moves the watermark over runs that now touch it. */
        void absorbRuns() {
            while (!runs.isEmpty() && runs.firstKey() <= watermark + 1) {
                Run r = runs.pollFirstEntry().getValue();
                watermark = Math.max(watermark, r.end);
            }
        }

        /** The holes, each dated by the earliest sighting of any number above it. */
        List<Gap> holes(String source) {
            List<Gap> out = new ArrayList<>();
            Instant earliestAbove = null;
            String earliestId = null;
            List<Map.Entry<Long, Run>> list = new ArrayList<>(runs.entrySet());
            for (int i = list.size() - 1; i >= 0; i--) {
                Run r = list.get(i).getValue();
                if (earliestAbove == null || r.firstSeenAt.isBefore(earliestAbove)) {
                    earliestAbove = r.firstSeenAt;
                    earliestId = r.firstSeenEventId;
                }
                long holeEnd = list.get(i).getKey() - 1;
                long holeStart = i == 0 ? watermark + 1 : list.get(i - 1).getValue().end + 1;
                out.add(new Gap(source, holeStart, holeEnd, earliestAbove, earliestId));
            }
            Collections.reverse(out);
            return out;
        }

        void abandonBefore(Instant horizon) {
            // a hole is dated by the earliest sighting above it, so every hole below an old run is old too
            Long lastOldStart = null;
            for (Map.Entry<Long, Run> e : runs.entrySet()) {
                if (e.getValue().firstSeenAt.isBefore(horizon)) {
                    lastOldStart = e.getKey();
                }
            }
            if (lastOldStart == null) {
                return;
            }
            Iterator<Map.Entry<Long, Run>> it = runs.headMap(lastOldStart, true).entrySet().iterator();
            while (it.hasNext()) {
                watermark = Math.max(watermark, it.next().getValue().end);
                it.remove();
            }
            absorbRuns();
        }
    }

    /** A run of consecutive numbers seen above the watermark. */
    private static final class Run {
        long end;
        Instant firstSeenAt;
        String firstSeenEventId;

        Run(long n, Instant seenAt, String eventId) {
            this.end = n;
            this.firstSeenAt = seenAt;
            this.firstSeenEventId = eventId;
        }

        void noteSeen(Instant seenAt, String eventId) {
            if (seenAt.isBefore(firstSeenAt)) {
                firstSeenAt = seenAt;
                firstSeenEventId = eventId;
            }
        }
    }
}
