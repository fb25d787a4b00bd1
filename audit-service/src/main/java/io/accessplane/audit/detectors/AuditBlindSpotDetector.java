package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * D24: the audit trail may be missing events (CloudTrail on_gap/on_missing, GuardDuty Stealth).
 * On events: a source's sequence restarting at 1 ("sequence reset"). On ticks: a sequence gap still
 * open after the grace period, and a source seen before that has sent nothing for the silence limit
 * (event time of its latest event vs {@code now}). Each gap and each silence is reported once.
 * Chain failures and dead letters come from {@link IntegrityAlerts}. The anchor's "authentication
 * notifications opted out" has no counterpart: accessplane has no such switch.
 */
final class AuditBlindSpotDetector implements Detector {
    private final SequenceTracker sequences;
    private final Duration silence;
    private final Duration findingSuppression;
    private final Duration rateSuppression;
    private final Map<String, Instant> latestOfSource = new HashMap<>();
    private final Map<String, Instant> silenceReported = new HashMap<>();
    private final Set<String> gapsReported = new HashSet<>();

    AuditBlindSpotDetector(SequenceTracker sequences, DetectorSettings settings) {
        this.sequences = sequences;
        this.silence = settings.producerSilence();
        this.findingSuppression = settings.findingSuppression();
        this.rateSuppression = settings.rateSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        latestOfSource.merge(e.source(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
        Optional<SequenceTracker.Reset> reset = sequences.record(e.source(), e.raw().sequence(), e.time(), e.id());
        if (reset.isEmpty()) {
            return List.of();
        }
        SequenceTracker.Reset r = reset.get();
        return List.of(new AlertCandidate("D24", "Sequence of " + r.source() + " restarted at 1 after "
                + r.previousHighest(), Severity.CRITICAL, AlertCandidate.NO_PROJECT,
                "D24:reset:" + r.source() + ":" + r.previousHighest(), findingSuppression, List.of(e.id()), e.time(),
                new Facts().put("kind", "sequence_reset")
                        .put("source", r.source())
                        .put("previous_highest", r.previousHighest())
                        .toMap()));
    }

    @Override
    public List<AlertCandidate> tick(Instant now) {
        List<AlertCandidate> out = new ArrayList<>();
        Set<String> open = new HashSet<>();
        for (SequenceTracker.Gap g : sequences.gaps(now)) {
            String key = "D24:gap:" + g.source() + ":" + g.firstMissing() + "-" + g.lastMissing();
            open.add(key);
            if (gapsReported.add(key)) {
                out.add(new AlertCandidate("D24", g.count() + " event(s) missing from " + g.source() + " (sequence "
                        + g.firstMissing() + (g.count() > 1 ? "-" + g.lastMissing() : "") + ")", Severity.CRITICAL,
                        AlertCandidate.NO_PROJECT, key, findingSuppression,
                        g.laterEventId() == null ? List.of() : List.of(g.laterEventId()), now, new Facts()
                                .put("kind", "sequence_gap")
                                .put("source", g.source())
                                .put("first_missing", g.firstMissing())
                                .put("last_missing", g.lastMissing())
                                .put("missing", g.count())
                                .put("watermark", sequences.watermark(g.source()))
                                .put("later_seen_at", g.since().toString())
                                .toMap()));
            }
        }
        gapsReported.retainAll(open);
        latestOfSource.forEach((source, latest) -> {
            Duration quiet = Duration.between(latest, now);
            if (quiet.compareTo(silence) > 0 && !latest.equals(silenceReported.get(source))) {
                silenceReported.put(source, latest);
                out.add(new AlertCandidate("D24", source + " silent for " + quiet.toMinutes() + " min",
                        Severity.CRITICAL, AlertCandidate.NO_PROJECT, "D24:silent:" + source, rateSuppression, List.of(),
                        now, new Facts().put("kind", "producer_silent")
                                .put("source", source)
                                .put("last_event_at", latest.toString())
                                .put("silent_seconds", quiet.toSeconds())
                                .put("limit_seconds", silence.toSeconds())
                                .toMap()));
            }
        });
        return out;
    }

    @Override
    public void forgetBefore(Instant horizon) {
        sequences.abandonGapsBefore(horizon);
    }
}
