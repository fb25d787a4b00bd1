package io.accessplane.e2e.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.e2e.cli.OpenStackCli;
import io.accessplane.e2e.stack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The running audit service killed with SIGKILL in the middle of ingesting, then started again by
 * {@code stack up}: 10,000 events published before, during and after the outage is stored exactly
 * once, and the chains verify.
 */
class AuditCrashTest {

    static final int EVENTS = 10_000;
    static final int PROJECTS = 4;
    static final String KAFKA = System.getProperty("accessplane.kafka", "127.0.0.1:9092");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void killedMidIngestAndRestartedLosesAndDuplicatesNothing() throws Exception {
        String user = "crash-" + UUID.randomUUID();
        String source = "/e2e/crash-" + UUID.randomUUID();
        Set<String> sent = new HashSet<>();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= EVENTS; i++) {
                String project = "crash-project-" + (i % PROJECTS) + "-" + user;
                String id = UUID.randomUUID().toString();
                sent.add(id);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>("accessplane.keypair.events", project,
                        event(id, source, i, project, user).getBytes(StandardCharsets.UTF_8));
                r.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(r);
                if (i == EVENTS / 3) {
                    producer.flush();
                    Thread.sleep(150); // let the ingest loop be in the middle of its batches
                    LocalStack.kill("audit-service");
                }
            }
            producer.flush();
        }
        LocalStack.up();

        AuditApi api = new AuditApi(OpenStackCli.admin().run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<String> stored = List.of();
        while (System.nanoTime() < deadline) {
            stored = storedIds(api, user);
            if (stored.size() >= EVENTS) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(EVENTS, stored.size(), "every event stored, none twice");
        assertEquals(sent, new HashSet<>(stored));
        for (int k = 0; k < PROJECTS; k++) {
            AuditApi.Reply v = api.get("/v1/integrity/verify?project_id=crash-project-" + k + "-" + user);
            assertEquals(200, v.status());
            assertTrue(v.body().get("intact").asBoolean(), v.body().toString());
            assertEquals(EVENTS / PROJECTS, v.body().at("/projects/0/records_checked").asLong());
        }
    }

    private static List<String> storedIds(AuditApi api, String user) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        String next = null;
        do {
            AuditApi.Reply page = api.get("/v1/events?limit=1000&user_id=" + user + (next == null ? "" : "&cursor=" + next));
            assertEquals(200, page.status(), page.body().toString());
            page.body().get("events").forEach(e -> ids.add(e.get("id").asText()));
            JsonNode n = page.body().get("next");
            next = n == null || n.isNull() ? null : n.asText();
        } while (next != null);
        return ids;
    }

    private static String event(String id, String source, long sequence, String project, String user) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("specversion", "1.0").put("id", id).put("source", source).put("type", "io.accessplane.keypair.created.v1")
                .put("subject", user + "/k" + sequence).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").put("partitionkey", project)
                .put("sequence", String.format("%020d", sequence));
        ObjectNode data = e.putObject("data");
        data.put("action", "create").put("outcome", "success");
        data.putObject("initiator").put("user_id", user).put("project_id", project).put("source_address", "192.0.2.20");
        data.putObject("target").put("type", "keypair").put("id", user + "/k" + sequence).put("name", "k" + sequence)
                .put("owner_project_id", project).put("owner_user_id", user);
        data.putObject("resource").put("name", "k" + sequence).put("user_id", user).put("algorithm", "ed25519")
                .put("bits", 256).put("generated", true);
        return e.toString();
    }
}
