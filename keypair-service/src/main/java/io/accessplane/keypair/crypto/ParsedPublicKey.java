package io.accessplane.keypair.crypto;

import java.util.Objects;

/**
 * A parsed, validated public key.
 *
 * @param type              ssh or x509
 * @param algorithm         {@code rsa}, {@code ed25519}, {@code ecdsa-p256}, {@code ecdsa-p384}, {@code ecdsa-p521},
 *                          {@code sk-ed25519}, {@code sk-ecdsa-p256}; for x509 {@code x509-rsa}, {@code x509-ec},
 *                          {@code x509-ed25519}
 * @param bits              key size as {@code ssh-keygen -l} reports it (RSA modulus bits, curve size)
 * @param publicKey         normalised: the OpenSSH one-line {@code type base64[ comment]} for ssh; the PEM
 *                          certificate for x509
 * @param fingerprint       Nova's: MD5 colon-hex of the blob for ssh; SHA-1 colon-hex of the DER for x509
 * @param fingerprintSha256 {@code SHA256:} and unpadded base64 of SHA-256 of the blob (ssh) or DER (x509)
 */
public record ParsedPublicKey(KeyType type, String algorithm, int bits, String publicKey, String fingerprint,
        String fingerprintSha256) {

    /** Checks that no component is missing. */
    public ParsedPublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(fingerprintSha256, "fingerprintSha256");
    }
}
