package io.accessplane.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What an event is about (CADF target): the resource's type, id, name and owners. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(
        @JsonProperty("type") String type,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("owner_project_id") String ownerProjectId,
        @JsonProperty("owner_user_id") String ownerUserId) {
}
