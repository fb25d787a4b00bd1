package io.accessplane.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.audit.repository.EventRow;
import io.accessplane.platform.events.EventJson;

/**
 * The API form of a stored event: the CloudEvent exactly as stored, plus an {@code audit} member
 * with its position, ingest time and chain link.
 */
public final class EventRendering {

    private EventRendering() {
    }

    /** Renders one row. */
    public static ObjectNode render(EventRow row) {
        ObjectNode event;
        try {
            event = (ObjectNode) EventJson.mapper().readTree(row.canonical());
        } catch (JsonProcessingException | ClassCastException e) {
            event = EventJson.mapper().createObjectNode();
            event.put("unreadable", true);
        }
        ObjectNode audit = event.putObject("audit");
        audit.put("position", row.position());
        audit.put("ingested_at", row.ingestedAt().toString());
        audit.put("project_id", row.projectId());
        audit.put("chain_index", row.chainIndex());
        audit.put("chain_hash", row.chainHash());
        return event;
    }
}
