package io.accessplane.audit.crypto;

import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 public key: checks checkpoint signatures and names itself by fingerprint. */
public final class VerificationKey {
    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PublicKeyParameters key;
    private final byte[] raw;

    private VerificationKey(Ed25519PublicKeyParameters key) {
        this.key = key;
        this.raw = key.getEncoded();
    }

    static VerificationKey of(Ed25519PublicKeyParameters key) {
        return new VerificationKey(key);
    }

    /**
     * The key with these raw 32 bytes.
     *
     * @throws IllegalArgumentException if they are not 32 bytes or not a valid point
     */
    public static VerificationKey fromRaw(byte[] raw) {
        return new VerificationKey(Ed25519KeyText.publicKey(raw));
    }

    /** The key from its unpadded base64url raw form ({@link #toBase64Url()}). */
    public static VerificationKey fromBase64Url(String base64Url) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(base64Url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Ed25519 public key text is not valid base64url");
        }
        return fromRaw(raw);
    }

    /** The key from SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"). */
    public static VerificationKey fromPem(String pem) {
        return new VerificationKey(Ed25519KeyText.publicKey(pem));
    }

    /** A copy of the raw 32-byte key. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The raw key as unpadded base64url. */
    public String toBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** SubjectPublicKeyInfo PEM, identical to what {@code openssl pkey -pubout} writes. */
    public String toPem() {
        return Ed25519KeyText.publicKeyPem(key);
    }

    /** Lower-case hex SHA-256 of the raw 32-byte key. */
    public String fingerprint() {
        return HashChain.toHex(HashChain.sha256(raw));
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by this key. */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VerificationKey[fingerprint=" + fingerprint() + "]";
    }
}
