package io.accessplane.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Resolves the {@link Caller} of the current request without blocking the event loop. */
@ApplicationScoped
public class CallerContext {

    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest currentRequest;
    private final SecurityConfig config;

    public CallerContext(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            SecurityConfig config) {
        this.identities = identities;
        this.currentRequest = currentRequest;
        this.config = config;
    }

    /** The authenticated caller; fails with {@link UnauthorizedException} when there is none. */
    public Uni<Caller> current() {
        RoutingContext routing = currentRequest.getCurrent();
        return identities.getDeferredIdentity().map(identity -> toCaller(identity, routing));
    }

    /**
     * The caller of an identity that is already resolved, for resources (such as live streams) that
     * must refuse a request before their response starts; fails like {@link #current()}.
     */
    public Caller of(SecurityIdentity identity) {
        return toCaller(identity, currentRequest.getCurrent());
    }

    Caller toCaller(SecurityIdentity identity, RoutingContext routing) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException("The request you have made requires authentication.");
        }
        String source = routing == null ? null : RequestOrigin.sourceAddress(routing.request(), config.trustForwardedFor());
        String agent = routing == null ? null : RequestOrigin.userAgent(routing.request());
        String requestId = routing == null ? RequestOrigin.newRequestId() : RequestIdRoute.of(routing);
        return new Caller(
                jwt.getSubject(),
                ClaimValues.string(jwt, TokenClaims.USER_NAME),
                ClaimValues.string(jwt, TokenClaims.PROJECT_ID),
                ClaimValues.string(jwt, TokenClaims.PROJECT_NAME),
                Roles.withImplied(identity.getRoles()),
                ClaimValues.string(jwt, TokenClaims.APPLICATION_CREDENTIAL_ID),
                ClaimValues.bool(jwt, TokenClaims.APPLICATION_CREDENTIAL_UNRESTRICTED),
                jwt.getTokenID(),
                jwt.getIssuedAtTime() > 0 ? Instant.ofEpochSecond(jwt.getIssuedAtTime()) : null,
                jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null,
                source, agent, requestId);
    }
}
