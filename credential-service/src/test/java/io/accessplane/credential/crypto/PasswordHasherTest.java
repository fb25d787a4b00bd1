package io.accessplane.credential.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Argon2id hashes in PHC form, secrets, ids and the verified-secret cache. */
class PasswordHasherTest {

    final PasswordHasher hasher = new PasswordHasher(1024, 1);

    @Test
    void hashVerifiesOnlyItsSecretAndIsSalted() {
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[1 + random.nextInt(40)];
            random.nextBytes(b);
            String secret = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) + "ü€";
            String hash = hasher.hash(secret);
            assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), hash);
            assertFalse(hash.contains(secret));
            assertTrue(hasher.verify(secret, hash));
            assertFalse(hasher.verify(secret + "x", hash));
            assertNotEquals(hash, hasher.hash(secret), "salted");
        }
    }

    @Test
    void parametersComeFromTheStoredHash() {
        String old = new PasswordHasher(512, 2).hash("pw");
        assertTrue(hasher.verify("pw", old));
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad : List.of("", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=1024,t=1,p=4$c2FsdA$aGFzaA", "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=x,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=1024,t=1,p=1$!!$aGFzaA")) {
            assertFalse(hasher.verify("pw", bad), bad);
        }
        assertFalse(hasher.verify(null, hasher.hash("pw")));
    }

    @Test
    void generatedSecretsAndIdsHaveKeystonesShape() {
        for (int i = 0; i < 100; i++) {
            String secret = SecretGenerator.newSecret();
            assertEquals(86, secret.length());
            assertTrue(secret.matches("[A-Za-z0-9_-]{86}"));
            assertTrue(SecretGenerator.newId().matches("[0-9a-f]{32}"));
            assertTrue(SecretGenerator.newAuditId().matches("[A-Za-z0-9_-]{22}"));
        }
    }

    @Test
    void verifiedSecretCacheRemembersOnlyTheRightSecretForAWhile() {
        VerifiedSecretCache cache = new VerifiedSecretCache(Duration.ofMinutes(5), 3);
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertFalse(cache.matches("id", "s", now));
        cache.remember("id", "s", now);
        assertTrue(cache.matches("id", "s", now.plusSeconds(10)));
        assertFalse(cache.matches("id", "other", now.plusSeconds(10)));
        assertFalse(cache.matches("id2", "s", now.plusSeconds(10)), "bound to the credential id");
        assertFalse(cache.matches("id", "s", now.plus(Duration.ofMinutes(6))), "expires");
        cache.remember("id", "s", now);
        cache.forget("id");
        assertFalse(cache.matches("id", "s", now));
        for (int i = 0; i < 10; i++) {
            cache.remember("k" + i, "s", now);
        }
        assertTrue(cache.matches("k9", "s", now), "bounded, newest kept");
    }
}
