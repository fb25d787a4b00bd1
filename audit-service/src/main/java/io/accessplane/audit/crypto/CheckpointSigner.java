package io.accessplane.audit.crypto;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** Makes signed checkpoints with one {@link SigningKey}, each linked to the one before. */
public final class CheckpointSigner {
    private final SigningKey key;

    /** A signer using {@code key}. */
    public CheckpointSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The fingerprint every checkpoint from this signer carries. */
    public String keyFingerprint() {
        return key.fingerprint();
    }

    /**
     * The next checkpoint: {@code heads} at {@code createdAt}, linked to {@code previous} (null for the first).
     */
    public SignedCheckpoint next(String id, Instant createdAt, List<ProjectHead> heads, SignedCheckpoint previous) {
        String previousSignature = previous == null ? null : previous.signature();
        return sign(new Checkpoint(id, createdAt, heads, previousSignature, key.fingerprint(), Checkpoint.ED25519));
    }

    /**
     * Signs {@code body} as it is.
     *
     * @throws IllegalArgumentException if the body names another key or another algorithm
     */
    public SignedCheckpoint sign(Checkpoint body) {
        if (!body.keyFingerprint().equals(key.fingerprint())) {
            throw new IllegalArgumentException("checkpoint names key " + body.keyFingerprint()
                    + " but this signer holds " + key.fingerprint());
        }
        if (!Checkpoint.ED25519.equals(body.algorithm())) {
            throw new IllegalArgumentException("this signer signs only " + Checkpoint.ED25519);
        }
        return new SignedCheckpoint(body, Base64.getEncoder().encodeToString(key.sign(body.stringToSign())));
    }

    /** Whether {@code signature} over {@code message} verifies under the raw 32-byte public key. */
    public static boolean verify(byte[] publicKeyRaw, byte[] message, byte[] signature) {
        return VerificationKey.fromRaw(publicKeyRaw).verify(message, signature);
    }

    /** Whether {@code signature} over {@code message} verifies under the PEM ("BEGIN PUBLIC KEY") public key. */
    public static boolean verify(String publicKeyPem, byte[] message, byte[] signature) {
        return VerificationKey.fromPem(publicKeyPem).verify(message, signature);
    }
}
