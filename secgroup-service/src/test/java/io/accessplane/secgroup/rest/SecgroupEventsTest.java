package io.accessplane.secgroup.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.testing.EventCollector;
import io.accessplane.platform.testing.EventCollector.Received;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Security group events carry the full normalised state, so the audit service can judge a change. */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class SecgroupEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void groupRuleDefaultAndDenialEvents() throws Exception {
        String project = "p" + UUID.randomUUID().toString().replace("-", "");
        String token = TestTokens.sign(TestTokens.claims("u-" + project, project, List.of("member")));
        String sg = given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body(Map.of("security_group", Map.of("name", "ev"))).post("/v2.0/security-groups")
                .then().statusCode(201).extract().path("security_group.id");
        String rule = given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body(Map.of("security_group_rule", Map.of("security_group_id", sg, "direction", "ingress",
                        "protocol", "tcp", "port_range_min", 22, "port_range_max", 22, "remote_ip_prefix", "0.0.0.0/0")))
                .post("/v2.0/security-group-rules").then().statusCode(201).extract().path("security_group_rule.id");
        given().header("X-Auth-Token", token).delete("/v2.0/security-group-rules/" + rule).then().statusCode(204);
        String reader = TestTokens.sign(TestTokens.claims("r-" + project, project, List.of("reader")));
        given().header("X-Auth-Token", reader).delete("/v2.0/security-groups/" + sg).then().statusCode(403);

        List<Received> mine;
        try (EventCollector events = new EventCollector(bootstrap, "accessplane.secgroup.events")) {
            mine = events.pollUntil(r -> has(r, "io.accessplane.default_security_group.created.v1", project)
                    && has(r, "io.accessplane.security_group.created.v1", project)
                    && has(r, "io.accessplane.security_group_rule.created.v1", project)
                    && has(r, "io.accessplane.security_group_rule.deleted.v1", project)
                    && has(r, "io.accessplane.authorization.denied.v1", project), Duration.ofSeconds(30));
        }
        CloudEvent created = find(mine, "io.accessplane.security_group_rule.created.v1", project);
        assertEquals("/accessplane/secgroup-service", created.source());
        assertEquals(rule, created.subject());
        assertEquals("tcp", created.data().resource().get("protocol").asText());
        assertEquals(22, created.data().resource().get("port_range_min").asInt());
        assertEquals("0.0.0.0/0", created.data().resource().get("remote_ip_prefix").asText());
        assertEquals("ingress", created.data().resource().get("direction").asText());
        assertEquals(sg, created.data().resource().get("security_group_id").asText());
        CloudEvent group = find(mine, "io.accessplane.security_group.created.v1", project);
        assertEquals(2, group.data().resource().get("security_group_rules").size());
        CloudEvent denied = find(mine, "io.accessplane.authorization.denied.v1", project);
        assertEquals("r-" + project, denied.data().initiator().userId());
        assertTrue(denied.data().action().contains("delete_security_group"));
    }

    @Test
    void eventsCarryTheTraceOfTheRequestThatCausedThem() throws Exception {
        String project = "p" + UUID.randomUUID().toString().replace("-", "");
        String token = TestTokens.sign(TestTokens.claims("u-" + project, project, List.of("member")));
        String created = "4bf92f3577b34da6a3ce929d0e0e" + project.substring(1, 5);
        String sg = given().header("X-Auth-Token", token).header("traceparent", "00-" + created + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(Map.of("security_group", Map.of("name", "traced")))
                .post("/v2.0/security-groups").then().statusCode(201).extract().path("security_group.id");
        String refused = "0af7651916cd43dd8448eb211c80" + project.substring(5, 9);
        String reader = TestTokens.sign(TestTokens.claims("r-" + project, project, List.of("reader")));
        given().header("X-Auth-Token", reader).header("traceparent", "00-" + refused + "-b7ad6b7169203331-01")
                .delete("/v2.0/security-groups/" + sg).then().statusCode(403);

        List<Received> mine;
        try (EventCollector events = new EventCollector(bootstrap, "accessplane.secgroup.events")) {
            mine = events.pollUntil(r -> has(r, "io.accessplane.security_group.created.v1", project)
                    && has(r, "io.accessplane.authorization.denied.v1", project), Duration.ofSeconds(30));
        }
        String change = find(mine, "io.accessplane.security_group.created.v1", project).traceparent();
        assertTrue(change != null && change.matches("00-" + created + "-[0-9a-f]{16}-01"), "change: " + change);
        String denial = find(mine, "io.accessplane.authorization.denied.v1", project).traceparent();
        assertTrue(denial != null && denial.matches("00-" + refused + "-[0-9a-f]{16}-01"), "denial: " + denial);
    }

    static boolean has(List<Received> received, String type, String project) {
        return received.stream().anyMatch(r -> type.equals(r.event().type()) && project.equals(r.event().partitionKey()));
    }

    static CloudEvent find(List<Received> received, String type, String project) {
        return received.stream().map(Received::event)
                .filter(e -> type.equals(e.type()) && project.equals(e.partitionKey())).findFirst().orElseThrow();
    }
}
