package io.accessplane.e2e.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.cli.OpenStackCli;
import io.accessplane.e2e.stack.Api;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Two projects made through the real client, each with a reader and a member, the bootstrap admin
 * and a restricted application credential of project A's member; plus, per project, what its
 * member owns (a security group with a rule, a key pair, an application credential, an alert).
 */
final class Tenancy {

    /** Who calls. */
    enum Caller {
        ADMIN, A_READER, A_MEMBER, A_RESTRICTED_CREDENTIAL, B_READER, B_MEMBER;

        boolean admin() {
            return this == ADMIN;
        }

        boolean reader() {
            return this == A_READER || this == B_READER;
        }

        boolean restricted() {
            return this == A_RESTRICTED_CREDENTIAL;
        }

        /** May change its project's resources (member role or admin). */
        boolean writer() {
            return !reader();
        }

        /** The project whose resources are this caller's own (the admin's "own" is project A). */
        char home() {
            return name().startsWith("B_") ? 'B' : 'A';
        }
    }

    /** A caller's identity and token. */
    record Identity(String userId, String projectId, String token) {
    }

    /** What a project's member owns, made once for the read-only rows. */
    record Project(String id, String memberId, String memberToken, String groupId, String ruleId, String keyName,
            String credentialId, String eventId, String alertId) {
    }

    final Map<Caller, Identity> callers = new EnumMap<>(Caller.class);
    final Project a;
    final Project b;
    private final OpenStackCli admin;

    Tenancy() throws Exception {
        admin = OpenStackCli.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<Character, String> projects = Map.of('A', "iso-a-" + suffix, 'B', "iso-b-" + suffix);
        Map<Caller, OpenStackCli> clis = new EnumMap<>(Caller.class);
        for (String p : projects.values()) {
            admin.json("project", "create", p);
        }
        for (Caller c : Caller.values()) {
            if (c.admin() || c.restricted()) {
                continue;
            }
            String user = "iso-" + c.name().toLowerCase().replace('_', '-') + "-" + suffix;
            String password = "pw-" + UUID.randomUUID();
            String project = projects.get(c.home());
            admin.json("user", "create", "--password", password, user);
            admin.run("role", "add", "--project", project, "--user", user, c.reader() ? "reader" : "member").ok();
            clis.put(c, admin.asUser(user, password, project));
        }
        JsonNode cred = clis.get(Caller.A_MEMBER).json("application", "credential", "create", "iso-restricted-" + suffix);
        clis.put(Caller.A_RESTRICTED_CREDENTIAL, admin.asApplicationCredential(cred.get("id").asText(),
                cred.get("secret").asText()));
        clis.put(Caller.ADMIN, admin);
        for (Caller c : Caller.values()) {
            JsonNode t = clis.get(c).json("token", "issue");
            callers.put(c, new Identity(t.get("user_id").asText(), t.get("project_id").asText(), t.get("id").asText()));
        }
        for (Caller member : new Caller[] {Caller.A_MEMBER, Caller.B_MEMBER}) {
            // room for the groups and rules the matrix makes (Neutron's defaults are 10 and 100)
            Api.Reply q = Api.call("PUT", Api.NETWORK + "/v2.0/quotas/" + of(member).projectId(), of(Caller.ADMIN).token(),
                    "{\"quota\":{\"security_group\":500,\"security_group_rule\":2000}}");
            if (!q.ok()) {
                throw new AssertionError("quota: " + q.status() + " " + q.body());
            }
        }
        a = project(Caller.A_MEMBER);
        b = project(Caller.B_MEMBER);
    }

    Identity of(Caller c) {
        return callers.get(c);
    }

    /** The caller's own project's fixtures ({@code whose == OWN}) or the other project's. */
    Project target(Caller c, boolean own) {
        boolean homeIsA = c.home() == 'A';
        return own == homeIsA ? a : b;
    }

    private Project project(Caller member) throws Exception {
        Identity m = of(member);
        String group = freshGroup(m.token());
        String rule = Api.call("POST", Api.NETWORK + "/v2.0/security-group-rules", m.token(),
                "{\"security_group_rule\":{\"security_group_id\":\"" + group + "\",\"direction\":\"ingress\","
                        + "\"protocol\":\"tcp\",\"port_range_min\":22,\"port_range_max\":22,"
                        + "\"remote_ip_prefix\":\"0.0.0.0/0\"}}").json().at("/security_group_rule/id").asText();
        String key = freshKey(m.token(), null);
        String credential = freshCredential(m);
        String adminToken = of(Caller.ADMIN).token();
        String event = null;
        String alert = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((event == null || alert == null) && System.nanoTime() < deadline) {
            JsonNode events = Api.call("GET", Api.AUDIT + "/v1/events?target_id=" + group, adminToken, null).json();
            if (events.path("events").size() > 0) {
                event = events.path("events").get(0).get("id").asText();
            }
            JsonNode alerts = Api.call("GET", Api.AUDIT + "/v1/alerts?project_id=" + m.projectId(), adminToken, null)
                    .json();
            if (alerts.path("alerts").size() > 0) {
                alert = alerts.path("alerts").get(0).get("id").asText();
            }
            Thread.sleep(200);
        }
        if (event == null || alert == null) {
            throw new AssertionError("the audit service did not record project " + m.projectId() + " in 60 s");
        }
        return new Project(m.projectId(), m.userId(), m.token(), group, rule, key, credential, event, alert);
    }

    /** A new security group in the token's project; its id. */
    static String freshGroup(String token) {
        return created(Api.call("POST", Api.NETWORK + "/v2.0/security-groups", token,
                "{\"security_group\":{\"name\":\"iso-" + UUID.randomUUID() + "\"}}"), "/security_group/id");
    }

    private static String created(Api.Reply r, String idPointer) {
        if (r.status() != 201) {
            throw new AssertionError("fixture: " + r.status() + " " + r.body());
        }
        return r.json().at(idPointer).asText();
    }

    /** A new (non-world-open) rule in a group; its id. */
    static String freshRule(String token, String group) {
        int port = NEXT_PORT.incrementAndGet();
        return created(Api.call("POST", Api.NETWORK + "/v2.0/security-group-rules", token,
                "{\"security_group_rule\":{\"security_group_id\":\"" + group + "\",\"direction\":\"ingress\","
                        + "\"protocol\":\"tcp\",\"port_range_min\":" + port + ",\"port_range_max\":" + port + ","
                        + "\"remote_ip_prefix\":\"10.0.0.0/8\"}}"), "/security_group_rule/id");
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger(20_000);

    /** A new imported key pair of the token's user, or (an admin token) of {@code forUser}; its name. */
    static String freshKey(String token, String forUser) {
        String name = "iso-" + UUID.randomUUID();
        Api.Reply r = Api.call("POST", Api.COMPUTE + "/v2.1/os-keypairs", token, "{\"keypair\":{\"name\":\"" + name
                + "\",\"public_key\":\"" + Api.newOpenSshKey() + "\"" + (forUser == null ? "" : ",\"user_id\":\"" + forUser + "\"")
                + "}}", COMPUTE_2_10);
        if (r.status() != 201) {
            throw new AssertionError("key pair fixture: " + r.status() + " " + r.body());
        }
        return name;
    }

    /** A new application credential of the identity's user; its id. */
    static String freshCredential(Identity owner) {
        Api.Reply r = Api.call("POST", Api.IDENTITY + "/v3/users/" + owner.userId() + "/application_credentials",
                owner.token(), "{\"application_credential\":{\"name\":\"iso-" + UUID.randomUUID() + "\"}}");
        if (r.status() != 201) {
            throw new AssertionError("application credential fixture: " + r.status() + " " + r.body());
        }
        return r.json().at("/application_credential/id").asText();
    }

    /** Nova microversion 2.10: key pairs of other users by {@code user_id}, 201/204 answers. */
    static final Map<String, String> COMPUTE_2_10 = Map.of("X-OpenStack-Nova-API-Version", "2.10",
            "OpenStack-API-Version", "compute 2.10");
}
