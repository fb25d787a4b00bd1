package io.accessplane.audit.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** The audit service's Ed25519 checkpoint-signing key; it never reveals its private part in text. */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final VerificationKey verificationKey;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.verificationKey = VerificationKey.of(privateKey.generatePublicKey());
    }

    /**
     * The key from configuration text: an unencrypted PKCS#8 PEM block (label {@code PRIVATE KEY}, as
     * {@code openssl genpkey -algorithm ed25519} writes) or the base64 (or base64url) of a raw 32-byte seed.
     *
     * @throws IllegalArgumentException if the text is neither; the message never quotes the text
     */
    public static SigningKey fromConfig(String text) {
        return new SigningKey(Ed25519KeyText.privateKey(text));
    }

    /** A new random key, for an ephemeral (per-process) signer or for tests. */
    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /** The public half. */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /** The public key's fingerprint (lower-case hex SHA-256 of its raw bytes). */
    public String fingerprint() {
        return verificationKey.fingerprint();
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Names the key by its public fingerprint only. */
    @Override
    public String toString() {
        return "SigningKey[fingerprint=" + fingerprint() + "]";
    }
}
