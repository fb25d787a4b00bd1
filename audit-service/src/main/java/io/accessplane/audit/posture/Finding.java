package io.accessplane.audit.posture;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One resource that fails a posture check, and why. */
public record Finding(
        @JsonProperty("resource_type") String resourceType,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("name") String name,
        @JsonProperty("detail") String detail) {
}
