package io.accessplane.credential.rest;

import static io.accessplane.credential.rest.IdentityClient.ADMIN_PASSWORD;
import static io.accessplane.credential.rest.IdentityClient.adminToken;
import static io.accessplane.credential.rest.IdentityClient.passwordToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keystone's discovery and token API: issue, validate, check, revoke, catalog, errors and lockout. */
@QuarkusTest
class TokenApiTest {

    @Test
    void discovery() {
        given().redirects().follow(false).get("/").then().statusCode(300)
                .header("Location", endsWith("/v3/"))
                .body("versions.values[0].id", is("v3.14"));
        given().get("/v3").then().statusCode(200)
                .body("version.id", is("v3.14"))
                .body("version.status", is("stable"))
                .body("version.media-types[0].type", is("application/vnd.openstack.identity-v3+json"));
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", is("RSA")).body("keys[0].kid", notNullValue());
    }

    @Test
    void passwordTokenHasKeystonesShape() {
        var r = passwordToken("admin", ADMIN_PASSWORD, "admin");
        assertEquals(201, r.statusCode(), r.asString());
        String jwt = r.header("X-Subject-Token");
        assertEquals(3, jwt.split("\\.").length, "a signed JWT");
        Map<String, Object> token = r.path("token");
        assertEquals(List.of("password"), token.get("methods"));
        given().header("X-Auth-Token", jwt).header("X-Subject-Token", jwt).get("/v3/auth/tokens")
                .then().statusCode(200)
                .header("X-Subject-Token", is(jwt))
                .body("token.user.name", is("admin"))
                .body("token.user.domain.id", is("default"))
                .body("token.project.name", is("admin"))
                .body("token.roles.name", hasItems("admin", "member", "reader"))
                .body("token.audit_ids.size()", is(1))
                .body("token.expires_at", org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"))
                .body("token.catalog.type", hasItems("identity", "compute", "network", "audit"));
        given().header("X-Auth-Token", jwt).header("X-Subject-Token", jwt).get("/v3/auth/tokens?nocatalog")
                .then().statusCode(200).body("token.catalog", org.hamcrest.Matchers.nullValue());
        given().header("X-Auth-Token", jwt).get("/v3/auth/catalog").then().statusCode(200)
                .body("catalog.type", hasItems("compute", "network"));
        given().header("X-Auth-Token", jwt).get("/v3/auth/projects").then().statusCode(200)
                .body("projects.name", hasItems("admin"));
    }

    @Test
    void badPasswordAndUnknownUserGetTheSame401() {
        var wrong = passwordToken("admin", "not-the-password", "admin");
        var unknown = passwordToken("nobody-" + System.nanoTime(), "whatever", "admin");
        for (var r : List.of(wrong, unknown)) {
            assertEquals(401, r.statusCode());
            assertEquals("The request you have made requires authentication.", r.path("error.message"));
            assertEquals(401, (int) r.path("error.code"));
            assertEquals("Unauthorized", r.path("error.title"));
            assertEquals(true, r.header("WWW-Authenticate").startsWith("Keystone uri="));
        }
    }

    @Test
    void userIsLockedAfterRepeatedFailures() {
        String admin = adminToken();
        String[] u = IdentityClient.userWithRole(admin, "member");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, passwordToken(u[1], "wrong", u[0]).statusCode());
        }
        var locked = passwordToken(u[1], IdentityClient.passwordOf(u[1]), u[0]);
        assertEquals(401, locked.statusCode());
        assertEquals("The account is locked for user: " + u[2] + ".", locked.path("error.message"));
        // an admin re-enabling the user clears the lock
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body(Map.of("user", Map.of("enabled", true))).patch("/v3/users/" + u[2]).then().statusCode(200);
        assertEquals(201, passwordToken(u[1], IdentityClient.passwordOf(u[1]), u[0]).statusCode());
    }

    @Test
    void malformedBodiesAre400InKeystonesShape() {
        for (String body : List.of("{", "[]", "{}", "{\"auth\":{}}", "{\"auth\":{\"identity\":{\"methods\":\"password\"}}}",
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\"}}}}}",
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":7,\"password\":\"x\",\"domain\":{\"id\":\"default\"}}}}}}")) {
            given().contentType(ContentType.JSON).body(body).post("/v3/auth/tokens").then()
                    .statusCode(400).body("error.code", is(400)).body("error.title", is("Bad Request"));
        }
        given().contentType(ContentType.JSON)
                .body("{\"auth\":{\"identity\":{\"methods\":[\"totp\"]}}}").post("/v3/auth/tokens").then()
                .statusCode(401).body("error.message", containsString("unsupported method"));
    }

    @Test
    void revokedTokenIsRefusedAtOnce() {
        String admin = adminToken();
        String victim = adminToken();
        given().header("X-Auth-Token", victim).head("/v3/auth/tokens").then().statusCode(404);
        given().header("X-Auth-Token", admin).header("X-Subject-Token", victim).head("/v3/auth/tokens")
                .then().statusCode(200);
        given().header("X-Auth-Token", admin).header("X-Subject-Token", victim).delete("/v3/auth/tokens")
                .then().statusCode(204);
        given().header("X-Auth-Token", admin).header("X-Subject-Token", victim).get("/v3/auth/tokens")
                .then().statusCode(404).body("error.code", is(404));
        given().header("X-Auth-Token", victim).get("/v3/auth/catalog").then().statusCode(401)
                .body("error.code", is(401));
        given().header("X-Auth-Token", admin).get("/v3/auth/catalog").then().statusCode(200);
    }

    @Test
    void tamperedTokensAre401() {
        String jwt = adminToken();
        String[] parts = jwt.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"admin\"", "\"root\"").getBytes()) + "." + parts[2];
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        for (String bad : List.of(forged, none, "garbage", jwt.substring(0, jwt.length() - 4) + "AAAA")) {
            given().header("X-Auth-Token", bad).get("/v3/auth/catalog").then().statusCode(401)
                    .body("error.title", is("Unauthorized"));
        }
    }
}
