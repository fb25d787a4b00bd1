package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * D10: one actor deletes at least 5 key pairs or application credentials within 10 minutes.
 * Cascade deletions (a credential deleted because its user or project went, {@code reason} set)
 * are consequences of one request and are not counted. The "or above baseline" arm of the anchor
 * is not built: a baseline needs at least 5 events in a minute, which this threshold already
 * catches.
 */
final class MassDeletionDetector implements Detector {
    private final RateThreshold threshold;
    private final Duration suppression;
    private final SlidingWindowCounter deletions;
    private final FiringMemory fired = new FiringMemory();

    MassDeletionDetector(DetectorSettings settings) {
        this.threshold = settings.massDeletion();
        this.suppression = settings.rateSuppression();
        this.deletions = new SlidingWindowCounter(threshold.window(), settings.allowedLateness());
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        boolean deletion = e.is("keypair", "deleted") || (e.is("application_credential", "deleted") && e.reason() == null);
        if (!deletion || !e.byUser()) {
            return List.of();
        }
        String actor = e.actor();
        Burst burst = deletions.add(actor, e.time(), e.id());
        String dedupKey = "D10:" + actor;
        if (burst.count() < threshold.count() || !fired.fire(dedupKey, e.time(), suppression)) {
            return List.of();
        }
        return List.of(new AlertCandidate("D10", actor + " deleted " + burst.count() + " keys or credentials in "
                + threshold.window().toMinutes() + " min", Severity.MEDIUM, e.projectId(), dedupKey, suppression,
                burst.eventIds(), e.time(), new Facts()
                        .put("actor", actor)
                        .put("deletions", burst.count())
                        .put("threshold", threshold.count())
                        .put("window_minutes", threshold.window().toMinutes())
                        .put("first_deletion", burst.start().toString())
                        .put("last_deletion", burst.end().toString())
                        .put("source_address", e.sourceAddress())
                        .toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        deletions.forgetBefore(horizon);
        fired.forgetBefore(horizon);
    }
}
