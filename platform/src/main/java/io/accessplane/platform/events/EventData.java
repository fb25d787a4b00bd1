package io.accessplane.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CADF-style data of every accessplane event: who, on what, which action, how it went,
 * and the resource's public state after the change. Never a secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventData(
        @JsonProperty("initiator") Initiator initiator,
        @JsonProperty("target") Target target,
        @JsonProperty("action") String action,
        @JsonProperty("outcome") Outcome outcome,
        @JsonProperty("reason") String reason,
        @JsonProperty("resource") JsonNode resource,
        @JsonProperty("revocation") Revocation revocation) {
}
