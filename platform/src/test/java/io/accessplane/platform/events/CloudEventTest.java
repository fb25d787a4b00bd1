package io.accessplane.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The envelope's JSON form and its sequence encoding. */
class CloudEventTest {

    @Test
    void jsonRoundTripKeepsEveryAttribute() throws Exception {
        EventData data = new EventData(
                new Initiator("u", "p", "ac", List.of("member", "reader"), "203.0.113.1", "cli", "req-1"),
                new Target("keypair", "kp1", "my key", "p", "u"), "create", Outcome.SUCCESS, null,
                EventJson.mapper().createObjectNode().put("fingerprint", "aa:bb"),
                new Revocation(Revocation.Kind.APPLICATION_CREDENTIAL, "ac", Instant.parse("2026-01-01T00:00:00Z")));
        CloudEvent event = CloudEvent.create("/accessplane/keypair-service", EventTypes.of("keypair", "created"),
                "kp1", "p", data);
        String json = EventJson.write(event);
        JsonNode tree = EventJson.mapper().readTree(json);
        assertEquals("1.0", tree.get("specversion").asText());
        assertEquals("io.accessplane.keypair.created.v1", tree.get("type").asText());
        assertEquals("p", tree.get("partitionkey").asText());
        assertEquals("success", tree.at("/data/outcome").asText());
        assertEquals("application_credential", tree.at("/data/revocation/kind").asText());
        assertTrue(tree.get("time").isTextual(), "time is an RFC 3339 string");
        assertFalse(tree.has("sequence"), "not sequenced before the relay");
        assertNull(tree.at("/data/reason").textValue());
        assertEquals(event, EventJson.read(json));
    }

    @Test
    void missingProjectUsesTheNoProjectKey() {
        CloudEvent e = CloudEvent.create("/s", "io.accessplane.x.y.v1", "id", null, null);
        assertEquals(CloudEvent.NO_PROJECT, e.partitionKey());
    }

    @Test
    void sequenceEncodingSortsLikeNumbers() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long a = Math.abs(random.nextLong() >>> random.nextInt(63));
            long b = Math.abs(random.nextLong() >>> random.nextInt(63));
            int byString = Integer.signum(CloudEvent.encodeSequence(a).compareTo(CloudEvent.encodeSequence(b)));
            assertEquals(Integer.signum(Long.compare(a, b)), byString, a + " vs " + b);
        }
        assertThrows(IllegalArgumentException.class, () -> CloudEvent.encodeSequence(-1));
    }

    @Test
    void eventTypesAreValidated() {
        assertEquals("io.accessplane.application_credential.deleted.v1",
                EventTypes.of("application_credential", "deleted"));
        assertThrows(IllegalArgumentException.class, () -> EventTypes.of("Key Pair", "created"));
    }
}
