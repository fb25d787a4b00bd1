package io.accessplane.audit.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Property-style and example tests of {@link SequenceTracker}. */
class SequenceTrackerTest {
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Instant T0 = TestEvents.T0;
    private static final String S = "/accessplane/credential-service";

    /** Event time of number n: one every 100 ms. */
    private static Instant timeOf(long n) {
        return T0.plusMillis(100 * n);
    }

    /** 1..n in an order where no number is more than {@code disorder} places from its own. */
    private static List<Long> boundedShuffle(long n, int disorder, Random random) {
        List<double[]> keyed = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            keyed.add(new double[] {i + random.nextDouble() * disorder, i});
        }
        keyed.sort(Comparator.comparingDouble(k -> k[0]));
        return keyed.stream().map(k -> (long) k[1]).toList();
    }

    @Test
    void boundedDisorderNeverReportsAGap() {
        Random random = new Random(20261122);
        for (int trial = 0; trial < 60; trial++) {
            long n = 1 + random.nextInt(3000);
            int disorder = 1 + random.nextInt(50);
            SequenceTracker tracker = new SequenceTracker(GRACE);
            tracker.seed(S, 0);
            Instant latest = T0;
            for (long number : boundedShuffle(n, disorder, random)) {
                Optional<SequenceTracker.Reset> reset = tracker.record(S, CloudEventSequence.of(number), timeOf(number),
                        "e" + number);
                assertTrue(reset.isEmpty(), "trial " + trial + ": no reset at " + number);
                latest = latest.isAfter(timeOf(number)) ? latest : timeOf(number);
                assertEquals(List.of(), tracker.gaps(latest), "trial " + trial + " n=" + n + " disorder=" + disorder);
            }
            assertEquals(List.of(), tracker.gaps(latest.plus(Duration.ofDays(1))));
            assertEquals(n, tracker.watermark(S));
        }
    }

    @Test
    void randomDeletionsReportExactlyTheMissingNumbers() {
        Random random = new Random(42);
        for (int trial = 0; trial < 60; trial++) {
            long n = 2 + random.nextInt(2000);
            double lossRate = random.nextDouble() * 0.3;
            TreeSet<Long> deleted = new TreeSet<>();
            for (long i = 1; i < n; i++) { // n itself always arrives, so every loss lies below a seen number
                if (random.nextDouble() < lossRate) {
                    deleted.add(i);
                }
            }
            SequenceTracker tracker = new SequenceTracker(GRACE);
            tracker.seed(S, 0);
            for (long number : boundedShuffle(n, 1 + random.nextInt(40), random)) {
                if (!deleted.contains(number)) {
                    tracker.record(S, number, timeOf(number), "e" + number);
                }
            }
            List<SequenceTracker.Gap> gaps = tracker.gaps(timeOf(n).plus(GRACE).plusSeconds(1));
            TreeSet<Long> reported = new TreeSet<>();
            for (SequenceTracker.Gap g : gaps) {
                assertEquals(S, g.source());
                LongStream.rangeClosed(g.firstMissing(), g.lastMissing()).forEach(m ->
                        assertTrue(reported.add(m), "number " + m + " reported twice"));
            }
            assertEquals(deleted, reported, "trial " + trial);
            assertEquals(deleted.isEmpty() ? n : deleted.first() - 1, tracker.watermark(S));
            // holes are maximal ranges: one per run of consecutive losses
            long runs = deleted.stream().filter(m -> !deleted.contains(m - 1)).count();
            assertEquals(runs, gaps.size());
        }
    }

    @Test
    void gapIsOnlyOverdueGraceAfterALaterNumberWasSeen() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        tracker.record(S, 1, T0, "a");
        tracker.record(S, 3, T0.plusSeconds(5), "c");
        assertEquals(List.of(), tracker.gaps(T0.plusSeconds(34)));
        SequenceTracker.Gap gap = tracker.gaps(T0.plusSeconds(35)).get(0);
        assertEquals(2, gap.firstMissing());
        assertEquals(2, gap.lastMissing());
        assertEquals("c", gap.laterEventId());
        assertEquals(1, tracker.openGaps().size());
        // the late number closes it
        tracker.record(S, 2, T0.plusSeconds(1), "b");
        assertEquals(List.of(), tracker.gaps(T0.plusSeconds(60)));
        assertEquals(3, tracker.watermark(S));
    }

    @Test
    void unseededSourceStartsWhereItIsFirstSeen() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        tracker.record(S, "00000000000000005000", T0, "x");
        tracker.record(S, "00000000000000005001", T0.plusSeconds(1), "y");
        assertEquals(List.of(), tracker.gaps(T0.plus(Duration.ofHours(1))));
        assertEquals(5001, tracker.watermark(S));
        // a number below the watermark that was never seen is late, not an error
        tracker.record(S, 4000, T0, "z");
        assertEquals(5001, tracker.watermark(S));
    }

    @Test
    void missingOrUnparseableSequencesAreIgnored() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        assertTrue(tracker.record(S, (String) null, T0, "a").isEmpty());
        assertTrue(tracker.record(S, "abc", T0, "b").isEmpty());
        assertTrue(tracker.record(S, "99999999999999999999", T0, "c").isEmpty());
        assertTrue(tracker.sources().isEmpty());
        assertEquals(0, tracker.watermark(S));
    }

    @Test
    void restartAtOneAfterBeingHighIsAResetAndTrackingRestarts() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        for (long n = 1; n <= 100; n++) {
            tracker.record(S, n, timeOf(n), "e" + n);
        }
        SequenceTracker.Reset reset = tracker.record(S, 1, timeOf(200), "r1").orElseThrow();
        assertEquals(100, reset.previousHighest());
        assertEquals(1, tracker.watermark(S));
        tracker.record(S, 3, timeOf(202), "r3");
        assertEquals(2, tracker.gaps(timeOf(202).plus(GRACE)).get(0).firstMissing());
    }

    @Test
    void midStreamStartFollowedByANewerOneIsAReset() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        tracker.record(S, 5000, T0, "x");
        assertTrue(tracker.record(S, 1, T0.plusSeconds(10), "y").isPresent());
    }

    @Test
    void seededWatermarkThenReplayFromTheStartIsNotAReset() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        tracker.seed(S, 500);
        assertEquals(500, tracker.watermark(S));
        for (long n = 1; n <= 510; n++) {
            assertTrue(tracker.record(S, n, timeOf(n), "e" + n).isEmpty(), "replayed " + n);
        }
        assertEquals(510, tracker.watermark(S));
        tracker.seed(S, 10); // never moves back
        assertEquals(510, tracker.watermark(S));
    }

    @Test
    void seededWatermarkMakesAMissingNextNumberAGap() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        tracker.seed(S, 41);
        tracker.record(S, 43, T0, "e43");
        assertEquals(42, tracker.gaps(T0.plus(GRACE)).get(0).firstMissing());
    }

    @Test
    void abandoningOldGapsMovesTheWatermarkPastThem() {
        SequenceTracker tracker = new SequenceTracker(GRACE);
        tracker.seed(S, 0);
        tracker.record(S, 1, T0, "a");
        tracker.record(S, 3, T0, "c");
        tracker.record(S, 6, T0.plus(Duration.ofDays(2)), "f");
        tracker.abandonGapsBefore(T0.plus(Duration.ofDays(1)));
        assertEquals(3, tracker.watermark(S));
        assertEquals(List.of("4-5"), tracker.openGaps().stream()
                .map(g -> g.firstMissing() + "-" + g.lastMissing()).collect(Collectors.toList()));
    }

    /** Encodes numbers as the producers do. */
    private static final class CloudEventSequence {
        static String of(long n) {
            return io.accessplane.platform.events.CloudEvent.encodeSequence(n);
        }
    }
}
