package io.accessplane.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.accessplane.platform.testing.KafkaBrokerResource;
import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The token check every service runs: OpenStack's {@code X-Auth-Token} and {@code Bearer} both
 * work, tampered tokens are refused, the caller is read from the claims, and a revocation event
 * published through the outbox makes the token refused within a second.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "topics", value = "accessplane.credential.events"))
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class CallerAndRevocationTest {

    static String token(String user, String project, List<String> roles) {
        return TestTokens.sign(TestTokens.claims(user, project, roles));
    }

    @Test
    void callerComesFromTheTokenInXAuthToken() {
        given().header("X-Auth-Token", token("u1", "p1", List.of("member")))
                .header("X-Forwarded-For", "203.0.113.9, 10.0.0.1")
                .header("User-Agent", "openstacksdk/0.101.0")
                .get("/test/whoami")
                .then().statusCode(200)
                .header(RequestOrigin.REQUEST_ID_HEADER, startsWith("req-"))
                .body("userId", is("u1"))
                .body("projectId", is("p1"))
                .body("roles", hasItems("member", "reader"))
                .body("sourceAddress", is("203.0.113.9"))
                .body("userAgent", is("openstacksdk/0.101.0"));
    }

    @Test
    void bearerTokensWorkToo() {
        given().header("Authorization", "Bearer " + token("u2", "p2", List.of("admin")))
                .get("/test/whoami")
                .then().statusCode(200)
                .body("userId", is("u2"))
                .body("roles", hasItems("admin", "member", "reader"));
    }

    @Test
    void missingTokenIs401() {
        given().get("/test/whoami").then().statusCode(401);
    }

    @Test
    void untrustedKeyIs401() {
        given().header("X-Auth-Token", TestTokens.signWithUntrustedKey(TestTokens.claims("u", "p", List.of("admin"))))
                .get("/test/whoami").then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        String expired = TestTokens.sign(TestTokens.claims("u", "p", List.of("admin"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)));
        given().header("X-Auth-Token", expired).get("/test/whoami").then().statusCode(401);
    }

    @Test
    void algNoneIs401() {
        String signed = token("u", "p", List.of("reader"));
        String[] parts = signed.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        given().header("X-Auth-Token", header + "." + parts[1] + ".").get("/test/whoami").then().statusCode(401);
    }

    @Test
    void alteredClaimsAre401() {
        String signed = token("u", "p", List.of("reader"));
        String[] parts = signed.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"reader\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().header("X-Auth-Token", forged).get("/test/whoami").then().statusCode(401);
    }

    @Test
    void revokedTokenIsRefusedWithinASecondOfTheEvent() {
        // A first revocation warms the path (producer id, topic metadata, first fetch) as in a running system.
        String warmUp = "warm-" + System.nanoTime();
        String warmToken = TestTokens.sign(TestTokens.claims("u0", "p0", List.of("member")).claim("jti", warmUp));
        given().post("/test/revocations/" + warmUp).then().statusCode(200);
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                given().header("X-Auth-Token", warmToken).get("/test/whoami").then().statusCode(401));

        String auditId = "audit-" + System.nanoTime();
        String token = TestTokens.sign(TestTokens.claims("u3", "p3", List.of("member")).claim("jti", auditId));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                given().header("X-Auth-Token", token).get("/test/whoami").then().statusCode(200));
        long start = System.nanoTime();
        given().post("/test/revocations/" + auditId).then().statusCode(200);
        Awaitility.await().atMost(1, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS).untilAsserted(() ->
                given().header("X-Auth-Token", token).get("/test/whoami").then().statusCode(401));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("revocation honoured after %d ms%n", elapsedMs);
        given().header("X-Auth-Token", token("u3", "p3", List.of("member")))
                .get("/test/whoami").then().statusCode(200);
    }
}
