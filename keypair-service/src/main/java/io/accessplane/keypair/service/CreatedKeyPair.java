package io.accessplane.keypair.service;

import io.accessplane.keypair.repository.KeyPair;

/** A stored key pair and, when the service generated it, its private key (returned once, never stored). */
public record CreatedKeyPair(KeyPair keyPair, String privateKey) {

    @Override
    public String toString() {
        return "CreatedKeyPair[" + keyPair.name + ", generated=" + (privateKey != null) + "]";
    }
}
