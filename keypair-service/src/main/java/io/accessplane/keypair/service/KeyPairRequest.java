package io.accessplane.keypair.service;

import io.accessplane.keypair.crypto.KeyAlgorithm;
import io.accessplane.keypair.crypto.KeyType;

/** A validated create request: import when {@code publicKey} is set, else generate {@code algorithm}. */
public record KeyPairRequest(String name, KeyType type, String publicKey, String userId, KeyAlgorithm algorithm) {

    @Override
    public String toString() {
        return "KeyPairRequest[name=" + name + ", type=" + type + ", import=" + (publicKey != null) + ", userId="
                + userId + ", algorithm=" + algorithm + "]";
    }
}
