package io.accessplane.keypair.crypto;

import java.math.BigInteger;
import java.util.Base64;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A decoded and validated SSH public key blob, re-encoded canonically (as OpenSSH re-encodes a key before
 * fingerprinting it).
 *
 * @param kind the key type
 * @param bits the size {@code ssh-keygen -l} reports
 * @param blob the canonical wire encoding
 */
record SshPublicKeyBlob(SshKeyKind kind, int bits, byte[] blob) {

    /** OpenSSH's largest RSA modulus (SSH_RSA_MAXIMUM_MODULUS_SIZE). */
    static final int MAX_RSA_BITS = 16384;

    private static final int ED25519_KEY_BYTES = 32;

    /** Decodes and validates a blob; the messages of its rejections never contain key material. */
    static SshPublicKeyBlob decode(byte[] encoded) {
        SshWireReader in = new SshWireReader(encoded);
        String name = in.readAsciiString();
        SshKeyKind kind = SshKeyKind.fromSshName(name).orElseThrow(() -> unsupported(name));
        SshWireWriter out = new SshWireWriter().string(kind.sshName());
        int bits = switch (kind) {
            case RSA -> rsa(in, out);
            case ED25519, SK_ED25519 -> ed25519(in, out);
            case ECDSA_P256, ECDSA_P384, ECDSA_P521, SK_ECDSA_P256 -> ecdsa(kind, in, out);
        };
        if (kind == SshKeyKind.SK_ED25519 || kind == SshKeyKind.SK_ECDSA_P256) {
            byte[] application = in.readString();
            if (application.length == 0) {
                throw new KeyRejectedException("The security key public key has no application.");
            }
            out.string(application);
        }
        if (in.remaining() != 0) {
            throw new KeyRejectedException("The key data has unexpected bytes after the key.");
        }
        return new SshPublicKeyBlob(kind, bits, out.toByteArray());
    }

    /** The one-line OpenSSH form, {@code type base64[ comment]}. */
    String line(String comment) {
        String base = kind.sshName() + " " + Base64.getEncoder().encodeToString(blob);
        return comment == null || comment.isEmpty() ? base : base + " " + comment;
    }

    /** The parsed key with its one-line form and both fingerprints. */
    ParsedPublicKey toParsed(String comment) {
        return new ParsedPublicKey(KeyType.SSH, kind.algorithm(), bits, line(comment), Fingerprints.md5(blob),
                Fingerprints.sha256(blob));
    }

    static KeyRejectedException unsupported(String name) {
        if (SshKeyKind.DSA_NAME.equals(name)) {
            return dsa();
        }
        if (SshKeyKind.isCertificateName(name)) {
            return new KeyRejectedException("OpenSSH certificates are not accepted; import the plain public key.");
        }
        return new KeyRejectedException("Unsupported key type; accepted types are " + SshKeyKind.acceptedNames() + ".");
    }

    static KeyRejectedException dsa() {
        return new KeyRejectedException("DSA keys are not accepted; use an Ed25519, ECDSA or RSA key.");
    }

    private static int rsa(SshWireReader in, SshWireWriter out) {
        BigInteger e = in.readPositiveMpint();
        BigInteger n = in.readPositiveMpint();
        if (n.bitLength() > MAX_RSA_BITS) {
            throw new KeyRejectedException("RSA keys larger than " + MAX_RSA_BITS + " bits are not accepted.");
        }
        if (!n.testBit(0) || !e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0) {
            throw new KeyRejectedException("The RSA public key is invalid.");
        }
        out.mpint(e).mpint(n);
        return n.bitLength();
    }

    private static int ed25519(SshWireReader in, SshWireWriter out) {
        byte[] key = in.readString();
        if (key.length != ED25519_KEY_BYTES) {
            throw new KeyRejectedException("The Ed25519 public key is invalid.");
        }
        out.string(key);
        return 256;
    }

    private static int ecdsa(SshKeyKind kind, SshWireReader in, SshWireWriter out) {
        String curveName = in.readAsciiString();
        if (!kind.curveName().equals(curveName)) {
            throw new KeyRejectedException("The ECDSA curve inside the key data does not match the key type "
                    + kind.sshName() + ".");
        }
        byte[] encodedPoint = in.readString();
        X9ECParameters curve = kind.curve();
        int coordinateBytes = (curve.getCurve().getFieldSize() + 7) / 8;
        if (encodedPoint.length != 1 + 2 * coordinateBytes || encodedPoint[0] != 0x04) {
            // OpenSSH accepts only uncompressed points (SEC1 0x04 || X || Y).
            throw invalidPoint();
        }
        ECPoint point;
        try {
            point = curve.getCurve().decodePoint(encodedPoint);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalidPoint();
        }
        if (point.isInfinity() || !point.isValid()) {
            throw invalidPoint();
        }
        out.string(curveName).string(point.getEncoded(false));
        return curve.getCurve().getFieldSize();
    }

    private static KeyRejectedException invalidPoint() {
        return new KeyRejectedException("The ECDSA public key is not a valid uncompressed point on its curve.");
    }
}
