package io.accessplane.credential.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives the identity API over HTTP the way the openstack client does, for tests. */
final class IdentityClient {

    static final String ADMIN_PASSWORD = "test-admin-password";

    private IdentityClient() {
    }

    static ExtractableResponse<Response> passwordToken(String user, String password, String project) {
        Map<String, Object> auth = Map.of("identity", Map.of("methods", List.of("password"),
                        "password", Map.of("user", Map.of("name", user, "domain", Map.of("name", "Default"),
                                "password", password))),
                "scope", Map.of("project", Map.of("name", project, "domain", Map.of("name", "Default"))));
        return given().contentType(ContentType.JSON).body(Map.of("auth", auth)).post("/v3/auth/tokens").then().extract();
    }

    static String token(String user, String password, String project) {
        ExtractableResponse<Response> r = passwordToken(user, password, project);
        if (r.statusCode() != 201) {
            throw new AssertionError("token for " + user + ": " + r.statusCode() + " " + r.asString());
        }
        return r.header("X-Subject-Token");
    }

    static String adminToken() {
        return token("admin", ADMIN_PASSWORD, "admin");
    }

    static ExtractableResponse<Response> appCredToken(String id, String secret) {
        Map<String, Object> auth = Map.of("identity", Map.of("methods", List.of("application_credential"),
                "application_credential", Map.of("id", id, "secret", secret)));
        return given().contentType(ContentType.JSON).body(Map.of("auth", auth)).post("/v3/auth/tokens").then().extract();
    }

    static String createProject(String admin, String name) {
        return given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body(Map.of("project", Map.of("name", name))).post("/v3/projects")
                .then().statusCode(201).extract().path("project.id");
    }

    static String createUser(String admin, String name, String password) {
        return given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body(Map.of("user", Map.of("name", name, "password", password))).post("/v3/users")
                .then().statusCode(201).extract().path("user.id");
    }

    static void grant(String admin, String projectId, String userId, String role) {
        String roleId = given().header("X-Auth-Token", admin).get("/v3/roles?name=" + role)
                .then().statusCode(200).extract().path("roles[0].id");
        given().header("X-Auth-Token", admin).put("/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId)
                .then().statusCode(204);
    }

    /** A fresh project with a user holding {@code role} on it; returns [projectName, userName, userId, projectId]. */
    static String[] userWithRole(String admin, String role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String project = "p-" + suffix;
        String user = "u-" + suffix;
        String projectId = createProject(admin, project);
        String userId = createUser(admin, user, "pw-" + suffix);
        grant(admin, projectId, userId, role);
        return new String[] {project, user, userId, projectId};
    }

    static String passwordOf(String userName) {
        return "pw-" + userName.substring(2);
    }

    static ExtractableResponse<Response> createAppCred(String token, String userId, Map<String, Object> body) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body(Map.of("application_credential", body))
                .post("/v3/users/" + userId + "/application_credentials").then().extract();
    }
}
