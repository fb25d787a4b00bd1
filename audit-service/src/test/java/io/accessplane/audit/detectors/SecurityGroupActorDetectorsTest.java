package io.accessplane.audit.detectors;

import static io.accessplane.audit.detectors.TestEvents.ALICE;
import static io.accessplane.audit.detectors.TestEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D5 (first-time security group modifier) and D7 (security group change-rate spike). */
class SecurityGroupActorDetectorsTest {
    private static final String BOB = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";

    @Test
    void firstSecurityGroupWriteOfAnActorAfterLearningIsD5() {
        Harness h = new Harness().learned();
        List<AlertCandidate> out = h.feed(h.events.groupCreated("g1").actor(ALICE));

        AlertCandidate d5 = Harness.only(out, "D5").get(0);
        assertEquals("D5:" + ALICE, d5.dedupKey());
        assertEquals(Severity.MEDIUM, d5.severity());
        assertEquals(ALICE, d5.details().get("actor"));
        // the second write is no longer new
        assertTrue(Harness.only(h.feed(h.events.groupCreated("g2").actor(ALICE).at(T0.plusSeconds(60))), "D5").isEmpty());
    }

    @Test
    void firstWriteThatOpensSshToTheWorldIsHighSeverityD5() {
        Harness h = new Harness().learned();
        AlertCandidate d5 = Harness.only(h.feed(h.events.ruleCreated("r1").actor(BOB)), "D5").get(0);
        assertEquals(Severity.HIGH, d5.severity());
        assertEquals(List.of("D1", "D2", "D3"), d5.details().get("also_raised"));
    }

    @Test
    void actorWhoWroteWithinNinetyDaysOrDuringLearningOrSystemIsNotD5() {
        Harness h = new Harness();
        // first event ever: the engine is still learning
        assertTrue(Harness.only(h.feed(h.events.groupCreated("g0").actor(ALICE).at(T0.minus(Duration.ofDays(30)))), "D5")
                .isEmpty());
        // learned by now, but ALICE wrote 30 days ago
        assertTrue(Harness.only(h.feed(h.events.groupCreated("g1").actor(ALICE)), "D5").isEmpty());
        assertTrue(Harness.only(h.feed(h.events.groupCreated("g2").actor("system:secgroup-service")), "D5").isEmpty());
        // a lazily made default group is not a deliberate write
        assertTrue(Harness.only(h.feed(h.events.of("io.accessplane.default_security_group.created.v1").actor(BOB)), "D5")
                .isEmpty());
    }

    @Test
    void actorWhoseLastWriteIsOlderThanNinetyDaysIsNewAgain() {
        Harness h = new Harness();
        h.feed(h.events.groupCreated("g0").actor(ALICE).at(T0.minus(Duration.ofDays(100))));
        assertEquals(1, Harness.only(h.feed(h.events.groupCreated("g1").actor(ALICE)), "D5").size());
    }

    @Test
    void spikeAfterEightDaysOfSteadyWritesIsD7ForProjectAndActor() {
        Harness h = new Harness();
        Instant spikeMinute = steadyHistory(h, Duration.ofDays(8));
        List<AlertCandidate> out = spike(h, spikeMinute, 6);

        List<AlertCandidate> d7 = Harness.only(out, "D7");
        assertEquals(List.of("D7:" + TestEvents.PROJECT + ":*", "D7:" + TestEvents.PROJECT + ":" + ALICE),
                d7.stream().map(AlertCandidate::dedupKey).sorted().toList());
        AlertCandidate project = d7.stream().filter(c -> c.dedupKey().endsWith(":*")).findFirst().orElseThrow();
        assertEquals(5.0, project.details().get("observed"));
        assertTrue((double) project.details().get("baseline_mean") < 0.05);
        assertEquals(5.0, project.details().get("threshold"));
        assertEquals(5, project.eventIds().size());
        assertEquals(Severity.MEDIUM, project.severity());
        // the rest of the spike is the same alert, not a new one
        assertEquals(2, h.raised("D7").size());
    }

    @Test
    void spikeWithOnlyThreeDaysOfHistoryIsNotD7() {
        Harness h = new Harness();
        Instant spikeMinute = steadyHistory(h, Duration.ofDays(3));
        assertTrue(Harness.only(spike(h, spikeMinute, 20), "D7").isEmpty());
    }

    @Test
    void fourWritesInAMinuteAfterEightDaysIsBelowTheMinimumForD7() {
        Harness h = new Harness();
        Instant spikeMinute = steadyHistory(h, Duration.ofDays(8));
        assertTrue(Harness.only(spike(h, spikeMinute, 4), "D7").isEmpty());
    }

    /** One group created by ALICE every 30 minutes for {@code days}; returns a minute just after. */
    private static Instant steadyHistory(Harness h, Duration days) {
        Instant start = T0.minus(days);
        int n = (int) (days.toMinutes() / 30);
        for (int i = 0; i < n; i++) {
            h.feed(h.events.groupCreated("steady-" + i).actor(ALICE).at(start.plus(Duration.ofMinutes(30L * i))));
        }
        return T0.plus(Duration.ofMinutes(7));
    }

    private static List<AlertCandidate> spike(Harness h, Instant minute, int writes) {
        List<AlertCandidate> out = new java.util.ArrayList<>();
        for (int i = 0; i < writes; i++) {
            out.addAll(h.feed(h.events.groupCreated("spike-" + i).actor(ALICE).at(minute.plusSeconds(i * 5L))));
        }
        return out;
    }
}
