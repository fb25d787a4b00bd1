package io.accessplane.audit.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.audit.testing.Admin;
import io.accessplane.audit.testing.EventFactory;
import io.accessplane.audit.testing.EventProducer;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.testing.TestDatabase;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingest against the real broker and database: once per (source, id), dead letters, gaps, restarts. */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class IngestTest {

    static final String TOPIC = "accessplane.keypair.events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    EventIngestor ingestor;

    EventProducer producer;
    TestDatabase db;

    @BeforeEach
    void setUp() {
        producer = new EventProducer(bootstrap);
        db = new TestDatabase(jdbcUrl, "accessplane_test", "accessplane_test");
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void theSameEventDeliveredThreeTimesIsStoredOnce() {
        EventFactory f = EventFactory.unique("dup");
        CloudEvent e = f.keypair("created", "p-dup", "u1", "k1", Instant.now());
        producer.structured(TOPIC, e);
        producer.structured(TOPIC, e);
        awaitStored(e.id());
        producer.structured(TOPIC, e);
        CloudEvent marker = f.keypair("created", "p-dup", "u1", "k2", Instant.now());
        producer.structured(TOPIC, marker);
        awaitStored(marker.id());
        assertEquals(1, db.count("SELECT count(*) FROM audit_event WHERE event_id = ?", e.id()));
        assertEquals(2, db.count("SELECT count(*) FROM audit_event WHERE project_id = 'p-dup'"));
        assertEquals(2, db.count("SELECT max(chain_index) FROM audit_event WHERE project_id = 'p-dup'"));
    }

    @Test
    void binaryModeEventsAreStoredWithTheirAttributes() {
        EventFactory f = EventFactory.unique("binary");
        CloudEvent e = f.keypair("created", "p-binary", "u2", "kb", Instant.now());
        producer.binary(TOPIC, e);
        awaitStored(e.id());
        given().header("X-Auth-Token", Admin.token()).get("/v1/events/" + e.id()).then().log().ifValidationFails().statusCode(200)
                .body("event.source", org.hamcrest.Matchers.equalTo(f.source()))
                .body("event.type", org.hamcrest.Matchers.equalTo("io.accessplane.keypair.created.v1"))
                .body("event.data.target.id", org.hamcrest.Matchers.equalTo("u2/kb"))
                .body("event.audit.chain_index", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void theTraceContextAndUnknownExtensionsAreStoredAsReceivedAndServed() throws Exception {
        EventFactory f = EventFactory.unique("traced");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        CloudEvent e = f.keypair("created", "p-traced", "u5", "kt", Instant.now())
                .withTraceContext(traceparent, "vendor=v1");
        com.fasterxml.jackson.databind.node.ObjectNode json = io.accessplane.platform.events.EventJson.mapper()
                .valueToTree(e);
        json.put("comexampleextension", "kept");
        producer.raw(TOPIC, "p-traced", io.accessplane.platform.events.EventJson.mapper().writeValueAsBytes(json),
                Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
        awaitStored(e.id());
        given().header("X-Auth-Token", Admin.token()).get("/v1/events/" + e.id()).then().log().ifValidationFails()
                .statusCode(200)
                .body("event.traceparent", org.hamcrest.Matchers.equalTo(traceparent))
                .body("event.tracestate", org.hamcrest.Matchers.equalTo("vendor=v1"))
                .body("event.comexampleextension", org.hamcrest.Matchers.equalTo("kept"));
    }

    @Test
    void ingestConsumerLagAndRaisedAlertsAreOnTheMetricsEndpoint() {
        EventFactory f = EventFactory.unique("metered");
        CloudEvent e = f.keypair("created", "p-metered", "u6", "km", Instant.now());
        producer.structured(TOPIC, e);
        producer.raw(TOPIC, "p-metered", "{not json either".getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/cloudevents+json"));
        awaitStored(e.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String m = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(sample(m, "accessplane_audit_events_ingested_total", "topic=\"" + TOPIC + "\"") >= 2, m);
            assertTrue(sample(m, "accessplane_audit_consumer_lag", "") >= 0, m);
            assertTrue(m.lines().anyMatch(l -> l.startsWith("accessplane_audit_alerts_raised_total{")
                    && l.contains("detector=\"D24\"") && l.contains("severity=\"critical\"")), m);
            assertTrue(sample(m, "accessplane_outbox_published_total", "source=\"/accessplane/audit-service\"") >= 1, m);
        });
    }

    /** The first sample of {@code name} whose line contains {@code label}; -1 when there is none. */
    static double sample(String exposition, String name, String label) {
        for (String line : exposition.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(label)) {
                String sample = line.split(" # ", 2)[0]; // an exemplar may follow the value
                return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicRaisesAnAlertAndTheStreamContinues() {
        EventFactory f = EventFactory.unique("dlq");
        producer.raw(TOPIC, "p-dlq", "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/cloudevents+json"));
        producer.raw(TOPIC, "p-dlq", "{\"id\":\"x\",\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/cloudevents+json"));
        CloudEvent after = f.keypair("created", "p-dlq", "u3", "k3", Instant.now());
        producer.structured(TOPIC, after);
        awaitStored(after.id());

        List<ConsumerRecord<String, byte[]>> dead = readAll("accessplane.audit.deadletter");
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : dead) {
            if ("p-dlq".equals(r.key())) {
                reasons.add(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));
                assertEquals(TOPIC, new String(r.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(2, reasons.size(), "both bad records reach the dead-letter topic: " + reasons);
        assertTrue(reasons.get(0).startsWith("value is not JSON"), reasons.get(0));
        assertTrue(reasons.get(1).contains("'source'"), reasons.get(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Auth-Token", Admin.token())
                .get("/v1/alerts?detector=D24").then().statusCode(200)
                .body("alerts.findAll { it.details.topic == '" + TOPIC + "' }", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.empty())));
    }

    @Test
    void aGapInASourcesSequenceRaisesAnAlertOnceTheGraceHasPassed() {
        EventFactory f = EventFactory.unique("gap");
        Instant now = Instant.now();
        producer.structured(TOPIC, f.withSequence(f.keypair("created", "p-gap", "u4", "a", now), 1));
        producer.structured(TOPIC, f.withSequence(f.keypair("created", "p-gap", "u4", "b", now), 2));
        CloudEvent fourth = f.withSequence(f.keypair("created", "p-gap", "u4", "d", now), 4);
        producer.structured(TOPIC, fourth);
        awaitStored(fourth.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Auth-Token", Admin.token())
                .get("/v1/alerts?detector=D24").then().statusCode(200)
                .body("alerts.findAll { it.dedup_key.startsWith('D24:gap:" + f.source() + ":3-3') }", hasSize(1)));
    }

    @Test
    void consumersStoppedMidStreamAndRewoundLoseAndDuplicateNothing() throws Exception {
        EventFactory f = EventFactory.unique("restart");
        int total = 600;
        AtomicBoolean producing = new AtomicBoolean(true);
        List<String> ids = new ArrayList<>();
        Thread t = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                CloudEvent e = f.keypair("created", "p-restart-" + (i % 3), "u5", "k" + i, Instant.now());
                synchronized (ids) {
                    ids.add(e.id());
                }
                producer.structured(TOPIC, e);
            }
            producing.set(false);
        });
        t.start();
        for (int round = 0; round < 3 && producing.get(); round++) {
            Thread.sleep(300);
            ingestor.stop();
            ingestor.start();
        }
        t.join();
        await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(f) == total);

        // Rewind the group to the beginning: every record is delivered again, nothing new is stored.
        ingestor.stop();
        ingestor.replayFromBeginning();
        ingestor.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> ingestor.isCaughtUp());
        Thread.sleep(1000);
        assertEquals(total, storedCount(f));
        assertEquals(total, db.count("SELECT count(DISTINCT event_id) FROM audit_event WHERE source = ?", f.source()));
        for (int p = 0; p < 3; p++) {
            String project = "p-restart-" + p;
            long n = db.count("SELECT count(*) FROM audit_event WHERE project_id = ?", project);
            assertEquals(n, db.count("SELECT max(chain_index) FROM audit_event WHERE project_id = ?", project),
                    "chain of " + project + " has no holes");
            assertEquals(n, db.count("SELECT count(DISTINCT chain_index) FROM audit_event WHERE project_id = ?", project));
        }
    }

    private long storedCount(EventFactory f) {
        return db.count("SELECT count(*) FROM audit_event WHERE source = ?", f.source());
    }

    private void awaitStored(String id) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> db.count("SELECT count(*) FROM audit_event WHERE event_id = ?", id) > 0);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
