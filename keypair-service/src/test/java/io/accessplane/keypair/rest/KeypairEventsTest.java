package io.accessplane.keypair.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.testing.EventCollector;
import io.accessplane.platform.testing.EventCollector.Received;
import io.accessplane.platform.testing.TestDatabase;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Key pair events say what was created and deleted, by whom; a private key never leaves the response. */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class KeypairEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void createdDeletedAndDeniedEventsWithoutPrivateKeys() throws Exception {
        String user = "ev" + UUID.randomUUID().toString().replace("-", "");
        String token = TestTokens.sign(TestTokens.claims(user, "project-" + user, List.of("member")));
        var generated = given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.10")
                .contentType(ContentType.JSON).body(Map.of("keypair", Map.of("name", "ev-gen", "key_algorithm", "ed25519")))
                .post("/v2.1/os-keypairs").then().statusCode(201).extract();
        String privateKey = generated.path("keypair.private_key");
        String body = privateKey.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.10")
                .delete("/v2.1/os-keypairs/ev-gen").then().statusCode(204);
        String reader = TestTokens.sign(TestTokens.claims("r" + user, "project-" + user, List.of("reader")));
        given().header("X-Auth-Token", reader).header("OpenStack-API-Version", "compute 2.10")
                .delete("/v2.1/os-keypairs/ev-gen").then().statusCode(403);

        List<Received> mine;
        try (EventCollector events = new EventCollector(bootstrap, "accessplane.keypair.events")) {
            mine = events.pollUntil(r -> has(r, "io.accessplane.keypair.created.v1", user + "/ev-gen")
                    && has(r, "io.accessplane.keypair.deleted.v1", user + "/ev-gen")
                    && has(r, "io.accessplane.authorization.denied.v1", "r" + user + "/ev-gen"), Duration.ofSeconds(30));
        }
        CloudEvent created = mine.stream().map(Received::event)
                .filter(e -> e.type().equals("io.accessplane.keypair.created.v1") && e.subject().equals(user + "/ev-gen"))
                .findFirst().orElseThrow();
        assertEquals("/accessplane/keypair-service", created.source());
        assertEquals("project-" + user, created.partitionKey());
        assertEquals("ed25519", created.data().resource().get("algorithm").asText());
        assertEquals(256, created.data().resource().get("bits").asInt());
        assertTrue(created.data().resource().get("generated").asBoolean());
        assertTrue(created.data().resource().get("fingerprint_sha256").asText().startsWith("SHA256:"));
        assertEquals(user, created.data().initiator().userId());
        assertTrue(mine.stream().anyMatch(r -> r.event().type().equals("io.accessplane.keypair.deleted.v1")
                && r.event().subject().equals(user + "/ev-gen")));

        for (Received r : mine) {
            String json = EventJson.write(r.event());
            assertFalse(json.contains(body.substring(0, 40)), "an event carries the private key");
            assertFalse(json.contains("PRIVATE KEY"), "an event carries a private key");
        }
        String log = Files.readString(Path.of("target", "quarkus-test.log"));
        assertFalse(log.contains(body.substring(0, 40)), "the log carries the private key");
        TestDatabase db = new TestDatabase(jdbcUrl, "accessplane_test", "accessplane_test");
        assertEquals(0, db.count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%PRIVATE KEY%'"));
        assertEquals(0, db.count("SELECT count(*) FROM key_pair WHERE public_key LIKE '%PRIVATE KEY%'"));
    }

    static boolean has(List<Received> received, String type, String subject) {
        return received.stream().anyMatch(r -> type.equals(r.event().type()) && subject.equals(r.event().subject()));
    }
}
