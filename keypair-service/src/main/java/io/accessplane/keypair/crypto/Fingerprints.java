package io.accessplane.keypair.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Fingerprints in Nova's and OpenSSH's formats. */
public final class Fingerprints {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fingerprints() {
    }

    /** MD5 of an SSH key blob as lowercase colon-separated hex, as Nova stores it and {@code ssh-keygen -E md5} shows it. */
    public static String md5(byte[] blob) {
        return colonHex(digest("MD5", blob));
    }

    /** {@code SHA256:} and unpadded base64 of the SHA-256 of the bytes, as {@code ssh-keygen -l} prints it. */
    public static String sha256(byte[] blob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", blob));
    }

    /** SHA-1 of a certificate's DER as lowercase colon-separated hex, as Nova fingerprints x509 key pairs. */
    public static String sha1(byte[] der) {
        return colonHex(digest("SHA-1", der));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static String colonHex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
        }
        return out.toString();
    }
}
