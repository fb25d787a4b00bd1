package io.accessplane.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.platform.events.EventJson;
import java.nio.charset.StandardCharsets;

/**
 * Keeps every published event within Kafka's record size. An event over the limit (say, the
 * deletion of a security group holding ten thousand rules) would be refused by the producer on
 * every retry and hold back every later event of its source; instead it is published with its
 * {@code data.resource} replaced by a summary ({@code truncated}, the original size, and the
 * resource's {@code id} and {@code name}), keeping its id, type, target and sequence, so the
 * stream stays complete and gap-free and the full state stays readable through the API.
 */
final class OversizeEvents {

    /**
     * The largest event value published as it is: below the producer's default
     * {@code max.request.size} (1 MiB) and a topic's default {@code max.message.bytes}, leaving room
     * for the record's key and headers.
     */
    static final int MAX_EVENT_BYTES = 1_000_000;

    private static final int MAX_KEPT_TEXT = 255;

    private OversizeEvents() {
    }

    /** A value to publish, and whether it is the summarised form of a larger event. */
    record Fitted(byte[] value, boolean summarised) {
    }

    /** The event's value as published: {@code payload} itself when it fits, else its summarised form. */
    static Fitted fit(String payload) {
        byte[] value = payload.getBytes(StandardCharsets.UTF_8);
        return value.length <= MAX_EVENT_BYTES ? new Fitted(value, false)
                : new Fitted(summarised(payload, value.length), true);
    }

    private static byte[] summarised(String payload, int originalBytes) {
        try {
            JsonNode event = EventJson.mapper().readTree(payload);
            if (!(event instanceof ObjectNode root) || !(root.get("data") instanceof ObjectNode data)) {
                return payload.getBytes(StandardCharsets.UTF_8);
            }
            ObjectNode summary = EventJson.mapper().createObjectNode();
            summary.put("truncated", true);
            summary.put("original_event_bytes", originalBytes);
            JsonNode resource = data.get("resource");
            if (resource != null && resource.isObject()) {
                for (String field : new String[] {"id", "name"}) {
                    JsonNode v = resource.get(field);
                    if (v != null && v.isTextual() && v.asText().length() <= MAX_KEPT_TEXT) {
                        summary.put(field, v.asText());
                    }
                }
            }
            data.set("resource", summary);
            byte[] value = EventJson.mapper().writeValueAsBytes(root);
            if (value.length > MAX_EVENT_BYTES && data.has("reason")) {
                data.put("reason", "(over the event size limit; dropped)");
                value = EventJson.mapper().writeValueAsBytes(root);
            }
            return value;
        } catch (JsonProcessingException e) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }
    }
}
