package io.accessplane.secgroup.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorization matrix, keystone-protection style: every role against every security group
 * call, in the caller's own project and in another project. Another project's resources are 404
 * (Neutron hides them) except for admins; readers read; members write in their project.
 */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class SecgroupAuthorizationMatrixTest {

    /** The calls of the API. */
    enum Call { LIST_GROUPS, SHOW_GROUP, CREATE_GROUP, UPDATE_GROUP, DELETE_GROUP, LIST_RULES, SHOW_RULE, CREATE_RULE,
        DELETE_RULE, SHOW_QUOTA }

    /** role, call, other project?, expected status. */
    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Call call : Call.values()) {
            for (boolean other : List.of(false, true)) {
                rows.add(Arguments.of("admin", call, other, allowed(call)));
                rows.add(Arguments.of("member", call, other, other && !isList(call) ? hidden(call) : allowed(call)));
                rows.add(Arguments.of("reader", call, other, other && !isList(call) ? hidden(call)
                        : writes(call) ? 403 : allowed(call)));
                // a body naming another project is refused before any role check (400, as Neutron)
                rows.add(Arguments.of("no-role", call, other, other && call == Call.CREATE_GROUP ? 400 : 403));
            }
        }
        return rows.stream();
    }

    static boolean isList(Call call) {
        return call == Call.LIST_GROUPS || call == Call.LIST_RULES;
    }

    static boolean writes(Call call) {
        return call == Call.CREATE_GROUP || call == Call.UPDATE_GROUP || call == Call.DELETE_GROUP
                || call == Call.CREATE_RULE || call == Call.DELETE_RULE;
    }

    static int allowed(Call call) {
        return switch (call) {
            case CREATE_GROUP, CREATE_RULE -> 201;
            case DELETE_GROUP, DELETE_RULE -> 204;
            default -> 200;
        };
    }

    /** Another project's resource: 404 as Neutron, except creating a group there (400: needs admin) and its quota (403). */
    static int hidden(Call call) {
        return switch (call) {
            case CREATE_GROUP -> 400;
            case SHOW_QUOTA -> 403;
            default -> 404;
        };
    }

    @ParameterizedTest(name = "{0} {1} other-project={2} -> {3}")
    @MethodSource("matrix")
    void roleCallProject(String role, Call call, boolean otherProject, int expected) {
        String owner = "p" + UUID.randomUUID().toString().replace("-", "");
        String ownerToken = TestTokens.sign(TestTokens.claims("owner-" + owner, owner, List.of("member")));
        String sg = as(ownerToken).body(Map.of("security_group", Map.of("name", "target"))).post("/v2.0/security-groups")
                .then().statusCode(201).extract().path("security_group.id");
        String rule = as(ownerToken).body(Map.of("security_group_rule", Map.of("security_group_id", sg,
                "direction", "ingress", "protocol", "tcp", "port_range_min", 22, "port_range_max", 22)))
                .post("/v2.0/security-group-rules").then().statusCode(201).extract().path("security_group_rule.id");

        String callerProject = otherProject ? "p" + UUID.randomUUID().toString().replace("-", "") : owner;
        List<String> roles = "no-role".equals(role) ? List.of() : List.of(role);
        RequestSpecification r = as(TestTokens.sign(TestTokens.claims("caller-" + UUID.randomUUID(), callerProject, roles)));
        Response response = switch (call) {
            case LIST_GROUPS -> r.get("/v2.0/security-groups");
            case SHOW_GROUP -> r.get("/v2.0/security-groups/" + sg);
            case CREATE_GROUP -> r.body(Map.of("security_group", Map.of("name", "new", "project_id", owner)))
                    .post("/v2.0/security-groups");
            case UPDATE_GROUP -> r.body(Map.of("security_group", Map.of("description", "changed")))
                    .put("/v2.0/security-groups/" + sg);
            case DELETE_GROUP -> r.delete("/v2.0/security-groups/" + sg);
            case LIST_RULES -> r.get("/v2.0/security-group-rules");
            case SHOW_RULE -> r.get("/v2.0/security-group-rules/" + rule);
            case CREATE_RULE -> r.body(Map.of("security_group_rule", Map.of("security_group_id", sg,
                    "direction", "egress", "protocol", "udp"))).post("/v2.0/security-group-rules");
            case DELETE_RULE -> r.delete("/v2.0/security-group-rules/" + rule);
            case SHOW_QUOTA -> r.get("/v2.0/quotas/" + owner);
        };
        assertEquals(expected, response.statusCode(), response.asString());
        if (expected >= 400) {
            response.then().body("NeutronError.type", org.hamcrest.Matchers.notNullValue())
                    .body("NeutronError.message", org.hamcrest.Matchers.notNullValue());
        }
        // the owner's group and rule afterwards: changed exactly when a write was allowed
        boolean groupGone = call == Call.DELETE_GROUP && expected == 204;
        boolean ruleGone = groupGone || (call == Call.DELETE_RULE && expected == 204);
        as(ownerToken).get("/v2.0/security-groups/" + sg).then().statusCode(groupGone ? 404 : 200);
        as(ownerToken).get("/v2.0/security-group-rules/" + rule).then().statusCode(ruleGone ? 404 : 200);
        if (call == Call.UPDATE_GROUP && !groupGone) {
            String description = as(ownerToken).get("/v2.0/security-groups/" + sg).path("security_group.description");
            assertEquals(expected == 200 ? "changed" : "", description);
        }
    }

    static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }
}
