package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text forms users paste are tolerated and normalised to OpenSSH's one-line form. */
class PublicKeyFormatsTest {

    /** An Ed25519 key with fingerprints taken from ssh-keygen -l -E md5 / -E sha256. */
    static final String TYPE_AND_DATA =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6";
    static final String MD5 = "ca:e6:c0:65:f5:0a:a8:3d:cf:a7:0a:d9:7c:f7:09:7e";
    static final String SHA256 = "SHA256:Ca6dEdSirW+60tpVZy4afRF4NwBXeBSwM48Og7H/UPc";

    private final PublicKeyParser parser = new PublicKeyParser(2048);

    @TempDir
    Path dir;

    @Test
    void parsesAKnownKeyToSshKeygensFingerprints() {
        ParsedPublicKey key = parser.parseSsh(TYPE_AND_DATA + " me@host\n");

        assertEquals(new ParsedPublicKey(KeyType.SSH, "ed25519", 256, TYPE_AND_DATA + " me@host", MD5, SHA256), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        TYPE_AND_DATA + " me@host",
        TYPE_AND_DATA + " me@host\n",
        TYPE_AND_DATA + " me@host\r\n",
        "  " + TYPE_AND_DATA + " me@host  \n\n",
        "\n\n" + TYPE_AND_DATA + "\tme@host\n",
        "ssh-ed25519\t AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6   me@host",
        "\uFEFF" + TYPE_AND_DATA + " me@host\n",
    })
    void toleratesSurroundingWhitespaceLineEndingsTabsAndByteOrderMark(String text) {
        assertEquals(TYPE_AND_DATA + " me@host", parser.parseSsh(text).publicKey());
    }

    @Test
    void keepsALineWithoutComment() {
        assertEquals(TYPE_AND_DATA, parser.parseSsh(TYPE_AND_DATA + "\n").publicKey());
    }

    @Test
    void keepsTheCommentsInnerSpacingAndNonAsciiCharacters() {
        assertEquals(TYPE_AND_DATA + " José's  laptop (work)",
                parser.parseSsh(TYPE_AND_DATA + " José's  laptop (work)  ").publicKey());
    }

    @Test
    void isIdempotentOnItsOwnOutput() {
        ParsedPublicKey once = parser.parseSsh("  " + TYPE_AND_DATA + "\t a b \r\n");
        assertEquals(once, parser.parseSsh(once.publicKey()));
    }

    @Test
    void rfc4716WithHeadersContinuationsAndOddWrappingNormalisesToOneLine() {
        String text = "---- BEGIN SSH2 PUBLIC KEY ----\r\n"
                + "Subject: me\r\n"
                + "Comment: \"a long comment that \\\r\n"
                + "continues here\"\r\n"
                + "x-private-header: some \\\r\n"
                + "value, continued\r\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7\r\n"
                + "Ggr1Xzc8Mrw+8GUwAQYASdums6\r\n"
                + "---- END SSH2 PUBLIC KEY ----\r\n";

        ParsedPublicKey key = parser.parseSsh(text);

        assertEquals(TYPE_AND_DATA + " a long comment that continues here", key.publicKey());
        assertEquals(MD5, key.fingerprint());
        assertEquals(SHA256, key.fingerprintSha256());
        // ssh-keygen reads the same text (with LF line ends: it refuses CRLF) as the same key.
        Path file = ExternalCommand.write(dir.resolve("key.rfc"), text.replace("\r\n", "\n"));
        assertEquals(TYPE_AND_DATA,
                ExternalCommand.run(dir, "ssh-keygen", "-i", "-m", "RFC4716", "-f", file.toString()).strip());
    }

    @Test
    void rfc4716ContinuationLinesMayContainColons() {
        // RFC 4716 section 3.3: a header ending in a backslash continues on the next line, whatever it holds.
        String text = "---- BEGIN SSH2 PUBLIC KEY ----\n"
                + "Comment: \"see: \\\n"
                + "http://example.test/keys\"\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6\n"
                + "---- END SSH2 PUBLIC KEY ----\n";
        assertEquals(TYPE_AND_DATA + " see: http://example.test/keys", parser.parseSsh(text).publicKey());
    }

    @Test
    void rfc4716WithoutCommentHasNoComment() {
        String text = "---- BEGIN SSH2 PUBLIC KEY ----\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6\n"
                + "---- END SSH2 PUBLIC KEY ----";
        assertEquals(TYPE_AND_DATA, parser.parseSsh(text).publicKey());
    }

    @Test
    void rfc4716CommentTagIsCaseInsensitiveAndQuotesAreOptional() {
        String text = "\n---- BEGIN SSH2 PUBLIC KEY ----\n"
                + "comment: laptop key\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6\n"
                + "\n"
                + "---- END SSH2 PUBLIC KEY ----\n\n";
        assertEquals(TYPE_AND_DATA + " laptop key", parser.parseSsh(text).publicKey());
    }

    @Test
    void theMinimumRsaSizeIsConfigurable() {
        String line = Blobs.line("ssh-rsa", Blobs.rsa(1024), "small");

        assertEquals(1024, new PublicKeyParser(1024).parseSsh(line).bits());
        Rejections.assertRejected(new PublicKeyParser(2048)::parseSsh, line,
                "RSA keys must have at least 2048 bits");
        Rejections.assertRejected(new PublicKeyParser(3072)::parseSsh, Blobs.line("ssh-rsa", Blobs.rsa(2048), null),
                "RSA keys must have at least 3072 bits");
    }

    @Test
    void rsaBitsComeFromTheModulusAndLeadingZerosAreCanonicalised() {
        byte[] blob = Blobs.rsa(2049);
        assertEquals(2049, parser.parseSsh(Blobs.line("ssh-rsa", blob, null)).bits());

        // An mpint with a superfluous leading zero byte: OpenSSH trims it and fingerprints the canonical blob.
        java.math.BigInteger n = new java.math.BigInteger(2048, Blobs.RANDOM).setBit(2047).setBit(0);
        byte[] magnitude = n.toByteArray();
        byte[] padded = Blobs.concat(new byte[] {0, 0}, magnitude);
        byte[] loose = new SshWireWriter().string("ssh-rsa").mpint(java.math.BigInteger.valueOf(65537))
                .string(padded).toByteArray();
        byte[] canonical = new SshWireWriter().string("ssh-rsa").mpint(java.math.BigInteger.valueOf(65537)).mpint(n)
                .toByteArray();
        ParsedPublicKey key = parser.parseSsh(Blobs.line("ssh-rsa", loose, null));
        assertEquals(Blobs.line("ssh-rsa", canonical, null), key.publicKey());
        Path file = ExternalCommand.write(dir.resolve("loose.pub"), Blobs.line("ssh-rsa", loose, null) + "\n");
        SshKeygen reference = SshKeygen.describe(dir, file);
        assertEquals(reference.md5(), key.fingerprint());
        assertEquals(reference.sha256(), key.fingerprintSha256());
    }

    @Test
    void constructorRefusesANegativeMinimum() {
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyParser(-1));
    }
}
