package io.accessplane.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code openstack keypair} commands against the running keypair-service. */
class KeypairCliTest {

    static OpenStackCli user;

    @TempDir
    static Path dir;

    @BeforeAll
    static void aUserOfItsOwn() {
        user = OpenStackCli.admin().newProjectUser("kp", "member").cli();
    }

    @Test
    void createPrintsAServerGeneratedPrivateKey() {
        var created = user.run("keypair", "create", "kp-generated").ok();
        assertTrue(created.stdout().startsWith("-----BEGIN RSA PRIVATE KEY-----"), created.stdout());
        JsonNode shown = user.json("keypair", "show", "kp-generated");
        assertEquals("kp-generated", shown.get("name").asText());
        assertEquals("ssh", shown.get("type").asText());
        user.run("keypair", "delete", "kp-generated").ok();
    }

    @Test
    void importListShowPublicKeyAndDelete() throws Exception {
        Path key = dir.resolve("id_ed25519");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "cli-test", "-f",
                key.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
        String pub = Files.readString(dir.resolve("id_ed25519.pub")).trim();
        Process fp = new ProcessBuilder("ssh-keygen", "-l", "-E", "md5", "-f", dir.resolve("id_ed25519.pub").toString())
                .redirectErrorStream(true).start();
        fp.waitFor(30, TimeUnit.SECONDS);
        String md5 = new String(fp.getInputStream().readAllBytes()).split("\\s+")[1].substring("MD5:".length());

        JsonNode created = user.json("keypair", "create", "--public-key", dir.resolve("id_ed25519.pub").toString(),
                "kp-imported");
        assertEquals(md5, created.get("fingerprint").asText());
        JsonNode list = user.json("keypair", "list");
        List<String> names = new ArrayList<>();
        list.forEach(k -> names.add(k.get("Name").asText()));
        assertTrue(names.contains("kp-imported"), names.toString());
        JsonNode shown = user.json("keypair", "show", "kp-imported");
        assertEquals(md5, shown.get("fingerprint").asText());
        var publicKey = user.run("keypair", "show", "--public-key", "kp-imported").ok();
        assertEquals(pub, publicKey.stdout().trim());
        user.run("keypair", "delete", "kp-imported").ok();
    }

    @Test
    void duplicateAndMissingGiveTheClientsNormalErrors() {
        user.run("keypair", "create", "--public-key", writeKey(), "kp-dup").ok();
        var dup = user.run("keypair", "create", "--public-key", writeKey(), "kp-dup");
        assertNotEquals(0, dup.exitCode());
        assertTrue(dup.stderr().contains("already exists"), dup.stderr());
        var missing = user.run("keypair", "show", "kp-missing");
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.stderr().contains("No Keypair found for kp-missing"), missing.stderr());
        var delMissing = user.run("keypair", "delete", "kp-missing");
        assertNotEquals(0, delMissing.exitCode());
        assertTrue(delMissing.stderr().contains("1 of 1 keys failed to delete"), delMissing.stderr());
        user.run("keypair", "delete", "kp-dup").ok();
    }

    static String writeKey() {
        try {
            Path f = dir.resolve("static.pub");
            Files.writeString(f, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMk00Ev4QGSJLpVOTmOpl5zCgJUaA0PdbESys+TT1y8z peer-test@local\n");
            return f.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
