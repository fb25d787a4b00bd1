package io.accessplane.e2e.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.cli.OpenStackCli;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revocation is event-driven: a second instance that never saw the deletion, the revocation or
 * the disabling learns it only from {@code accessplane.credential.events} through the platform's
 * revocation feed, and must refuse the affected tokens within a second.
 */
class RevocationAcrossInstancesTest {

    static ServiceReplica replica;
    static OpenStackCli admin;
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    static final String PRIMARY = "http://127.0.0.1:5000";

    /** Sends a request to the primary instance straight away (the clock starts before it). */
    static int primary(String method, String path, String token, String subject, String json) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(PRIMARY + path))
                .header("X-Auth-Token", token)
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (subject != null) {
            b.header("X-Subject-Token", subject);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @BeforeAll
    static void startAReplica() throws Exception {
        admin = OpenStackCli.admin();
        replica = ServiceReplica.credentialService();
    }

    @AfterAll
    static void stopIt() {
        if (replica != null) {
            replica.close();
        }
    }

    /** Polls the replica until it refuses the token; returns how long that took in ms. */
    static long millisUntilRefused(String token, long startNanos) throws Exception {
        long deadline = startNanos + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (replica.get("/v3/auth/catalog", token) == 401) {
                return (System.nanoTime() - startNanos) / 1_000_000;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the replica still accepts the token after 10 s");
    }

    @Test
    void deletedApplicationCredentialsTokenIsRefusedElsewhereWithinASecond() throws Exception {
        String name = "revoke-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode ac = admin.json("application", "credential", "create", name);
        String token = admin.asApplicationCredential(ac.get("id").asText(), ac.get("secret").asText())
                .json("token", "issue").get("id").asText();
        assertEquals(200, replica.get("/v3/auth/catalog", token), "the replica accepts the token first");
        JsonNode me = admin.json("token", "issue");
        long start = System.nanoTime();
        assertEquals(204, primary("DELETE", "/v3/users/" + me.get("user_id").asText() + "/application_credentials/"
                + ac.get("id").asText(), me.get("id").asText(), null, null));
        long ms = millisUntilRefused(token, start);
        System.out.printf("application credential deletion honoured by the other instance after %d ms%n", ms);
        assertTrue(ms < 1000, "refused after " + ms + " ms");
    }

    @Test
    void revokedTokenIsRefusedElsewhereWithinASecond() throws Exception {
        String token = admin.json("token", "issue").get("id").asText();
        assertEquals(200, replica.get("/v3/auth/catalog", token));
        long start = System.nanoTime();
        assertEquals(204, primary("DELETE", "/v3/auth/tokens", token, token, null));
        long ms = millisUntilRefused(token, start);
        System.out.printf("token revocation honoured by the other instance after %d ms%n", ms);
        assertTrue(ms < 1000, "refused after " + ms + " ms");
    }

    @Test
    void disabledUsersTokensAreRefusedElsewhereWithinASecond() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String project = "rv-" + suffix;
        String user = "rv-user-" + suffix;
        admin.json("project", "create", project);
        String userId = admin.json("user", "create", "--password", "pw-" + suffix, user).get("id").asText();
        String adminToken = admin.json("token", "issue").get("id").asText();
        admin.run("role", "add", "--project", project, "--user", user, "member").ok();
        String token = admin.asUser(user, "pw-" + suffix, project).json("token", "issue").get("id").asText();
        assertEquals(200, replica.get("/v3/auth/catalog", token));
        long start = System.nanoTime();
        assertEquals(200, primary("PATCH", "/v3/users/" + userId, adminToken, null, "{\"user\":{\"enabled\":false}}"));
        long ms = millisUntilRefused(token, start);
        System.out.printf("user disable honoured by the other instance after %d ms%n", ms);
        assertTrue(ms < 1000, "refused after " + ms + " ms");
    }

    /** Status of {@code GET /v2.1/os-keypairs} on the running keypair-service with a token. */
    static int keypairList(String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:8774/v2.1/os-keypairs"))
                .header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.10").GET().build();
        return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void keypairServiceRefusesADeletedCredentialsTokenWithinASecond() throws Exception {
        String name = "revoke-kp-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode ac = admin.json("application", "credential", "create", name);
        String token = admin.asApplicationCredential(ac.get("id").asText(), ac.get("secret").asText())
                .json("token", "issue").get("id").asText();
        assertEquals(200, keypairList(token), "keypair-service accepts the token first");
        JsonNode me = admin.json("token", "issue");
        long start = System.nanoTime();
        assertEquals(204, primary("DELETE", "/v3/users/" + me.get("user_id").asText() + "/application_credentials/"
                + ac.get("id").asText(), me.get("id").asText(), null, null));
        long ms = -1;
        while (System.nanoTime() - start < 10_000_000_000L) {
            if (keypairList(token) == 401) {
                ms = (System.nanoTime() - start) / 1_000_000;
                break;
            }
            Thread.sleep(10);
        }
        System.out.printf("application credential deletion honoured by keypair-service after %d ms%n", ms);
        assertTrue(ms >= 0 && ms < 1000, "refused after " + ms + " ms");
    }

    @Test
    void keypairServiceRefusesTamperedTokens() throws Exception {
        String token = admin.json("token", "issue").get("id").asText();
        assertEquals(200, keypairList(token));
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"admin\"", "\"root\"").getBytes()) + "." + parts[2];
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        for (String bad : java.util.List.of(forged, none, "garbage", token.substring(0, token.length() - 4) + "AAAA")) {
            assertEquals(401, keypairList(bad));
        }
    }
}
