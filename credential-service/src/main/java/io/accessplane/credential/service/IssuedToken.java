package io.accessplane.credential.service;

import io.accessplane.credential.service.BuiltInRoles.RoleRef;
import java.time.Instant;
import java.util.List;

/**
 * What a token says: who, scoped to which project, with which roles, minted how, valid when.
 * {@code jwt} is the signed token itself (the {@code X-Subject-Token}); it is never logged.
 */
public record IssuedToken(
        String jwt,
        String auditId,
        Instant issuedAt,
        Instant expiresAt,
        List<String> methods,
        String userId,
        String userName,
        String projectId,
        String projectName,
        List<RoleRef> roles,
        String applicationCredentialId,
        String applicationCredentialName,
        boolean applicationCredentialUnrestricted) {

    public IssuedToken {
        methods = List.copyOf(methods);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The same token with its signed form. */
    public IssuedToken withJwt(String signed) {
        return new IssuedToken(signed, auditId, issuedAt, expiresAt, methods, userId, userName, projectId,
                projectName, roles, applicationCredentialId, applicationCredentialName,
                applicationCredentialUnrestricted);
    }

    /** Whether the token is scoped to a project. */
    public boolean scoped() {
        return projectId != null;
    }
}
