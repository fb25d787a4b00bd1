package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIDO security key (sk-*) public keys, built by hand per OpenSSH's PROTOCOL.u2f since ssh-keygen needs a token to
 * make them, checked against {@code ssh-keygen -l} which reads them fine.
 */
class SecurityKeyImportTest {

    private final PublicKeyParser parser = new PublicKeyParser(2048);

    @TempDir
    Path dir;

    @Test
    void skEd25519MatchesSshKeygen() {
        assertMatchesSshKeygen("sk-ssh-ed25519@openssh.com", Blobs.skEd25519("ssh:"), "sk-ed25519");
    }

    @Test
    void skEcdsaP256MatchesSshKeygen() {
        assertMatchesSshKeygen("sk-ecdsa-sha2-nistp256@openssh.com", Blobs.skEcdsaP256("ssh:"), "sk-ecdsa-p256");
    }

    @Test
    void aCustomApplicationIsKept() {
        assertMatchesSshKeygen("sk-ssh-ed25519@openssh.com", Blobs.skEd25519("ssh:accessplane-test"), "sk-ed25519");
    }

    @Test
    void skKeysWithoutApplicationAreRefused() {
        byte[] blob = new SshWireWriter().string("sk-ssh-ed25519@openssh.com").string(Blobs.randomBytes(32))
                .toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("sk-ssh-ed25519@openssh.com", blob, null),
                "The key data is malformed or truncated.");
        byte[] empty = Blobs.skEd25519("");
        Rejections.assertRejected(parser::parseSsh, Blobs.line("sk-ssh-ed25519@openssh.com", empty, null),
                "no application");
    }

    @Test
    void skKeysWithTrailingBytesAreRefused() {
        byte[] blob = Blobs.concat(Blobs.skEcdsaP256("ssh:"), new byte[] {0, 0, 0, 0});
        Rejections.assertRejected(parser::parseSsh, Blobs.line("sk-ecdsa-sha2-nistp256@openssh.com", blob, null),
                "unexpected bytes after the key");
    }

    @Test
    void skEcdsaWithAnotherCurveIsRefused() {
        byte[] blob = new SshWireWriter().string("sk-ecdsa-sha2-nistp256@openssh.com").string("nistp384")
                .string(Blobs.ecPoint("secp384r1", false)).string("ssh:").toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("sk-ecdsa-sha2-nistp256@openssh.com", blob, null),
                "curve inside the key data does not match");
    }

    private void assertMatchesSshKeygen(String type, byte[] blob, String algorithm) {
        String line = Blobs.line(type, blob, "yubikey@desk");
        Path file = ExternalCommand.write(dir.resolve(algorithm + ".pub"), line + "\n");

        ParsedPublicKey key = parser.parseSsh(line + "\n");

        SshKeygen reference = SshKeygen.describe(dir, file);
        assertEquals(reference.md5(), key.fingerprint());
        assertEquals(reference.sha256(), key.fingerprintSha256());
        assertEquals(reference.bits(), key.bits());
        assertEquals(algorithm, key.algorithm());
        assertEquals(line, key.publicKey());
    }
}
