package io.accessplane.audit.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.audit.crypto.VerificationKey;
import io.accessplane.audit.testing.Admin;
import io.accessplane.audit.testing.EventFactory;
import io.accessplane.audit.testing.EventProducer;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.testing.TestDatabase;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence against the real database: each kind of change made directly in PostgreSQL is
 * named by verify at its position; a clean chain verifies; checkpoints are signed and chained.
 */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class IntegrityTest {

    static final String TOPIC = "accessplane.keypair.events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** Stores six events of a fresh project and returns the project id. */
    private String project(String name) {
        String project = name + "-" + System.nanoTime();
        EventFactory f = EventFactory.unique(name);
        CloudEvent last = null;
        try (EventProducer producer = new EventProducer(bootstrap)) {
            for (int i = 1; i <= 6; i++) {
                last = f.keypair("created", project, "u", "k" + i, Instant.now());
                producer.structured(TOPIC, last);
            }
        }
        String lastId = last.id();
        await().atMost(Duration.ofSeconds(30)).until(() -> db().count(
                "SELECT count(*) FROM audit_event WHERE event_id = ?", lastId) == 1);
        return project;
    }

    private TestDatabase db() {
        return new TestDatabase(jdbcUrl, "accessplane_test", "accessplane_test");
    }

    private JsonPath verify(String project) {
        return given().header("X-Auth-Token", Admin.token()).queryParam("project_id", project)
                .get("/v1/integrity/verify").then().statusCode(200).extract().jsonPath();
    }

    private void sql(String sql, Object... params) throws Exception {
        try (Connection c = db().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        String p = project("clean");
        JsonPath r = verify(p);
        assertEquals(true, r.getBoolean("intact"));
        assertEquals(6, r.getInt("projects[0].records_checked"));
    }

    @Test
    void anAlteredRecordIsNamedAtItsIndex() throws Exception {
        String p = project("alter");
        sql("UPDATE audit_event SET canonical = replace(canonical, '\"k3\"', '\"k9\"') WHERE project_id = ? "
                + "AND chain_index = 3", p);
        JsonPath r = verify(p);
        assertEquals(false, r.getBoolean("intact"));
        assertEquals("altered", r.getString("projects[0].first_problem.kind"));
        assertEquals(3, r.getInt("projects[0].first_problem.index"));
    }

    @Test
    void anAlteredIndexedColumnIsNamedToo() throws Exception {
        String p = project("column");
        sql("UPDATE audit_event SET type = 'io.accessplane.keypair.deleted.v1' WHERE project_id = ? AND chain_index = 2", p);
        JsonPath r = verify(p);
        assertEquals("altered", r.getString("projects[0].first_problem.kind"));
        assertEquals(2, r.getInt("projects[0].first_problem.index"));
    }

    @Test
    void aDeletedRecordIsNamedMissing() throws Exception {
        String p = project("delete");
        sql("DELETE FROM audit_event WHERE project_id = ? AND chain_index = 4", p);
        JsonPath r = verify(p);
        assertEquals("missing", r.getString("projects[0].first_problem.kind"));
        assertEquals(4, r.getInt("projects[0].first_problem.index"));
    }

    @Test
    void anInsertedRecordIsNamedInserted() throws Exception {
        String p = project("insert");
        sql("INSERT INTO audit_event (source, event_id, type, event_time, ingested_at, project_id, chain_index, "
                + "chain_hash, canonical) SELECT source, 'forged-' || event_id, type, event_time, ingested_at, project_id, "
                + "chain_index, chain_hash, replace(canonical, event_id, 'forged-' || event_id) FROM audit_event "
                + "WHERE project_id = ? AND chain_index = 5", p);
        JsonPath r = verify(p);
        assertEquals(false, r.getBoolean("intact"));
        assertEquals("inserted", r.getString("projects[0].first_problem.kind"));
        assertEquals(5, r.getInt("projects[0].first_problem.index"));
    }

    @Test
    void deletingTheNewestRecordsIsCaughtByTheCheckpoint() throws Exception {
        String p = project("truncate");
        given().header("X-Auth-Token", Admin.token()).post("/v1/integrity/checkpoints").then().statusCode(201);
        sql("DELETE FROM audit_event WHERE project_id = ? AND chain_index >= 5", p);
        sql("UPDATE chain_head SET last_index = 4, last_hash = (SELECT chain_hash FROM audit_event WHERE project_id = ? "
                + "AND chain_index = 4) WHERE project_id = ?", p, p);
        JsonPath r = verify(p);
        assertEquals(false, r.getBoolean("intact"));
        assertEquals("missing", r.getString("projects[0].first_problem.kind"));
        assertEquals(5, r.getInt("projects[0].first_problem.index"));
    }

    @Test
    void anEditedCheckpointIsNamedAndABrokenChainRaisesAnAlert() throws Exception {
        String p = project("forged-checkpoint");
        JsonPath made = given().header("X-Auth-Token", Admin.token()).post("/v1/integrity/checkpoints")
                .then().statusCode(201).extract().jsonPath();
        String id = made.getString("checkpoint.id");
        String original = made.getString("checkpoint.signed_text");
        try {
            // moving the project's head back one record, as someone hiding the newest event would
            sql("UPDATE checkpoint SET body = replace(body, '\"index\":6,\"project_id\":\"' || ? || '\"', "
                    + "'\"index\":5,\"project_id\":\"' || ? || '\"') WHERE id = ?::uuid", p, p, id);
            JsonPath r = verify(p);
            assertEquals(false, r.getBoolean("intact"));
            assertEquals("invalid_signature", r.getString("projects[0].checkpoint_problem.kind"), r.prettify());
            assertEquals(id, r.getString("projects[0].checkpoint_problem.checkpoint_id"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-Auth-Token", Admin.token())
                    .get("/v1/alerts?detector=D24&project_id=" + p).then().statusCode(200)
                    .body("alerts.size()", org.hamcrest.Matchers.greaterThan(0)));
        } finally {
            sql("UPDATE checkpoint SET body = ? WHERE id = ?::uuid", original, id);
        }
        assertEquals(true, verify(p).getBoolean("intact"), "restored, the checkpoint verifies again");
    }

    @Test
    void checkpointsAreSignedByThePublishedKeyAndNameTheirPredecessor() {
        project("checkpoints");
        String first = given().header("X-Auth-Token", Admin.token()).post("/v1/integrity/checkpoints")
                .then().statusCode(201).extract().path("checkpoint.signature");
        JsonPath second = given().header("X-Auth-Token", Admin.token()).post("/v1/integrity/checkpoints")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(first, second.getString("checkpoint.previous_signature"));
        String pem = given().get("/v1/integrity/public-key").then().statusCode(200)
                .body("public_key.algorithm", equalTo("Ed25519")).extract().path("public_key.pem");
        VerificationKey key = VerificationKey.fromPem(pem);
        assertTrue(key.verify(second.getString("checkpoint.signed_text").getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(second.getString("checkpoint.signature"))));
        given().header("X-Auth-Token", Admin.token()).get("/v1/integrity/checkpoints?limit=1000").then().statusCode(200)
                .body("checkpoints.find { it.signature == '" + first + "' }", notNullValue());
    }

    @Test
    void onlyAdministratorsSignCheckpointsAndOthersVerifyOnlyTheirProject() {
        String member = Admin.token("m", "proj-a", "member", "reader");
        given().header("X-Auth-Token", member).post("/v1/integrity/checkpoints").then().statusCode(403)
                .body("error.code", equalTo(403));
        given().header("X-Auth-Token", member).queryParam("project_id", "proj-b").get("/v1/integrity/verify")
                .then().statusCode(403);
        given().header("X-Auth-Token", member).get("/v1/integrity/verify").then().statusCode(200)
                .body("projects[0].project_id", equalTo("proj-a"));
        given().get("/v1/integrity/verify").then().statusCode(401).body("error.title", equalTo("Unauthorized"));
    }

    @Test
    void retentionPurgesOldEventsAndLeavesTheChainVerifiable() {
        String project = "retention-" + System.nanoTime();
        EventFactory f = EventFactory.unique("retention");
        CloudEvent last = null;
        try (EventProducer producer = new EventProducer(bootstrap)) {
            for (int i = 1; i <= 4; i++) {
                producer.structured(TOPIC, f.keypair("created", project, "u", "old" + i,
                        Instant.now().minus(Duration.ofDays(500))));
            }
            for (int i = 1; i <= 2; i++) {
                last = f.keypair("created", project, "u", "new" + i, Instant.now());
                producer.structured(TOPIC, last);
            }
        }
        String lastId = last.id();
        await().atMost(Duration.ofSeconds(30)).until(() -> db().count(
                "SELECT count(*) FROM audit_event WHERE event_id = ?", lastId) == 1);
        String admin = Admin.token();
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body(Map.of("retention", Map.of("project_id", project, "days", 400)))
                .put("/v1/retention").then().statusCode(200).body("retention.days", equalTo(400));
        List<Map<String, Object>> purges = given().header("X-Auth-Token", admin).post("/v1/retention/purge")
                .then().statusCode(200).extract().jsonPath().getList("purges.findAll { it.project_id == '" + project + "' }");
        assertEquals(1, purges.size(), "one purge of " + project + ": " + purges);
        assertEquals(4, ((Number) purges.get(0).get("purged_count")).intValue());
        assertEquals(0, db().count("SELECT count(*) FROM audit_event WHERE project_id = ? AND event_time < now() - interval '400 days'", project));
        given().header("X-Auth-Token", admin).queryParam("project_id", project).queryParam("type", "io.accessplane.audit_log.purged")
                .get("/v1/events").then().statusCode(200).body("events.size()", equalTo(1));
        JsonPath r = verify(project);
        assertEquals(true, r.getBoolean("intact"), r.prettify());
    }
}
