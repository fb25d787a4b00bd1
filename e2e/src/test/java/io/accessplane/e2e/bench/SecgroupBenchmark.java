package io.accessplane.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.e2e.cli.OpenStackCli;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Security group rates against the running secgroup-service: rule creation into one group, and
 * list, show and evaluate latency once the group holds 100 and 1,000 rules. Median of
 * {@value #RUNS} runs; written to docs/PERFORMANCE.md.
 */
class SecgroupBenchmark {

    static final int RUNS = 3;
    static final String BASE = "http://127.0.0.1:9696/v2.0";
    static final int CONCURRENCY = 16;
    static final int[] SIZES = {100, 1000};
    static final int READS = 30;
    static final ObjectMapper JSON = new ObjectMapper();

    String token;

    @Test
    void securityGroupRates() throws Exception {
        JsonNode issued = OpenStackCli.admin().json("token", "issue");
        token = issued.get("id").asText();
        String project = issued.get("project_id").asText();
        send("PUT", "/quotas/" + project, "{\"quota\":{\"security_group_rule\":-1,\"security_group\":-1}}", 200);
        List<List<Load.Result>> runs = new ArrayList<>();
        try {
            for (int run = 0; run < RUNS; run++) {
                runs.add(oneRun());
                int number = run + 1;
                runs.get(run).forEach(r -> System.out.printf(Locale.ROOT, "run %d: %s%n", number, r));
            }
        } finally {
            send("DELETE", "/quotas/" + project, null, 204);
        }
        List<Load.Result> medians = Load.medians(runs);
        String body = PerformanceReport.table(medians) + String.format(Locale.ROOT, """

                - "create rule": distinct TCP rules (one port each, from 10.0.0.0/8) into one group, %d in
                  flight; every create takes the project's lock and checks the group's rules for a duplicate,
                  so the rate is the rate of a growing group. Sizes are the group's rules after the creates
                  (plus its 2 template rules).
                - "list rules of the group": `GET /v2.0/security-group-rules?security_group_id=...`;
                  "show group": `GET /v2.0/security-groups/{id}` (rules embedded); "evaluate": a flow that
                  matches no rule, so every rule is examined; all one at a time, %d requests each.
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, CONCURRENCY, READS, RUNS);
        System.out.println(body);
        PerformanceReport.write("secgroups", "Security groups (secgroup-service)", body);
    }

    List<Load.Result> oneRun() throws Exception {
        List<Load.Result> results = new ArrayList<>();
        String group = JSON.readTree(send("POST", "/security-groups",
                "{\"security_group\":{\"name\":\"bench-" + UUID.randomUUID().toString().substring(0, 8) + "\"}}", 201))
                .get("security_group").get("id").asText();
        try {
            int made = 0;
            for (int size : SIZES) {
                int from = made;
                int count = size - made;
                results.add(Load.run("create rule (group grows to " + size + ")", CONCURRENCY, count,
                        i -> request("POST", "/security-group-rules", "{\"security_group_rule\":{\"security_group_id\":\""
                                + group + "\",\"direction\":\"ingress\",\"protocol\":\"tcp\",\"port_range_min\":"
                                + (from + i + 1) + ",\"port_range_max\":" + (from + i + 1)
                                + ",\"remote_ip_prefix\":\"10.0.0.0/8\"}}"), 201));
                made = size;
                results.add(Load.run("list rules of the group (" + size + " rules)", 1, READS,
                        i -> request("GET", "/security-group-rules?security_group_id=" + group, null), 200));
                results.add(Load.run("show group (" + size + " rules)", 1, READS,
                        i -> request("GET", "/security-groups/" + group, null), 200));
                results.add(Load.run("evaluate (" + size + " rules)", 1, READS,
                        i -> request("POST", "/security-groups/" + group + "/evaluate", "{\"flow\":{\"direction\":"
                                + "\"ingress\",\"protocol\":\"udp\",\"port\":9,\"remote_ip\":\"192.0.2.1\"}}"), 200));
            }
            int listed = JSON.readTree(send("GET", "/security-group-rules?security_group_id=" + group, null, 200))
                    .get("security_group_rules").size();
            assertEquals(SIZES[SIZES.length - 1] + 2, listed, "every rule was created");
        } finally {
            send("DELETE", "/security-groups/" + group, null, 204);
        }
        return results;
    }

    HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).header("X-Auth-Token", token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    String send(String method, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = Load.HTTP.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return r.body();
    }
}
