package io.accessplane.secgroup.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.testing.Concurrently;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Neutron's security group contract: every call, error body, the default group, quotas and races. */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class SecurityGroupApiTest {

    static String project() {
        return "p" + UUID.randomUUID().toString().replace("-", "");
    }

    static String token(String project, String role) {
        return TestTokens.sign(TestTokens.claims("u-" + role + "-" + project, project, List.of(role)));
    }

    static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    static String createGroup(String token, String name) {
        return as(token).body(Map.of("security_group", Map.of("name", name))).post("/v2.0/security-groups")
                .then().statusCode(201).extract().path("security_group.id");
    }

    static Response createRule(String token, Map<String, Object> rule) {
        return as(token).body(Map.of("security_group_rule", rule)).post("/v2.0/security-group-rules");
    }

    static void neutronError(Response r, int status, String type, String messagePart) {
        r.then().statusCode(status).body("NeutronError.type", is(type))
                .body("NeutronError.message", containsString(messagePart)).body("NeutronError.detail", is(""));
    }

    @Test
    void discovery() {
        given().get("/").then().statusCode(200).body("versions[0].id", is("v2.0"))
                .body("versions[0].status", is("CURRENT"));
        String t = token(project(), "reader");
        as(t).get("/v2.0/extensions").then().statusCode(200).body("extensions.alias", hasItems("security-group",
                "stateful-security-group", "standard-attr-description", "standard-attr-revisions",
                "standard-attr-timestamp", "standard-attr-tag", "revision-if-match", "security-groups-normalized-cidr",
                "security-groups-default-rules", "pagination", "sorting", "quotas"));
    }

    @Test
    void theDefaultGroupIsMadeOnFirstListWithTheTemplatesRules() {
        String p = project();
        String t = token(p, "member");
        Response list = as(t).get("/v2.0/security-groups");
        list.then().statusCode(200).body("security_groups.size()", is(1))
                .body("security_groups[0].name", is("default"))
                .body("security_groups[0].description", is("Default security group"))
                .body("security_groups[0].project_id", is(p)).body("security_groups[0].tenant_id", is(p))
                .body("security_groups[0].security_group_rules.size()", is(4));
        String id = list.path("security_groups[0].id");
        List<Map<String, Object>> rules = list.path("security_groups[0].security_group_rules");
        assertEquals(2, rules.stream().filter(r -> "egress".equals(r.get("direction")) && r.get("remote_group_id") == null).count());
        assertEquals(2, rules.stream().filter(r -> "ingress".equals(r.get("direction")) && id.equals(r.get("remote_group_id"))).count());
        assertTrue(rules.stream().allMatch(r -> Boolean.TRUE.equals(r.get("belongs_to_default_sg"))));
        as(t).get("/v2.0/security-groups").then().body("security_groups.size()", is(1));
        // rules listing sees the same four
        as(t).get("/v2.0/security-group-rules").then().statusCode(200).body("security_group_rules.size()", is(4));
        // a second group called default, in any case, is refused
        neutronError(as(t).body(Map.of("security_group", Map.of("name", "Default"))).post("/v2.0/security-groups"),
                409, "SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        // it cannot be renamed, nor deleted by a member; an admin may delete it
        neutronError(as(t).body(Map.of("security_group", Map.of("name", "x"))).put("/v2.0/security-groups/" + id),
                409, "SecurityGroupCannotUpdateDefault", "Updating default security group not allowed.");
        neutronError(as(t).delete("/v2.0/security-groups/" + id), 409, "SecurityGroupCannotRemoveDefault",
                "Insufficient rights for removing default security group.");
        as(token(project(), "admin")).delete("/v2.0/security-groups/" + id).then().statusCode(204);
    }

    @Test
    void createShowUpdateDelete() {
        String p = project();
        String t = token(p, "member");
        Response created = as(t).body(Map.of("security_group", Map.of("name", "web", "description", "ssh access",
                "stateful", false))).post("/v2.0/security-groups");
        created.then().statusCode(201).body("security_group.name", is("web"))
                .body("security_group.description", is("ssh access")).body("security_group.stateful", is(false))
                .body("security_group.revision_number", is(1)).body("security_group.shared", is(false))
                .body("security_group.tags.size()", is(0))
                .body("security_group.security_group_rules.size()", is(2))
                .body("security_group.security_group_rules.direction", hasItems("egress"))
                .body("security_group.security_group_rules.ethertype", hasItems("IPv4", "IPv6"))
                .body("security_group.created_at", containsString("T"));
        String id = created.path("security_group.id");
        as(t).get("/v2.0/security-groups/" + id).then().statusCode(200).body("security_group.id", is(id));
        as(t).get("/v2.0/security-groups/" + id + "?fields=id&fields=name").then().statusCode(200)
                .body("security_group.size()", is(2));
        as(t).body(Map.of("security_group", Map.of("name", "web2", "description", "d2")))
                .put("/v2.0/security-groups/" + id).then().statusCode(200)
                .body("security_group.name", is("web2")).body("security_group.revision_number", is(2));
        neutronError(as(t).header("If-Match", "revision_number=1")
                .body(Map.of("security_group", Map.of("name", "stale"))).put("/v2.0/security-groups/" + id),
                412, "RevisionNumberConstraintFailed", "Constrained to 1, but current revision is 2");
        as(t).header("If-Match", "revision_number=2").body(Map.of("security_group", Map.of("stateful", true)))
                .put("/v2.0/security-groups/" + id).then().statusCode(200).body("security_group.stateful", is(true));
        neutronError(as(t).body(Map.of("security_group", Map.of("bogus", 1))).put("/v2.0/security-groups/" + id),
                400, "HTTPBadRequest", "Unrecognized attribute(s) 'bogus'");
        neutronError(as(t).body(Map.of("security_group", Map.of("name", "x".repeat(256)))).post("/v2.0/security-groups"),
                400, "HTTPBadRequest", "exceeds maximum length of 255");
        neutronError(as(t).body(Map.of("group", Map.of())).post("/v2.0/security-groups"), 400, "HTTPBadRequest",
                "Unable to find 'security_group' in request body");
        // another project's group does not exist for the caller
        neutronError(as(token(project(), "member")).get("/v2.0/security-groups/" + id), 404, "SecurityGroupNotFound",
                "Security group " + id + " does not exist");
        neutronError(as(token(project(), "member")).delete("/v2.0/security-groups/" + id), 404,
                "SecurityGroupNotFound", id);
        neutronError(as(t).header("If-Match", "revision_number=1").delete("/v2.0/security-groups/" + id), 412,
                "RevisionNumberConstraintFailed", "Constrained to 1, but current revision is 3");
        as(t).header("If-Match", "revision_number=3").delete("/v2.0/security-groups/" + id).then().statusCode(204);
        neutronError(as(t).get("/v2.0/security-groups/" + id), 404, "SecurityGroupNotFound", id);
        neutronError(as(t).get("/v2.0/security-groups/not-a-uuid"), 404, "SecurityGroupNotFound", "not-a-uuid");
    }

    @Test
    void rulesAreNormalisedAndDuplicatesRefused() {
        String p = project();
        String t = token(p, "member");
        String sg = createGroup(t, "rules");
        Response r = createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 22, "port_range_max", 22, "remote_ip_prefix", "10.1.2.3/8"));
        r.then().statusCode(201).body("security_group_rule.protocol", is("tcp"))
                .body("security_group_rule.ethertype", is("IPv4"))
                .body("security_group_rule.remote_ip_prefix", is("10.1.2.3/8"))
                .body("security_group_rule.normalized_cidr", is("10.0.0.0/8"))
                .body("security_group_rule.belongs_to_default_sg", is(false))
                .body("security_group_rule.project_id", is(p));
        String ruleId = r.path("security_group_rule.id");
        // same rule with another description: a duplicate naming the existing rule
        neutronError(createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "protocol", "6",
                "port_range_min", "22", "port_range_max", 22, "remote_ip_prefix", "10.1.2.3/8", "description", "again")),
                409, "SecurityGroupRuleExists", "Security group rule already exists. Rule id is " + ruleId + ".");
        createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "remote_ip_prefix", "192.0.2.7"))
                .then().statusCode(201).body("security_group_rule.remote_ip_prefix", is("192.0.2.7/32"))
                .body("security_group_rule.protocol", nullValue());
        createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "ethertype", "IPv6", "protocol", "icmp"))
                .then().statusCode(201).body("security_group_rule.protocol", is("ipv6-icmp"));
        neutronError(createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 100, "port_range_max", 10)), 400, "SecurityGroupInvalidPortRange", "port_range_min");
        neutronError(createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "ethertype", "IPv6",
                "remote_ip_prefix", "10.0.0.0/8")), 400, "SecurityGroupRuleParameterConflict", "Conflicting value ethertype IPv6");
        neutronError(createRule(t, Map.of("security_group_id", sg, "direction", "sideways")), 400, "HTTPBadRequest",
                "direction");
        neutronError(createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "port_range_min", "abc",
                "protocol", "tcp")), 400, "SecurityGroupInvalidPortValue", "Invalid value for port abc");
        String missing = UUID.randomUUID().toString();
        neutronError(createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "remote_group_id", missing)),
                404, "SecurityGroupNotFound", missing);
        neutronError(createRule(t, Map.of("security_group_id", missing, "direction", "ingress")), 404,
                "SecurityGroupNotFound", missing);
        // show, description update (extension), delete
        as(t).get("/v2.0/security-group-rules/" + ruleId).then().statusCode(200)
                .body("security_group_rule.id", is(ruleId));
        as(t).body(Map.of("security_group_rule", Map.of("description", "ssh from the office")))
                .put("/v2.0/security-group-rules/" + ruleId).then().statusCode(200)
                .body("security_group_rule.description", is("ssh from the office"))
                .body("security_group_rule.revision_number", is(1)).body("security_group_rule.protocol", is("tcp"));
        neutronError(as(t).body(Map.of("security_group_rule", Map.of("protocol", "udp")))
                .put("/v2.0/security-group-rules/" + ruleId), 400, "HTTPBadRequest", "Unrecognized attribute(s) 'protocol'");
        as(t).delete("/v2.0/security-group-rules/" + ruleId).then().statusCode(204);
        neutronError(as(t).get("/v2.0/security-group-rules/" + ruleId), 404, "SecurityGroupRuleNotFound", ruleId);
        neutronError(as(t).delete("/v2.0/security-group-rules/" + ruleId), 404, "SecurityGroupRuleNotFound", ruleId);
    }

    @Test
    void bulkCreateIsAllOrNothing() {
        String t = token(project(), "member");
        String sg = createGroup(t, "bulk");
        Map<String, Object> ok1 = Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 80, "port_range_max", 80);
        Map<String, Object> ok2 = Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 443, "port_range_max", 443);
        Map<String, Object> bad = Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 0, "port_range_max", 10);
        as(t).body(Map.of("security_group_rules", List.of(ok1, ok2, bad))).post("/v2.0/security-group-rules")
                .then().statusCode(400).body("NeutronError.type", is("SecurityGroupInvalidPortValue"));
        as(t).get("/v2.0/security-groups/" + sg).then().body("security_group.security_group_rules.size()", is(2));
        neutronError(as(t).body(Map.of("security_group_rules", List.of(ok1, ok1))).post("/v2.0/security-group-rules"),
                409, "DuplicateSecurityGroupRuleInPost", "Duplicate Security Group Rule in POST.");
        as(t).body(Map.of("security_group_rules", List.of(ok1, ok2))).post("/v2.0/security-group-rules")
                .then().statusCode(201).body("security_group_rules.size()", is(2));
        as(t).get("/v2.0/security-groups/" + sg).then().body("security_group.security_group_rules.size()", is(4));
    }

    @Test
    void twentyConcurrentCreatesNeverExceedTheGroupQuota() throws Exception {
        String t = token(project(), "member");
        as(t).get("/v2.0/security-groups").then().statusCode(200); // the default group takes one of the ten
        AtomicInteger n = new AtomicInteger();
        List<Integer> statuses = Concurrently.statuses(20, () -> as(t)
                .body(Map.of("security_group", Map.of("name", "q" + n.incrementAndGet()))).post("/v2.0/security-groups")
                .statusCode());
        assertEquals(9, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(11, Collections.frequency(statuses, 409), statuses.toString());
        as(t).get("/v2.0/security-groups").then().body("security_groups.size()", is(10));
        neutronError(as(t).body(Map.of("security_group", Map.of("name", "one-more"))).post("/v2.0/security-groups"),
                409, "OverQuota", "Quota exceeded for resources: ['security_group'].");
    }

    @Test
    void twoConcurrentIdenticalRulesGiveOneCreatedAndOneConflict() throws Exception {
        String t = token(project(), "member");
        String sg = createGroup(t, "race");
        List<Integer> statuses = Concurrently.statuses(2, () -> createRule(t, Map.of("security_group_id", sg,
                "direction", "ingress", "protocol", "udp", "port_range_min", 53, "port_range_max", 53)).statusCode());
        assertEquals(List.of(201, 409), statuses);
    }

    @Test
    void ruleQuotaCountsTemplateRulesAndCanBeChangedByAnAdmin() {
        String p = project();
        String t = token(p, "member");
        String admin = token(project(), "admin");
        as(t).get("/v2.0/quotas/" + p).then().statusCode(200).body("quota.security_group", is(10))
                .body("quota.security_group_rule", is(100));
        neutronError(as(t).body(Map.of("quota", Map.of("security_group_rule", 1000))).put("/v2.0/quotas/" + p),
                403, "PolicyNotAuthorized", "update_quota");
        as(admin).body(Map.of("quota", Map.of("security_group_rule", 7))).put("/v2.0/quotas/" + p).then()
                .statusCode(200).body("quota.security_group_rule", is(7));
        String sg = createGroup(t, "counted"); // default group: 4 rules, this one: 2
        createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp", "port_range_min", 1,
                "port_range_max", 2)).then().statusCode(201);
        neutronError(createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 3, "port_range_max", 4)), 409, "OverQuota", "['security_group_rule']");
        as(t).get("/v2.0/quotas/" + p + "/details").then().statusCode(200)
                .body("quota.security_group_rule.used", is(7)).body("quota.security_group_rule.limit", is(7))
                .body("quota.security_group.used", is(2));
        as(admin).delete("/v2.0/quotas/" + p).then().statusCode(204);
        as(t).get("/v2.0/quotas/" + p).then().body("quota.security_group_rule", is(100));
        neutronError(as(token(project(), "member")).get("/v2.0/quotas/" + p), 403, "PolicyNotAuthorized", "get_quota");
    }

    @Test
    void tags() {
        String t = token(project(), "member");
        String sg = createGroup(t, "tagged");
        as(t).put("/v2.0/security-groups/" + sg + "/tags/red").then().statusCode(201);
        as(t).body(Map.of("tags", List.of("blue", "green"))).put("/v2.0/security-groups/" + sg + "/tags")
                .then().statusCode(200).body("tags", is(List.of("blue", "green")));
        as(t).get("/v2.0/security-groups/" + sg + "/tags/blue").then().statusCode(204);
        neutronError(as(t).get("/v2.0/security-groups/" + sg + "/tags/red"), 404, "TagNotFound", "red");
        as(t).delete("/v2.0/security-groups/" + sg + "/tags/blue").then().statusCode(204);
        as(t).get("/v2.0/security-groups/" + sg).then().body("security_group.tags", is(List.of("green")))
                .body("security_group.revision_number", is(4));
        as(t).delete("/v2.0/security-groups/" + sg + "/tags").then().statusCode(204);
        as(t).get("/v2.0/security-groups/" + sg + "/tags").then().statusCode(200).body("tags.size()", is(0));
    }

    @Test
    void deletingAGroupTakesRulesThatNamedItAsRemote() {
        String t = token(project(), "member");
        String app = createGroup(t, "app");
        String db = createGroup(t, "db");
        String ruleId = createRule(t, Map.of("security_group_id", db, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 5432, "port_range_max", 5432, "remote_group_id", app)).then().statusCode(201)
                .extract().path("security_group_rule.id");
        as(t).delete("/v2.0/security-groups/" + app).then().statusCode(204);
        as(t).get("/v2.0/security-group-rules/" + ruleId).then().statusCode(404);
    }

    @Test
    void noTokenIs401InNeutronsShape() {
        given().get("/v2.0/security-groups").then().statusCode(401).body("NeutronError.type", is("HTTPUnauthorized"));
    }

    @Test
    void evaluateAFlowAgainstAGroupIncludingStatefulReplies() {
        String t = token(project(), "member");
        String sg = createGroup(t, "eval");
        String ssh = createRule(t, Map.of("security_group_id", sg, "direction", "ingress", "protocol", "tcp",
                "port_range_min", 22, "port_range_max", 22, "remote_ip_prefix", "10.0.0.0/8")).then().statusCode(201)
                .extract().path("security_group_rule.id");
        as(t).body(Map.of("flow", Map.of("direction", "ingress", "protocol", "tcp", "port", 22, "remote_ip", "10.9.8.7")))
                .post("/v2.0/security-groups/" + sg + "/evaluate").then().statusCode(200)
                .body("evaluation.allowed", is(true)).body("evaluation.matched_rule_ids", is(List.of(ssh)));
        as(t).body(Map.of("flow", Map.of("direction", "ingress", "protocol", "tcp", "port", 22, "remote_ip", "192.0.2.1")))
                .post("/v2.0/security-groups/" + sg + "/evaluate").then().statusCode(200)
                .body("evaluation.allowed", is(false)).body("evaluation.matched_rule_ids.size()", is(0));
        // the reply to an allowed outbound connection comes back in: the group is stateful
        as(t).body(Map.of("flow", Map.of("direction", "ingress", "protocol", "tcp", "port", 40000, "source_port", 443,
                "remote_ip", "198.51.100.9", "reply", true)))
                .post("/v2.0/security-groups/" + sg + "/evaluate").then().statusCode(200)
                .body("evaluation.allowed", is(true));
        as(t).body(Map.of("flow", Map.of("direction", "ingress", "protocol", "tcp", "port", 22, "remote_ip", "10.9.8.7"),
                "security_group_ids", List.of(sg, createGroup(t, "other"))))
                .post("/v2.0/security-groups/evaluate").then().statusCode(200).body("evaluation.allowed", is(true));
        neutronError(as(t).body(Map.of("flow", Map.of("direction", "up"))).post("/v2.0/security-groups/" + sg + "/evaluate"),
                400, "InvalidInput", "direction");
        neutronError(as(token(project(), "member")).body(Map.of("flow", Map.of("direction", "ingress")))
                .post("/v2.0/security-groups/" + sg + "/evaluate"), 404, "SecurityGroupNotFound", sg);
    }

    @Test
    void createAGroupFromATemplate() {
        String t = token(project(), "member");
        Response web = as(t).body(Map.of("security_group", Map.of("name", "web", "template", "web-server",
                "template_parameters", Map.of("admin_cidr", "203.0.113.0/24")))).post("/v2.0/security-groups");
        web.then().statusCode(201);
        List<Map<String, Object>> rules = web.path("security_group.security_group_rules");
        assertTrue(rules.stream().anyMatch(r -> Integer.valueOf(22).equals(r.get("port_range_min"))
                && "203.0.113.0/24".equals(r.get("remote_ip_prefix"))), rules.toString());
        assertTrue(rules.stream().anyMatch(r -> Integer.valueOf(443).equals(r.get("port_range_min"))), rules.toString());
        String app = createGroup(t, "app");
        Response db = as(t).body(Map.of("security_group", Map.of("name", "db", "template", "database",
                "template_parameters", Map.of("app_group_id", app, "admin_cidr", "203.0.113.0/24"))))
                .post("/v2.0/security-groups");
        db.then().statusCode(201);
        List<Map<String, Object>> dbRules = db.path("security_group.security_group_rules");
        assertTrue(dbRules.stream().anyMatch(r -> app.equals(r.get("remote_group_id"))
                && Integer.valueOf(5432).equals(r.get("port_range_min"))), dbRules.toString());
        neutronError(as(t).body(Map.of("security_group", Map.of("name", "x", "template", "mainframe")))
                .post("/v2.0/security-groups"), 400, "InvalidInput", "mainframe");
        neutronError(as(t).body(Map.of("security_group", Map.of("name", "x", "template", "bastion")))
                .post("/v2.0/security-groups"), 400, "InvalidInput", "corporate_cidr");
    }

    @Test
    void listingFiltersFieldsSortingAndPaging() {
        String t = token(project(), "member");
        for (String name : List.of("charlie", "alpha", "bravo")) {
            createGroup(t, name);
        }
        as(t).get("/v2.0/security-groups?name=alpha&name=bravo").then().statusCode(200)
                .body("security_groups.size()", is(2)).body("security_groups.name", hasItems("alpha", "bravo"));
        as(t).get("/v2.0/security-groups?fields=id&fields=name&name=charlie").then().statusCode(200)
                .body("security_groups[0].size()", is(2)).body("security_groups[0].name", is("charlie"));
        as(t).get("/v2.0/security-groups?sort_key=name&sort_dir=desc").then().statusCode(200)
                .body("security_groups.name", is(List.of("default", "charlie", "bravo", "alpha")));
        Response first = as(t).get("/v2.0/security-groups?sort_key=name&sort_dir=asc&limit=2");
        first.then().statusCode(200).body("security_groups.name", is(List.of("alpha", "bravo")))
                .body("security_groups_links.find { it.rel == 'next' }.href", containsString("marker="));
        String next = first.path("security_groups_links.find { it.rel == 'next' }.href");
        String query = next.substring(next.indexOf('?'));
        as(t).get("/v2.0/security-groups" + query).then().statusCode(200)
                .body("security_groups.name", is(List.of("charlie", "default")));
        neutronError(as(t).get("/v2.0/security-groups?colour=red"), 400, "HTTPBadRequest", "colour");
        neutronError(as(t).get("/v2.0/security-groups?limit=many"), 400, "BadRequest", "limit");
        neutronError(as(t).get("/v2.0/security-groups?sort_key=name&sort_key=id&sort_dir=asc"), 400, "HTTPBadRequest",
                "sort");
        String sg = createGroup(t, "rules-of-one");
        as(t).get("/v2.0/security-group-rules?security_group_id=" + sg).then().statusCode(200)
                .body("security_group_rules.size()", is(2))
                .body("security_group_rules.security_group_id", is(List.of(sg, sg)));
        as(t).get("/v2.0/security-group-rules?security_group_id=" + sg + "&ethertype=IPv6").then().statusCode(200)
                .body("security_group_rules.size()", is(1));
    }

    @Test
    void theRuleTemplateIsReadByAllAndChangedByAdminsForNewGroups() {
        String member = token(project(), "member");
        String admin = token(project(), "admin");
        as(member).get("/v2.0/default-security-group-rules").then().statusCode(200)
                .body("default_security_group_rules.remote_group_id", hasItems("PARENT"));
        Map<String, Object> ssh = Map.of("direction", "ingress", "protocol", "tcp", "port_range_min", 22,
                "port_range_max", 22, "remote_ip_prefix", "192.0.2.0/24", "used_in_default_sg", false,
                "used_in_non_default_sg", true);
        neutronError(as(member).body(Map.of("default_security_group_rule", ssh)).post("/v2.0/default-security-group-rules"),
                403, "PolicyNotAuthorized", "create_default_security_group_rule");
        Response created = as(admin).body(Map.of("default_security_group_rule", ssh))
                .post("/v2.0/default-security-group-rules");
        created.then().statusCode(201).body("default_security_group_rule.used_in_default_sg", is(false));
        String id = created.path("default_security_group_rule.id");
        try {
            neutronError(as(admin).body(Map.of("default_security_group_rule", ssh))
                    .post("/v2.0/default-security-group-rules"), 409, "DefaultSecurityGroupRuleExists", id);
            as(member).get("/v2.0/default-security-group-rules/" + id).then().statusCode(200)
                    .body("default_security_group_rule.port_range_min", is(22));
            as(member).body(Map.of("security_group", Map.of("name", "with-template-ssh"))).post("/v2.0/security-groups")
                    .then().statusCode(201).body("security_group.security_group_rules.size()", is(3));
        } finally {
            as(admin).delete("/v2.0/default-security-group-rules/" + id).then().statusCode(204);
        }
        as(member).body(Map.of("security_group", Map.of("name", "after"))).post("/v2.0/security-groups")
                .then().statusCode(201).body("security_group.security_group_rules.size()", is(2));
        neutronError(as(admin).get("/v2.0/default-security-group-rules/" + id), 404, "DefaultSecurityGroupRuleNotFound", id);
    }

    @Test
    void textPostgreSqlCannotStoreIsA400AndNothingIsStored() {
        String p = project();
        String t = token(p, "member");
        as(t).get("/v2.0/security-groups").then().statusCode(200);
        neutronError(as(t).body(Map.of("security_group", Map.of("name", "nul", "description", "a\u0000b")))
                .post("/v2.0/security-groups"), 400, "HTTPBadRequest", "NUL");
        neutronError(as(t).urlEncodingEnabled(false).get("/v2.0/quotas/a%00b"), 400, "HTTPBadRequest", "NUL");
        neutronError(as(t).body(Map.of("security_group", java.util.Collections.singletonMap("name", null)))
                .post("/v2.0/security-groups"), 400, "HTTPBadRequest", "'None' is not a valid string");
        as(t).get("/v2.0/security-groups").then().body("security_groups.size()", is(1));
    }
}
