package io.accessplane.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Refuses a verified token whose audit id, user or application credential has been revoked. */
@ApplicationScoped
public class RevocationCheck implements SecurityIdentityAugmentor {

    private final RevocationList revocations;

    public RevocationCheck(RevocationList revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (isRevoked(jwt)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token revoked"));
        }
        return Uni.createFrom().item(identity);
    }

    /** Whether the token is on the revocation list. */
    public boolean isRevoked(JsonWebToken jwt) {
        Instant issuedAt = jwt.getIssuedAtTime() > 0 ? Instant.ofEpochSecond(jwt.getIssuedAtTime()) : null;
        return revocations.isRevoked(jwt.getTokenID(), jwt.getSubject(),
                ClaimValues.string(jwt, TokenClaims.APPLICATION_CREDENTIAL_ID), issuedAt);
    }
}
