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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Security group rates against the running secgroup-service: rule creation into one group, and
 * list, show and evaluate latency once the group holds 100, 1,000 and 10,000 rules. The way to
 * 10,000 is seeded with Neutron's bulk create (its own row), and single creates are measured over
 * the last {@value #SAMPLE} rules. Median of {@value #RUNS} runs; written to docs/PERFORMANCE.md.
 */
@Order(70)
class SecgroupBenchmark {

    static final int RUNS = 3;
    static final String BASE = "http://127.0.0.1:9696/v2.0";
    static final int CONCURRENCY = 16;
    static final int[] SIZES = {100, 1000, 10000};
    /** Sizes above this are reached by bulk creates, then single creates over the last {@value #SAMPLE} rules. */
    static final int SINGLE_UP_TO = 1000;
    static final int SAMPLE = 500;
    static final int BULK = 500;
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
        String body = PerformanceReport.table(medians) + "\n" + growth(medians) + String.format(Locale.ROOT, """
                - "create rule": distinct TCP rules (one port each, from 10.0.0.0/8) into one group, %d in
                  flight; every create takes the project's lock and checks the group's rules for a duplicate,
                  so the rate is the rate of a growing group. Sizes are the group's rules after the creates
                  (plus its 2 template rules). Beyond %,d rules the group is seeded by bulk creates
                  (`{"security_group_rules": [...]}`, %d rules a request, one request at a time) up to
                  %,d rules short of the size, and single creates are measured over those last %,d.
                - "list rules of the group": `GET /v2.0/security-group-rules?security_group_id=...`;
                  "show group": `GET /v2.0/security-groups/{id}` (rules embedded); "evaluate": a flow that
                  matches no rule, so every rule is examined; all one at a time, %d requests each.
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, CONCURRENCY, SINGLE_UP_TO, BULK, SAMPLE, SAMPLE, READS, RUNS);
        System.out.println(body);
        PerformanceReport.write("secgroups", "Security groups (secgroup-service)", body,
                PerformanceReport.COMMAND + " -Dtest=SecgroupBenchmark");
    }

    List<Load.Result> oneRun() throws Exception {
        List<Load.Result> results = new ArrayList<>();
        String group = JSON.readTree(send("POST", "/security-groups",
                "{\"security_group\":{\"name\":\"bench-" + UUID.randomUUID().toString().substring(0, 8) + "\"}}", 201))
                .get("security_group").get("id").asText();
        try {
            int made = 0;
            for (int size : SIZES) {
                if (size > SINGLE_UP_TO) {
                    results.add(bulk(group, made, size - SAMPLE));
                    made = size - SAMPLE;
                }
                int from = made;
                int count = size - made;
                String grows = size > SINGLE_UP_TO ? "group grows from " + String.format(Locale.ROOT, "%,d", from) + " to "
                        + String.format(Locale.ROOT, "%,d", size) : "group grows to " + String.format(Locale.ROOT, "%,d", size);
                results.add(Load.run("create rule (" + grows + ")", CONCURRENCY, count,
                        i -> request("POST", "/security-group-rules", "{\"security_group_rule\":{\"security_group_id\":\""
                                + group + "\",\"direction\":\"ingress\",\"protocol\":\"tcp\",\"port_range_min\":"
                                + (from + i + 1) + ",\"port_range_max\":" + (from + i + 1)
                                + ",\"remote_ip_prefix\":\"10.0.0.0/8\"}}"), 201));
                made = size;
                String rules = String.format(Locale.ROOT, "%,d rules", size);
                results.add(Load.run("list rules of the group (" + rules + ")", 1, READS,
                        i -> request("GET", "/security-group-rules?security_group_id=" + group, null), 200));
                results.add(Load.run("show group (" + rules + ")", 1, READS,
                        i -> request("GET", "/security-groups/" + group, null), 200));
                results.add(Load.run("evaluate (" + rules + ")", 1, READS,
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

    /**
     * Seeds the group from {@code from} to {@code to} rules with bulk creates of {@value #BULK} rules, one
     * request at a time; the result's rate is rules per second, its latencies are per request.
     */
    Load.Result bulk(String group, int from, int to) throws Exception {
        List<Long> latencies = new ArrayList<>();
        int errors = 0;
        long start = System.nanoTime();
        for (int first = from; first < to; first += BULK) {
            StringBuilder b = new StringBuilder("{\"security_group_rules\":[");
            for (int i = first; i < Math.min(to, first + BULK); i++) {
                if (i > first) {
                    b.append(',');
                }
                b.append("{\"security_group_id\":\"").append(group).append("\",\"direction\":\"ingress\",")
                        .append("\"protocol\":\"tcp\",\"port_range_min\":").append(i + 1).append(",\"port_range_max\":")
                        .append(i + 1).append(",\"remote_ip_prefix\":\"10.0.0.0/8\"}");
            }
            b.append("]}");
            long t0 = System.nanoTime();
            HttpResponse<String> r = Load.HTTP.send(request("POST", "/security-group-rules", b.toString()),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            if (r.statusCode() != 201) {
                errors++;
                System.out.printf("bulk create: %d %.300s%n", r.statusCode(), r.body());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load.Result(String.format(Locale.ROOT, "bulk create, %d rules a request (seeds %,d to %,d; rate in rules/s)",
                BULK, from, to), 1, to - from, errors, seconds, (to - from) / seconds, Load.percentile(sorted, 0.5) / 1e6,
                Load.percentile(sorted, 0.99) / 1e6);
    }

    /**
     * How each operation's cost grows with the group's size, from the medians: per tenfold size, the
     * factor of its p50 (and of the create rate), and the exponent b of cost ~ size^b.
     */
    static String growth(List<Load.Result> medians) {
        StringBuilder b = new StringBuilder("- Growth with the group's size (from the medians above; b in cost ~ size^b,"
                + " b = 1 is linear, 0 is flat):\n");
        String[] ops = {"create rule", "list rules of the group", "show group", "evaluate"};
        for (String op : ops) {
            List<Load.Result> rows = new ArrayList<>();
            for (int size : SIZES) {
                String at = String.format(Locale.ROOT, "%,d", size);
                for (Load.Result r : medians) {
                    boolean create = op.equals("create rule");
                    if (r.scenario().startsWith(op) && (create ? r.scenario().endsWith(" to " + at + ")")
                            : r.scenario().contains("(" + at + " rules)"))) {
                        rows.add(r);
                    }
                }
            }
            b.append("  - ").append(op).append(": ");
            for (int i = 1; i < rows.size(); i++) {
                double sizeFactor = (double) SIZES[i] / SIZES[i - 1];
                boolean create = op.equals("create rule");
                // For creates, cost is the time per rule (1 / rate); for reads, the p50.
                double costFactor = create ? rows.get(i - 1).rate() / rows.get(i).rate()
                        : rows.get(i).p50Ms() / rows.get(i - 1).p50Ms();
                b.append(String.format(Locale.ROOT, "%s%,d to %,d rules: %s x%.2f (b = %.2f)", i > 1 ? "; " : "",
                        SIZES[i - 1], SIZES[i], create ? "time per rule" : "p50", costFactor,
                        Math.log(costFactor) / Math.log(sizeFactor)));
            }
            b.append('\n');
        }
        return b.toString();
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
