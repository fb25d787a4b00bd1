package io.accessplane.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.audit.AuditApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A project's activity as the audit service stored it: every event, in chain order, and its integrity. */
final class AuditTrail {

    private final AuditApi api;

    AuditTrail(String adminToken) {
        this.api = new AuditApi(adminToken);
    }

    /** Every stored event of a project, in chain order. */
    List<JsonNode> events(String project) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        do {
            AuditApi.Reply page = api.get("/v1/events?limit=1000&project_id=" + enc(project)
                    + (next == null ? "" : "&cursor=" + enc(next)));
            assertEquals(200, page.status(), page.body().toString());
            page.body().get("events").forEach(all::add);
            JsonNode n = page.body().get("next");
            next = n == null || n.isNull() ? null : n.asText();
        } while (next != null);
        all.sort(Comparator.comparingLong(e -> e.at("/audit/chain_index").asLong()));
        return all;
    }

    /** Asserts that, along the project's chain, each source's events come in the order of their sequence numbers. */
    static void assertSourceOrder(String project, List<JsonNode> chain) {
        Map<String, Long> last = new HashMap<>();
        for (JsonNode e : chain) {
            long seq = Long.parseLong(e.get("sequence").asText());
            Long before = last.put(e.get("source").asText(), seq);
            assertTrue(before == null || before < seq, "project " + project + ": sequence " + seq + " of "
                    + e.get("source").asText() + " stored after " + before);
        }
    }

    /** Asserts that the project's chain verifies intact and holds this many records. */
    void assertIntact(String project, int records) throws Exception {
        AuditApi.Reply v = api.get("/v1/integrity/verify?project_id=" + enc(project));
        assertEquals(200, v.status(), v.body().toString());
        assertTrue(v.body().get("intact").asBoolean(), v.body().toString());
        assertEquals(records, v.body().at("/projects/0/records_checked").asLong(), v.body().toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
