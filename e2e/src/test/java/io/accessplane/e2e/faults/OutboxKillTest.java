package io.accessplane.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.cli.OpenStackCli;
import io.accessplane.e2e.stack.Api;
import io.accessplane.e2e.stack.LocalStack;
import io.accessplane.e2e.stack.ServiceDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A service killed (SIGKILL) after its database commit and before its Kafka publish: with the
 * broker down, a security group and a key pair are made (their outbox rows committed, unpublished),
 * then both services are killed; after {@code stack up} both events reach the audit log once.
 */
class OutboxKillTest {

    @Test
    void eventsCommittedButUnpublishedWhenTheServiceDiesArePublishedAfterRestart() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser owner = admin.newProjectUser("outbox-kill", "member");
        String token = owner.cli().run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim();
        String group = "outbox-kill-group-" + UUID.randomUUID();
        String key = "outbox-kill-key-" + UUID.randomUUID();

        LocalStack.kill("kafka");
        Api.Reply g = Api.call("POST", Api.NETWORK + "/v2.0/security-groups", token,
                "{\"security_group\":{\"name\":\"" + group + "\"}}");
        assertEquals(201, g.status(), g.body());
        Api.Reply k = Api.call("POST", Api.COMPUTE + "/v2.1/os-keypairs", token,
                "{\"keypair\":{\"name\":\"" + key + "\",\"public_key\":\"" + Api.newOpenSshKey() + "\"}}");
        assertEquals(200, k.status(), k.body());
        assertEquals("1", pending("secgroups", group), "the group's event is committed and not yet published");
        assertEquals("1", pending("keypairs", key), "the key pair's event is committed and not yet published");

        LocalStack.kill("secgroup-service");
        LocalStack.kill("keypair-service");
        LocalStack.up();

        AuditTrail trail = new AuditTrail(admin.run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim());
        String project = KafkaOutageTest.projectId(admin, owner.project());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<JsonNode> chain = List.of();
        while (System.nanoTime() < deadline) {
            chain = trail.events(project);
            if (count(chain, group) >= 1 && count(chain, key) >= 1) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(1, count(chain, group), "the group's creation is in the audit log once");
        assertEquals(1, count(chain, key), "the key pair's import is in the audit log once");
        assertEquals("0", pending("secgroups", group), "published after the restart");
        assertEquals("0", pending("keypairs", key), "published after the restart");
        trail.assertIntact(project, chain.size());
    }

    /** Unpublished outbox rows that mention a (unique) name. */
    private static String pending(String database, String name) throws Exception {
        return ServiceDatabase.of(database).value("SELECT count(*) FROM outbox_event WHERE published_at IS NULL"
                + " AND payload::text LIKE '%" + name + "%'");
    }

    private static long count(List<JsonNode> chain, String name) {
        return chain.stream().filter(e -> name.equals(e.at("/data/target/name").asText())
                && "create".equals(e.at("/data/action").asText())).count();
    }
}
