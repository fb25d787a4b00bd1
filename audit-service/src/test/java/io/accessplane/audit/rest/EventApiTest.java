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
import io.accessplane.platform.testing.TestDatabase;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The activity log API: filters, cursor paging under concurrent inserts, SSE resume, exports, errors. */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class EventApiTest {

    static final String KEYPAIRS = "accessplane.keypair.events";
    static final String SECGROUPS = "accessplane.secgroup.events";
    static final String IDENTITY = "accessplane.credential.events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @TestHTTPResource("/")
    URL base;

    private void publish(String topic, List<CloudEvent> events) {
        try (EventProducer p = new EventProducer(bootstrap)) {
            events.forEach(e -> p.structured(topic, e));
        }
        String[] ids = events.stream().map(CloudEvent::id).toArray(String[]::new);
        TestDatabase db = new TestDatabase(jdbcUrl, "accessplane_test", "accessplane_test");
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(db, ids) == ids.length);
    }

    private static long stored(TestDatabase db, String[] ids) throws java.sql.SQLException {
        try (java.sql.Connection c = db.connect();
                java.sql.PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM audit_event WHERE event_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", ids));
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> ids(String query) {
        return given().header("X-Auth-Token", Admin.token()).get("/v1/events?" + query).then().statusCode(200)
                .extract().jsonPath().getList("events.id");
    }

    @Test
    void everyFilterSelectsExactlyItsEvents() {
        String p = "filters-" + System.nanoTime();
        EventFactory f = EventFactory.unique("filters");
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        CloudEvent k1 = f.keypair("created", p, "alice", "k1", t0);
        CloudEvent k2 = f.keypair("deleted", p, "bob", "k1", t0.plusSeconds(60));
        CloudEvent r1 = f.rule("created", p, "alice", "rule-" + p, "tcp", 22, "0.0.0.0/0", t0.plusSeconds(120));
        CloudEvent a1 = f.authFailed("carol-" + p, "192.0.2.99", t0.plusSeconds(180));
        publish(KEYPAIRS, List.of(k1, k2));
        publish(SECGROUPS, List.of(r1));
        publish(IDENTITY, List.of(a1));

        assertEquals(List.of(r1.id(), k2.id(), k1.id()), ids("project_id=" + p), "newest first");
        assertEquals(List.of(r1.id(), k1.id()), ids("project_id=" + p + "&user_id=alice"));
        assertEquals(List.of(k2.id()), ids("project_id=" + p + "&type=io.accessplane.keypair.deleted"));
        assertEquals(List.of(k2.id(), k1.id()), ids("project_id=" + p + "&type=io.accessplane.keypair."));
        assertEquals(List.of(r1.id()), ids("project_id=" + p + "&target_type=security_group_rule"));
        assertEquals(List.of(r1.id()), ids("target_id=rule-" + p));
        assertEquals(List.of(k1.id()), ids("project_id=" + p + "&until=2026-03-01T10:00:30Z"));
        assertEquals(List.of(r1.id(), k2.id()), ids("project_id=" + p + "&since=2026-03-01T10:01:00Z"));
        assertEquals(List.of(a1.id()), ids("user_id=carol-" + p + "&outcome=failure"));
        assertEquals(List.of(a1.id()), ids("source_address=192.0.2.99&user_id=carol-" + p));
        assertEquals(List.of(), ids("project_id=" + p + "&outcome=failure"));
        assertEquals(List.of(), ids("application_credential_id=none-" + p));
    }

    @Test
    void pagesNeitherRepeatNorSkipWhileEventsArrive() throws Exception {
        String p = "paging-" + System.nanoTime();
        EventFactory f = EventFactory.unique("paging");
        List<CloudEvent> initial = new ArrayList<>();
        Instant t0 = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 50; i++) {
            // a few share the same time, so the position breaks ties
            initial.add(f.keypair("created", p, "u", "k" + i, t0.plusSeconds(i / 3)));
        }
        publish(KEYPAIRS, initial);
        Thread writer = new Thread(() -> {
            List<CloudEvent> more = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                more.add(f.keypair("created", p, "u", "late" + i, Instant.now()));
            }
            publish(KEYPAIRS, more);
        });
        String token = Admin.token();
        JsonPath first = given().header("X-Auth-Token", token).get("/v1/events?limit=7&project_id=" + p)
                .then().statusCode(200).extract().jsonPath();
        writer.start();
        LinkedHashSet<String> seen = new LinkedHashSet<>(first.getList("events.id"));
        List<String> all = new ArrayList<>(first.getList("events.id"));
        String next = first.getString("next");
        while (next != null) {
            JsonPath page = given().header("X-Auth-Token", token).queryParam("cursor", next)
                    .get("/v1/events?limit=7&project_id=" + p).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("events.id"));
            seen.addAll(page.getList("events.id"));
            next = page.getString("next");
            Thread.sleep(50);
        }
        writer.join();
        assertEquals(all.size(), seen.size(), "no event appears on two pages");
        Set<String> expected = new HashSet<>();
        initial.forEach(e -> expected.add(e.id()));
        assertEquals(expected, new HashSet<>(all), "every event that existed when paging began is on a page");
        List<String> newestFirst = new ArrayList<>();
        for (int i = initial.size() - 1; i >= 0; i--) {
            newestFirst.add(initial.get(i).id());
        }
        assertEquals(newestFirst, all, "newest first, ties in storing order reversed");
    }

    @Test
    void theLiveStreamResumesFromLastEventIdWithoutLossOrRepeat() throws Exception {
        String p = "stream-" + System.nanoTime();
        EventFactory f = EventFactory.unique("stream");
        List<CloudEvent> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(f.keypair("created", p, "u", "s" + i, Instant.now()));
        }
        String url = base + "v1/events/stream?project_id=" + p;
        String token = Admin.token();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            publish(KEYPAIRS, before);
        });
        later.start();
        List<SseReader.Event> got = SseReader.read(url, token, null, 2, Duration.ofSeconds(30));
        later.join();
        assertEquals(2, got.size());
        assertEquals(before.get(0).id(), EventJson.mapper().readTree(got.get(0).data()).get("id").asText());
        assertEquals("audit-event", got.get(0).name());

        List<CloudEvent> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            after.add(f.keypair("created", p, "u", "t" + i, Instant.now()));
        }
        publish(KEYPAIRS, after);
        List<SseReader.Event> resumed = SseReader.read(url, token, got.get(1).id(), 4, Duration.ofSeconds(5));
        List<String> ids = new ArrayList<>();
        for (SseReader.Event e : resumed) {
            ids.add(EventJson.mapper().readTree(e.data()).get("id").asText());
        }
        assertEquals(List.of(before.get(2).id(), after.get(0).id(), after.get(1).id(), after.get(2).id()), ids);
    }

    @Test
    void theExportIsOneEventPerLineOldestFirst() {
        String p = "export-" + System.nanoTime();
        EventFactory f = EventFactory.unique("export");
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            events.add(f.keypair("created", p, "u", "x" + i, Instant.parse("2026-01-01T00:00:00Z").plusMillis(i)));
        }
        publish(KEYPAIRS, events);
        String body = given().header("X-Auth-Token", Admin.token()).accept("application/x-ndjson")
                .get("/v1/events/export?project_id=" + p).then().statusCode(200).extract().asString();
        String[] lines = body.strip().split("\n");
        assertEquals(1203, lines.length);
        for (int i = 0; i < lines.length; i++) {
            // each line a JSON object (an event), not a JSON string holding one
            io.restassured.path.json.JsonPath line = io.restassured.path.json.JsonPath.from(lines[i]);
            assertEquals(events.get(i).id(), line.getString("id"), "line " + i + ": " + lines[i]);
            assertEquals(p, line.getString("audit.project_id"));
        }
    }

    @Test
    void badQueriesAreClear400s() {
        String token = Admin.token();
        for (String q : List.of("limit=0", "limit=1001", "limit=x", "cursor=nope", "outcome=maybe", "since=yesterday",
                "since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", "colour=red", "user_id=", "project_id=a&project_id=b")) {
            given().header("X-Auth-Token", token).get("/v1/events?" + q).then().statusCode(400)
                    .body("error.code", equalTo(400)).body("error.title", equalTo("Bad Request"));
        }
        given().header("X-Auth-Token", token).get("/v1/events/no-such-event").then().statusCode(404)
                .body("error.code", equalTo(404));
        given().header("X-Auth-Token", token).get("/v1/events/stream?last_event_id=-3").then().statusCode(400);
        given().get("/v1/events").then().statusCode(401).body("error.code", equalTo(401));
    }

    @Test
    void projectIsolationMatrix() {
        String own = "iso-own-" + System.nanoTime();
        String other = "iso-other-" + System.nanoTime();
        EventFactory f = EventFactory.unique("iso");
        CloudEvent mine = f.keypair("created", own, "u", "a", Instant.now());
        CloudEvent theirs = f.keypair("created", other, "v", "b", Instant.now());
        publish(KEYPAIRS, List.of(mine, theirs));
        record Row(String role, String token, boolean admin) {
        }
        List<Row> rows = List.of(
                new Row("admin", Admin.token("adm", own, "admin", "member", "reader"), true),
                new Row("member", Admin.token("mem", own, "member", "reader"), false),
                new Row("reader", Admin.token("rdr", own, "reader"), false));
        for (Row r : rows) {
            // list of own project
            given().header("X-Auth-Token", r.token()).get("/v1/events?project_id=" + own).then().statusCode(200)
                    .body("events.id", equalTo(List.of(mine.id())));
            // list without a project: admins see everything, others their own project
            List<String> unscoped = given().header("X-Auth-Token", r.token()).get("/v1/events?limit=1000&user_id=v")
                    .then().statusCode(200).extract().jsonPath().getList("events.id");
            assertEquals(r.admin(), unscoped.contains(theirs.id()), r.role());
            // list of another project
            given().header("X-Auth-Token", r.token()).get("/v1/events?project_id=" + other)
                    .then().statusCode(r.admin() ? 200 : 403);
            // show own and other
            given().header("X-Auth-Token", r.token()).get("/v1/events/" + mine.id()).then().statusCode(200);
            given().header("X-Auth-Token", r.token()).get("/v1/events/" + theirs.id())
                    .then().statusCode(r.admin() ? 200 : 404);
            // export, alerts, posture, inventory of another project
            for (String path : List.of("/v1/events/export", "/v1/alerts", "/v1/posture", "/v1/inventory/keypairs",
                    "/v1/inventory/application_credentials", "/v1/integrity/verify")) {
                given().header("X-Auth-Token", r.token()).get(path + "?project_id=" + other)
                        .then().statusCode(r.admin() ? 200 : 403);
                given().header("X-Auth-Token", r.token()).get(path + "?project_id=" + own).then().statusCode(200);
            }
        }
        String noRole = Admin.token("nobody", own);
        given().header("X-Auth-Token", noRole).get("/v1/events?project_id=" + own).then().statusCode(403);
        given().header("X-Auth-Token", noRole).get("/v1/events/" + mine.id()).then().statusCode(404);
    }
}
