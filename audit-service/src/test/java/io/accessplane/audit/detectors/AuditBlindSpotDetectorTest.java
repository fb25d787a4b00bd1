package io.accessplane.audit.detectors;

import static io.accessplane.audit.detectors.TestEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D24 through the engine (gaps, silence, resets) and {@link IntegrityAlerts}. */
class AuditBlindSpotDetectorTest {
    private static final String SOURCE = "/accessplane/keypair-service";

    private final Harness h = new Harness();
    private final TestEvents ev = h.events;

    private List<AlertCandidate> feedSequence(long n, Instant at) {
        return h.feed(ev.keypairGenerated("k" + n).seq(n).at(at));
    }

    @Test
    void missingSequenceNumberStillMissingAfterTheGraceIsD24() {
        feedSequence(1, T0);
        feedSequence(2, T0.plusSeconds(1));
        feedSequence(4, T0.plusSeconds(2));

        assertTrue(Harness.only(h.tick(T0.plusSeconds(20)), "D24").isEmpty(), "within the grace period");
        AlertCandidate gap = Harness.only(h.tick(T0.plusSeconds(40)), "D24").get(0);
        assertEquals("D24:gap:" + SOURCE + ":3-3", gap.dedupKey());
        assertEquals(Severity.CRITICAL, gap.severity());
        assertEquals(1L, gap.details().get("missing"));
        assertEquals(2L, gap.details().get("watermark"));
        assertTrue(Harness.only(h.tick(T0.plusSeconds(50)), "D24").isEmpty(), "reported once");
    }

    @Test
    void numberArrivingWithinTheGraceIsNotAGap() {
        feedSequence(1, T0);
        feedSequence(2, T0.plusSeconds(1));
        feedSequence(4, T0.plusSeconds(2));
        h.tick(T0.plusSeconds(20));
        feedSequence(3, T0.plusSeconds(1));
        assertTrue(Harness.only(h.tick(T0.plusSeconds(60)), "D24").isEmpty());
        assertEquals(4, h.engine.sequences().watermark(SOURCE));
    }

    @Test
    void backlogWithOldEventTimesGetsTheFullGrace() {
        feedSequence(1, T0);
        h.tick(T0.plus(Duration.ofMinutes(1)));
        // relay catches up after an outage: old event times, one partition ahead of the other
        feedSequence(3, T0.plusSeconds(2));
        assertTrue(Harness.only(h.tick(T0.plus(Duration.ofMinutes(1)).plusSeconds(10)), "D24").isEmpty());
        feedSequence(2, T0.plusSeconds(1));
        assertTrue(Harness.only(h.tick(T0.plus(Duration.ofMinutes(2))), "D24").stream()
                .noneMatch(c -> c.dedupKey().startsWith("D24:gap")));
    }

    @Test
    void sourceSilentForMoreThanFiveMinutesIsD24OncePerSilence() {
        feedSequence(1, T0);
        assertTrue(Harness.only(h.tick(T0.plus(Duration.ofMinutes(4))), "D24").isEmpty());
        AlertCandidate silent = Harness.only(h.tick(T0.plus(Duration.ofMinutes(6))), "D24").get(0);
        assertEquals("D24:silent:" + SOURCE, silent.dedupKey());
        assertEquals(360L, silent.details().get("silent_seconds"));
        assertTrue(Harness.only(h.tick(T0.plus(Duration.ofMinutes(7))), "D24").isEmpty());

        feedSequence(2, T0.plus(Duration.ofMinutes(8)));
        assertTrue(Harness.only(h.tick(T0.plus(Duration.ofMinutes(9))), "D24").isEmpty());
        assertEquals(1, Harness.only(h.tick(T0.plus(Duration.ofMinutes(14))), "D24").size());
    }

    @Test
    void sequenceRestartingAtOneIsAResetD24() {
        for (int n = 1; n <= 5; n++) {
            feedSequence(n, T0.plusSeconds(n));
        }
        AlertCandidate reset = Harness.only(feedSequence(1, T0.plus(Duration.ofMinutes(1))), "D24").get(0);
        assertEquals("D24:reset:" + SOURCE + ":5", reset.dedupKey());
        assertEquals(Severity.CRITICAL, reset.severity());
        feedSequence(2, T0.plus(Duration.ofMinutes(1)).plusSeconds(1));
        assertEquals(2, h.engine.sequences().watermark(SOURCE));
    }

    @Test
    void oneArrivingLateAfterTwoOrEventsWithoutSequenceAreNotD24() {
        feedSequence(2, T0.plusSeconds(2));
        assertTrue(Harness.only(feedSequence(1, T0.plusSeconds(1)), "D24").isEmpty());
        h.feed(ev.keypairGenerated("nosq").noSequence().at(T0.plusSeconds(3)));
        h.feed(ev.keypairGenerated("badsq").at(T0.plusSeconds(3)).seq(3).source(SOURCE));
        assertTrue(Harness.only(h.tick(T0.plusSeconds(60)), "D24").isEmpty());
    }

    @Test
    void integrityAlertsAreCriticalD24() {
        AlertCandidate chain = IntegrityAlerts.chainBroken("p1", "record 42: hash mismatch", T0);
        assertEquals("D24", chain.detector());
        assertEquals(Severity.CRITICAL, chain.severity());
        assertEquals("D24:chain:p1", chain.dedupKey());
        assertEquals("record 42: hash mismatch", chain.details().get("detail"));

        AlertCandidate dead = IntegrityAlerts.deadLetter("accessplane.keypair.events", 2, 1234L, "bad json", T0);
        assertEquals("D24:dead-letter:accessplane.keypair.events:2:1234", dead.dedupKey());
        assertEquals(Severity.CRITICAL, dead.severity());
        assertEquals("-", dead.projectId());
        assertEquals("critical", dead.severity().wireName());
    }
}
