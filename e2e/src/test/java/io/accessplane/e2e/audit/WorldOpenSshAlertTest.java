package io.accessplane.e2e.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.e2e.cli.OpenStackCli;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Issue #6's end-to-end case: a rule opening SSH to 0.0.0.0/0, made with the real {@code openstack}
 * client, raises D1 in the running audit service, visible in {@code /v1/alerts}, on the alerts topic,
 * and its triggering event is in the activity log and verifies in the project's chain.
 */
class WorldOpenSshAlertTest {

    static final String KAFKA = System.getProperty("accessplane.kafka", "127.0.0.1:9092");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sshOpenToTheWorldRaisesD1InTheApiAndOnTheAlertsTopic() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser owner = admin.newProjectUser("audit", "member");
        String group = owner.cli().json("security", "group", "create", "audit-ssh").get("id").asText();
        AuditApi api = new AuditApi(admin.run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim());
        JsonNode rule = owner.cli().json("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port",
                "22", "--remote-ip", "0.0.0.0/0", group);
        String ruleId = rule.get("id").asText();
        String projectId = rule.get("project_id").asText();
        long madeAt = System.nanoTime();

        JsonNode alert = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (alert == null && System.nanoTime() < deadline) {
            AuditApi.Reply page = api.get("/v1/alerts?detector=D1&project_id=" + projectId);
            assertEquals(200, page.status(), page.body().toString());
            if (page.body().get("alerts").size() > 0) {
                alert = page.body().get("alerts").get(0);
            } else {
                Thread.sleep(200);
            }
        }
        long latencyMs = (System.nanoTime() - madeAt) / 1_000_000;
        assertNotNull(alert, "D1 for rule " + ruleId + " within 60 s");
        assertEquals("D1:" + ruleId, alert.get("dedup_key").asText());
        assertEquals("high", alert.get("severity").asText());
        assertEquals("open", alert.get("state").asText());
        System.out.printf("D1 alert visible %d ms after the CLI returned%n", latencyMs);

        String eventId = alert.get("event_ids").get(0).asText();
        AuditApi.Reply event = api.get("/v1/events/" + eventId);
        assertEquals(200, event.status());
        assertEquals("io.accessplane.security_group_rule.created.v1", event.body().at("/event/type").asText());
        assertEquals(ruleId, event.body().at("/event/subject").asText());

        // The project's member sees its alert; its project's chain verifies.
        AuditApi member = new AuditApi(owner.cli().run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim());
        AuditApi.Reply mine = member.get("/v1/alerts?detector=D1");
        assertEquals(200, mine.status());
        assertTrue(mine.body().get("alerts").findValuesAsText("dedup_key").contains("D1:" + ruleId));
        AuditApi.Reply verified = member.get("/v1/integrity/verify");
        assertEquals(200, verified.status());
        assertTrue(verified.body().get("intact").asBoolean(), verified.body().toString());

        String alertId = alert.get("id").asText();
        List<JsonNode> published = alertsOnTopic(alertId, Duration.ofSeconds(30));
        assertEquals(1, published.size(), "the alert is published once on accessplane.audit.alerts");
        JsonNode e = published.get(0);
        assertEquals("io.accessplane.alert.raised.v1", e.get("type").asText());
        assertEquals(projectId, e.get("partitionkey").asText());
        assertEquals("D1:" + ruleId, e.at("/data/resource/dedup_key").asText());

        // Operators triage it: the member acknowledges, an admin resolves.
        AuditApi.Reply ack = member.post("/v1/alerts/" + alertId + "/acknowledge");
        assertEquals(200, ack.status(), ack.body().toString());
        assertEquals("acknowledged", ack.body().at("/alert/state").asText());
        AuditApi.Reply resolved = api.post("/v1/alerts/" + alertId + "/resolve");
        assertEquals(200, resolved.status());
        assertEquals("resolved", resolved.body().at("/alert/state").asText());
    }

    private static List<JsonNode> alertsOnTopic(String alertId, Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = "accessplane.audit.alerts";
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<TopicPartition, Long> ends = new java.util.HashMap<>(c.endOffsets(parts));
            while (System.nanoTime() < deadline && (found.isEmpty()
                    || parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp)))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    JsonNode e = MAPPER.readTree(new String(r.value(), StandardCharsets.UTF_8));
                    if (alertId.equals(e.path("subject").asText()) && e.path("type").asText().endsWith("raised.v1")) {
                        found.add(e);
                    }
                }
                if (found.isEmpty()) {
                    ends.putAll(c.endOffsets(parts));
                }
            }
        }
        return found;
    }
}
