package io.accessplane.platform.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Accepts the token the way OpenStack clients send it, in {@code X-Auth-Token}, and verifies it
 * with SmallRye JWT. {@code Authorization: Bearer} stays with SmallRye's own mechanism.
 */
@ApplicationScoped
public class OpenStackTokenMechanism implements HttpAuthenticationMechanism {

    /** The header OpenStack clients carry their token in. */
    public static final String HEADER = "X-Auth-Token";
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final SecurityConfig config;

    public OpenStackTokenMechanism(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = context.request().getHeader(HEADER);
        if (token == null || token.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().failure(new io.quarkus.security.AuthenticationFailedException("token too long"));
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new JsonWebTokenCredential(token.trim()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                "Keystone uri=\"" + config.identityUrl() + "\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
