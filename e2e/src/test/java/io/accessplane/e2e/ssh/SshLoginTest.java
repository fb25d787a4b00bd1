package io.accessplane.e2e.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.e2e.cli.OpenStackCli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key pairs made by the running keypair-service open a real OpenSSH session: generated RSA-2048
 * and Ed25519 private keys and an imported Ed25519 key log in to sshd and run a command; a key
 * the service never saw is refused.
 */
class SshLoginTest {

    static final String KEYPAIRS = "http://127.0.0.1:8774/v2.1/os-keypairs";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static String token;
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static Path rsaPrivate;
    static Path ed25519Private;
    static Path importedPrivate;
    static Path strangerPrivate;
    static LoopbackSshd sshd;

    @BeforeAll
    static void keysFromTheServiceAndAnSshdThatTrustsThem() throws Exception {
        token = OpenStackCli.admin().json("token", "issue").get("id").asText();

        JsonNode rsa = create("ssh-rsa-" + SUFFIX, null, null);
        assertTrue(rsa.get("private_key").asText().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        rsaPrivate = write("rsa", rsa.get("private_key").asText());

        JsonNode ed = create("ssh-ed25519-" + SUFFIX, "ed25519", null);
        assertTrue(ed.get("private_key").asText().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        ed25519Private = write("ed25519", ed.get("private_key").asText());

        importedPrivate = sshKeygen("imported");
        JsonNode imported = create("ssh-imported-" + SUFFIX, null,
                Files.readString(Path.of(importedPrivate + ".pub")).trim());
        assertTrue(imported.path("private_key").isMissingNode() || imported.get("private_key").isNull());

        strangerPrivate = sshKeygen("stranger");

        sshd = LoopbackSshd.start(List.of(
                rsa.get("public_key").asText(), ed.get("public_key").asText(), imported.get("public_key").asText()));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        for (String name : List.of("ssh-rsa-", "ssh-ed25519-", "ssh-imported-")) {
            send(HttpRequest.newBuilder(URI.create(KEYPAIRS + "/" + name + SUFFIX)).DELETE());
        }
    }

    @Test
    void generatedRsa2048KeyLogsIn() throws Exception {
        assertLogsIn(rsaPrivate);
    }

    @Test
    void generatedEd25519KeyLogsIn() throws Exception {
        assertLogsIn(ed25519Private);
    }

    @Test
    void importedEd25519KeyLogsIn() throws Exception {
        assertLogsIn(importedPrivate);
    }

    @Test
    void aKeyTheServiceNeverSawIsRefused() throws Exception {
        var result = sshd.login(strangerPrivate, "echo should-not-run");
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Permission denied"), result.output());
        assertTrue(!result.output().contains("should-not-run"), result.output());
    }

    static void assertLogsIn(Path key) throws Exception {
        String nonce = UUID.randomUUID().toString();
        var result = sshd.login(key, "echo logged-in-as-$(id -un)-" + nonce);
        assertEquals(0, result.exitCode(), result.output() + "\n--- sshd log ---\n" + sshd.log());
        String expected = "logged-in-as-" + sshd.user() + "-" + nonce;
        assertTrue(result.output().lines().anyMatch(expected::equals), result.output());
    }

    static JsonNode create(String name, String algorithm, String publicKey) throws Exception {
        ObjectNode keypair = JSON.createObjectNode().put("name", name);
        if (algorithm != null) {
            keypair.put("key_algorithm", algorithm);
        }
        if (publicKey != null) {
            keypair.put("public_key", publicKey);
        }
        ObjectNode body = JSON.createObjectNode().set("keypair", keypair);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(KEYPAIRS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("keypair");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.10")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static Path write(String name, String privateKey) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, privateKey.endsWith("\n") ? privateKey : privateKey + "\n");
        return f;
    }

    static Path sshKeygen(String name) throws Exception {
        Path f = dir.resolve(name);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", f.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
        return f;
    }
}
