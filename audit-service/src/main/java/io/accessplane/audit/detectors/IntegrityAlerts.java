package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** D24 findings raised outside the engine: a broken hash chain, an event that could not be parsed. */
public final class IntegrityAlerts {
    /** How long an equal chain or dead-letter finding is one alert. */
    public static final Duration SUPPRESSION = Duration.ofHours(24);

    private IntegrityAlerts() {
    }

    /** The per-project hash chain failed verification ({@code detail} names the first bad record). */
    public static AlertCandidate chainBroken(String projectId, String detail, Instant at) {
        String project = projectId == null || projectId.isBlank() ? AlertCandidate.NO_PROJECT : projectId;
        return new AlertCandidate("D24", "Audit hash chain verification failed for project " + project,
                Severity.CRITICAL, project, "D24:chain:" + project, SUPPRESSION, List.of(), at,
                new Facts().put("kind", "chain_broken").put("detail", detail).toMap());
    }

    /** A record on an event topic could not be parsed and went to the dead-letter queue. */
    public static AlertCandidate deadLetter(String topic, int partition, long offset, String error, Instant at) {
        return new AlertCandidate("D24", "Unparseable event on " + topic + "-" + partition + " at offset " + offset,
                Severity.CRITICAL, AlertCandidate.NO_PROJECT, "D24:dead-letter:" + topic + ":" + partition + ":" + offset,
                SUPPRESSION, List.of(), at, new Facts()
                        .put("kind", "unparseable_event")
                        .put("topic", topic)
                        .put("partition", partition)
                        .put("offset", offset)
                        .put("error", error)
                        .toMap());
    }
}
