package io.accessplane.credential.rest;

import static io.accessplane.credential.rest.IdentityClient.adminToken;
import static io.accessplane.credential.rest.IdentityClient.appCredToken;
import static io.accessplane.credential.rest.IdentityClient.createAppCred;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Application credentials with Keystone's semantics, and tokens minted from them. */
@QuarkusTest
class ApplicationCredentialApiTest {

    String admin;
    String[] member;
    String memberToken;

    @BeforeEach
    void setUp() {
        admin = adminToken();
        member = IdentityClient.userWithRole(admin, "member");
        memberToken = IdentityClient.token(member[1], IdentityClient.passwordOf(member[1]), member[0]);
    }

    @Test
    void createShowsTheGeneratedSecretOnceAndItAuthenticates() {
        var created = createAppCred(memberToken, member[2], Map.of("name", "ci", "unrestricted", false));
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("application_credential.id");
        String secret = created.path("application_credential.secret");
        assertEquals(32, id.length());
        assertEquals(86, secret.length(), "64 random bytes, URL-safe base64 without padding");
        assertTrue(secret.matches("[A-Za-z0-9_-]+"));
        assertEquals(member[3], created.path("application_credential.project_id"));
        assertEquals(List.of("member", "reader"), created.path("application_credential.roles.name"));

        given().header("X-Auth-Token", memberToken).get("/v3/users/" + member[2] + "/application_credentials")
                .then().statusCode(200)
                .body("application_credentials.name", hasItems("ci"))
                .body("application_credentials[0].secret", nullValue())
                .body("application_credentials[0].last_used_at", nullValue());
        given().header("X-Auth-Token", memberToken)
                .get("/v3/users/" + member[2] + "/application_credentials?name=ci")
                .then().statusCode(200).body("application_credentials.size()", is(1));

        var token = appCredToken(id, secret);
        assertEquals(201, token.statusCode(), token.asString());
        assertEquals(List.of("application_credential"), token.path("token.methods"));
        assertEquals(id, token.path("token.application_credential.id"));
        assertEquals(true, (boolean) token.path("token.application_credential.restricted"));
        assertEquals(member[3], token.path("token.project.id"));

        given().header("X-Auth-Token", memberToken).get("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(200).body("application_credential.secret", nullValue())
                .body("application_credential.last_used_at", not(nullValue()))
                .body("application_credential.last_used_from", not(nullValue()));
    }

    @Test
    void tokenByNameAndUser() {
        createAppCred(memberToken, member[2], Map.of("name", "by-name", "secret", "s3cret-by-name"));
        Map<String, Object> auth = Map.of("identity", Map.of("methods", List.of("application_credential"),
                "application_credential", Map.of("name", "by-name", "secret", "s3cret-by-name",
                        "user", Map.of("name", member[1], "domain", Map.of("id", "default")))));
        given().contentType(ContentType.JSON).body(Map.of("auth", auth)).post("/v3/auth/tokens")
                .then().statusCode(201).body("token.application_credential.name", is("by-name"));
    }

    @Test
    void badIdBadSecretAndExpiredGetTheSame401() {
        var created = createAppCred(memberToken, member[2], Map.of("name", "short-lived",
                "expires_at", Instant.now().plusSeconds(2).toString()));
        String id = created.path("application_credential.id");
        String secret = created.path("application_credential.secret");
        var unknown = appCredToken("0123456789abcdef0123456789abcdef", secret);
        var badSecret = appCredToken(id, secret + "x");
        assertEquals(201, appCredToken(id, secret).statusCode());
        sleep(2500);
        var expired = appCredToken(id, secret);
        for (var r : List.of(unknown, badSecret, expired)) {
            assertEquals(401, r.statusCode(), r.asString());
            assertEquals("Invalid application credential ID or secret", r.path("error.message"));
        }
    }

    @Test
    void tokenNeverOutlivesItsCredential() {
        Instant expiry = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        var created = createAppCred(memberToken, member[2], Map.of("name", "ten-minutes", "expires_at", expiry.toString()));
        var token = appCredToken(created.path("application_credential.id"), created.path("application_credential.secret"));
        Instant tokenExpiry = Instant.parse(token.<String>path("token.expires_at"));
        assertFalse(tokenExpiry.isAfter(expiry), tokenExpiry + " after " + expiry);
    }

    @Test
    void scopeRequestWith401() {
        var created = createAppCred(memberToken, member[2], Map.of("name", "scoped"));
        Map<String, Object> auth = Map.of("identity", Map.of("methods", List.of("application_credential"),
                        "application_credential", Map.of("id", created.path("application_credential.id"),
                                "secret", created.path("application_credential.secret"))),
                "scope", Map.of("project", Map.of("id", member[3])));
        given().contentType(ContentType.JSON).body(Map.of("auth", auth)).post("/v3/auth/tokens")
                .then().statusCode(401).body("error.message", is("Application credentials cannot request a scope."));
    }

    @Test
    void createErrors() {
        createAppCred(memberToken, member[2], Map.of("name", "dup")).statusCode();
        var dup = createAppCred(memberToken, member[2], Map.of("name", "dup"));
        assertEquals(409, dup.statusCode());
        assertEquals("Conflict", dup.path("error.title"));
        var past = createAppCred(memberToken, member[2], Map.of("name", "past", "expires_at", "2001-01-01T00:00:00"));
        assertEquals(400, past.statusCode());
        var notSubset = createAppCred(memberToken, member[2], Map.of("name", "escalate",
                "roles", List.of(Map.of("name", "admin"))));
        assertEquals(400, notSubset.statusCode());
        assertTrue(notSubset.<String>path("error.message").contains("unassigned role"));
        var unknownField = createAppCred(memberToken, member[2], Map.of("name", "x", "colour", "blue"));
        assertEquals(400, unknownField.statusCode());
        var noName = createAppCred(memberToken, member[2], Map.of("description", "no name"));
        assertEquals(400, noName.statusCode());
        var badType = createAppCred(memberToken, member[2], Map.of("name", List.of("a")));
        assertEquals(400, badType.statusCode());
        var forOther = createAppCred(memberToken, "0123456789abcdef0123456789abcdef", Map.of("name", "other"));
        assertEquals(403, forOther.statusCode());
        given().header("X-Auth-Token", memberToken).get("/v3/users/" + member[2] + "/application_credentials?name=past")
                .then().statusCode(200).body("application_credentials.size()", is(0));
    }

    @Test
    void restrictedCredentialCannotManageCredentialsButUnrestrictedCan() {
        var restricted = createAppCred(memberToken, member[2], Map.of("name", "restricted"));
        String rToken = appCredToken(restricted.path("application_credential.id"),
                restricted.path("application_credential.secret")).header("X-Subject-Token");
        assertEquals(403, createAppCred(rToken, member[2], Map.of("name", "child")).statusCode());
        given().header("X-Auth-Token", rToken)
                .delete("/v3/users/" + member[2] + "/application_credentials/" + restricted.path("application_credential.id"))
                .then().statusCode(403);
        var unrestricted = createAppCred(memberToken, member[2], Map.of("name", "unrestricted", "unrestricted", true));
        String uToken = appCredToken(unrestricted.path("application_credential.id"),
                unrestricted.path("application_credential.secret")).header("X-Subject-Token");
        assertEquals(201, createAppCred(uToken, member[2], Map.of("name", "child")).statusCode());
    }

    @Test
    void deletingACredentialRevokesItsTokensAtOnce() {
        var created = createAppCred(memberToken, member[2], Map.of("name", "to-delete"));
        String id = created.path("application_credential.id");
        String secret = created.path("application_credential.secret");
        String token = appCredToken(id, secret).header("X-Subject-Token");
        given().header("X-Auth-Token", token).get("/v3/auth/catalog").then().statusCode(200);
        given().header("X-Auth-Token", memberToken).delete("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(204);
        given().header("X-Auth-Token", token).get("/v3/auth/catalog").then().statusCode(401);
        assertEquals(401, appCredToken(id, secret).statusCode());
        given().header("X-Auth-Token", memberToken).get("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(404).body("error.code", is(404));
        given().header("X-Auth-Token", memberToken).delete("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(404);
    }

    @Test
    void disablingTheUserDeletesItsCredentialsAndRevokesItsTokens() {
        var created = createAppCred(memberToken, member[2], Map.of("name", "doomed"));
        String id = created.path("application_credential.id");
        String acToken = appCredToken(id, created.path("application_credential.secret")).header("X-Subject-Token");
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body(Map.of("user", Map.of("enabled", false))).patch("/v3/users/" + member[2]).then().statusCode(200);
        given().header("X-Auth-Token", acToken).get("/v3/auth/catalog").then().statusCode(401);
        given().header("X-Auth-Token", memberToken).get("/v3/auth/catalog").then().statusCode(401);
        assertEquals(401, appCredToken(id, created.path("application_credential.secret")).statusCode());
        given().header("X-Auth-Token", admin).get("/v3/users/" + member[2] + "/application_credentials")
                .then().statusCode(200).body("application_credentials.size()", is(0));
    }

    @Test
    void losingTheRoleDeletesCredentialsThatNeedIt() {
        var created = createAppCred(memberToken, member[2], Map.of("name", "needs-member"));
        String id = created.path("application_credential.id");
        String memberRole = given().header("X-Auth-Token", admin).get("/v3/roles?name=member").then().extract()
                .path("roles[0].id");
        given().header("X-Auth-Token", admin)
                .delete("/v3/projects/" + member[3] + "/users/" + member[2] + "/roles/" + memberRole)
                .then().statusCode(204);
        assertEquals(401, appCredToken(id, created.path("application_credential.secret")).statusCode());
        given().header("X-Auth-Token", admin).get("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(404);
    }

    @Test
    void concurrentCreatesOfOneNameGiveOne201AndOne409() throws Exception {
        assertEquals(List.of(201, 409), Concurrently.statuses(2, () -> createAppCred(memberToken, member[2],
                Map.of("name", "race", "secret", "same-secret-for-both")).statusCode()));
    }

    @Test
    void usersNeverSeeEachOthersCredentials() {
        String[] other = IdentityClient.userWithRole(admin, "member");
        String otherToken = IdentityClient.token(other[1], IdentityClient.passwordOf(other[1]), other[0]);
        var created = createAppCred(memberToken, member[2], Map.of("name", "private"));
        String id = created.path("application_credential.id");
        given().header("X-Auth-Token", otherToken).get("/v3/users/" + member[2] + "/application_credentials")
                .then().statusCode(403).body("error.code", is(403));
        given().header("X-Auth-Token", otherToken).get("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(403);
        given().header("X-Auth-Token", otherToken).delete("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(403);
        given().header("X-Auth-Token", memberToken).get("/v3/users/" + member[2] + "/application_credentials/" + id)
                .then().statusCode(200);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentDeletesOfDifferentCredentialsAllSucceed() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            var created = createAppCred(memberToken, member[2], Map.of("name", "parallel-" + i));
            assertEquals(201, created.statusCode(), created.asString());
            ids.add(created.path("application_credential.id"));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = Concurrently.statuses(16, () -> given().header("X-Auth-Token", memberToken)
                .delete("/v3/users/" + member[2] + "/application_credentials/" + ids.get(next.getAndIncrement()))
                .statusCode());
        assertEquals(java.util.Collections.nCopies(16, 204), statuses);
        given().header("X-Auth-Token", memberToken).get("/v3/users/" + member[2] + "/application_credentials")
                .then().statusCode(200).body("application_credentials.size()", is(0));
    }
}
