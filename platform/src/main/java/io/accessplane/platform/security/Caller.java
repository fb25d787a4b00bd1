package io.accessplane.platform.security;

import io.accessplane.platform.events.Initiator;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, taken from the verified token and the request: identity, scope, roles,
 * application credential, and where the request came from.
 */
public record Caller(
        String userId,
        String userName,
        String projectId,
        String projectName,
        Set<String> roles,
        String applicationCredentialId,
        boolean applicationCredentialUnrestricted,
        String auditId,
        Instant issuedAt,
        Instant expiresAt,
        String sourceAddress,
        String userAgent,
        String requestId) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether the token carries the role, directly or implied. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller may act across projects and users. */
    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Whether the token was minted from an application credential. */
    public boolean viaApplicationCredential() {
        return applicationCredentialId != null;
    }

    /** The CADF initiator for events caused by this caller. */
    public Initiator toInitiator() {
        List<String> sorted = roles.stream().sorted().toList();
        return new Initiator(userId, projectId, applicationCredentialId, sorted, sourceAddress, userAgent, requestId);
    }
}
