package io.accessplane.keypair.crypto;

import java.util.Optional;

/** Algorithms the service can generate. */
public enum KeyAlgorithm {
    RSA_2048("rsa-2048"),
    RSA_3072("rsa-3072"),
    RSA_4096("rsa-4096"),
    ED25519("ed25519"),
    ECDSA_P256("ecdsa-p256");

    private final String wireName;

    KeyAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire, e.g. {@code rsa-2048}. */
    public String wireName() {
        return wireName;
    }

    /** The algorithm with this wire name, matched exactly; empty when unknown or null. */
    public static Optional<KeyAlgorithm> fromWire(String name) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** Whether this is an RSA algorithm. */
    public boolean isRsa() {
        return rsaBits() > 0;
    }

    /** The RSA modulus size in bits, or 0 for non-RSA algorithms. */
    public int rsaBits() {
        return switch (this) {
            case RSA_2048 -> 2048;
            case RSA_3072 -> 3072;
            case RSA_4096 -> 4096;
            default -> 0;
        };
    }
}
