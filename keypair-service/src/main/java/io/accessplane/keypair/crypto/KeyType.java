package io.accessplane.keypair.crypto;

import java.util.Optional;

/** A key pair type as Nova names it. */
public enum KeyType {
    SSH("ssh"),
    X509("x509");

    private final String wireName;

    KeyType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire ({@code ssh} or {@code x509}). */
    public String wireName() {
        return wireName;
    }

    /** The type with this wire name, matched exactly as Nova's schema does; empty when unknown or null. */
    public static Optional<KeyType> fromWire(String name) {
        for (KeyType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
