package io.accessplane.audit.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.openssl.PEMParser;

/**
 * Reads and writes the text forms of Ed25519 keys. Every error message describes the form of the text,
 * never its content, and no underlying exception (whose message might quote the text) is attached.
 */
final class Ed25519KeyText {
    private static final String PEM_PREFIX = "-----BEGIN ";

    private Ed25519KeyText() {
    }

    /** A private key from PKCS#8 PEM (as openssl genpkey writes) or a base64 32-byte seed. */
    static Ed25519PrivateKeyParameters privateKey(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Ed25519 private key text is empty");
        }
        String trimmed = text.strip();
        return trimmed.startsWith(PEM_PREFIX) ? privateKeyFromPem(trimmed) : privateKeyFromSeed(trimmed);
    }

    /** A public key from SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY", as openssl pkey -pubout writes). */
    static Ed25519PublicKeyParameters publicKey(String pem) {
        Object parsed = readPem(pem, "Ed25519 public key");
        if (!(parsed instanceof SubjectPublicKeyInfo info)) {
            throw new IllegalArgumentException("Ed25519 public key text is not a '-----BEGIN PUBLIC KEY-----' PEM block");
        }
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("the public key is not an Ed25519 key");
        }
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the Ed25519 public key is malformed (" + e.getClass().getSimpleName() + ")");
        }
        return (Ed25519PublicKeyParameters) key;
    }

    /** A public key from its raw 32 bytes. */
    static Ed25519PublicKeyParameters publicKey(byte[] raw) {
        if (raw == null || raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("a raw Ed25519 public key must be " + Ed25519PublicKeyParameters.KEY_SIZE
                    + " bytes, got " + (raw == null ? "none" : raw.length));
        }
        try {
            return new Ed25519PublicKeyParameters(raw, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the bytes are not a valid Ed25519 public key");
        }
    }

    /** SubjectPublicKeyInfo PEM with 64-column base64 and a trailing newline, byte for byte what openssl writes. */
    static String publicKeyPem(Ed25519PublicKeyParameters key) {
        byte[] der;
        try {
            der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("an Ed25519 public key always encodes", e);
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static Ed25519PrivateKeyParameters privateKeyFromPem(String pem) {
        Object parsed = readPem(pem, "Ed25519 private key");
        if (!(parsed instanceof PrivateKeyInfo info)) {
            throw new IllegalArgumentException("Ed25519 private key PEM must be an unencrypted PKCS#8 block"
                    + " (label PRIVATE KEY, as openssl genpkey writes)");
        }
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("the PKCS#8 private key is not an Ed25519 key");
        }
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the PKCS#8 Ed25519 private key is malformed ("
                    + e.getClass().getSimpleName() + ")");
        }
        return (Ed25519PrivateKeyParameters) key;
    }

    private static Ed25519PrivateKeyParameters privateKeyFromSeed(String text) {
        String compact = text.replaceAll("\\s", "");
        byte[] seed;
        try {
            seed = (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Ed25519 private key text is neither PEM nor valid base64");
        }
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("a raw Ed25519 seed must be " + Ed25519PrivateKeyParameters.KEY_SIZE
                    + " bytes of base64, got " + seed.length + " bytes");
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    private static Object readPem(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException(what + " text is empty");
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem.strip()))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + " PEM is malformed (" + e.getClass().getSimpleName() + ")");
        }
        if (parsed == null) {
            throw new IllegalArgumentException(what + " text holds no PEM block");
        }
        return parsed;
    }
}
