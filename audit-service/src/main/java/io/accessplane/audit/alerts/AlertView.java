package io.accessplane.audit.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** An alert as the API returns it and as it is published on {@code accessplane.audit.alerts}. */
public record AlertView(
        @JsonProperty("id") String id,
        @JsonProperty("detector") String detector,
        @JsonProperty("title") String title,
        @JsonProperty("severity") String severity,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("dedup_key") String dedupKey,
        @JsonProperty("state") String state,
        @JsonProperty("first_seen") Instant firstSeen,
        @JsonProperty("last_seen") Instant lastSeen,
        @JsonProperty("suppressed_until") Instant suppressedUntil,
        @JsonProperty("occurrences") int occurrences,
        @JsonProperty("event_ids") List<String> eventIds,
        @JsonProperty("details") JsonNode details,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("updated_by") String updatedBy) {
}
