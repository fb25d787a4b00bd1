package io.accessplane.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.testing.EventCollector;
import io.accessplane.platform.testing.EventCollector.Received;
import io.accessplane.platform.testing.KafkaBrokerResource;
import io.accessplane.platform.testing.TestDatabase;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The outbox against the real PostgreSQL and a real Kafka broker: events commit with their
 * change or not at all, survive a broker outage, and two relays never publish twice.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "topics", value = "accessplane.credential.events"))
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class OutboxTest {

    static final String TOPIC = "accessplane.credential.events";
    static final String SOURCE = "/accessplane/platform-test";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    TestDatabase db() {
        return new TestDatabase(jdbcUrl, "accessplane_test", "accessplane_test");
    }

    static String create(String name, String project, boolean fail) {
        var response = given().queryParam("project", project).queryParam("fail", fail)
                .post("/test/widgets/" + name).then().extract();
        if (fail) {
            assertEquals(409, response.statusCode(), response.asString());
            return null;
        }
        assertEquals(201, response.statusCode(), response.asString());
        return response.path("event_id");
    }

    static Map<String, List<Received>> byId(List<Received> received) {
        return received.stream().collect(Collectors.groupingBy(r -> r.event().id()));
    }

    @Test
    void eventCommitsWithItsChangeAndIsPublishedOnce() {
        String name = "w-" + UUID.randomUUID();
        String id = create(name, "p-commit", false);
        assertEquals(1, db().count("SELECT count(*) FROM widget WHERE name = ?", name));
        try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
            List<Received> got = collector.pollUntil(r -> byId(r).containsKey(id), Duration.ofSeconds(30));
            List<Received> mine = byId(got).get(id);
            assertEquals(1, mine.size(), "published exactly once");
            Received r = mine.get(0);
            CloudEvent e = r.event();
            assertEquals("p-commit", r.key(), "record key is the project");
            assertEquals("p-commit", e.partitionKey());
            assertEquals(SOURCE, e.source());
            assertEquals("io.accessplane.widget.created.v1", e.type());
            assertEquals("1.0", e.specVersion());
            assertEquals(20, e.sequence().length(), "sequence is lexicographically orderable");
            assertEquals(name, e.data().target().name());
            assertEquals("success", e.data().outcome().wireName());
        }
    }

    @Test
    void anEventWrittenWhileServingATracedRequestCarriesThatTrace() {
        String traceId = randomHex(32);
        String parentSpan = randomHex(16);
        String name = "w-traced-" + UUID.randomUUID();
        var response = given().header("traceparent", "00-" + traceId + "-" + parentSpan + "-01")
                .queryParam("project", "p-trace").queryParam("fail", false)
                .post("/test/widgets/" + name).then().extract();
        assertEquals(201, response.statusCode(), response.asString());
        String id = response.path("event_id");
        try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
            List<Received> got = collector.pollUntil(r -> byId(r).containsKey(id), Duration.ofSeconds(30));
            CloudEvent e = byId(got).get(id).get(0).event();
            assertTrue(e.traceparent() != null && e.traceparent().matches("00-" + traceId + "-[0-9a-f]{16}-01"),
                    "the published event carries the request's trace: " + e.traceparent());
            assertTrue(!e.traceparent().contains(parentSpan), "its span is the server span, a child of the caller's");
        }
    }

    @Test
    void theRelayReportsBacklogLagAndPublishedEventsOnTheMetricsEndpoint() {
        String id = create("w-metered-" + UUID.randomUUID(), "p-metrics", false);
        try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
            collector.pollUntil(r -> byId(r).containsKey(id), Duration.ofSeconds(30));
        }
        String tag = "source=\"" + SOURCE + "\"";
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metricValue(metrics, "accessplane_outbox_published_total", tag) >= 1, metrics);
            assertTrue(metricValue(metrics, "accessplane_outbox_publish_lag_seconds_count", tag) >= 1, metrics);
            assertTrue(metricValue(metrics, "accessplane_outbox_backlog", tag) >= 0, metrics);
            assertTrue(metricValue(metrics, "accessplane_outbox_publish_failures_total",
                    "cause=\"broker\"") >= 0, metrics);
        });
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}; -1 when absent. */
    static double metricValue(String exposition, String name, String label) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                String sample = line.split(" # ", 2)[0]; // an exemplar may follow the value
                return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (hex.length() < digits) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString().replaceFirst("^0", "a");
    }

    @Test
    void anEventOverKafkasRecordSizeIsPublishedSummarisedAndDoesNotHoldBackTheNext() {
        String big = "w-big-" + UUID.randomUUID();
        String small = "w-after-big-" + UUID.randomUUID();
        String bigId = given().queryParam("project", "p-big").queryParam("fail", false)
                .queryParam("resource_bytes", 3_000_000).post("/test/widgets/" + big).then().statusCode(201)
                .extract().path("event_id");
        String smallId = create(small, "p-big", false);
        try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
            List<Received> got = collector.pollUntil(r -> byId(r).containsKey(smallId), Duration.ofSeconds(30));
            CloudEvent first = byId(got).get(bigId).get(0).event();
            CloudEvent next = byId(got).get(smallId).get(0).event();
            assertEquals(big, first.data().target().name(), "id, type and target are kept");
            assertTrue(first.data().resource().get("truncated").asBoolean(), first.data().resource().toString());
            assertTrue(first.data().resource().get("original_event_bytes").asInt() > 3_000_000);
            assertEquals(big, first.data().resource().get("name").asText());
            assertFalse(first.data().resource().has("padding"));
            assertEquals(Long.parseLong(first.sequence()) + 1, Long.parseLong(next.sequence()),
                    "the sequence stays gap-free");
        }
    }

    @Test
    void rolledBackTransactionLeavesNoEvent() {
        String name = "w-rollback-" + UUID.randomUUID();
        long before = db().count("SELECT count(*) FROM outbox_event");
        create(name, "p-rollback", true);
        assertEquals(0, db().count("SELECT count(*) FROM widget WHERE name = ?", name));
        assertEquals(before, db().count("SELECT count(*) FROM outbox_event"), "no event row committed");
        try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
            List<Received> got = collector.drain(Duration.ofSeconds(3));
            assertTrue(got.stream().noneMatch(r -> r.event().data() != null && r.event().data().target() != null
                    && name.equals(r.event().data().target().name())), "nothing published for the rolled-back change");
        }
    }

    @Test
    void changesCommitWhileTheBrokerIsDownAndArriveInOrderAfterwards() throws Exception {
        awaitAllPublished();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(create("w-before-" + UUID.randomUUID(), "p-outage-" + (i % 3), false));
        }
        KafkaBrokerResource.broker().stop();
        try {
            for (int i = 0; i < 60; i++) {
                ids.add(create("w-down-" + UUID.randomUUID(), "p-outage-" + (i % 3), false));
            }
            assertTrue(db().count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") >= 60,
                    "changes committed while the broker was down, their events wait in the outbox");
        } finally {
            KafkaBrokerResource.broker().restart();
        }
        for (int i = 0; i < 10; i++) {
            ids.add(create("w-after-" + UUID.randomUUID(), "p-outage-" + (i % 3), false));
        }
        try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
            List<Received> got = collector.pollUntil(r -> byId(r).keySet().containsAll(ids), Duration.ofSeconds(120));
            got = collector.drain(Duration.ofSeconds(2));
            assertAtLeastOnceInOrder(ids, got);
        }
    }

    @Test
    void anIdleRelaySendsSequencedHeartbeats() throws Exception {
        String source = "/accessplane/heartbeat-test-" + UUID.randomUUID();
        OutboxRelay.Settings settings = new OutboxRelay.Settings(source, TOPIC, Duration.ofMillis(200), 50,
                Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofDays(1), Duration.ofSeconds(1));
        Producer<String, byte[]> producer = OutboxProducerFactory.create(bootstrap, "heartbeat-relay",
                Duration.ofSeconds(60));
        OutboxRelay relay = new OutboxRelay(() -> db().connect(), producer, settings).start("heartbeat-relay");
        try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
            List<Received> beats = collector.pollUntil(r -> r.stream()
                    .filter(x -> x.event().source().equals(source)).count() >= 3, Duration.ofSeconds(30)).stream()
                    .filter(x -> x.event().source().equals(source)).toList();
            assertTrue(beats.size() >= 3, "three heartbeats in 30 s: " + beats.size());
            for (int i = 0; i < 3; i++) {
                CloudEvent e = beats.get(i).event();
                assertEquals("io.accessplane.producer.heartbeat.v1", e.type());
                assertEquals(CloudEvent.encodeSequence(i + 1), e.sequence(), "heartbeats take the next sequence");
                assertEquals(CloudEvent.NO_PROJECT, e.partitionKey());
            }
        } finally {
            relay.stop();
            producer.close();
        }
    }

    @Test
    void twoRelaysRunningAtOncePublishNoDuplicates() throws Exception {
        awaitAllPublished();
        OutboxRelay.Settings settings = new OutboxRelay.Settings(SOURCE, TOPIC, Duration.ofMillis(200), 50,
                Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofDays(1));
        List<OutboxRelay> extra = new ArrayList<>();
        List<Producer<String, byte[]>> producers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Producer<String, byte[]> producer = OutboxProducerFactory.create(bootstrap, "second-relay-" + i,
                    Duration.ofSeconds(60));
            producers.add(producer);
            extra.add(new OutboxRelay(() -> db().connect(), producer, settings).start("test-relay-" + i));
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> ids.add(create("w-two-" + UUID.randomUUID(), "p-two-" + (n % 4), false))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            try (EventCollector collector = new EventCollector(bootstrap, TOPIC)) {
                collector.pollUntil(r -> byId(r).keySet().containsAll(ids), Duration.ofSeconds(60));
                List<Received> got = collector.drain(Duration.ofSeconds(3));
                assertExactlyOnceInOrder(ids, got);
            }
        } finally {
            pool.shutdownNow();
            extra.forEach(OutboxRelay::stop);
            producers.forEach(Producer::close);
        }
        assertEquals(0, db().count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL"));
    }

    /** Every event of the source exactly once; per partition in sequence order; sequences contiguous. */
    static void assertExactlyOnceInOrder(List<String> expectedIds, List<Received> got) {
        List<Received> ours = got.stream().filter(r -> SOURCE.equals(r.event().source())).toList();
        byId(ours).forEach((id, copies) -> assertEquals(1, copies.size(), "event " + id + " arrived once"));
        assertInOrder(expectedIds, ours);
    }

    /**
     * The relay's contract across a broker outage: every event at least once. A batch the broker
     * wrote but never acknowledged is sent again, so a copy may repeat; a repeat is the identical
     * event (same id, same sequence) and comes after its first copy, so a consumer that drops a
     * sequence it has already seen on a partition (or an id it has stored) sees each event once, in order.
     */
    static void assertAtLeastOnceInOrder(List<String> expectedIds, List<Received> got) {
        List<Received> ours = got.stream().filter(r -> SOURCE.equals(r.event().source())).toList();
        List<Received> firstCopies = new ArrayList<>();
        Map<Integer, String> highestPerPartition = new HashMap<>();
        List<Received> byOffset = ours.stream()
                .sorted(Comparator.comparingInt(Received::partition).thenComparingLong(Received::offset)).toList();
        Map<String, Received> seen = new HashMap<>();
        for (Received r : byOffset) {
            Received first = seen.putIfAbsent(r.event().id(), r);
            if (first != null) {
                assertEquals(first.event(), r.event(), "a repeated event is an identical copy");
                assertEquals(first.partition(), r.partition(), "a repeat lands on its first copy's partition");
                continue;
            }
            String highest = highestPerPartition.get(r.partition());
            if (highest == null || highest.compareTo(r.event().sequence()) < 0) {
                highestPerPartition.put(r.partition(), r.event().sequence());
                firstCopies.add(r);
            } else {
                throw new AssertionError("new event " + r.event().id() + " behind sequence " + highest
                        + " on partition " + r.partition());
            }
        }
        assertInOrder(expectedIds, firstCopies);
    }

    private static void assertInOrder(List<String> expectedIds, List<Received> ours) {
        Map<String, List<Received>> byId = byId(ours);
        for (String id : expectedIds) {
            assertTrue(byId.containsKey(id), "event " + id + " arrived");
        }
        List<Long> sequences = ours.stream().map(r -> Long.parseLong(r.event().sequence())).sorted().toList();
        Set<Long> distinct = new HashSet<>(sequences);
        assertEquals(sequences.size(), distinct.size(), "no sequence used twice");
        for (int i = 1; i < sequences.size(); i++) {
            assertEquals(sequences.get(i - 1) + 1, sequences.get(i), "sequences are contiguous");
        }
        Map<Integer, List<Received>> perPartition = ours.stream()
                .collect(Collectors.groupingBy(Received::partition));
        perPartition.forEach((p, records) -> {
            List<Received> byOffset = records.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList();
            for (int i = 1; i < byOffset.size(); i++) {
                assertTrue(byOffset.get(i - 1).event().sequence().compareTo(byOffset.get(i).event().sequence()) < 0,
                        "partition " + p + " holds its events in sequence order");
            }
        });
    }

    void awaitAllPublished() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (db().count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outbox did not drain");
            }
            Thread.sleep(100);
        }
    }
}
