package io.accessplane.credential.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time and in memory only, that a credential's secret was verified against
 * its slow hash: it keeps an HMAC-SHA256 of the secret under a random key made at start, never the
 * secret. A later authentication with the same secret is checked against the HMAC in microseconds;
 * anything else falls back to the slow hash. Deleting a credential forgets it.
 */
public final class VerifiedSecretCache {

    private record Entry(byte[] mac, Instant until) {
    }

    private final byte[] key = new byte[32];
    private final Duration ttl;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedSecretCache(Duration ttl, int maxEntries) {
        new SecureRandom().nextBytes(key);
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** Whether this secret was verified for this credential within the TTL. */
    public boolean matches(String credentialId, String secret, Instant now) {
        Entry e = entries.get(credentialId);
        if (e == null) {
            return false;
        }
        if (e.until().isBefore(now)) {
            entries.remove(credentialId, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(credentialId, secret));
    }

    /** Records a successful slow verification. */
    public void remember(String credentialId, String secret, Instant now) {
        if (entries.size() >= maxEntries) {
            entries.entrySet().removeIf(x -> x.getValue().until().isBefore(now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(credentialId, new Entry(mac(credentialId, secret), now.plus(ttl)));
    }

    /** Forgets a credential (deleted, or its user disabled). */
    public void forget(String credentialId) {
        entries.remove(credentialId);
    }

    private byte[] mac(String credentialId, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(credentialId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
