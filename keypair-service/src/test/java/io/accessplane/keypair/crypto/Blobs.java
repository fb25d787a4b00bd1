package io.accessplane.keypair.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** Hand-made SSH key blobs and lines for cases ssh-keygen cannot produce. */
final class Blobs {

    static final SecureRandom RANDOM = new SecureRandom();

    private Blobs() {
    }

    /** An Ed25519 blob with random (but well-formed) key bytes. */
    static byte[] ed25519() {
        return new SshWireWriter().string("ssh-ed25519").string(randomBytes(32)).toByteArray();
    }

    /** An RSA blob with a random odd modulus of exactly {@code bits} bits and e = 65537. */
    static byte[] rsa(int bits) {
        return new SshWireWriter().string("ssh-rsa").mpint(BigInteger.valueOf(65537)).mpint(oddModulus(bits))
                .toByteArray();
    }

    /** A DSA blob with random parameters (only its type name matters to the parser). */
    static byte[] dsa() {
        return new SshWireWriter().string("ssh-dss").mpint(oddModulus(1024)).mpint(oddModulus(160))
                .mpint(oddModulus(1023)).mpint(oddModulus(1023)).toByteArray();
    }

    /** A valid uncompressed point on the named curve ({@code secp256r1}, ...). */
    static byte[] ecPoint(String secName, boolean compressed) {
        X9ECParameters curve = CustomNamedCurves.getByName(secName);
        BigInteger d = new BigInteger(curve.getN().bitLength() - 1, RANDOM).setBit(0);
        return curve.getG().multiply(d).normalize().getEncoded(compressed);
    }

    /** A hand-built {@code sk-ssh-ed25519@openssh.com} blob (PROTOCOL.u2f). */
    static byte[] skEd25519(String application) {
        return new SshWireWriter().string("sk-ssh-ed25519@openssh.com").string(randomBytes(32)).string(application)
                .toByteArray();
    }

    /** A hand-built {@code sk-ecdsa-sha2-nistp256@openssh.com} blob (PROTOCOL.u2f). */
    static byte[] skEcdsaP256(String application) {
        return new SshWireWriter().string("sk-ecdsa-sha2-nistp256@openssh.com").string("nistp256")
                .string(ecPoint("secp256r1", false)).string(application).toByteArray();
    }

    /** The one-line form of a blob under a type name. */
    static String line(String type, byte[] blob, String comment) {
        String base = type + " " + base64(blob);
        return comment == null ? base : base + " " + comment;
    }

    static String base64(byte[] blob) {
        return Base64.getEncoder().encodeToString(blob);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static BigInteger oddModulus(int bits) {
        return new BigInteger(bits, RANDOM).setBit(bits - 1).setBit(0);
    }
}
