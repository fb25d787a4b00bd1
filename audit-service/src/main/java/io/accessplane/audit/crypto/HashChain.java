package io.accessplane.audit.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The per-project chain link: each record's hash is SHA-256(canonical event bytes ‖ previous record's hash). */
public final class HashChain {
    /** Length in bytes of every link hash. */
    public static final int HASH_LENGTH = 32;
    /** Lower-case hex of the genesis hash, the "previous hash" of a chain's first record. */
    public static final String GENESIS_HEX = "0".repeat(2 * HASH_LENGTH);

    private static final HexFormat LOWER_HEX = HexFormat.of();

    private HashChain() {
    }

    /** The genesis hash: 32 zero bytes (a fresh array each call, so no caller can change it for another). */
    public static byte[] genesis() {
        return new byte[HASH_LENGTH];
    }

    /**
     * SHA-256 of {@code canonicalEvent} followed by {@code previousHash}.
     *
     * @throws IllegalArgumentException if {@code previousHash} is not 32 bytes
     */
    public static byte[] link(byte[] canonicalEvent, byte[] previousHash) {
        if (previousHash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("previous hash must be " + HASH_LENGTH + " bytes, got " + previousHash.length);
        }
        MessageDigest sha256 = sha256();
        sha256.update(canonicalEvent);
        sha256.update(previousHash);
        return sha256.digest();
    }

    /** {@link #link(byte[], byte[])} with the previous hash and the result as lower-case hex. */
    public static String linkHex(byte[] canonicalEvent, String previousHashHex) {
        return toHex(link(canonicalEvent, fromHex(previousHashHex)));
    }

    /** SHA-256 of {@code data}, for fingerprints and tests. */
    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /** Lower-case hex of {@code bytes}. */
    public static String toHex(byte[] bytes) {
        return LOWER_HEX.formatHex(bytes);
    }

    /**
     * The bytes of a hex string (either case).
     *
     * @throws IllegalArgumentException if the text is not an even number of hex digits
     */
    public static byte[] fromHex(String hex) {
        return LOWER_HEX.parseHex(hex);
    }

    /** Whether {@code text} is exactly 64 lower-case hex digits, the form every stored hash takes. */
    public static boolean isHashHex(String text) {
        if (text == null || text.length() != 2 * HASH_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
