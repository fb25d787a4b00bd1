package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Fingerprint formats: Nova's colon hex and OpenSSH's SHA256 base64. */
class FingerprintsTest {

    private static final byte[] BLOB = Base64.getDecoder().decode(
            "AAAAC3NzaC1lZDI1NTE5AAAAIES1Al1R8iYXTd8WN7Ggr1Xzc8Mrw+8GUwAQYASdums6");

    @Test
    void md5IsLowercaseColonHexAsSshKeygenPrintsIt() {
        assertEquals(PublicKeyFormatsTest.MD5, Fingerprints.md5(BLOB));
        assertEquals("d4:1d:8c:d9:8f:00:b2:04:e9:80:09:98:ec:f8:42:7e", Fingerprints.md5(new byte[0]));
    }

    @Test
    void sha256IsPrefixedUnpaddedBase64AsSshKeygenPrintsIt() {
        assertEquals(PublicKeyFormatsTest.SHA256, Fingerprints.sha256(BLOB));
        assertEquals("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", Fingerprints.sha256(new byte[0]));
    }

    @Test
    void sha1IsLowercaseColonHex() {
        assertEquals("a9:99:3e:36:47:06:81:6a:ba:3e:25:71:78:50:c2:6c:9c:d0:d8:9d",
                Fingerprints.sha1("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
