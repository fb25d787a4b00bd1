package io.accessplane.audit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.audit.testing.Admin;
import io.accessplane.audit.testing.EventFactory;
import io.accessplane.audit.testing.EventProducer;
import io.accessplane.audit.testing.SseReader;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Live streams are woken by the ingest's commit (PostgreSQL NOTIFY), not by their poll: with the
 * poll set to ten minutes, a new event and the alert it raises still reach open streams.
 */
@QuarkusTest
@TestProfile(LiveStreamWakeupTest.TenMinutePoll.class)
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class LiveStreamWakeupTest {

    /** The streams poll only every ten minutes, longer than any wait below. */
    public static class TenMinutePoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accessplane.audit.api.stream-poll", "PT10M");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aNewEventAndItsAlertReachOpenStreamsWithoutWaitingForThePoll() throws Exception {
        String project = "wakeup-" + System.nanoTime();
        String rule = "rule-" + project;
        CloudEvent e = EventFactory.unique("wakeup").rule("created", project, "alice", rule, "tcp", 22, "0.0.0.0/0",
                Instant.now());
        String token = Admin.token();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(3000); // both streams are open and waiting by then
            } catch (InterruptedException x) {
                return;
            }
            try (EventProducer p = new EventProducer(bootstrap)) {
                p.structured("accessplane.secgroup.events", e);
            }
        });
        later.start();
        AtomicReference<List<SseReader.Event>> alerts = new AtomicReference<>(List.of());
        Thread alertReader = new Thread(() -> {
            try {
                alerts.set(SseReader.read(base + "v1/alerts/stream?project_id=" + project, token, null, 1,
                        Duration.ofSeconds(60)));
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
        });
        alertReader.start();
        List<SseReader.Event> events = SseReader.read(base + "v1/events/stream?project_id=" + project, token, null, 1,
                Duration.ofSeconds(60));
        alertReader.join();
        later.join();

        assertEquals(1, events.size(), "the event arrived before the ten-minute poll");
        assertEquals(e.id(), EventJson.mapper().readTree(events.get(0).data()).get("id").asText());
        assertEquals(1, alerts.get().size(), "the alert arrived before the ten-minute poll");
        assertTrue(alerts.get().get(0).data().contains("D1:" + rule), alerts.get().get(0).data());
    }
}
