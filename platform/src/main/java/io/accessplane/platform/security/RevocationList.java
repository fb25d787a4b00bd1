package io.accessplane.platform.security;

import io.accessplane.platform.events.Revocation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocations this service knows of, as Keystone's revocation events: a token is refused when
 * its audit id, its application credential or its user was revoked at or after the token was issued.
 */
@ApplicationScoped
public class RevocationList {

    private final Map<Revocation.Kind, Map<String, Instant>> entries = new ConcurrentHashMap<>();

    /** Records a revocation; a later one for the same id wins. */
    public void add(Revocation revocation) {
        entries.computeIfAbsent(revocation.kind(), k -> new ConcurrentHashMap<>())
                .merge(revocation.id(), revocation.revokedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Whether a token with these claims is revoked.
     *
     * @param issuedAt when the token was issued; tokens issued after a user or credential
     *                 revocation stay valid (the user may have been re-enabled)
     */
    public boolean isRevoked(String auditId, String userId, String applicationCredentialId, Instant issuedAt) {
        if (auditId != null && entries.getOrDefault(Revocation.Kind.TOKEN, Map.of()).containsKey(auditId)) {
            return true;
        }
        return revokedSince(Revocation.Kind.USER, userId, issuedAt)
                || revokedSince(Revocation.Kind.APPLICATION_CREDENTIAL, applicationCredentialId, issuedAt);
    }

    private boolean revokedSince(Revocation.Kind kind, String id, Instant issuedAt) {
        if (id == null) {
            return false;
        }
        Instant revokedAt = entries.getOrDefault(kind, Map.of()).get(id);
        if (revokedAt == null) {
            return false;
        }
        // JWT iat has whole seconds: a token issued in the same second as the revocation is refused.
        return issuedAt == null || !issuedAt.isAfter(revokedAt);
    }

    /** Drops entries revoked before the cut-off (tokens from then have expired). */
    public void forgetBefore(Instant cutoff) {
        entries.values().forEach(m -> m.values().removeIf(t -> t.isBefore(cutoff)));
    }

    /** How many entries are held. */
    public int size() {
        return entries.values().stream().mapToInt(Map::size).sum();
    }
}
