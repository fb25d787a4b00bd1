package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generated key pairs are what ssh-keygen and openssl accept, and the public part is what the private part derives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyPairGeneratorTest {

    @TempDir
    static Path dir;

    private final KeyPairGenerator generator = new KeyPairGenerator();
    private final PublicKeyParser parser = new PublicKeyParser(2048);
    private final Map<KeyAlgorithm, GeneratedKeyPair> generated = new ConcurrentHashMap<>();

    private GeneratedKeyPair pair(KeyAlgorithm algorithm) {
        return generated.computeIfAbsent(algorithm, generator::generate);
    }

    private Path privateKeyFile(KeyAlgorithm algorithm) {
        return ExternalCommand.writePrivate(dir.resolve(algorithm.wireName()), pair(algorithm).privateKey());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "ED25519", "ECDSA_P256"})
    void sshKeygenDerivesOurPublicKeyFromOurPrivateKey(KeyAlgorithm algorithm) {
        GeneratedKeyPair pair = pair(algorithm);

        String derived = ExternalCommand.run(dir, "ssh-keygen", "-y", "-f", privateKeyFile(algorithm).toString())
                .strip();

        assertEquals(SshKeygenImportTest.typeAndData(pair.publicKey().publicKey()),
                SshKeygenImportTest.typeAndData(derived));
        if (algorithm != KeyAlgorithm.RSA_2048) {
            // OpenSSH-format private keys carry the comment too.
            assertEquals(pair.publicKey().publicKey(), derived);
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "ED25519", "ECDSA_P256"})
    void fingerprintsAndBitsAgreeWithSshKeygenAndWithAnImport(KeyAlgorithm algorithm) {
        ParsedPublicKey key = pair(algorithm).publicKey();
        Path pub = ExternalCommand.write(dir.resolve(algorithm.wireName() + ".pub"), key.publicKey() + "\n");

        SshKeygen reference = SshKeygen.describe(dir, pub);

        assertEquals(reference.md5(), key.fingerprint());
        assertEquals(reference.sha256(), key.fingerprintSha256());
        assertEquals(reference.bits(), key.bits());
        assertEquals(key, parser.parseSsh(key.publicKey()));
        assertEquals(reference.sha256(), SshKeygen.describe(dir, privateKeyFile(algorithm)).sha256(),
                "ssh-keygen -l on the private key file gives the same fingerprint");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "ED25519", "ECDSA_P256"})
    void thePrivateKeySignsWhatThePublicKeyVerifies(KeyAlgorithm algorithm) {
        Path key = privateKeyFile(algorithm);
        // ssh-keygen -Y sign reads the public half from key.pub when the private file (PKCS#1) lacks it.
        ExternalCommand.write(Path.of(key + ".pub"), pair(algorithm).publicKey().publicKey() + "\n");
        Path data = ExternalCommand.write(dir.resolve("data-" + algorithm.wireName() + ".txt"), "hello accessplane\n");
        ExternalCommand.run(dir, "ssh-keygen", "-Y", "sign", "-q", "-f", key.toString(), "-n", "file",
                data.toString());
        Path signers = ExternalCommand.write(dir.resolve("signers-" + algorithm.wireName()),
                "user@test " + pair(algorithm).publicKey().publicKey() + "\n");

        ExternalCommand.Result verified = ExternalCommand.runAllowingFailure(dir,
                "hello accessplane\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "ssh-keygen", "-Y", "verify",
                "-f", signers.toString(), "-I", "user@test", "-n", "file", "-s", data + ".sig");

        assertEquals(0, verified.exitCode(), verified.stderr());
        assertTrue(verified.stdout().contains("Good \"file\" signature for user@test"), verified.stdout());
    }

    @Test
    void rsaIsLikeNovas() {
        GeneratedKeyPair pair = pair(KeyAlgorithm.RSA_2048);
        String privateKey = pair.privateKey();

        assertTrue(privateKey.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(privateKey.endsWith("\n-----END RSA PRIVATE KEY-----\n"));
        assertPemWidth(privateKey, 64);
        assertTrue(pair.publicKey().publicKey().startsWith("ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB"), "e = 65537");
        assertTrue(pair.publicKey().publicKey().endsWith(" Generated-by-Nova"));
        assertEquals("rsa", pair.publicKey().algorithm());
        assertEquals(2048, pair.publicKey().bits());
        String check = ExternalCommand.run(dir, "openssl", "rsa", "-check", "-noout", "-in",
                privateKeyFile(KeyAlgorithm.RSA_2048).toString());
        assertTrue(check.contains("RSA key ok"), check);
    }

    @Test
    void openSshPrivateKeysAreArmouredAsSshKeygenWritesThem() {
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.ED25519, KeyAlgorithm.ECDSA_P256)) {
            String privateKey = pair(algorithm).privateKey();
            assertTrue(privateKey.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"),
                    "unencrypted openssh-key-v1");
            assertTrue(privateKey.endsWith("\n-----END OPENSSH PRIVATE KEY-----\n"));
            assertPemWidth(privateKey, 70);
        }
        Path reference = SshKeygen.generate(dir, "reference-ed25519", "ed25519", 0, "Generated-by-Nova");
        String theirs = ExternalCommand.read(reference);
        String ours = pair(KeyAlgorithm.ED25519).privateKey();
        assertEquals(theirs.length(), ours.length(), "same layout and size as ssh-keygen's own file");
        assertEquals(theirs.lines().count(), ours.lines().count());
    }

    @Test
    void otherAlgorithmsHaveTheirSizesAndNames() {
        assertEquals("ed25519", pair(KeyAlgorithm.ED25519).publicKey().algorithm());
        assertEquals(256, pair(KeyAlgorithm.ED25519).publicKey().bits());
        assertEquals("ecdsa-p256", pair(KeyAlgorithm.ECDSA_P256).publicKey().algorithm());
        assertEquals(256, pair(KeyAlgorithm.ECDSA_P256).publicKey().bits());
        GeneratedKeyPair rsa3072 = generator.generate(KeyAlgorithm.RSA_3072);
        assertEquals(3072, rsa3072.publicKey().bits());
        assertEquals(rsa3072.publicKey(), parser.parseSsh(rsa3072.publicKey().publicKey()));
        GeneratedKeyPair rsa4096 = generator.generate(KeyAlgorithm.RSA_4096);
        assertEquals(4096, rsa4096.publicKey().bits());
        Path file = ExternalCommand.writePrivate(dir.resolve("rsa-4096"), rsa4096.privateKey());
        assertEquals(SshKeygenImportTest.typeAndData(rsa4096.publicKey().publicKey()),
                ExternalCommand.run(dir, "ssh-keygen", "-y", "-f", file.toString()).strip());
    }

    @Test
    void everyKeyIsNew() {
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.ED25519, KeyAlgorithm.ECDSA_P256)) {
            GeneratedKeyPair a = generator.generate(algorithm);
            GeneratedKeyPair b = generator.generate(algorithm);
            assertNotEquals(a.publicKey().fingerprint(), b.publicKey().fingerprint());
            assertNotEquals(a.privateKey(), b.privateKey());
        }
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.ED25519, KeyAlgorithm.ECDSA_P256)) {
            GeneratedKeyPair pair = pair(algorithm);
            String text = pair.toString();
            assertEquals("GeneratedKeyPair[publicKey=" + pair.publicKey() + ", privateKey=<redacted>]", text);
            assertFalse(text.contains("PRIVATE KEY"), text);
        }
    }

    private static void assertPemWidth(String pem, int width) {
        List<String> body = pem.lines().filter(l -> !l.startsWith("-----")).toList();
        for (int i = 0; i < body.size() - 1; i++) {
            assertEquals(width, body.get(i).length(), "line " + i);
        }
        assertTrue(body.get(body.size() - 1).length() <= width);
    }
}
