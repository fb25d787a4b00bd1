package io.accessplane.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.cli.OpenStackCli;
import io.accessplane.e2e.stack.Api;
import io.accessplane.e2e.stack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 2,000 security-group changes in two projects through the Neutron API while the Kafka broker is
 * killed (SIGKILL) after the 600th and started again after the 1,400th: every call succeeds, and the
 * audit log ends up with every event exactly once, in each project's order, its chains intact.
 */
class KafkaOutageTest {

    static final int CHANGES = 2_000;
    static final int KILL_AT = 600;
    static final int RESTART_AT = 1_400;

    @Test
    void changesDuringABrokerOutageAreAllDeliveredOnceAndInOrder() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        List<OpenStackCli.ProjectUser> owners = List.of(admin.newProjectUser("kafka-outage", "member"),
                admin.newProjectUser("kafka-outage", "member"));
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(owners.size());
        List<Future<List<String>>> groups = new ArrayList<>();
        for (OpenStackCli.ProjectUser owner : owners) {
            String token = owner.cli().run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim();
            groups.add(pool.submit(() -> createAndDelete(token, CHANGES / owners.size() / 2, done, failures)));
        }
        awaitCount(done, KILL_AT);
        long killedAt = System.nanoTime();
        LocalStack.kill("kafka");
        awaitCount(done, RESTART_AT);
        LocalStack.up();
        long outageMs = (System.nanoTime() - killedAt) / 1_000_000;
        List<List<String>> ids = new ArrayList<>();
        for (Future<List<String>> f : groups) {
            ids.add(f.get());
        }
        pool.shutdown();
        assertTrue(failures.isEmpty(), "calls failed while the broker was down: " + failures);
        assertEquals(CHANGES, done.get());

        AuditTrail trail = new AuditTrail(admin.run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        for (int p = 0; p < owners.size(); p++) {
            String project = projectId(admin, owners.get(p).project());
            List<JsonNode> chain = List.of();
            Map<String, List<String>> actions = Map.of();
            while (System.nanoTime() < deadline) {
                chain = trail.events(project);
                Map<String, List<String>> seen = actionsByTarget(chain);
                actions = seen;
                if (ids.get(p).stream().allMatch(id -> seen.getOrDefault(id, List.of()).size() >= 2)) {
                    break;
                }
                Thread.sleep(1000);
            }
            for (String id : ids.get(p)) {
                assertEquals(List.of("create", "delete"), actions.getOrDefault(id, List.of()),
                        "the audit log of group " + id + " (broker down for " + outageMs + " ms)");
            }
            AuditTrail.assertSourceOrder(project, chain);
            trail.assertIntact(project, chain.size());
        }
        System.out.printf("kafka outage: %d changes, broker down %d ms, every event stored once, in order%n",
                CHANGES, outageMs);
    }

    private static List<String> createAndDelete(String token, int pairs, AtomicInteger done,
            ConcurrentLinkedQueue<String> failures) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Api.Reply created = Api.call("POST", Api.NETWORK + "/v2.0/security-groups", token,
                    "{\"security_group\":{\"name\":\"outage-" + i + "\"}}");
            done.incrementAndGet();
            if (created.status() != 201) {
                failures.add("create " + i + ": " + created.status() + " " + created.body());
                continue;
            }
            String id = created.json().at("/security_group/id").asText();
            ids.add(id);
            Api.Reply deleted = Api.call("DELETE", Api.NETWORK + "/v2.0/security-groups/" + id, token, null);
            done.incrementAndGet();
            if (deleted.status() != 204) {
                failures.add("delete " + id + ": " + deleted.status() + " " + deleted.body());
            }
        }
        return ids;
    }

    private static Map<String, List<String>> actionsByTarget(List<JsonNode> chain) {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode e : chain) {
            out.computeIfAbsent(e.at("/data/target/id").asText(), k -> new ArrayList<>()).add(e.at("/data/action").asText());
        }
        return out;
    }

    static String projectId(OpenStackCli admin, String projectName) {
        return admin.json("project", "show", projectName).get("id").asText();
    }

    private static void awaitCount(AtomicInteger done, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (done.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + done.get() + " changes made in 300 s");
            }
            Thread.sleep(20);
        }
    }
}
