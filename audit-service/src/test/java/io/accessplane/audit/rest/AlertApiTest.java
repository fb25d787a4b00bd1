package io.accessplane.audit.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.audit.testing.Admin;
import io.accessplane.audit.testing.EventFactory;
import io.accessplane.audit.testing.EventProducer;
import io.accessplane.audit.testing.SseReader;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.testing.EventCollector;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The alerts API: raised from real events, triaged by role, published, streamed and resumed. */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class AlertApiTest {

    static final String TOPIC = "accessplane.secgroup.events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL base;

    /** Opens SSH to the world in a fresh project and returns the D1 alert's id once it exists. */
    private String raiseD1(String project, String rule) {
        EventFactory f = EventFactory.unique("alerts");
        CloudEvent e = f.rule("created", project, "alice", rule, "tcp", 22, "0.0.0.0/0", Instant.now());
        try (EventProducer p = new EventProducer(bootstrap)) {
            p.structured(TOPIC, e);
        }
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> ids = given().header("X-Auth-Token", Admin.token())
                    .get("/v1/alerts?detector=D1&project_id=" + project).then().statusCode(200)
                    .extract().jsonPath().getList("alerts.id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    @Test
    void anAlertIsRaisedPublishedAndTriagedByRole() {
        String project = "alerts-" + System.nanoTime();
        String rule = "rule-" + project;
        String id = raiseD1(project, rule);
        given().header("X-Auth-Token", Admin.token()).get("/v1/alerts/" + id).then().statusCode(200)
                .body("alert.dedup_key", equalTo("D1:" + rule)).body("alert.severity", equalTo("high"))
                .body("alert.state", equalTo("open")).body("alert.event_ids.size()", equalTo(1));

        String reader = Admin.token("r", project, "reader");
        String member = Admin.token("m", project, "member", "reader");
        String stranger = Admin.token("s", "elsewhere-" + project, "member", "reader");
        given().header("X-Auth-Token", reader).get("/v1/alerts/" + id).then().statusCode(200);
        given().header("X-Auth-Token", stranger).get("/v1/alerts/" + id).then().statusCode(404);
        given().header("X-Auth-Token", stranger).post("/v1/alerts/" + id + "/acknowledge").then().statusCode(404);
        given().header("X-Auth-Token", reader).post("/v1/alerts/" + id + "/acknowledge").then().statusCode(403)
                .body("error.code", equalTo(403));
        given().header("X-Auth-Token", member).post("/v1/alerts/" + id + "/acknowledge").then().statusCode(200)
                .body("alert.state", equalTo("acknowledged")).body("alert.updated_by", equalTo("m"));
        given().header("X-Auth-Token", member).post("/v1/alerts/" + id + "/acknowledge").then().statusCode(200)
                .body("alert.state", equalTo("acknowledged"));
        given().header("X-Auth-Token", Admin.token()).post("/v1/alerts/" + id + "/resolve").then().statusCode(200)
                .body("alert.state", equalTo("resolved"));
        given().header("X-Auth-Token", member).post("/v1/alerts/" + id + "/acknowledge").then().statusCode(409)
                .body("error.title", equalTo("Conflict"));
        given().header("X-Auth-Token", member).get("/v1/alerts?state=resolved").then().statusCode(200)
                .body("alerts.id", equalTo(List.of(id)));

        try (EventCollector alerts = new EventCollector(bootstrap, "accessplane.audit.alerts")) {
            List<String> types = new ArrayList<>();
            alerts.pollUntil(r -> r.stream().filter(x -> id.equals(x.event().subject())).count() >= 3,
                    Duration.ofSeconds(30)).stream().filter(x -> id.equals(x.event().subject()))
                    .forEach(x -> types.add(x.event().type()));
            assertEquals(List.of("io.accessplane.alert.raised.v1", "io.accessplane.alert.acknowledged.v1",
                    "io.accessplane.alert.resolved.v1"), types);
        }
    }

    @Test
    void aRaisedAlertsEventCarriesTheTraceOfTheChangeThatCausedIt() {
        String project = "traced-" + System.nanoTime();
        String rule = "rule-" + project;
        String traceparent = "00-" + java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(42L).array()) + "-00f067aa0ba902b7-01";
        CloudEvent e = EventFactory.unique("traced").rule("created", project, "alice", rule, "tcp", 22, "0.0.0.0/0",
                Instant.now()).withTraceContext(traceparent, "vendor=v1");
        try (EventCollector alerts = new EventCollector(bootstrap, "accessplane.audit.alerts")) {
            try (EventProducer p = new EventProducer(bootstrap)) {
                p.structured(TOPIC, e);
            }
            CloudEvent raised = alerts.pollUntil(r -> r.stream().anyMatch(x -> project.equals(x.event().data().target().ownerProjectId())),
                    Duration.ofSeconds(30)).stream().map(x -> x.event())
                    .filter(x -> project.equals(x.data().target().ownerProjectId())).findFirst().orElseThrow();
            assertEquals("io.accessplane.alert.raised.v1", raised.type());
            assertEquals(traceparent, raised.traceparent());
            assertEquals("vendor=v1", raised.tracestate());
        }
    }

    @Test
    void theSameFindingAgainIsOneAlertWithMoreOccurrences() {
        String project = "dedup-" + System.nanoTime();
        String rule = "rule-" + project;
        String id = raiseD1(project, rule);
        EventFactory f = EventFactory.unique("again");
        CloudEvent again = f.rule("created", project, "alice", rule, "tcp", 22, "0.0.0.0/0", Instant.now());
        try (EventProducer p = new EventProducer(bootstrap)) {
            p.structured(TOPIC, again);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Auth-Token", Admin.token())
                .get("/v1/alerts/" + id).then().statusCode(200).body("alert.occurrences", equalTo(2))
                .body("alert.event_ids.size()", equalTo(2)));
        given().header("X-Auth-Token", Admin.token()).get("/v1/alerts?detector=D1&project_id=" + project)
                .then().statusCode(200).body("alerts.size()", equalTo(1));
    }

    @Test
    void theAlertStreamResumesFromLastEventId() throws Exception {
        String project = "stream-alerts-" + System.nanoTime();
        String token = Admin.token();
        String url = base + "v1/alerts/stream?project_id=" + project;
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            raiseD1(project, "first-" + project);
        });
        later.start();
        List<SseReader.Event> got = SseReader.read(url, token, null, 1, Duration.ofSeconds(30));
        later.join();
        assertEquals(1, got.size());
        assertEquals("alert", got.get(0).name());
        // everything after that point: the other detectors' alerts for the same rule, and a new D1
        raiseD1(project, "second-" + project);
        List<SseReader.Event> resumed = SseReader.read(url, token, got.get(0).id(), 100, Duration.ofSeconds(4));
        List<String> keys = new ArrayList<>();
        for (SseReader.Event e : resumed) {
            keys.add(EventJson.mapper().readTree(e.data()).get("dedup_key").asText());
        }
        String firstKey = EventJson.mapper().readTree(got.get(0).data()).get("dedup_key").asText();
        assertTrue(!keys.contains(firstKey), "the alert already received is not sent again: " + keys);
        assertTrue(keys.contains("D1:second-" + project), keys.toString());
    }

    @Test
    void badRequestsAreClear() {
        String token = Admin.token();
        given().header("X-Auth-Token", token).get("/v1/alerts/not-a-uuid").then().statusCode(404)
                .body("error.code", equalTo(404));
        given().header("X-Auth-Token", token).get("/v1/alerts/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
        for (String q : List.of("state=closed", "severity=urgent", "limit=0", "cursor=zzz", "since=never", "x=1")) {
            given().header("X-Auth-Token", token).urlEncodingEnabled(false).get("/v1/alerts?" + q)
                    .then().statusCode(400).body("error.code", equalTo(400));
        }
        given().header("X-Auth-Token", token).get("/v1/alerts/stream?last_event_id=abc").then().statusCode(400);
        given().get("/v1/alerts").then().statusCode(401);
        given().get("/v1/alerts/stream").then().statusCode(401);
    }
}
