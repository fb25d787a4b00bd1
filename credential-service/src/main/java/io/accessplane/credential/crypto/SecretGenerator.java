package io.accessplane.credential.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random identifiers and secrets in Keystone's formats. */
public final class SecretGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretGenerator() {
    }

    /** A 32-character lower-case hex id, as Keystone's. */
    public static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** 64 random bytes, URL-safe base64 without padding (86 characters), as Keystone generates. */
    public static String newSecret() {
        byte[] b = new byte[64];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A token audit id: 16 random bytes, URL-safe base64 without padding (22 characters), as Keystone's. */
    public static String newAuditId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
