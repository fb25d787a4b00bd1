package io.accessplane.keypair.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.accessplane.platform.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nova's os-keypairs contract: every call, microversion difference, error body and rule. */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class KeyPairApiTest {

    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMk00Ev4QGSJLpVOTmOpl5zCgJUaA0PdbESys+TT1y8z peer-test@local";
    static final String ED25519_MD5 = "ed:0c:f8:45:f7:42:fb:74:b8:e6:90:83:90:8e:32:48";
    static final String ED25519_SHA256 = "SHA256:m/Sary6H2o6X1apziC+R0YM4jHZTDZawO3FWgX02ng4";

    static String token(String user, String role) {
        return TestTokens.sign(TestTokens.claims(user, "project-" + user, List.of(role)));
    }

    static RequestSpecification as(String token, String version) {
        RequestSpecification r = given().header("X-Auth-Token", token).contentType(ContentType.JSON);
        return version == null ? r : r.header("OpenStack-API-Version", "compute " + version);
    }

    static String user() {
        return "u" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void versionDiscoveryAndNegotiation() {
        given().get("/").then().statusCode(200).body("versions.id", hasItem("v2.1"))
                .body("versions.find { it.id == 'v2.1' }.version", is("2.104"))
                .body("versions.find { it.id == 'v2.1' }.min_version", is("2.1"));
        given().get("/v2.1").then().statusCode(200).body("version.id", is("v2.1"))
                .body("version.media-types[0].type", containsString("compute"));
        String t = token(user(), "member");
        as(t, "2.10").get("/v2.1/os-keypairs").then().statusCode(200)
                .header("OpenStack-API-Version", is("compute 2.10"))
                .header("X-OpenStack-Nova-API-Version", is("2.10"))
                .header("Vary", containsString("OpenStack-API-Version"));
        as(t, "latest").get("/v2.1/os-keypairs").then().statusCode(200).header("OpenStack-API-Version", is("compute 2.104"));
        given().header("X-Auth-Token", t).header("X-OpenStack-Nova-API-Version", "2.35").get("/v2.1/os-keypairs")
                .then().statusCode(200).header("OpenStack-API-Version", is("compute 2.35"));
        as(t, null).get("/v2.1/os-keypairs").then().statusCode(200).header("OpenStack-API-Version", is("compute 2.1"));
        as(t, "2.x").get("/v2.1/os-keypairs").then().statusCode(400).body("badRequest.code", is(400));
        as(t, "3.0").get("/v2.1/os-keypairs").then().statusCode(406).body("notAcceptable.code", is(406));
        as(t, "2.105").get("/v2.1/os-keypairs").then().statusCode(406);
    }

    @Test
    void importShowListDelete() {
        String u = user();
        String t = token(u, "member");
        as(t, "2.10").body(Map.of("keypair", Map.of("name", "imported", "public_key", ED25519 + "\n")))
                .post("/v2.1/os-keypairs").then().statusCode(201)
                .body("keypair.fingerprint", is(ED25519_MD5))
                .body("keypair.fingerprint_sha256", is(ED25519_SHA256))
                .body("keypair.type", is("ssh")).body("keypair.user_id", is(u))
                .body("keypair.private_key", nullValue())
                .body("keypair.public_key", is(ED25519));
        as(t, "2.10").get("/v2.1/os-keypairs/imported").then().statusCode(200)
                .body("keypair.name", is("imported")).body("keypair.deleted", is(false))
                .body("keypair.key_algorithm", is("ed25519")).body("keypair.bits", is(256))
                .body("keypair.created_at", not(nullValue()));
        as(t, "2.10").get("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypairs[0].keypair.name", is("imported")).body("keypairs[0].keypair.type", is("ssh"));
        as(t, "2.1").get("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypairs[0].keypair.type", nullValue());
        as(t, "2.10").delete("/v2.1/os-keypairs/imported").then().statusCode(204);
        as(t, "2.10").get("/v2.1/os-keypairs/imported").then().statusCode(404)
                .body("itemNotFound.code", is(404)).body("itemNotFound.message", containsString("imported"));
        as(t, "2.10").delete("/v2.1/os-keypairs/imported").then().statusCode(404);
    }

    @Test
    void microversionStatusCodes() {
        String t = token(user(), "member");
        as(t, "2.1").body(Map.of("keypair", Map.of("name", "old", "public_key", ED25519)))
                .post("/v2.1/os-keypairs").then().statusCode(200);
        as(t, "2.1").delete("/v2.1/os-keypairs/old").then().statusCode(202);
        as(t, "2.1").body(Map.of("keypair", Map.of("name", "x", "public_key", ED25519, "type", "ssh")))
                .post("/v2.1/os-keypairs").then().statusCode(400).body("badRequest.code", is(400));
        as(t, "2.92").body(Map.of("keypair", Map.of("name", "needs-key"))).post("/v2.1/os-keypairs")
                .then().statusCode(400);
        as(t, "2.92").body(Map.of("keypair", Map.of("name", "me@host.example", "public_key", ED25519)))
                .post("/v2.1/os-keypairs").then().statusCode(201);
        as(t, "2.91").body(Map.of("keypair", Map.of("name", "me@host.example2", "public_key", ED25519)))
                .post("/v2.1/os-keypairs").then().statusCode(400);
        as(t, "2.75").get("/v2.1/os-keypairs?colour=blue").then().statusCode(400);
        as(t, "2.74").get("/v2.1/os-keypairs?colour=blue").then().statusCode(200);
    }

    @Test
    void generationReturnsThePrivateKeyOnce() {
        String t = token(user(), "member");
        var rsa = as(t, "2.10").body(Map.of("keypair", Map.of("name", "gen-rsa"))).post("/v2.1/os-keypairs")
                .then().statusCode(201).body("keypair.private_key", startsWith("-----BEGIN RSA PRIVATE KEY-----"))
                .body("keypair.public_key", startsWith("ssh-rsa ")).extract();
        assertEquals(2048, (int) rsa.path("keypair.bits"));
        as(t, "2.10").body(Map.of("keypair", Map.of("name", "gen-ed", "key_algorithm", "ed25519")))
                .post("/v2.1/os-keypairs").then().statusCode(201)
                .body("keypair.private_key", startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"))
                .body("keypair.public_key", startsWith("ssh-ed25519 "));
        as(t, "2.10").get("/v2.1/os-keypairs/gen-rsa").then().statusCode(200).body("keypair.private_key", nullValue());
        as(t, "2.10").body(Map.of("keypair", Map.of("name", "bad-alg", "key_algorithm", "dsa")))
                .post("/v2.1/os-keypairs").then().statusCode(400);
    }

    @Test
    void errorsInNovasShape() {
        String t = token(user(), "member");
        as(t, "2.10").body(Map.of("keypair", Map.of("name", "dup", "public_key", ED25519))).post("/v2.1/os-keypairs")
                .then().statusCode(201);
        as(t, "2.10").body(Map.of("keypair", Map.of("name", "dup", "public_key", ED25519))).post("/v2.1/os-keypairs")
                .then().statusCode(409).body("conflictingRequest.message", is("Key pair 'dup' already exists."));
        String secretish = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n";
        var priv = as(t, "2.10").body(Map.of("keypair", Map.of("name", "priv", "public_key", secretish)))
                .post("/v2.1/os-keypairs").then().statusCode(400).extract();
        assertFalse(priv.asString().contains("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"), "the key is not echoed");
        for (Object body : List.of(Map.of(), Map.of("keypair", "x"), Map.of("keypair", Map.of()),
                Map.of("keypair", Map.of("name", 7)), Map.of("keypair", Map.of("name", " lead")),
                Map.of("keypair", Map.of("name", "x".repeat(256))), Map.of("keypair", Map.of("name", "bad/name")),
                Map.of("keypair", Map.of("name", "ok", "colour", "blue")),
                Map.of("keypair", Map.of("name", "ok", "public_key", "ssh-rsa not-base64!")),
                Map.of("keypair", Map.of("name", "ok", "public_key", "ssh-dss AAAAB3NzaC1kc3MAAACBAP")),
                Map.of("keypair", Map.of("name", "ok", "type", "pgp")))) {
            as(t, "2.10").body(body).post("/v2.1/os-keypairs").then().statusCode(400).body("badRequest.code", is(400));
        }
        as(t, "2.10").body("{\"keypair\":").post("/v2.1/os-keypairs").then().statusCode(400).body("badRequest.code", is(400));
        given().get("/v2.1/os-keypairs").then().statusCode(401).body("unauthorized.code", is(401));
        as("not-a-token", "2.10").get("/v2.1/os-keypairs").then().statusCode(401);
    }

    @Test
    void quotaIsPerUser() {
        String t = token(user(), "member");
        for (int i = 0; i < 5; i++) {
            as(t, "2.10").body(Map.of("keypair", Map.of("name", "q" + i, "public_key", ED25519)))
                    .post("/v2.1/os-keypairs").then().statusCode(201);
        }
        as(t, "2.10").body(Map.of("keypair", Map.of("name", "q5", "public_key", ED25519))).post("/v2.1/os-keypairs")
                .then().statusCode(403).body("forbidden.message", is("Quota exceeded, too many key pairs."));
        as(token(user(), "member"), "2.10").body(Map.of("keypair", Map.of("name", "q5", "public_key", ED25519)))
                .post("/v2.1/os-keypairs").then().statusCode(201);
    }

    @Test
    void pagingByNameFrom235() {
        String t = token(user(), "member");
        for (String n : List.of("a", "b", "c", "d", "e")) {
            as(t, "2.35").body(Map.of("keypair", Map.of("name", n, "public_key", ED25519))).post("/v2.1/os-keypairs")
                    .then().statusCode(201);
        }
        var page = as(t, "2.35").get("/v2.1/os-keypairs?limit=2").then().statusCode(200)
                .body("keypairs.keypair.name", is(List.of("a", "b")))
                .body("keypairs_links[0].rel", is("next")).extract();
        assertFalse(page.<String>path("keypairs_links[0].href").isEmpty());
        as(t, "2.35").get("/v2.1/os-keypairs?limit=2&marker=b").then().statusCode(200)
                .body("keypairs.keypair.name", is(List.of("c", "d")));
        as(t, "2.35").get("/v2.1/os-keypairs?limit=2&marker=d").then().statusCode(200)
                .body("keypairs.keypair.name", is(List.of("e")));
        as(t, "2.35").get("/v2.1/os-keypairs?marker=zzz").then().statusCode(400);
        as(t, "2.35").get("/v2.1/os-keypairs?limit=-1").then().statusCode(400);
        as(t, "2.34").get("/v2.1/os-keypairs?limit=2").then().statusCode(200).body("keypairs.size()", is(5));
    }

    @Test
    void authorizationMatrix() {
        String owner = user();
        String ownerToken = token(owner, "member");
        as(ownerToken, "2.10").body(Map.of("keypair", Map.of("name", "k", "public_key", ED25519))).post("/v2.1/os-keypairs")
                .then().statusCode(201);
        String reader = user();
        String readerToken = token(reader, "reader");
        String otherMember = token(user(), "member");
        String admin = token(user(), "admin");
        // reader: list and show own, never create or delete
        as(readerToken, "2.10").get("/v2.1/os-keypairs").then().statusCode(200);
        as(readerToken, "2.10").body(Map.of("keypair", Map.of("name", "r", "public_key", ED25519)))
                .post("/v2.1/os-keypairs").then().statusCode(403).body("forbidden.code", is(403));
        as(readerToken, "2.10").delete("/v2.1/os-keypairs/k").then().statusCode(403);
        // another member: cannot name the owner
        as(otherMember, "2.10").get("/v2.1/os-keypairs?user_id=" + owner).then().statusCode(403);
        as(otherMember, "2.10").get("/v2.1/os-keypairs/k?user_id=" + owner).then().statusCode(403);
        as(otherMember, "2.10").delete("/v2.1/os-keypairs/k?user_id=" + owner).then().statusCode(403);
        as(otherMember, "2.10").get("/v2.1/os-keypairs/k").then().statusCode(404);
        // before 2.10 user_id is ignored: the member sees only its own
        as(otherMember, "2.9").get("/v2.1/os-keypairs?user_id=" + owner).then().statusCode(200)
                .body("keypairs.size()", is(0));
        // admin may name any user from 2.10, and create for one
        as(admin, "2.10").get("/v2.1/os-keypairs?user_id=" + owner).then().statusCode(200)
                .body("keypairs[0].keypair.name", is("k"));
        as(admin, "2.10").get("/v2.1/os-keypairs/k?user_id=" + owner).then().statusCode(200)
                .body("keypair.user_id", is(owner));
        as(admin, "2.10").body(Map.of("keypair", Map.of("name", "for-owner", "public_key", ED25519, "user_id", owner)))
                .post("/v2.1/os-keypairs").then().statusCode(201).body("keypair.user_id", is(owner));
        as(otherMember, "2.10").body(Map.of("keypair", Map.of("name", "x", "public_key", ED25519, "user_id", owner)))
                .post("/v2.1/os-keypairs").then().statusCode(403);
        as(admin, "2.10").delete("/v2.1/os-keypairs/k?user_id=" + owner).then().statusCode(204);
    }

    @Test
    void concurrentCreatesOfOneNameGiveOne201AndOne409() throws Exception {
        String t = token(user(), "member");
        assertEquals(List.of(201, 409), Concurrently.statuses(2, () -> as(t, "2.10")
                .body(Map.of("keypair", Map.of("name", "race", "public_key", ED25519)))
                .post("/v2.1/os-keypairs").statusCode()));
    }

    @Test
    void rsaPoolFillAndUseAreOnTheMetricsEndpoint() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> given().get("/q/metrics")
                .asString().contains("accessplane_keypairs_rsa_pool_available 2.0"));
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("accessplane_keypairs_rsa_pool_capacity 2.0"), metrics);
        double servedBefore = metric(metrics, "accessplane_keypairs_rsa_pool_served_total");
        String t = token(user(), "member");
        as(t, "2.10").body(Map.of("keypair", Map.of("name", "from-pool"))).post("/v2.1/os-keypairs")
                .then().statusCode(201);
        assertEquals(servedBefore + 1, metric(given().get("/q/metrics").asString(),
                "accessplane_keypairs_rsa_pool_served_total"));
    }

    static double metric(String exposition, String name) {
        return exposition.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void concurrentDeletesOfDifferentKeyPairsAllSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<String> tokens = new java.util.ArrayList<>();
            for (int u = 0; u < 4; u++) {
                String t = token(user(), "member");
                tokens.add(t);
                for (int k = 0; k < 4; k++) {
                    as(t, "2.10").body(Map.of("keypair", Map.of("name", "c" + k, "public_key", ED25519)))
                            .post("/v2.1/os-keypairs").then().statusCode(201);
                }
            }
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Integer> statuses = Concurrently.statuses(16, () -> {
                int i = next.getAndIncrement();
                return as(tokens.get(i / 4), "2.10").delete("/v2.1/os-keypairs/c" + (i % 4)).statusCode();
            });
            assertEquals(java.util.Collections.nCopies(16, 204), statuses);
            for (String t : tokens) {
                as(t, "2.10").get("/v2.1/os-keypairs").then().statusCode(200).body("keypairs.size()", is(0));
            }
        }
    }

    @Test
    void textPostgreSqlCannotStoreIsA400() {
        String t = token(user(), "member");
        as(t, "2.10").urlEncodingEnabled(false).delete("/v2.1/os-keypairs/a%00b").then().statusCode(400)
                .body("badRequest.message", containsString("NUL"));
        as(t, "2.35").urlEncodingEnabled(false).get("/v2.1/os-keypairs?limit=2&marker=a%00b").then().statusCode(400)
                .body("badRequest.code", is(400));
        as(t, "2.10").get("/v2.1/os-keypairs").then().statusCode(200).body("keypairs.size()", is(0));
    }
}
