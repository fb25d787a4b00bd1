package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finding a detector raises: the caller stores it as an alert, deduplicated by {@code dedupKey}
 * within {@code suppression}, linked to the events in {@code eventIds}.
 *
 * @param detector    {@code "D1"} .. {@code "D24"}
 * @param title       one human-readable line
 * @param severity    how urgent
 * @param projectId   the project the finding is about, {@code "-"} when none
 * @param dedupKey    stable key naming what the finding is about, e.g. {@code D15:<credential id>}
 * @param suppression how long an equal key is one alert
 * @param eventIds    CloudEvent ids that caused it (capped at {@link #MAX_EVENT_IDS} for bursts)
 * @param observedAt  event time of the triggering event, or the tick time for time-driven findings
 * @param details     JSON-friendly facts (strings, numbers, booleans, lists, maps); never a secret
 */
public record AlertCandidate(
        String detector,
        String title,
        Severity severity,
        String projectId,
        String dedupKey,
        Duration suppression,
        List<String> eventIds,
        Instant observedAt,
        Map<String, Object> details) {

    /** The most event ids a single candidate lists; bursts also report their full count in details. */
    public static final int MAX_EVENT_IDS = 100;

    /** The project id used when a finding belongs to no project. */
    public static final String NO_PROJECT = "-";

    public AlertCandidate {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(suppression, "suppression");
        Objects.requireNonNull(observedAt, "observedAt");
        projectId = projectId == null || projectId.isBlank() ? NO_PROJECT : projectId;
        eventIds = eventIds == null ? List.of()
                : List.copyOf(eventIds.size() > MAX_EVENT_IDS ? eventIds.subList(0, MAX_EVENT_IDS) : eventIds);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
