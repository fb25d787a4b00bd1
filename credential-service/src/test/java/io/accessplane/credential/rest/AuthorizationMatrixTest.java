package io.accessplane.credential.rest;

import static io.accessplane.credential.rest.IdentityClient.adminToken;
import static io.accessplane.credential.rest.IdentityClient.createAppCred;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what on the identity API: every role (reader, member, admin) on every endpoint,
 * on its own things and on another user's or project's, as one table (after Keystone's
 * protection tests). Each row names the expected status; all rows run and all failures are reported.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Role { READER, MEMBER, ADMIN }

    enum Whose { OWN, OTHER }

    /** A caller: its token, user and project. */
    record Actor(String token, String userId, String projectId) {
    }

    /** The other user's things, made fresh for each row that changes them. */
    record Fixture(String userId, String projectId, String appCredId, String token) {
    }

    /** One row: what to call and the status the policy gives. */
    record Row(String name, Role role, Whose whose, int expected,
            java.util.function.BiFunction<Actor, Fixture, io.restassured.response.Response> call) {
    }

    static Map<Role, Actor> actors;
    static String admin;

    @BeforeEach
    void setUp() {
        if (actors != null) {
            return;
        }
        admin = adminToken();
        actors = new java.util.EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            String[] u = IdentityClient.userWithRole(admin, r.name().toLowerCase());
            String token = IdentityClient.token(u[1], IdentityClient.passwordOf(u[1]), u[0]);
            actors.put(r, new Actor(token, u[2], u[3]));
        }
    }

    /** Another user with a project and an application credential, for the OTHER rows. */
    Fixture other() {
        String[] u = IdentityClient.userWithRole(admin, "member");
        String token = IdentityClient.token(u[1], IdentityClient.passwordOf(u[1]), u[0]);
        String ac = createAppCred(token, u[2], Map.of("name", "fixture")).path("application_credential.id");
        return new Fixture(u[2], u[3], ac, token);
    }

    /** The actor's own things (an application credential made by an admin token of its own is not possible). */
    Fixture own(Actor a) {
        String ac = null;
        if (a != actors.get(Role.READER)) {
            ac = createAppCred(a.token(), a.userId(), Map.of("name", "own-" + UUID.randomUUID()))
                    .path("application_credential.id");
        }
        return new Fixture(a.userId(), a.projectId(), ac, a.token());
    }

    static RequestSpecification as(Actor a) {
        return given().header("X-Auth-Token", a.token()).contentType(ContentType.JSON);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Function<Role, Integer> adminOnly = r -> r == Role.ADMIN ? 200 : 403;
        for (Role r : Role.values()) {
            rows.add(new Row("list users", r, Whose.OTHER, adminOnly.apply(r), (a, f) -> as(a).get("/v3/users")));
            rows.add(new Row("show user", r, Whose.OWN, 200, (a, f) -> as(a).get("/v3/users/" + f.userId())));
            rows.add(new Row("show user", r, Whose.OTHER, adminOnly.apply(r), (a, f) -> as(a).get("/v3/users/" + f.userId())));
            rows.add(new Row("create user", r, Whose.OTHER, r == Role.ADMIN ? 201 : 403, (a, f) -> as(a)
                    .body(Map.of("user", Map.of("name", "m-" + UUID.randomUUID(), "password", "x"))).post("/v3/users")));
            rows.add(new Row("update user", r, Whose.OTHER, adminOnly.apply(r), (a, f) -> as(a)
                    .body(Map.of("user", Map.of("description", "changed"))).patch("/v3/users/" + f.userId())));
            rows.add(new Row("delete user", r, Whose.OTHER, r == Role.ADMIN ? 204 : 403,
                    (a, f) -> as(a).delete("/v3/users/" + f.userId())));
            rows.add(new Row("list projects", r, Whose.OTHER, adminOnly.apply(r), (a, f) -> as(a).get("/v3/projects")));
            rows.add(new Row("show project", r, Whose.OWN, 200, (a, f) -> as(a).get("/v3/projects/" + f.projectId())));
            rows.add(new Row("show project", r, Whose.OTHER, adminOnly.apply(r),
                    (a, f) -> as(a).get("/v3/projects/" + f.projectId())));
            rows.add(new Row("create project", r, Whose.OTHER, r == Role.ADMIN ? 201 : 403, (a, f) -> as(a)
                    .body(Map.of("project", Map.of("name", "m-" + UUID.randomUUID().toString().substring(0, 20))))
                    .post("/v3/projects")));
            rows.add(new Row("delete project", r, Whose.OTHER, r == Role.ADMIN ? 204 : 403,
                    (a, f) -> as(a).delete("/v3/projects/" + f.projectId())));
            rows.add(new Row("grant role", r, Whose.OTHER, r == Role.ADMIN ? 204 : 403, (a, f) -> as(a)
                    .put("/v3/projects/" + f.projectId() + "/users/" + f.userId() + "/roles/reader")));
            rows.add(new Row("grant role", r, Whose.OWN, r == Role.ADMIN ? 204 : 403, (a, f) -> as(a)
                    .put("/v3/projects/" + f.projectId() + "/users/" + f.userId() + "/roles/admin")));
            rows.add(new Row("list role assignments", r, Whose.OTHER, adminOnly.apply(r),
                    (a, f) -> as(a).get("/v3/role_assignments")));
            rows.add(new Row("list roles", r, Whose.OWN, 200, (a, f) -> as(a).get("/v3/roles")));
            rows.add(new Row("create application credential", r, Whose.OWN, r == Role.READER ? 403 : 201,
                    (a, f) -> as(a).body(Map.of("application_credential", Map.of("name", "m-" + UUID.randomUUID())))
                            .post("/v3/users/" + f.userId() + "/application_credentials")));
            rows.add(new Row("create application credential", r, Whose.OTHER, 403,
                    (a, f) -> as(a).body(Map.of("application_credential", Map.of("name", "m-" + UUID.randomUUID())))
                            .post("/v3/users/" + f.userId() + "/application_credentials")));
            rows.add(new Row("list application credentials", r, Whose.OWN, 200,
                    (a, f) -> as(a).get("/v3/users/" + f.userId() + "/application_credentials")));
            rows.add(new Row("list application credentials", r, Whose.OTHER, adminOnly.apply(r),
                    (a, f) -> as(a).get("/v3/users/" + f.userId() + "/application_credentials")));
            rows.add(new Row("show application credential", r, Whose.OTHER, adminOnly.apply(r),
                    (a, f) -> as(a).get("/v3/users/" + f.userId() + "/application_credentials/" + f.appCredId())));
            if (r != Role.READER) {
                rows.add(new Row("show application credential", r, Whose.OWN, 200,
                        (a, f) -> as(a).get("/v3/users/" + f.userId() + "/application_credentials/" + f.appCredId())));
                rows.add(new Row("delete application credential", r, Whose.OWN, 204,
                        (a, f) -> as(a).delete("/v3/users/" + f.userId() + "/application_credentials/" + f.appCredId())));
            }
            rows.add(new Row("delete application credential", r, Whose.OTHER, r == Role.ADMIN ? 204 : 403,
                    (a, f) -> as(a).delete("/v3/users/" + f.userId() + "/application_credentials/" + f.appCredId())));
            rows.add(new Row("list access rules", r, Whose.OWN, 200,
                    (a, f) -> as(a).get("/v3/users/" + f.userId() + "/access_rules")));
            rows.add(new Row("list access rules", r, Whose.OTHER, adminOnly.apply(r),
                    (a, f) -> as(a).get("/v3/users/" + f.userId() + "/access_rules")));
            rows.add(new Row("validate token", r, Whose.OWN, 200,
                    (a, f) -> as(a).header("X-Subject-Token", f.token()).get("/v3/auth/tokens")));
            rows.add(new Row("validate token", r, Whose.OTHER, adminOnly.apply(r),
                    (a, f) -> as(a).header("X-Subject-Token", f.token()).get("/v3/auth/tokens")));
            rows.add(new Row("auth catalog", r, Whose.OWN, 200, (a, f) -> as(a).get("/v3/auth/catalog")));
            rows.add(new Row("auth projects", r, Whose.OWN, 200, (a, f) -> as(a).get("/v3/auth/projects")));
        }
        return rows;
    }

    @Test
    void everyRoleOnEveryEndpointGetsWhatThePolicySays() {
        List<String> failures = new ArrayList<>();
        List<Row> rows = rows();
        for (Row row : rows) {
            Actor actor = actors.get(row.role());
            Fixture fixture = row.whose() == Whose.OWN ? own(actor) : other();
            var response = row.call().apply(actor, fixture);
            if (response.statusCode() != row.expected()) {
                failures.add(row.role() + " " + row.name() + " (" + row.whose() + "): expected " + row.expected()
                        + ", got " + response.statusCode() + " " + response.asString());
            } else if (row.expected() == 403 && response.<Integer>path("error.code") != 403) {
                failures.add(row.role() + " " + row.name() + ": 403 not in Keystone's error shape");
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + rows.size() + " rows failed");
    }
}
