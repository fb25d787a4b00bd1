package io.accessplane.audit.detectors;

import static io.accessplane.audit.detectors.TestEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared building blocks: windows, baselines, first-seen memory, firing memory. */
class WindowsAndBaselinesTest {
    private static final Duration LATENESS = Duration.ofMinutes(5);
    private static final BaselinePolicy POLICY = BaselinePolicy.of(DetectorSettings.defaults());

    @Test
    void counterFindsTheBusiestWindowContainingTheEvent() {
        SlidingWindowCounter c = new SlidingWindowCounter(Duration.ofMinutes(5), LATENESS);
        for (int i = 0; i < 4; i++) {
            c.add("k", T0.plusSeconds(60L * i), "e" + i);
        }
        Burst b = c.add("k", T0.plusSeconds(299), "e4");
        assertEquals(5, b.count());
        assertEquals(T0, b.start());
        // exactly one window length after the first event: the first falls out
        assertEquals(5, c.add("k", T0.plusSeconds(300), "e5").count());
        assertEquals(1, c.add("other", T0, "x").count());
    }

    @Test
    void counterPlacesLateEventsAndDropsTooLateOnes() {
        SlidingWindowCounter c = new SlidingWindowCounter(Duration.ofMinutes(5), LATENESS);
        c.add("k", T0.plus(Duration.ofMinutes(1)), "b");
        c.add("k", T0.plus(Duration.ofMinutes(2)), "c");
        Burst late = c.add("k", T0, "a");
        assertEquals(3, late.count());
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(late.eventIds()));
        c.add("k", T0.plus(Duration.ofMinutes(30)), "z");
        assertEquals(0, c.add("k", T0, "much-too-late").count());
    }

    @Test
    void counterForgetsQuietKeys() {
        SlidingWindowCounter c = new SlidingWindowCounter(Duration.ofMinutes(5), LATENESS);
        for (int i = 0; i < 1000; i++) {
            c.add("key-" + i, T0.plusSeconds(i), "e" + i);
        }
        c.add("late-comer", T0.plus(Duration.ofHours(1)), "x");
        assertEquals(1, c.keyCount());
        c.forgetBefore(T0.plus(Duration.ofHours(2)));
        assertEquals(0, c.keyCount());
    }

    @Test
    void distinctWindowCountsValuesNotEvents() {
        DistinctWindow w = new DistinctWindow(Duration.ofMinutes(10), LATENESS);
        for (int i = 0; i < 20; i++) {
            w.add("ip", T0.plusSeconds(i), "cred-" + (i % 3), "e" + i);
        }
        Burst b = w.add("ip", T0.plusSeconds(30), "cred-9", "e30");
        assertEquals(4, b.count());
        assertEquals(Set.of("cred-0", "cred-1", "cred-2", "cred-9"), b.values());
    }

    @Test
    void baselineAlertsOnASpikeAfterEightDaysAtASteadyRate() {
        RollingBaseline baseline = new RollingBaseline(POLICY);
        Instant start = T0.minus(Duration.ofDays(8));
        for (int i = 0; i < 8 * 48; i++) {
            assertTrue(baseline.add("k", start.plus(Duration.ofMinutes(30L * i))).isEmpty());
        }
        Optional<BaselineVerdict> verdict = Optional.empty();
        for (int i = 0; i < 5; i++) {
            verdict = baseline.add("k", T0.plusSeconds(i));
        }
        BaselineVerdict v = verdict.orElseThrow();
        assertEquals(5.0, v.observed());
        assertEquals(1.0 / 30, v.mean(), 0.002);
        assertTrue(v.historyMinutes() >= 8 * 1440 - 30);
        assertTrue(v.samples() >= 7 * 1440);
    }

    @Test
    void baselineStaysQuietWithOnlyThreeDaysOfHistory() {
        RollingBaseline baseline = new RollingBaseline(POLICY);
        Instant start = T0.minus(Duration.ofDays(3));
        for (int i = 0; i < 3 * 48; i++) {
            baseline.add("k", start.plus(Duration.ofMinutes(30L * i)));
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(baseline.add("k", T0.plusSeconds(i)).isEmpty());
        }
    }

    @Test
    void busySteadySeriesNeedsAPoissonSizedSpike() {
        RollingBaseline baseline = new RollingBaseline(POLICY);
        Instant start = T0.minus(Duration.ofDays(8));
        for (long m = 0; m < 8 * 1440; m++) {
            for (int i = 0; i < 10; i++) {
                baseline.add("k", start.plus(Duration.ofMinutes(m)).plusSeconds(i));
            }
        }
        // mean 10, sd 0, floor sqrt(10): threshold 10 + 3 * 3.16 = 19.5
        Optional<BaselineVerdict> v = Optional.empty();
        for (int i = 0; i < 19; i++) {
            v = baseline.add("k", T0.plusSeconds(i));
        }
        assertTrue(v.isEmpty());
        assertTrue(baseline.add("k", T0.plusSeconds(30)).isPresent());
    }

    @Test
    void failureRatioBaselineJudgesRatiosOfMinutesWithAttempts() {
        FailureRatioBaseline baseline = new FailureRatioBaseline(POLICY, 0.05);
        Instant start = T0.minus(Duration.ofDays(8));
        for (int i = 0; i < 8 * 24; i++) {
            Instant hour = start.plus(Duration.ofHours(i));
            for (int s = 0; s < 9; s++) {
                baseline.add("p", hour.plusSeconds(s), false);
            }
            baseline.add("p", hour.plusSeconds(9), true);
        }
        Optional<BaselineVerdict> v = Optional.empty();
        for (int i = 0; i < 5; i++) {
            v = baseline.add("p", T0.plusSeconds(i), true);
        }
        assertEquals(0.1, v.orElseThrow().mean(), 0.0001);
        assertEquals(1.0, v.orElseThrow().observed());
        // a spike of successes is not a failure spike
        assertTrue(baseline.add("p", T0.plusSeconds(10), false).isEmpty());
    }

    @Test
    void newTermMemoryRemembersWithinTheHistoryOnly() {
        NewTermMemory memory = new NewTermMemory(Duration.ofDays(10));
        memory.record("cred", "ip:1", T0);
        assertFalse(memory.seenBefore("cred", "ip:1", T0), "not before itself");
        assertTrue(memory.seenBefore("cred", "ip:1", T0.plus(Duration.ofDays(9))));
        assertFalse(memory.seenBefore("cred", "ip:1", T0.plus(Duration.ofDays(11))));
        assertFalse(memory.seenBefore("cred", "ip:2", T0.plus(Duration.ofDays(1))));
        assertTrue(memory.anySeenBefore("cred", T0.plus(Duration.ofDays(1))));
        assertEquals(Optional.of(T0), memory.firstSeen("cred"));
        memory.forgetBefore(T0.plusSeconds(1));
        assertEquals(Optional.empty(), memory.firstSeen("cred"));
    }

    @Test
    void firingMemorySuppressesEqualKeysWithinTheWindowBothWays() {
        FiringMemory fired = new FiringMemory();
        Duration hour = Duration.ofHours(1);
        assertTrue(fired.fire("k", T0, hour));
        assertFalse(fired.fire("k", T0.plus(Duration.ofMinutes(59)), hour));
        assertFalse(fired.fire("k", T0.minus(Duration.ofMinutes(10)), hour), "late event");
        assertTrue(fired.fire("other", T0, hour));
        assertTrue(fired.fire("k", T0.plus(Duration.ofMinutes(61)), hour));
    }

    @Test
    void settingsDefaultsCarryTheAnchorsValues() {
        DetectorSettings s = DetectorSettings.defaults();
        assertEquals(Set.of(80, 443), s.allowedPorts());
        assertEquals(RateThreshold.of(5, Duration.ofMinutes(10)), s.massDeletion());
        assertEquals(RateThreshold.of(10, Duration.ofMinutes(5)), s.bruteForce());
        assertEquals(RateThreshold.of(10, Duration.ofMinutes(10)), s.spraying());
        assertEquals(RateThreshold.of(20, Duration.ofMinutes(5)), s.tokenBurst());
        assertEquals(RateThreshold.of(3, Duration.ofHours(1)), s.networkSpread());
        assertEquals(Duration.ofMinutes(10), s.successAfterBruteForceWindow());
        assertEquals(Duration.ofHours(1), s.freshCredentialWindow());
        assertEquals(Duration.ofMinutes(60), s.revertWindow());
        assertEquals(Duration.ofDays(90), s.securityGroupWriterHistory());
        assertEquals(Duration.ofDays(10), s.credentialSourceHistory());
        assertEquals(Duration.ofDays(90), s.credentialMaxAge());
        assertEquals(Duration.ofDays(45), s.credentialMaxUnused());
        assertEquals(Duration.ofMinutes(5), s.producerSilence());
        assertEquals(Duration.ofSeconds(30), s.sequenceGapGrace());
        assertEquals(Duration.ofDays(28), s.baselineWindow());
        assertEquals(Duration.ofDays(7), s.baselineMinimumHistory());
        assertEquals(3.0, s.baselineSigmas());
        assertEquals(5, s.baselineMinimumEvents());
        assertEquals(1000.0, s.impossibleTravelKmh());
        assertEquals(2048, s.minimumRsaBits());
        assertEquals(24, s.highRiskPorts().size());
        assertTrue(s.pentestUserAgents().containsAll(java.util.List.of("kali", "metasploit")));
        assertEquals(Duration.ofDays(90).plusMinutes(5), s.retention());
        assertEquals(s, s.toBuilder().build());
    }
}
