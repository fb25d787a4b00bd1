package io.accessplane.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.e2e.cli.OpenStackCli;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The audit service against the running stack: how many events per second it stores, and how long
 * after an API change returns the change is queryable in {@code /v1/events} and its alert is in
 * {@code /v1/alerts}. Median of {@value #RUNS} runs; written to docs/PERFORMANCE.md.
 */
@Order(80)
class AuditBenchmark {

    static final int RUNS = 3;
    static final int INGEST_EVENTS = 20_000;
    static final int CHANGES = 200;
    static final int ALERTS = 100;
    static final String AUDIT = "http://127.0.0.1:8777";
    static final String NETWORK = "http://127.0.0.1:9696/v2.0";
    static final String KAFKA = System.getProperty("accessplane.kafka", "127.0.0.1:9092");
    static final Pattern STORED = Pattern.compile("(?m)^accessplane_audit_events_stored_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$");
    static final ObjectMapper JSON = new ObjectMapper();

    String token;
    String project;

    @Test
    void auditRates() throws Exception {
        JsonNode issued = OpenStackCli.admin().json("token", "issue");
        token = issued.get("id").asText();
        project = issued.get("project_id").asText();
        send("PUT", NETWORK + "/quotas/" + project, "{\"quota\":{\"security_group_rule\":-1,\"security_group\":-1}}", 200);
        settle();
        List<List<Load.Result>> runs = new ArrayList<>();
        try {
            for (int run = 0; run < RUNS; run++) {
                List<Load.Result> results = new ArrayList<>();
                results.add(ingest());
                String group = JSON.readTree(send("POST", NETWORK + "/security-groups", "{\"security_group\":{\"name\":"
                        + "\"audit-bench-" + UUID.randomUUID().toString().substring(0, 8) + "\"}}", 201))
                        .get("security_group").get("id").asText();
                try {
                    results.add(changeToQueryable(group));
                    results.add(changeToAlert(group));
                } finally {
                    send("DELETE", NETWORK + "/security-groups/" + group, null, 204);
                }
                runs.add(results);
                int number = run + 1;
                results.forEach(r -> System.out.printf(Locale.ROOT, "run %d: %s%n", number, r));
            }
        } finally {
            send("DELETE", NETWORK + "/quotas/" + project, null, 204);
        }
        String body = PerformanceReport.table(Load.medians(runs)) + String.format(Locale.ROOT, """

                - "ingest": %,d key pair events published straight to `accessplane.keypair.events` (structured
                  CloudEvents, 20 projects, as fast as one producer sends them); the rate is events stored per
                  second from the first send until audit-service's `accessplane_audit_events_stored_total`
                  has grown by all of them (each stored once, chained, projected, run through the detectors).
                  p50/p99 are not per event there.
                - "change to queryable": a security group rule created with `POST /v2.0/security-group-rules`,
                  one at a time; latency from the API's response to the rule's event being returned by
                  `GET /v1/events?target_id=<rule>` (polled every 5 ms). It includes the outbox relay, Kafka,
                  the ingest transaction and the query.
                - "change to alert": a rule opening a port outside the allowlist to 0.0.0.0/0, one at a time;
                  latency from the API's response to its D3 alert in `GET /v1/alerts` (polled every 5 ms).
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, INGEST_EVENTS, RUNS);
        System.out.println(body);
        PerformanceReport.write("audit", "Audit (audit-service)", body);
    }

    /** Waits until the audit service has caught up with what is already on the topics (no growth for 3 s). */
    void settle() throws Exception {
        double last = storedCounter();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 3_000_000_000L) {
            Thread.sleep(250);
            double now = storedCounter();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    Load.Result ingest() throws Exception {
        double before = storedCounter();
        String source = "/bench/ingest-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long start;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            start = System.nanoTime();
            for (int i = 0; i < INGEST_EVENTS; i++) {
                String proj = "bench-project-" + (i % 20);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>("accessplane.keypair.events", proj,
                        event(source, i + 1, proj).getBytes(StandardCharsets.UTF_8));
                r.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
        while (storedCounter() < before + INGEST_EVENTS) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Load.Result("ingest (events stored)", 1, INGEST_EVENTS, 0, seconds, INGEST_EVENTS / seconds,
                Double.NaN, Double.NaN);
    }

    Load.Result changeToQueryable(String group) throws Exception {
        long[] latencies = new long[CHANGES];
        long start = System.nanoTime();
        for (int i = 0; i < CHANGES; i++) {
            String rule = createRule(group, 20000 + i, "10.0.0.0/8");
            long t0 = System.nanoTime();
            while (JSON.readTree(send("GET", AUDIT + "/v1/events?limit=1&target_id=" + rule, null, 200))
                    .get("events").isEmpty()) {
                Thread.sleep(5);
            }
            latencies[i] = System.nanoTime() - t0;
        }
        return Load.summarise("change to queryable", 1, latencies, 0, (System.nanoTime() - start) / 1e9);
    }

    Load.Result changeToAlert(String group) throws Exception {
        long[] latencies = new long[ALERTS];
        long start = System.nanoTime();
        for (int i = 0; i < ALERTS; i++) {
            String rule = createRule(group, 30000 + i, "0.0.0.0/0");
            long t0 = System.nanoTime();
            while (!JSON.readTree(send("GET", AUDIT + "/v1/alerts?limit=10&detector=D3&project_id=" + project, null, 200))
                    .get("alerts").findValuesAsText("dedup_key").contains("D3:" + rule)) {
                Thread.sleep(5);
            }
            latencies[i] = System.nanoTime() - t0;
        }
        return Load.summarise("change to alert", 1, latencies, 0, (System.nanoTime() - start) / 1e9);
    }

    String createRule(String group, int port, String cidr) throws Exception {
        return JSON.readTree(send("POST", NETWORK + "/security-group-rules", "{\"security_group_rule\":{"
                + "\"security_group_id\":\"" + group + "\",\"direction\":\"ingress\",\"protocol\":\"tcp\","
                + "\"port_range_min\":" + port + ",\"port_range_max\":" + port + ",\"remote_ip_prefix\":\"" + cidr
                + "\"}}", 201)).get("security_group_rule").get("id").asText();
    }

    static String event(String source, long sequence, String project) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", source)
                .put("type", "io.accessplane.keypair.created.v1").put("subject", "bench-user/k" + sequence)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("partitionkey", project).put("sequence", String.format("%020d", sequence));
        ObjectNode data = e.putObject("data");
        data.put("action", "create").put("outcome", "success");
        data.putObject("initiator").put("user_id", "bench-user").put("project_id", project)
                .put("source_address", "192.0.2.10").put("user_agent", "audit-bench").putArray("roles").add("member");
        data.putObject("target").put("type", "keypair").put("id", "bench-user/k" + sequence).put("name", "k" + sequence)
                .put("owner_project_id", project).put("owner_user_id", "bench-user");
        data.putObject("resource").put("name", "k" + sequence).put("user_id", "bench-user").put("type", "ssh")
                .put("algorithm", "ed25519").put("bits", 256).put("generated", true)
                .put("fingerprint", String.format("%032x", sequence).replaceAll("(..)(?!$)", "$1:"));
        return e.toString();
    }

    double storedCounter() throws Exception {
        String metrics = Load.HTTP.send(HttpRequest.newBuilder(URI.create(AUDIT + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = STORED.matcher(metrics);
        if (!m.find()) {
            throw new IllegalStateException("accessplane_audit_events_stored_total is not on /q/metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    String send(String method, String url, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = Load.HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return r.body();
    }
}
