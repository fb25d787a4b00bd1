package io.accessplane.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of events: one configured mapper, ISO-8601 times, no nulls. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventJson() {
    }

    /** Serialises an event to its structured-mode JSON. */
    public static String write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised: " + event.type(), e);
        }
    }

    /** Parses a structured-mode JSON event. */
    public static CloudEvent read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, CloudEvent.class);
    }

    /** Parses a structured-mode JSON event from bytes. */
    public static CloudEvent read(byte[] json) throws java.io.IOException {
        return MAPPER.readValue(json, CloudEvent.class);
    }

    /** The shared mapper, for building resource state nodes. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
