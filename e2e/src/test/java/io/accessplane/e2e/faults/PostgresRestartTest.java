package io.accessplane.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.cli.OpenStackCli;
import io.accessplane.e2e.stack.Api;
import io.accessplane.e2e.stack.LocalPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped (fast shutdown) for four seconds and started again while key pairs and
 * security groups are created and deleted in a loop: calls during the outage answer 503 in their
 * API's own format (never 500), both services serve again by themselves, and every change either
 * happened completely (row and audit event) or not at all.
 */
class PostgresRestartTest {

    /** One create-then-delete loop against one API. */
    private abstract static class Churn implements Runnable {
        final String token;
        final String prefix = "pg-restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        final AtomicBoolean stop;
        final AtomicLong backAt;
        final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        final List<String> created = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        int unavailable;
        volatile int okAfterRestart;
        long firstOkAfterRestart = -1;

        Churn(String token, AtomicBoolean stop, AtomicLong backAt) {
            this.token = token;
            this.stop = stop;
            this.backAt = backAt;
        }

        abstract Api.Reply create(String name);

        abstract Api.Reply delete(String name, String id);

        abstract Api.Reply find(String name);

        abstract String id(Api.Reply created);

        abstract boolean isOwnFault(JsonNode body);

        @Override
        public void run() {
            for (int i = 0; !stop.get(); i++) {
                String name = prefix + i;
                Api.Reply c = create(name);
                if (c.ok()) {
                    created.add(name);
                    long back = backAt.get();
                    if (back != 0) {
                        okAfterRestart++;
                        if (firstOkAfterRestart < 0) {
                            firstOkAfterRestart = (System.nanoTime() - back) / 1_000_000;
                        }
                    }
                    deleteUntilGone(name, id(c));
                } else {
                    check(c, "create " + name);
                    refused.add(name);
                }
            }
        }

        void deleteUntilGone(String name, String id) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                Api.Reply d = delete(name, id);
                if (d.ok() || d.status() == 404) {
                    return;
                }
                check(d, "delete " + name);
                sleep(200);
            }
            wrong.add("delete " + name + " never succeeded");
        }

        void check(Api.Reply r, String what) {
            if (r.status() == 503) {
                unavailable++;
                if (!isOwnFault(r.json())) {
                    wrong.add(what + ": 503 not in the API's error format: " + r.body());
                }
            } else {
                wrong.add(what + ": " + r.status() + " " + r.body());
            }
        }
    }

    @Test
    void callsDuringAnOutageAre503AndBothServicesRecoverByThemselves() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser owner = admin.newProjectUser("pg-restart", "member");
        String token = owner.cli().run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim();
        LocalPostgres postgres = LocalPostgres.onStackPort();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong backAt = new AtomicLong();
        Churn keypairs = new Churn(token, stop, backAt) {
            Api.Reply create(String name) {
                return Api.call("POST", Api.COMPUTE + "/v2.1/os-keypairs", token,
                        "{\"keypair\":{\"name\":\"" + name + "\",\"public_key\":\"" + Api.newOpenSshKey() + "\"}}");
            }

            Api.Reply delete(String name, String id) {
                return Api.call("DELETE", Api.COMPUTE + "/v2.1/os-keypairs/" + name, token, null);
            }

            Api.Reply find(String name) {
                return Api.call("GET", Api.COMPUTE + "/v2.1/os-keypairs/" + name, token, null);
            }

            String id(Api.Reply created) {
                return created.json().at("/keypair/name").asText();
            }

            boolean isOwnFault(JsonNode body) {
                return body.size() == 1 && body.elements().next().path("code").asInt() == 503
                        && body.elements().next().hasNonNull("message");
            }
        };
        Churn groups = new Churn(token, stop, backAt) {
            Api.Reply create(String name) {
                return Api.call("POST", Api.NETWORK + "/v2.0/security-groups", token,
                        "{\"security_group\":{\"name\":\"" + name + "\"}}");
            }

            Api.Reply delete(String name, String id) {
                return Api.call("DELETE", Api.NETWORK + "/v2.0/security-groups/" + id, token, null);
            }

            Api.Reply find(String name) {
                Api.Reply list = Api.call("GET", Api.NETWORK + "/v2.0/security-groups?name=" + name, token, null);
                JsonNode found = list.json().path("security_groups");
                return found.size() == 0 ? new Api.Reply(404, "") : new Api.Reply(200, found.get(0).toString());
            }

            String id(Api.Reply created) {
                return created.json().at("/security_group/id").asText();
            }

            boolean isOwnFault(JsonNode body) {
                return body.has("NeutronError") && body.at("/NeutronError/type").isTextual()
                        && body.at("/NeutronError/message").isTextual();
            }
        };
        Thread k = new Thread(keypairs, "keypair-churn");
        Thread g = new Thread(groups, "group-churn");
        k.start();
        g.start();
        Thread.sleep(3_000);
        postgres.stop();
        Thread.sleep(4_000);
        postgres.start();
        backAt.set(System.nanoTime());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (keypairs.okAfterRestart < 20 || groups.okAfterRestart < 20) {
            if (System.nanoTime() > deadline || !k.isAlive() || !g.isAlive()) {
                stop.set(true);
                fail("not serving again 90 s after PostgreSQL came back: key pairs " + keypairs.okAfterRestart
                        + ", groups " + groups.okAfterRestart + " successful creates");
            }
            Thread.sleep(100);
        }
        stop.set(true);
        k.join(120_000);
        g.join(120_000);

        for (Churn c : List.of(keypairs, groups)) {
            assertTrue(c.wrong.isEmpty(), "answers other than success or 503: " + c.wrong);
            assertTrue(c.unavailable > 0, "the outage was seen (503) by " + c.prefix);
        }
        // A create answered 503 may still have committed (the answer was lost, not the change):
        // such a change must then be whole, with its event; the rest must have left nothing.
        Set<String> createdDespite503 = new java.util.HashSet<>();
        for (Churn c : List.of(keypairs, groups)) {
            for (String name : c.refused) {
                Api.Reply f = c.find(name);
                if (f.ok()) {
                    createdDespite503.add(name);
                    c.created.add(name);
                    c.deleteUntilGone(name, c == groups ? f.json().get("id").asText() : name);
                } else {
                    assertEquals(404, f.status(), f.body());
                }
            }
        }

        AuditTrail trail = new AuditTrail(admin.run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim());
        String project = KafkaOutageTest.projectId(admin, owner.project());
        Predicate<JsonNode> ours = e -> e.at("/data/target/name").asText().startsWith("pg-restart-");
        List<JsonNode> chain = List.of();
        Map<String, List<String>> actions = Map.of();
        long auditDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < auditDeadline) {
            chain = trail.events(project);
            actions = new HashMap<>();
            for (JsonNode e : chain) {
                if (ours.test(e)) {
                    actions.computeIfAbsent(e.at("/data/target/name").asText(), n -> new ArrayList<>())
                            .add(e.at("/data/action").asText());
                }
            }
            final Map<String, List<String>> seen = actions;
            if (keypairs.created.stream().allMatch(n -> seen.getOrDefault(n, List.of()).size() >= 2)
                    && groups.created.stream().allMatch(n -> seen.getOrDefault(n, List.of()).size() >= 2)) {
                break;
            }
            Thread.sleep(500);
        }
        for (Churn c : List.of(keypairs, groups)) {
            for (String name : c.created) {
                assertEquals(List.of("create", "delete"), actions.get(name), "the audit log of " + name);
            }
            for (String name : c.refused) {
                if (!createdDespite503.contains(name)) {
                    assertEquals(null, actions.get(name), name + " was refused and left no event");
                }
            }
        }
        AuditTrail.assertSourceOrder(project, chain);
        trail.assertIntact(project, chain.size());
        System.out.printf("postgres restart: key pairs %d made, %d answered 503, first success %d ms after the restart;"
                + " groups %d made, %d answered 503, first success %d ms after; %d committed despite a 503%n",
                keypairs.created.size(), keypairs.unavailable, keypairs.firstOkAfterRestart, groups.created.size(),
                groups.unavailable, groups.firstOkAfterRestart, createdDespite503.size());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
