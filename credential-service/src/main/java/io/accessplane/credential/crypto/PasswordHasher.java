package io.accessplane.credential.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (BouncyCastle) in the PHC string format
 * {@code $argon2id$v=19$m=<kib>,t=<iterations>,p=1$<salt>$<hash>}: slow and salted, for passwords
 * and application credential secrets. Verification reads the parameters from the stored string,
 * so they can be raised later without invalidating old hashes.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int memoryKib, int iterations) {
        if (memoryKib < 8 || iterations < 1) {
            throw new IllegalArgumentException("argon2 parameters too small");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    /** Hashes a secret with a fresh salt. */
    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(secret, salt, memoryKib, iterations, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(out);
    }

    /** Whether the secret matches the stored hash; false for anything malformed. */
    public boolean verify(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=1", salt, hash
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            for (String kv : parts[3].split(",")) {
                String[] p = kv.split("=", 2);
                switch (p[0]) {
                    case "m" -> m = Integer.parseInt(p[1]);
                    case "t" -> t = Integer.parseInt(p[1]);
                    case "p" -> {
                        if (!"1".equals(p[1])) {
                            return false;
                        }
                    }
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            if (m < 8 || t < 1 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(secret, salt, m, t, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int memoryKib, int iterations, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(1)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        byte[] password = secret.getBytes(StandardCharsets.UTF_8);
        try {
            generator.generateBytes(password, out);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        return out;
    }
}
