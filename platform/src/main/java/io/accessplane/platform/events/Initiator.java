package io.accessplane.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Who caused an event (CADF initiator): identity, scope, roles and where the request came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Initiator(
        @JsonProperty("user_id") String userId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("application_credential_id") String applicationCredentialId,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("source_address") String sourceAddress,
        @JsonProperty("user_agent") String userAgent,
        @JsonProperty("request_id") String requestId) {

    public Initiator {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** An initiator for changes a service makes on its own (bootstrap, expiry, cascades). */
    public static Initiator system(String serviceName) {
        return new Initiator("system:" + serviceName, null, null, List.of(), null, null, null);
    }
}
