package io.accessplane.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.events.EventJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Events over Kafka's record size are summarised; everything else goes out byte for byte. */
class OversizeEventsTest {

    static String event(int padding) {
        return "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/s\",\"type\":\"t\",\"sequence\":\"00000000000000000007\","
                + "\"data\":{\"action\":\"delete\",\"target\":{\"type\":\"security_group\",\"id\":\"g1\"},"
                + "\"resource\":{\"id\":\"g1\",\"name\":\"web\",\"rules\":\"" + "r".repeat(padding) + "\"}}}";
    }

    @Test
    void anEventWithinTheLimitIsPublishedAsItIs() {
        for (int padding : new int[] {0, 1000, OversizeEvents.MAX_EVENT_BYTES - event(0).length()}) {
            String e = event(padding);
            OversizeEvents.Fitted f = OversizeEvents.fit(e);
            assertFalse(f.summarised());
            assertArrayEquals(e.getBytes(StandardCharsets.UTF_8), f.value());
        }
    }

    @Test
    void anEventOverTheLimitKeepsItsAttributesAndTargetAndSummarisesItsResource() throws Exception {
        for (int padding : new int[] {OversizeEvents.MAX_EVENT_BYTES, 4_200_000}) {
            String e = event(padding);
            OversizeEvents.Fitted f = OversizeEvents.fit(e);
            assertTrue(f.summarised());
            assertTrue(f.value().length <= OversizeEvents.MAX_EVENT_BYTES);
            JsonNode out = EventJson.mapper().readTree(f.value());
            assertEquals("e1", out.get("id").asText());
            assertEquals("00000000000000000007", out.get("sequence").asText());
            assertEquals("g1", out.at("/data/target/id").asText());
            assertEquals("delete", out.at("/data/action").asText());
            JsonNode resource = out.at("/data/resource");
            assertTrue(resource.get("truncated").asBoolean());
            assertEquals(e.getBytes(StandardCharsets.UTF_8).length, resource.get("original_event_bytes").asInt());
            assertEquals("g1", resource.get("id").asText());
            assertEquals("web", resource.get("name").asText());
            assertFalse(resource.has("rules"));
        }
    }
}
