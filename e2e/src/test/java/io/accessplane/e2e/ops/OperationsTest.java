package io.accessplane.e2e.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.e2e.audit.AuditApi;
import io.accessplane.e2e.cli.OpenStackCli;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operations against the running stack: every service's {@code /q/metrics} carries the request,
 * outbox, token and audit meters, and a {@code traceparent} sent with a change comes back in that
 * change's audit record.
 */
class OperationsTest {

    static final String IDENTITY = "http://127.0.0.1:" + port("ACCESSPLANE_CREDENTIAL_PORT", "5000");
    static final String COMPUTE = "http://127.0.0.1:" + port("ACCESSPLANE_KEYPAIR_PORT", "8774");
    static final String NETWORK = "http://127.0.0.1:" + port("ACCESSPLANE_SECGROUP_PORT", "9696");
    static final String AUDIT = "http://127.0.0.1:" + port("ACCESSPLANE_AUDIT_PORT", "8777");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String port(String variable, String fallback) {
        return System.getenv().getOrDefault(variable, fallback);
    }

    static String token(OpenStackCli cli) {
        return cli.run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String metrics(String base) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertEquals(200, r.statusCode(), base + "/q/metrics");
        return r.body();
    }

    /** The sum of the samples of {@code name} whose line contains every label of {@code labels}; -1 when none. */
    static double sample(String exposition, String name, String... labels) {
        double sum = -1;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                String value = line.split(" # ", 2)[0]; // an exemplar may follow the value
                sum = Math.max(sum, 0) + Double.parseDouble(value.substring(value.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    static void assertSample(String exposition, String service, String name, String... labels) {
        assertTrue(sample(exposition, name, labels) >= 0, service + " has no " + name + " " + List.of(labels));
    }

    @Test
    void everyServiceExposesItsMetrics() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        String adminToken = token(admin);
        // Some traffic on every service: a token (above), a key pair list, a group list, an audit query.
        for (String url : List.of(COMPUTE + "/v2.1/os-keypairs", NETWORK + "/v2.0/security-groups",
                AUDIT + "/v1/events?limit=1")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", adminToken)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build());
            assertEquals(200, r.statusCode(), url + ": " + r.body());
        }
        String failed = send(HttpRequest.newBuilder(URI.create(IDENTITY + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth\":{\"identity\":{\"methods\":[\"password\"],"
                        + "\"password\":{\"user\":{\"name\":\"ops-nobody-" + UUID.randomUUID() + "\","
                        + "\"domain\":{\"name\":\"Default\"},\"password\":\"not-a-password\"}}}}}"))
                .build()).statusCode() + "";
        assertEquals("401", failed, "an unknown user is refused");

        String identity = metrics(IDENTITY);
        assertTrue(sample(identity, "accessplane_tokens_issued_total", "method=\"password\"") >= 1, identity);
        assertTrue(sample(identity, "accessplane_auth_failures_total", "method=\"password\"",
                "reason=\"unknown_user\"") >= 1, identity);
        assertSample(identity, "credential-service", "http_server_requests_seconds_count", "uri=\"/v3/auth/tokens\"",
                "method=\"POST\"", "status=\"201\"");

        for (String[] service : List.of(new String[] {IDENTITY, "credential-service"},
                new String[] {COMPUTE, "keypair-service"}, new String[] {NETWORK, "secgroup-service"},
                new String[] {AUDIT, "audit-service"})) {
            String m = metrics(service[0]);
            String source = "source=\"/accessplane/" + service[1] + "\"";
            assertSample(m, service[1], "accessplane_outbox_backlog", source);
            assertSample(m, service[1], "accessplane_outbox_published_total", source);
            assertSample(m, service[1], "accessplane_outbox_publish_lag_seconds_count", source);
            assertSample(m, service[1], "accessplane_outbox_publish_failures_total", source);
            assertSample(m, service[1], "http_server_requests_seconds_count", "uri=\"");
            for (String line : m.split("\n")) {
                if (line.startsWith("http_server_requests_seconds_count{")) {
                    assertTrue(!line.matches(".*uri=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-[^\"]*\".*"),
                            service[1] + " tags a raw id as uri: " + line);
                }
            }
        }

        // The token issued above is an event: the audit service ingests it within moments.
        String audit = metrics(AUDIT);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sample(audit, "accessplane_audit_events_ingested_total") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            audit = metrics(AUDIT);
        }
        assertTrue(sample(audit, "accessplane_audit_events_ingested_total") >= 1, audit);
        assertSample(audit, "audit-service", "accessplane_audit_consumer_lag");
        assertSample(audit, "audit-service", "http_server_requests_seconds_count", "uri=\"/v1/events\"");
        // accessplane_audit_alerts_raised_total appears once a detector fires (e.g. the D1 test's world-open SSH).
    }

    @Test
    void aTraceparentSentWithAChangeIsInItsAuditRecord() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser owner = admin.newProjectUser("ops", "member");
        String memberToken = token(owner.cli());
        AuditApi audit = new AuditApi(token(admin));
        SecureRandom random = new SecureRandom();
        byte[] traceBytes = new byte[16];
        byte[] spanBytes = new byte[8];
        random.nextBytes(traceBytes);
        random.nextBytes(spanBytes);
        traceBytes[0] |= 1; // never the all-zero (invalid) id
        spanBytes[0] |= 1;
        String traceId = HexFormat.of().formatHex(traceBytes);
        String parentSpanId = HexFormat.of().formatHex(spanBytes);

        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(NETWORK + "/v2.0/security-groups"))
                .header("X-Auth-Token", memberToken).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"security_group\":{\"name\":\"ops-traced\",\"description\":\"traceparent test\"}}"))
                .build());
        assertEquals(201, created.statusCode(), created.body());
        String groupId = MAPPER.readTree(created.body()).at("/security_group/id").asText();

        JsonNode event = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (event == null && System.nanoTime() < deadline) {
            AuditApi.Reply page = audit.get("/v1/events?target_id=" + groupId + "&type=io.accessplane.security_group");
            assertEquals(200, page.status(), page.body().toString());
            for (JsonNode e : page.body().path("events")) {
                if ("io.accessplane.security_group.created.v1".equals(e.path("type").asText())) {
                    event = e;
                }
            }
            if (event == null) {
                Thread.sleep(250);
            }
        }
        assertNotNull(event, "the group's created event reaches the audit log within 60 s");
        String traceparent = event.path("traceparent").asText(null);
        assertNotNull(traceparent, "the audit record carries a traceparent: " + event);
        assertTrue(traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-01"),
                "the event continues the request's trace " + traceId + ": " + traceparent);

        AuditApi.Reply one = audit.get("/v1/events/" + event.path("id").asText());
        assertEquals(200, one.status(), one.body().toString());
        assertEquals(traceparent, one.body().at("/event/traceparent").asText(), "GET /v1/events/{id} keeps it");
    }
}
