package io.accessplane.e2e.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accessplane.e2e.isolation.Tenancy.Caller;
import io.accessplane.e2e.isolation.Tenancy.Identity;
import io.accessplane.e2e.isolation.Tenancy.Project;
import io.accessplane.e2e.stack.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the four services, called by each caller of {@link Tenancy} on its own
 * project's (or user's) resources and on the other project's, as one table of expected statuses
 * (after keystone's protection tests). Every 2xx answer to a non-admin caller is also searched for
 * the other project's id and its member's user id: neither may appear. All rows run; all failures
 * are reported together.
 */
class TenantIsolationMatrixTest {

    /** Whose resource a row is about. */
    enum Whose { OWN, OTHER }

    /** What a row calls, given the caller and the target project's fixtures. */
    interface Call extends BiFunction<Ctx, Project, Api.Reply> {
    }

    /** A caller's view of one row: its identity, the caller kind, and whether the target is its own. */
    record Ctx(Caller caller, Identity me, Whose whose) {
        String token() {
            return me.token();
        }
    }

    /** One row: the endpoint, who calls, on whose resource, the status our rules give, and the call. */
    record Row(String endpoint, Caller caller, Whose whose, int expected, Call call) {
    }

    /** Expected status for an endpoint, by caller and whose. */
    interface Rule extends BiFunction<Caller, Whose, Integer> {
    }

    static Tenancy tenancy;

    @BeforeAll
    static void makeTheTenants() throws Exception {
        tenancy = new Tenancy();
    }

    /** Allowed on one's own for everyone, on the other's only for admins, otherwise {@code denied}. */
    static Rule ownOrAdmin(int ok, int denied) {
        return (c, w) -> w == Whose.OWN || c.admin() ? ok : denied;
    }

    /** Writes: own for writers (reader 403), the other's only for admins, otherwise {@code hidden}. */
    static Rule writeOwnOrAdmin(int ok, int hidden) {
        return (c, w) -> c.admin() ? ok : w == Whose.OTHER ? hidden : c.reader() ? 403 : ok;
    }

    static Rule adminOnly(int ok) {
        return (c, w) -> c.admin() ? ok : 403;
    }

    static Rule everyone(int ok) {
        return (c, w) -> ok;
    }

    static final Map<String, String> NOVA = Tenancy.COMPUTE_2_10;
    static final Map<String, String> NDJSON = Map.of("Accept", "application/x-ndjson, application/json");

    /** The table: endpoint, rule, call. Rows whose call needs something the caller cannot own are left out where noted. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // --------------------------------------------------------------- identity (Keystone v3)
        add(rows, "GET /v3/users/{id}", ownOrAdmin(200, 403),
                (x, p) -> get(Api.IDENTITY + "/v3/users/" + user(x, p), x));
        add(rows, "GET /v3/projects/{id}", ownOrAdmin(200, 403),
                (x, p) -> get(Api.IDENTITY + "/v3/projects/" + p.id(), x));
        addOwn(rows, "GET /v3/users", adminOnly(200), (x, p) -> get(Api.IDENTITY + "/v3/users", x));
        addOwn(rows, "GET /v3/projects", adminOnly(200), (x, p) -> get(Api.IDENTITY + "/v3/projects", x));
        addOwn(rows, "GET /v3/role_assignments", adminOnly(200), (x, p) -> get(Api.IDENTITY + "/v3/role_assignments", x));
        addOwn(rows, "GET /v3/auth/projects", everyone(200), (x, p) -> get(Api.IDENTITY + "/v3/auth/projects", x));
        addOwn(rows, "GET /v3/auth/catalog", everyone(200), (x, p) -> get(Api.IDENTITY + "/v3/auth/catalog", x));
        add(rows, "GET /v3/users/{id}/application_credentials", ownOrAdmin(200, 403),
                (x, p) -> get(Api.IDENTITY + "/v3/users/" + user(x, p) + "/application_credentials", x));
        add(rows, "POST /v3/users/{id}/application_credentials",
                (c, w) -> w == Whose.OTHER ? 403 : c.reader() || c.restricted() ? 403 : 201,
                (x, p) -> Api.call("POST", Api.IDENTITY + "/v3/users/" + user(x, p) + "/application_credentials",
                        x.token(), "{\"application_credential\":{\"name\":\"iso-new-" + java.util.UUID.randomUUID() + "\"}}"));
        add(rows, "GET /v3/users/{id}/application_credentials/{id}", ownOrAdmin(200, 403), Caller::reader,
                (x, p) -> get(Api.IDENTITY + "/v3/users/" + user(x, p) + "/application_credentials/" + credential(x, p), x));
        add(rows, "DELETE /v3/users/{id}/application_credentials/{id}",
                (c, w) -> c.admin() ? 204 : w == Whose.OTHER || c.restricted() ? 403 : 204, Caller::reader,
                (x, p) -> Api.call("DELETE", Api.IDENTITY + "/v3/users/" + user(x, p) + "/application_credentials/"
                        + freshCredential(x, p), x.token(), null));
        add(rows, "GET /v3/users/{id}/access_rules", ownOrAdmin(200, 403),
                (x, p) -> get(Api.IDENTITY + "/v3/users/" + user(x, p) + "/access_rules", x));
        add(rows, "GET /v3/auth/tokens (X-Subject-Token)", ownOrAdmin(200, 403),
                (x, p) -> Api.call("GET", Api.IDENTITY + "/v3/auth/tokens", x.token(), null,
                        Map.of("X-Subject-Token", x.whose() == Whose.OWN ? x.token() : p.memberToken())));
        // ---------------------------------------------------------------- compute (Nova key pairs)
        addOwn(rows, "GET /v2.1/os-keypairs", everyone(200),
                (x, p) -> Api.call("GET", Api.COMPUTE + "/v2.1/os-keypairs", x.token(), null, NOVA));
        add(rows, "GET /v2.1/os-keypairs/{name}", ownOrAdmin(200, 403),
                (x, p) -> Api.call("GET", Api.COMPUTE + "/v2.1/os-keypairs/" + key(x, p), x.token(), null, NOVA));
        add(rows, "POST /v2.1/os-keypairs", (c, w) -> c.admin() ? 201 : w == Whose.OTHER || c.reader() ? 403 : 201,
                (x, p) -> Api.call("POST", Api.COMPUTE + "/v2.1/os-keypairs", x.token(), "{\"keypair\":{\"name\":\"iso-"
                        + java.util.UUID.randomUUID() + "\",\"public_key\":\"" + Api.newOpenSshKey() + "\""
                        + (x.whose() == Whose.OTHER ? ",\"user_id\":\"" + p.memberId() + "\"" : "") + "}}", NOVA));
        add(rows, "DELETE /v2.1/os-keypairs/{name}", (c, w) -> c.admin() ? 204 : w == Whose.OTHER || c.reader() ? 403 : 204,
                (x, p) -> Api.call("DELETE", Api.COMPUTE + "/v2.1/os-keypairs/" + freshKey(x, p), x.token(), null, NOVA));
        // ------------------------------------------------------------ network (Neutron security groups)
        addOwn(rows, "GET /v2.0/security-groups", everyone(200),
                (x, p) -> get(Api.NETWORK + "/v2.0/security-groups", x));
        add(rows, "GET /v2.0/security-groups/{id}", ownOrAdmin(200, 404),
                (x, p) -> get(Api.NETWORK + "/v2.0/security-groups/" + p.groupId(), x));
        add(rows, "POST /v2.0/security-groups", (c, w) -> c.admin() ? 201 : w == Whose.OTHER ? 400 : c.reader() ? 403 : 201,
                (x, p) -> Api.call("POST", Api.NETWORK + "/v2.0/security-groups", x.token(),
                        "{\"security_group\":{\"name\":\"iso-new\",\"project_id\":\"" + p.id() + "\"}}"));
        add(rows, "PUT /v2.0/security-groups/{id}", writeOwnOrAdmin(200, 404),
                (x, p) -> Api.call("PUT", Api.NETWORK + "/v2.0/security-groups/" + p.groupId(), x.token(),
                        "{\"security_group\":{\"description\":\"changed by " + x.caller() + "\"}}"));
        add(rows, "DELETE /v2.0/security-groups/{id}", writeOwnOrAdmin(204, 404),
                (x, p) -> Api.call("DELETE", Api.NETWORK + "/v2.0/security-groups/" + Tenancy.freshGroup(p.memberToken()),
                        x.token(), null));
        addOwn(rows, "GET /v2.0/security-group-rules", everyone(200),
                (x, p) -> get(Api.NETWORK + "/v2.0/security-group-rules", x));
        add(rows, "GET /v2.0/security-group-rules/{id}", ownOrAdmin(200, 404),
                (x, p) -> get(Api.NETWORK + "/v2.0/security-group-rules/" + p.ruleId(), x));
        add(rows, "POST /v2.0/security-group-rules", writeOwnOrAdmin(201, 404),
                (x, p) -> Api.call("POST", Api.NETWORK + "/v2.0/security-group-rules", x.token(),
                        "{\"security_group_rule\":{\"security_group_id\":\"" + Tenancy.freshGroup(p.memberToken())
                                + "\",\"direction\":\"egress\",\"protocol\":\"udp\",\"port_range_min\":53,"
                                + "\"port_range_max\":53,\"remote_ip_prefix\":\"10.0.0.0/8\"}}"));
        add(rows, "DELETE /v2.0/security-group-rules/{id}", writeOwnOrAdmin(204, 404),
                (x, p) -> Api.call("DELETE", Api.NETWORK + "/v2.0/security-group-rules/"
                        + Tenancy.freshRule(p.memberToken(), p.groupId()), x.token(), null));
        add(rows, "GET /v2.0/quotas/{project}", ownOrAdmin(200, 403),
                (x, p) -> get(Api.NETWORK + "/v2.0/quotas/" + p.id(), x));
        // ----------------------------------------------------------------------------- audit
        add(rows, "GET /v1/events?project_id=", ownOrAdmin(200, 403),
                (x, p) -> get(Api.AUDIT + "/v1/events?project_id=" + p.id(), x));
        addOwn(rows, "GET /v1/events", everyone(200), (x, p) -> get(Api.AUDIT + "/v1/events?limit=1000", x));
        add(rows, "GET /v1/events/{id}", ownOrAdmin(200, 404), (x, p) -> get(Api.AUDIT + "/v1/events/" + p.eventId(), x));
        add(rows, "GET /v1/events/export?project_id=", ownOrAdmin(200, 403),
                (x, p) -> Api.call("GET", Api.AUDIT + "/v1/events/export?project_id=" + p.id(), x.token(), null, NDJSON));
        addOwn(rows, "GET /v1/events/export", everyone(200),
                (x, p) -> Api.call("GET", Api.AUDIT + "/v1/events/export", x.token(), null, NDJSON));
        add(rows, "GET /v1/alerts?project_id=", ownOrAdmin(200, 403),
                (x, p) -> get(Api.AUDIT + "/v1/alerts?project_id=" + p.id(), x));
        addOwn(rows, "GET /v1/alerts", everyone(200), (x, p) -> get(Api.AUDIT + "/v1/alerts", x));
        add(rows, "GET /v1/alerts/{id}", ownOrAdmin(200, 404), (x, p) -> get(Api.AUDIT + "/v1/alerts/" + p.alertId(), x));
        add(rows, "POST /v1/alerts/{id}/acknowledge", writeOwnOrAdmin(200, 404),
                (x, p) -> Api.call("POST", Api.AUDIT + "/v1/alerts/" + p.alertId() + "/acknowledge", x.token(), null));
        add(rows, "GET /v1/integrity/verify?project_id=", ownOrAdmin(200, 403),
                (x, p) -> get(Api.AUDIT + "/v1/integrity/verify?project_id=" + p.id(), x));
        addOwn(rows, "GET /v1/integrity/checkpoints", everyone(200), (x, p) -> get(Api.AUDIT + "/v1/integrity/checkpoints", x));
        addOwn(rows, "POST /v1/integrity/checkpoints", adminOnly(201),
                (x, p) -> Api.call("POST", Api.AUDIT + "/v1/integrity/checkpoints", x.token(), null));
        addOwn(rows, "GET /v1/integrity/public-key", everyone(200), (x, p) -> get(Api.AUDIT + "/v1/integrity/public-key", x));
        add(rows, "GET /v1/inventory/keypairs?project_id=", ownOrAdmin(200, 403),
                (x, p) -> get(Api.AUDIT + "/v1/inventory/keypairs?project_id=" + p.id(), x));
        add(rows, "GET /v1/inventory/application_credentials?project_id=", ownOrAdmin(200, 403),
                (x, p) -> get(Api.AUDIT + "/v1/inventory/application_credentials?project_id=" + p.id(), x));
        add(rows, "GET /v1/posture?project_id=", ownOrAdmin(200, 403),
                (x, p) -> get(Api.AUDIT + "/v1/posture?project_id=" + p.id(), x));
        add(rows, "GET /v1/retention?project_id=", ownOrAdmin(200, 403),
                (x, p) -> get(Api.AUDIT + "/v1/retention?project_id=" + p.id(), x));
        add(rows, "PUT /v1/retention", adminOnly(200), (x, p) -> Api.call("PUT", Api.AUDIT + "/v1/retention", x.token(),
                "{\"retention\":{\"project_id\":\"" + p.id() + "\",\"days\":400}}"));
        // Last: resolving is final, so every acknowledge row above ran on an open alert.
        add(rows, "POST /v1/alerts/{id}/resolve", writeOwnOrAdmin(200, 404),
                (x, p) -> Api.call("POST", Api.AUDIT + "/v1/alerts/" + p.alertId() + "/resolve", x.token(), null));
        return rows;
    }

    @Test
    void everyCallerOnEveryEndpointGetsExactlyWhatTheRulesSay() {
        List<String> failures = new ArrayList<>();
        List<Row> rows = rows();
        for (Row row : rows) {
            Ctx ctx = new Ctx(row.caller(), tenancy.of(row.caller()), row.whose());
            Project target = tenancy.target(row.caller(), row.whose() == Whose.OWN);
            Project foreign = tenancy.target(row.caller(), false);
            Api.Reply reply = row.call().apply(ctx, target);
            String label = row.caller() + " " + row.endpoint() + " (" + row.whose() + ")";
            if (reply.status() != row.expected()) {
                failures.add(label + ": expected " + row.expected() + ", got " + reply.status() + " " + abbreviate(reply.body()));
            } else if (reply.ok() && !row.caller().admin() && namesTheOther(row.endpoint(), reply, foreign) != null) {
                failures.add(label + ": the answer names the other project or its member: "
                        + namesTheOther(row.endpoint(), reply, foreign));
            } else if (!reply.ok() && !errorShape(row.endpoint(), reply)) {
                failures.add(label + ": " + reply.status() + " not in the API's error format: " + abbreviate(reply.body()));
            }
        }
        System.out.printf("tenant isolation: %d rows (%d endpoints x callers x own/other), %d failed%n", rows.size(),
                rows.stream().map(Row::endpoint).distinct().count(), failures.size());
        assertEquals(List.of(), failures, failures.size() + " of " + rows.size() + " rows failed");
    }

    // ------------------------------------------------------------------------------ helpers

    private static void add(List<Row> rows, String endpoint, Rule rule, Call call) {
        add(rows, endpoint, rule, c -> false, call);
    }

    /** Adds a row per caller and whose, except for callers {@code skipOwn} says cannot own the resource. */
    private static void add(List<Row> rows, String endpoint, Rule rule, java.util.function.Predicate<Caller> skipOwn,
            Call call) {
        for (Caller c : Caller.values()) {
            for (Whose w : Whose.values()) {
                if (w == Whose.OWN && skipOwn.test(c)) {
                    continue;
                }
                rows.add(new Row(endpoint, c, w, rule.apply(c, w), call));
            }
        }
    }

    /** Adds a row per caller for endpoints about no one resource (lists, the caller's own scope). */
    private static void addOwn(List<Row> rows, String endpoint, Rule rule, Call call) {
        for (Caller c : Caller.values()) {
            rows.add(new Row(endpoint, c, Whose.OWN, rule.apply(c, Whose.OWN), call));
        }
    }

    private static Api.Reply get(String url, Ctx x) {
        return Api.call("GET", url, x.token(), null);
    }

    /** The caller's own user id, or the other project's member. */
    private static String user(Ctx x, Project p) {
        return x.whose() == Whose.OWN ? x.me().userId() : p.memberId();
    }

    /** An application credential of the caller (its own, made by the member of its project) or of the other member. */
    private static String credential(Ctx x, Project p) {
        if (x.whose() == Whose.OWN && x.caller().admin()) {
            return Tenancy.freshCredential(x.me());
        }
        return p.credentialId();
    }

    private static String freshCredential(Ctx x, Project p) {
        if (x.whose() == Whose.OTHER) {
            return Tenancy.freshCredential(new Identity(p.memberId(), p.id(), p.memberToken()));
        }
        return Tenancy.freshCredential(x.caller().restricted() ? tenancy.of(Caller.A_MEMBER) : x.me());
    }

    /** Own: a key pair of the caller (made by the admin for readers); other: the other member's, by user_id. */
    private static String key(Ctx x, Project p) {
        if (x.whose() == Whose.OTHER) {
            return p.keyName() + "?user_id=" + p.memberId();
        }
        return freshKey(x, p).replaceFirst("\\?.*", "");
    }

    private static String freshKey(Ctx x, Project p) {
        String admin = tenancy.of(Caller.ADMIN).token();
        if (x.whose() == Whose.OTHER) {
            return Tenancy.freshKey(p.memberToken(), null) + "?user_id=" + p.memberId();
        }
        if (x.caller().reader()) {
            return Tenancy.freshKey(admin, x.me().userId());
        }
        return Tenancy.freshKey(x.token(), null);
    }

    /**
     * Where an answer carries the other project's id or its member's user id (null: nowhere). In the
     * audit API the target (and subject) of a refused call is left out of the search: a caller's own attempt on
     * the other project's resource is the caller's project's record, and names only what the
     * caller itself asked for.
     */
    private static String namesTheOther(String endpoint, Api.Reply reply, Project foreign) {
        String text = reply.body();
        if (endpoint.contains(" /v1/")) {
            StringBuilder stripped = new StringBuilder();
            for (String doc : endpoint.contains("export") ? text.split("\n") : new String[] {text}) {
                if (!doc.isBlank()) {
                    stripped.append(withoutRefusedTargets(new Api.Reply(200, doc).json())).append('\n');
                }
            }
            text = stripped.toString();
        }
        for (String id : List.of(foreign.id(), foreign.memberId())) {
            int at = text.indexOf(id);
            if (at >= 0) {
                return "..." + text.substring(Math.max(0, at - 250), Math.min(text.length(), at + 100)) + "...";
            }
        }
        return null;
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutRefusedTargets(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isObject() && "failure".equals(n.path("data").path("outcome").asText())) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("subject"); // the envelope's copy of the target
            ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("data")).remove("target");
        }
        n.forEach(TenantIsolationMatrixTest::withoutRefusedTargets);
        return n;
    }

    /** Whether a refusal is in the error format of the endpoint's API. */
    private static boolean errorShape(String endpoint, Api.Reply r) {
        var body = r.json();
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        if (path.startsWith("/v3")) {
            return body.at("/error/code").asInt() == r.status() && body.at("/error/message").isTextual();
        }
        if (path.startsWith("/v2.1")) {
            return body.size() == 1 && body.elements().next().path("code").asInt() == r.status();
        }
        if (path.startsWith("/v2.0")) {
            return body.at("/NeutronError/type").isTextual() && body.at("/NeutronError/message").isTextual();
        }
        return body.at("/error/code").asInt() == r.status() && body.at("/error/message").isTextual();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
