package io.accessplane.audit.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The events captured from the running stack, replayed: what they raise, and that it is stable. */
class CapturedEventsReplayTest {

    private static List<CloudEvent> captured() {
        List<CloudEvent> out = new ArrayList<>();
        for (String line : TestEvents.lines("/detectors/captured-events.ndjson")) {
            try {
                out.add(EventJson.read(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static List<AlertCandidate> run(List<CloudEvent> events) {
        DetectorEngine engine = new DetectorEngine(DetectorSettings.defaults());
        List<AlertCandidate> out = new ArrayList<>();
        events.forEach(e -> out.addAll(engine.observe(e)));
        return out;
    }

    @Test
    void capturedSessionRaisesTheWorldOpenRuleItsRevertAndTheTwoPowerfulCredentials() {
        List<String> keys = run(captured()).stream().map(AlertCandidate::dedupKey).sorted().toList();
        assertEquals(List.of(
                "D11:049b3879cbed3471ae711ffefef0c0af",
                "D11:17fe71d9b1dbe3d2906200f4814ba917",
                "D1:ae756ce0-81e2-4d6c-ae1e-ee486b2a16ef",
                "D2:ae756ce0-81e2-4d6c-ae1e-ee486b2a16ef",
                "D3:ae756ce0-81e2-4d6c-ae1e-ee486b2a16ef",
                "D6:ae756ce0-81e2-4d6c-ae1e-ee486b2a16ef"), keys);
    }

    @Test
    void capturedSequencesHaveNoGapsAndEveryProducerFallsSilentAfterwards() {
        DetectorEngine engine = new DetectorEngine(DetectorSettings.defaults());
        captured().forEach(engine::observe);
        Instant end = Instant.parse("2026-11-22T15:15:24Z");
        assertTrue(engine.tick(end.plusSeconds(60)).isEmpty());
        assertEquals(20, engine.sequences().watermark("/accessplane/credential-service"));
        assertEquals(3, engine.sequences().watermark("/accessplane/keypair-service"));
        assertEquals(4, engine.sequences().watermark("/accessplane/secgroup-service"));
        List<AlertCandidate> later = engine.tick(end.plus(Duration.ofMinutes(10)));
        assertEquals(List.of("D24:silent:/accessplane/credential-service", "D24:silent:/accessplane/keypair-service",
                "D24:silent:/accessplane/secgroup-service"), later.stream().map(AlertCandidate::dedupKey).sorted().toList());
    }

    @Test
    void equalInputsGiveEqualCandidatesAndDedupKeys() {
        List<AlertCandidate> first = run(captured());
        List<AlertCandidate> second = run(captured());
        assertEquals(first, second);
    }

    @Test
    void orderAcrossPartitionsDoesNotChangeTheDedupKeys() {
        // each service's events stay in order (one partition per project and topic), services interleave
        List<CloudEvent> events = captured();
        List<String> expected = run(events).stream().map(AlertCandidate::dedupKey).sorted().toList();
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            List<CloudEvent> shuffled = interleaveBySource(events, random);
            assertEquals(expected, run(shuffled).stream().map(AlertCandidate::dedupKey).sorted().toList());
        }
    }

    @Test
    void replayedEngineContinuesLikeTheLiveOne() {
        List<CloudEvent> events = captured();
        DetectorEngine live = new DetectorEngine(DetectorSettings.defaults());
        events.forEach(live::observe);
        DetectorEngine rebuilt = new DetectorEngine(DetectorSettings.defaults());
        events.forEach(rebuilt::observe);
        TestEvents ev = new TestEvents();
        CloudEvent next = ev.ruleCreated("after-restart").at(Instant.parse("2026-11-22T15:16:00Z")).seq(5).build();
        assertEquals(live.observe(next), rebuilt.observe(next));
        Instant now = Instant.parse("2026-11-22T15:30:00Z");
        assertEquals(live.tick(now), rebuilt.tick(now));
    }

    @Test
    void noCandidateCarriesAPublicKey() {
        TestEvents ev = new TestEvents();
        DetectorEngine engine = new DetectorEngine(DetectorSettings.defaults());
        List<AlertCandidate> out = new ArrayList<>(run(captured()));
        out.addAll(engine.observe(ev.keypairGenerated("weak").res("bits", 1024).build()));
        assertTrue(out.stream().flatMap(c -> c.details().values().stream())
                .noneMatch(v -> String.valueOf(v).contains("AAAA")));
    }

    private static List<CloudEvent> interleaveBySource(List<CloudEvent> events, Random random) {
        List<List<CloudEvent>> queues = new ArrayList<>();
        for (String source : events.stream().map(CloudEvent::source).distinct().toList()) {
            queues.add(new ArrayList<>(events.stream().filter(e -> e.source().equals(source)).toList()));
        }
        List<CloudEvent> out = new ArrayList<>();
        while (queues.stream().anyMatch(q -> !q.isEmpty())) {
            List<List<CloudEvent>> nonEmpty = new ArrayList<>(queues.stream().filter(q -> !q.isEmpty()).toList());
            Collections.shuffle(nonEmpty, random);
            out.add(nonEmpty.get(0).remove(0));
        }
        return out;
    }
}
