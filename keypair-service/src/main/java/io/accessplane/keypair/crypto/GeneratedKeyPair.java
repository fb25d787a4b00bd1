package io.accessplane.keypair.crypto;

import java.util.Objects;

/**
 * A generated key pair: the public part (with fingerprints) and the private key, which is never stored.
 *
 * @param publicKey  the public part, as an import of it would parse
 * @param privateKey the private key text handed once to the user (PEM, or base64 PKCS#12 for x509)
 */
public record GeneratedKeyPair(ParsedPublicKey publicKey, String privateKey) {

    /** Checks that no component is missing. */
    public GeneratedKeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Describes the public part only; the private key is never part of the text. */
    @Override
    public String toString() {
        return "GeneratedKeyPair[publicKey=" + publicKey + ", privateKey=<redacted>]";
    }
}
