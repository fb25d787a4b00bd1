package io.accessplane.audit.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.platform.events.CloudEvent;

/**
 * One event read from Kafka: the typed envelope, the JSON exactly as received (structured form,
 * unknown extension attributes kept), and where it came from.
 */
public record DecodedEvent(CloudEvent event, ObjectNode json, String topic, int partition, long offset) {

    /** The project whose chain the event joins: its partition key, {@code -} for none. */
    public String projectId() {
        return event.partitionKey();
    }
}
