package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Key types and algorithms map to and from their wire names exactly. */
class WireNamesTest {

    @Test
    void keyTypesAreNovas() {
        assertEquals("ssh", KeyType.SSH.wireName());
        assertEquals("x509", KeyType.X509.wireName());
        assertEquals(Optional.of(KeyType.SSH), KeyType.fromWire("ssh"));
        assertEquals(Optional.of(KeyType.X509), KeyType.fromWire("x509"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "SSH", "X509", " ssh", "rsa", "x.509"})
    void unknownKeyTypesAreEmpty(String name) {
        assertEquals(Optional.empty(), KeyType.fromWire(name));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void algorithmsRoundTrip(KeyAlgorithm algorithm) {
        assertEquals(Optional.of(algorithm), KeyAlgorithm.fromWire(algorithm.wireName()));
    }

    @Test
    void algorithmWireNames() {
        assertEquals("rsa-2048", KeyAlgorithm.RSA_2048.wireName());
        assertEquals("rsa-3072", KeyAlgorithm.RSA_3072.wireName());
        assertEquals("rsa-4096", KeyAlgorithm.RSA_4096.wireName());
        assertEquals("ed25519", KeyAlgorithm.ED25519.wireName());
        assertEquals("ecdsa-p256", KeyAlgorithm.ECDSA_P256.wireName());
        assertTrue(KeyAlgorithm.RSA_4096.isRsa());
        assertEquals(3072, KeyAlgorithm.RSA_3072.rsaBits());
        assertFalse(KeyAlgorithm.ED25519.isRsa());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "RSA-2048", "rsa", "rsa-1024", "dsa", "ecdsa-p384", "ed448"})
    void unknownAlgorithmsAreEmpty(String name) {
        assertEquals(Optional.empty(), KeyAlgorithm.fromWire(name));
    }
}
