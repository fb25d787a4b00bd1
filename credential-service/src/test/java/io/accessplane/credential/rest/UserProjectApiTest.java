package io.accessplane.credential.rest;

import static io.accessplane.credential.rest.IdentityClient.adminToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users, projects, roles, grants and domains: contracts and every error case in Keystone's shape. */
@QuarkusTest
class UserProjectApiTest {

    String admin;

    @BeforeEach
    void setUp() {
        admin = adminToken();
    }

    RequestSpecification asAdmin() {
        return given().header("X-Auth-Token", admin).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void userLifecycle() {
        String name = unique("user");
        String id = asAdmin().body(Map.of("user", Map.of("name", name, "password", "secret-1", "email", "a@b.c")))
                .post("/v3/users").then().statusCode(201)
                .body("user.name", is(name)).body("user.domain_id", is("default")).body("user.enabled", is(true))
                .body("user", not(org.hamcrest.Matchers.hasKey("password")))
                .extract().path("user.id");
        asAdmin().get("/v3/users?name=" + name).then().statusCode(200).body("users.id", hasItem(id));
        asAdmin().get("/v3/users/" + id).then().statusCode(200).body("user.email", is("a@b.c"));
        asAdmin().body(Map.of("user", Map.of("name", name + "-renamed"))).patch("/v3/users/" + id)
                .then().statusCode(200).body("user.name", is(name + "-renamed"));
        asAdmin().delete("/v3/users/" + id).then().statusCode(204);
        asAdmin().get("/v3/users/" + id).then().statusCode(404).body("error.code", is(404))
                .body("error.title", is("Not Found"));
        asAdmin().delete("/v3/users/" + id).then().statusCode(404);
    }

    @Test
    void userErrors() {
        String name = unique("dup");
        asAdmin().body(Map.of("user", Map.of("name", name))).post("/v3/users").then().statusCode(201);
        asAdmin().body(Map.of("user", Map.of("name", name))).post("/v3/users").then().statusCode(409)
                .body("error.title", is("Conflict"));
        for (Object body : List.of(Map.of(), Map.of("user", "x"), Map.of("user", Map.of()),
                Map.of("user", Map.of("name", 5)), Map.of("user", Map.of("name", "")),
                Map.of("user", Map.of("name", "x".repeat(256))), Map.of("user", Map.of("name", "ok", "enabled", "yes")),
                Map.of("user", Map.of("name", "ok", "shoe_size", 44)))) {
            asAdmin().body(body).post("/v3/users").then().statusCode(400).body("error.code", is(400));
        }
        asAdmin().body("{\"user\":").post("/v3/users").then().statusCode(400).body("error.code", is(400));
        asAdmin().body(Map.of("user", Map.of("name", unique("x"), "domain_id", "elsewhere"))).post("/v3/users")
                .then().statusCode(404);
        asAdmin().body(Map.of("user", Map.of("name", unique("x"), "default_project_id", "nope"))).post("/v3/users")
                .then().statusCode(404);
        asAdmin().body(Map.of("user", Map.of("enabled", false))).patch("/v3/users/nope").then().statusCode(404);
    }

    @Test
    void projectLifecycleAndErrors() {
        String name = unique("proj");
        String id = asAdmin().body(Map.of("project", Map.of("name", name, "description", "d")))
                .post("/v3/projects").then().statusCode(201).body("project.name", is(name))
                .body("project.domain_id", is("default")).body("project.is_domain", is(false))
                .extract().path("project.id");
        asAdmin().body(Map.of("project", Map.of("name", name))).post("/v3/projects").then().statusCode(409);
        asAdmin().get("/v3/projects/" + id).then().statusCode(200).body("project.description", is("d"));
        asAdmin().get("/v3/projects/" + name).then().statusCode(200).body("project.id", is(id));
        asAdmin().get("/v3/projects?name=" + name).then().statusCode(200).body("projects.id", hasItem(id));
        asAdmin().body(Map.of("project", Map.of("name", "x", "is_domain", true))).post("/v3/projects")
                .then().statusCode(400);
        asAdmin().body(Map.of("project", Map.of("name", "x".repeat(65)))).post("/v3/projects").then().statusCode(400);
        asAdmin().delete("/v3/projects/" + id).then().statusCode(204);
        asAdmin().get("/v3/projects/" + id).then().statusCode(404).body("error.code", is(404));
    }

    @Test
    void grantsAndAssignments() {
        String[] u = IdentityClient.userWithRole(admin, "reader");
        String memberId = asAdmin().get("/v3/roles?name=member").then().statusCode(200).extract().path("roles[0].id");
        String path = "/v3/projects/" + u[3] + "/users/" + u[2] + "/roles/";
        asAdmin().head(path + memberId).then().statusCode(404);
        asAdmin().put(path + memberId).then().statusCode(204);
        asAdmin().put(path + memberId).then().statusCode(204);
        asAdmin().head(path + memberId).then().statusCode(204);
        asAdmin().get("/v3/role_assignments?user.id=" + u[2] + "&include_names").then().statusCode(200)
                .body("role_assignments.role.name", hasItem("member"))
                .body("role_assignments.scope.project.name", hasItem(u[0]));
        asAdmin().get("/v3/role_assignments?scope.project.id=" + u[3]).then().statusCode(200)
                .body("role_assignments.size()", is(2));
        asAdmin().put(path + "nope").then().statusCode(404).body("error.code", is(404));
        asAdmin().put("/v3/projects/nope/users/" + u[2] + "/roles/" + memberId).then().statusCode(404);
        asAdmin().put("/v3/projects/" + u[3] + "/users/nope/roles/" + memberId).then().statusCode(404);
        asAdmin().delete(path + memberId).then().statusCode(204);
        asAdmin().delete(path + memberId).then().statusCode(404);
        asAdmin().post("/v3/roles").then().statusCode(403);
        asAdmin().get("/v3/roles/nope").then().statusCode(404);
    }

    @Test
    void domainsAndPasswordChange() {
        asAdmin().get("/v3/domains").then().statusCode(200).body("domains[0].id", is("default"));
        asAdmin().get("/v3/domains/default").then().statusCode(200).body("domain.name", is("Default"));
        asAdmin().get("/v3/domains/other").then().statusCode(404);
        String[] u = IdentityClient.userWithRole(admin, "member");
        String old = IdentityClient.passwordOf(u[1]);
        String token = IdentityClient.token(u[1], old, u[0]);
        given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body(Map.of("user", Map.of("original_password", "wrong", "password", "new-pw")))
                .post("/v3/users/" + u[2] + "/password").then().statusCode(401);
        given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body(Map.of("user", Map.of("original_password", old, "password", "new-pw")))
                .post("/v3/users/" + u[2] + "/password").then().statusCode(204);
        assertEquals(401, IdentityClient.passwordToken(u[1], old, u[0]).statusCode());
        assertEquals(201, IdentityClient.passwordToken(u[1], "new-pw", u[0]).statusCode());
        given().header("X-Auth-Token", token).get("/v3/auth/catalog").then().statusCode(401);
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void denialsAreRecordedEvenThoughTheRequestFails() {
        String[] u = IdentityClient.userWithRole(admin, "member");
        String token = IdentityClient.token(u[1], IdentityClient.passwordOf(u[1]), u[0]);
        given().header("X-Auth-Token", token).get("/v3/users").then().statusCode(403);
        given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body(Map.of("project", Map.of("name", unique("nope")))).post("/v3/projects").then().statusCode(403);
        var db = new io.accessplane.platform.testing.TestDatabase(jdbcUrl, "accessplane_test", "accessplane_test");
        assertEquals(2, db.count("SELECT count(*) FROM outbox_event WHERE type = 'io.accessplane.authorization.denied.v1'"
                + " AND payload->'data'->'initiator'->>'user_id' = ?", u[2]));
    }

    @Test
    void unknownRoutesAndMethodsAreKeystoneErrors() {
        asAdmin().get("/v3/nothing-here").then().statusCode(404).body("error.code", is(404));
        asAdmin().body("{}").put("/v3/users").then().statusCode(405).body("error.code", is(405));
        given().header("X-Auth-Token", admin).contentType(ContentType.TEXT).body("name=x").post("/v3/projects")
                .then().statusCode(415).body("error.code", is(415));
    }

    @Test
    void textPostgreSqlCannotStoreIsA400AndNothingIsStored() {
        String name = unique("nul");
        asAdmin().body(Map.of("project", Map.of("name", name, "description", "a\u0000b"))).post("/v3/projects")
                .then().statusCode(400).body("error.code", org.hamcrest.Matchers.is(400))
                .body("error.message", org.hamcrest.Matchers.containsString("NUL"));
        asAdmin().get("/v3/projects?name=" + name).then().statusCode(200)
                .body("projects.size()", org.hamcrest.Matchers.is(0));
        asAdmin().urlEncodingEnabled(false).get("/v3/users/a%00b").then().statusCode(400)
                .body("error.code", org.hamcrest.Matchers.is(400));
    }
}
