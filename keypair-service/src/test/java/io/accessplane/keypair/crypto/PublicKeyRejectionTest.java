package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad submission is refused with a clear message that repeats none of the submitted material. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicKeyRejectionTest {

    @TempDir
    static Path dir;

    private final PublicKeyParser parser = new PublicKeyParser(2048);
    private String ed25519Public;
    private String ed25519Private;

    @BeforeAll
    void makeKeys() {
        Path key = SshKeygen.generate(dir, "ed", "ed25519", 0, "me@host");
        ed25519Public = ExternalCommand.read(Path.of(key + ".pub"));
        ed25519Private = ExternalCommand.read(key);
    }

    // ---- key types refused ----

    @Test
    void dsaFromSshKeygenIsRefused() {
        Path key = dir.resolve("dsa");
        ExternalCommand.Result made = ExternalCommand.runAllowingFailure(dir, null, "ssh-keygen", "-q", "-t", "dsa",
                "-N", "", "-C", "old@host", "-f", key.toString());
        if (made.exitCode() != 0) {
            // A future OpenSSH without DSA: the hand-made key below still covers the line form.
            Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-dss", Blobs.dsa(), "old@host"),
                    "DSA keys are not accepted");
            return;
        }
        String line = ExternalCommand.read(Path.of(key + ".pub"));
        Rejections.assertRejected(parser::parseSsh, line, "DSA keys are not accepted");
        String rfc = ExternalCommand.run(dir, "ssh-keygen", "-e", "-f", key + ".pub");
        Rejections.assertRejected(parser::parseSsh, rfc, "DSA keys are not accepted");
    }

    @Test
    void dsaMadeByHandIsRefused() {
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-dss", Blobs.dsa(), "x"),
                "DSA keys are not accepted");
    }

    @Test
    void rsa1024FromSshKeygenIsRefused() {
        Path key = SshKeygen.generate(dir, "rsa1024", "rsa", 1024, "small@host");
        String message = Rejections.assertRejected(parser::parseSsh, ExternalCommand.read(Path.of(key + ".pub")),
                "RSA keys must have at least 2048 bits");
        assertEquals("RSA keys must have at least 2048 bits; this one has 1024.", message);
    }

    @Test
    void rsa1024FromOpensslIsRefused() {
        ExternalCommand.run(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024",
                "-out", "o1024.pem");
        ExternalCommand.run(dir, "openssl", "pkey", "-in", "o1024.pem", "-pubout", "-out", "o1024.pub.pem");
        String line = ExternalCommand.run(dir, "ssh-keygen", "-i", "-m", "PKCS8", "-f", "o1024.pub.pem");
        Rejections.assertRejected(parser::parseSsh, line, "RSA keys must have at least 2048 bits");
    }

    @Test
    void rsaLargerThanOpenSshAllowsIsRefused() {
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-rsa", Blobs.rsa(16385), null),
                "larger than 16384 bits");
    }

    @Test
    void unknownTypesAreRefusedWithoutEchoingTheName() {
        String message = Rejections.assertRejected(parser::parseSsh,
                "ssh-secretsauce " + Blobs.base64(Blobs.ed25519()), "Unsupported key type");
        assertEquals(false, message.contains("secretsauce"));
        Rejections.assertRejected(parser::parseSsh, "hunter2-my-password-123", "Unsupported key type");
    }

    @Test
    void openSshCertificatesAreRefused() {
        Path ca = SshKeygen.generate(dir, "ca", "ed25519", 0, "ca");
        Path user = SshKeygen.generate(dir, "certified", "ed25519", 0, "user");
        ExternalCommand.run(dir, "ssh-keygen", "-q", "-s", ca.toString(), "-I", "id", user + ".pub");
        String cert = ExternalCommand.read(Path.of(user + "-cert.pub"));
        Rejections.assertRejected(parser::parseSsh, cert, "OpenSSH certificates are not accepted");
    }

    // ---- private keys ----

    private List<Arguments> privateKeys;

    List<Arguments> privateKeys() {
        if (privateKeys == null) {
            privateKeys = makePrivateKeys();
        }
        return privateKeys;
    }

    private List<Arguments> makePrivateKeys() {
        ExternalCommand.run(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024",
                "-out", "p-rsa.pem");
        ExternalCommand.run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "p-pkcs8.pem");
        ExternalCommand.run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out",
                "p-sec1.pem");
        ExternalCommand.run(dir, "openssl", "pkcs8", "-topk8", "-v2", "aes256", "-in", "p-pkcs8.pem",
                "-passout", "pass:secret", "-out", "p-enc.pem");
        Path encrypted = dir.resolve("p-openssh-enc");
        ExternalCommand.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "secret-pass", "-f",
                encrypted.toString());
        String pkcs1 = ExternalCommand.run(dir, "openssl", "pkey", "-traditional", "-in", "p-rsa.pem");
        String putty = "PuTTY-User-Key-File-3: ssh-ed25519\n"
                + "Encryption: none\n"
                + "Comment: eddsa-key-20240101\n"
                + "Public-Lines: 2\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6\n"
                + "\n"
                + "Private-Lines: 1\n"
                + "AAAAIFrbHpsN8Ssg86Zpx7iP2b0KzhUhl5+yCjOBzeMcdIkgAAAAIG2KyP\n"
                + "Private-MAC: 0b2c5e6d3a1f\n";
        String sshCom = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n"
                + "Comment: \"rsa-key-20240101\"\n"
                + "P2/56wAAAi4AAAA3aWYtbW9kbntzaWdue3JzYS1wa2NzMS1zaGExfSxlbmNyeXB0e3JzYS1wa2NzMXYyLW9hZXB9fQ==\n"
                + "---- END SSH2 ENCRYPTED PRIVATE KEY ----\n";
        return List.of(
                Arguments.of("openssh (ssh-keygen)", ed25519Private),
                Arguments.of("openssh encrypted (ssh-keygen -N)", ExternalCommand.read(encrypted)),
                Arguments.of("pkcs1 (openssl pkey -traditional)", pkcs1),
                Arguments.of("pkcs8 (openssl genpkey)", ExternalCommand.read(dir.resolve("p-pkcs8.pem"))),
                Arguments.of("pkcs8 encrypted", ExternalCommand.read(dir.resolve("p-enc.pem"))),
                Arguments.of("sec1 ec (openssl ecparam)", ExternalCommand.read(dir.resolve("p-sec1.pem"))),
                Arguments.of("putty", putty),
                Arguments.of("ssh.com", sshCom),
                Arguments.of("private then public", ed25519Private + ed25519Public),
                Arguments.of("public then private", ed25519Public + ed25519Private),
                Arguments.of("private key body only with header", "-----BEGIN PRIVATE KEY-----\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeys")
    void privateKeysAreRefusedAsSsh(String kind, String text) {
        String message = Rejections.assertRejected(parser::parseSsh, text, "This is a private key");
        assertEquals("This is a private key; import the public key only.", message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeys")
    void privateKeysAreRefusedAsX509(String kind, String text) {
        String message = Rejections.assertRejected(parser::parseX509, text, "This is a private key");
        assertEquals("This is a private key; import the public key only.", message);
    }

    // ---- malformed submissions ----

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\n", "\r\n\t ", "\uFEFF"})
    void emptyInputIsRefused(String text) {
        Rejections.assertRejected(parser::parseSsh, text, "The public key is empty.");
        Rejections.assertRejected(parser::parseX509, text, "The certificate is empty.");
    }

    @Test
    void hugeInputIsRefused() {
        String huge = ed25519Public.strip() + " " + "x".repeat(PublicKeyParser.MAX_INPUT_CHARS);
        Rejections.assertRejected(parser::parseSsh, huge, "too long; at most 16384 characters");
        Rejections.assertRejected(parser::parseX509, huge, "too long; at most 16384 characters");
        // Just under the cap is fine.
        String big = ed25519Public.strip() + " " + "x".repeat(PublicKeyParser.MAX_INPUT_CHARS - 200);
        assertEquals(256, parser.parseSsh(big).bits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAA$$$$", "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdu*s6", "A",
        "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6===", "ünïcödé"})
    void malformedBase64IsRefused(String data) {
        Rejections.assertRejected(parser::parseSsh, "ssh-ed25519 " + data + " me@host", "not valid base64");
    }

    @Test
    void truncatedBlobsAreRefused() {
        byte[] blob = Blobs.ed25519();
        for (int cut = 1; cut < blob.length; cut += 7) {
            byte[] truncated = Arrays.copyOf(blob, blob.length - cut);
            Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-ed25519", truncated, null),
                    "The key data is malformed or truncated.");
        }
        byte[] rsa = Blobs.rsa(2048);
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-rsa", Arrays.copyOf(rsa, rsa.length - 1), null),
                "The key data is malformed or truncated.");
    }

    @Test
    void aLengthPointingPastTheEndIsRefused() {
        byte[] blob = new SshWireWriter().string("ssh-ed25519").uint32(Integer.MAX_VALUE).raw(new byte[32])
                .toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-ed25519", blob, null), "malformed or truncated");
        byte[] negative = new SshWireWriter().string("ssh-ed25519").uint32(-4).raw(new byte[32]).toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-ed25519", negative, null),
                "malformed or truncated");
    }

    @Test
    void mismatchedPrefixIsRefused() {
        String message = Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-rsa", Blobs.ed25519(), "x"),
                "does not match the key data");
        assertEquals("The key type ssh-rsa does not match the key data (which holds a ssh-ed25519 key).", message);
        Rejections.assertRejected(parser::parseSsh,
                Blobs.line("ecdsa-sha2-nistp384", new SshWireWriter().string("ecdsa-sha2-nistp256").string("nistp256")
                        .string(Blobs.ecPoint("secp256r1", false)).toByteArray(), null),
                "does not match the key data");
    }

    @Test
    void trailingBytesInTheBlobAreRefused() {
        Rejections.assertRejected(parser::parseSsh,
                Blobs.line("ssh-ed25519", Blobs.concat(Blobs.ed25519(), new byte[] {1, 2, 3}), null),
                "unexpected bytes after the key");
        Rejections.assertRejected(parser::parseSsh,
                Blobs.line("ssh-rsa", Blobs.concat(Blobs.rsa(2048), new byte[] {0}), null),
                "unexpected bytes after the key");
    }

    @Test
    void twoKeysAreRefused() {
        String other = Blobs.line("ssh-ed25519", Blobs.ed25519(), "other@host");
        Rejections.assertRejected(parser::parseSsh, ed25519Public + other + "\n", "More than one public key");
        Rejections.assertRejected(parser::parseSsh, ed25519Public.strip() + " " + other, "More than one public key");
        String rfc = ExternalCommand.run(dir, "ssh-keygen", "-e", "-f", dir.resolve("ed.pub").toString());
        Rejections.assertRejected(parser::parseSsh, rfc + rfc, "More than one public key");
    }

    @Test
    void aKeyBrokenOverLinesIsRefused() {
        String line = ed25519Public.strip();
        String broken = line.substring(0, 40) + "\n" + line.substring(40);
        Rejections.assertRejected(parser::parseSsh, broken, "must be on a single line");
    }

    @Test
    void typeOnlyOrDataOnlyAreRefused() {
        Rejections.assertRejected(parser::parseSsh, "ssh-ed25519", "The key data is missing after the key type.");
        Rejections.assertRejected(parser::parseSsh, ed25519Public.split(" ")[1] + " me@host",
                "The key type is missing before the key data.");
    }

    @Test
    void authorizedKeysOptionsAreRefused() {
        Rejections.assertRejected(parser::parseSsh, "from=\"10.0.0.1\",no-pty " + ed25519Public,
                "Options before the key type");
    }

    @Test
    void controlCharactersInTheCommentAreRefused() {
        Rejections.assertRejected(parser::parseSsh, ed25519Public.strip() + "\u0007bell", "control characters");
    }

    @Test
    void pemPublicKeysAndCertificatesAreRedirected() {
        ExternalCommand.run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "redirect.key", "-out", "redirect.crt", "-days", "1", "-subj", "/CN=redirect");
        String spki = ExternalCommand.run(dir, "openssl", "pkey", "-in", "redirect.key", "-pubout");
        Rejections.assertRejected(parser::parseSsh, spki, "This is a PEM public key");
        Rejections.assertRejected(parser::parseSsh, ExternalCommand.read(dir.resolve("redirect.crt")),
                "import it with type x509");
        Rejections.assertRejected(parser::parseX509, ed25519Public, "import it with type ssh");
    }

    // ---- invalid key contents ----

    @Test
    void invalidEcdsaPointsAreRefusedLikeSshKeygenRefusesThem() {
        byte[] point = Blobs.ecPoint("secp256r1", false);
        point[point.length - 1] ^= 1; // no longer on the curve
        String offCurve = Blobs.line("ecdsa-sha2-nistp256", new SshWireWriter().string("ecdsa-sha2-nistp256")
                .string("nistp256").string(point).toByteArray(), null);
        Rejections.assertRejected(parser::parseSsh, offCurve, "not a valid uncompressed point");

        String compressed = Blobs.line("ecdsa-sha2-nistp256", new SshWireWriter().string("ecdsa-sha2-nistp256")
                .string("nistp256").string(Blobs.ecPoint("secp256r1", true)).toByteArray(), null);
        Rejections.assertRejected(parser::parseSsh, compressed, "not a valid uncompressed point");

        for (String line : List.of(offCurve, compressed)) {
            Path file = ExternalCommand.write(dir.resolve("bad-point.pub"), line + "\n");
            ExternalCommand.Result result = ExternalCommand.runAllowingFailure(dir, null, "ssh-keygen", "-l", "-f",
                    file.toString());
            assertEquals(true, result.exitCode() != 0 && result.stderr().contains("not a public key file"),
                    "ssh-keygen refuses the same key");
        }
    }

    @Test
    void ecdsaCurveNameMustMatch() {
        byte[] blob = new SshWireWriter().string("ecdsa-sha2-nistp256").string("nistp384")
                .string(Blobs.ecPoint("secp384r1", false)).toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ecdsa-sha2-nistp256", blob, null),
                "curve inside the key data does not match");
    }

    @Test
    void ed25519KeysMustHave32Bytes() {
        byte[] blob = new SshWireWriter().string("ssh-ed25519").string(new byte[31]).toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-ed25519", blob, null),
                "The Ed25519 public key is invalid.");
    }

    static Stream<Arguments> badRsaNumbers() {
        BigInteger n = new BigInteger(2048, Blobs.RANDOM).setBit(2047).setBit(0);
        return Stream.of(
                Arguments.of("even exponent", BigInteger.valueOf(65536), n),
                Arguments.of("exponent 1", BigInteger.ONE, n),
                Arguments.of("exponent >= modulus", n.add(BigInteger.TWO), n),
                Arguments.of("even modulus", BigInteger.valueOf(65537), n.clearBit(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRsaNumbers")
    void invalidRsaNumbersAreRefused(String name, BigInteger e, BigInteger n) {
        byte[] blob = new SshWireWriter().string("ssh-rsa").mpint(e).mpint(n).toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-rsa", blob, null), "The RSA public key is invalid.");
    }

    @Test
    void negativeMpintsAreRefused() {
        byte[] blob = new SshWireWriter().string("ssh-rsa").mpint(BigInteger.valueOf(65537))
                .string(new BigInteger(2048, Blobs.RANDOM).setBit(2047).negate().toByteArray()).toByteArray();
        Rejections.assertRejected(parser::parseSsh, Blobs.line("ssh-rsa", blob, null), "malformed or truncated");
    }

    @Test
    void rfc4716DefectsAreRefused() {
        String body = ed25519Public.split(" ")[1];
        Rejections.assertRejected(parser::parseSsh, "---- BEGIN SSH2 PUBLIC KEY ----\n" + body + "\n",
                "has no END line");
        Rejections.assertRejected(parser::parseSsh,
                "---- BEGIN SSH2 PUBLIC KEY ----\n---- END SSH2 PUBLIC KEY ----\n", "has no key data");
        Rejections.assertRejected(parser::parseSsh,
                "---- BEGIN SSH2 PUBLIC KEY ----\n" + body + "\n---- END SSH2 PUBLIC KEY ----\ntrailing words here",
                "Unexpected text follows the END line");
        Rejections.assertRejected(parser::parseSsh,
                "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"unterminated \\\n---- END SSH2 PUBLIC KEY ----\n",
                "malformed header");
        Rejections.assertRejected(parser::parseSsh,
                "---- BEGIN SSH2 PUBLIC KEY ----\n" + body.substring(0, 20) + "\nComment: late\n" + body.substring(20)
                        + "\n---- END SSH2 PUBLIC KEY ----\n",
                "header or marker line appears inside the key data");
        Rejections.assertRejected(parser::parseSsh,
                "---- BEGIN SSH2 PUBLIC KEY ----\n" + body + "!!\n---- END SSH2 PUBLIC KEY ----\n",
                "not valid base64");
    }
}
