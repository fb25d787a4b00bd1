package io.accessplane.credential.service;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.crypto.SigningKeys;
import io.accessplane.platform.security.ClaimValues;
import io.accessplane.platform.security.TokenClaims;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Signs tokens with the active key and reads them back (signature, issuer and expiry checked). */
@ApplicationScoped
public class TokenCodec {

    private final SigningKeys keys;
    private final JWTParser parser;
    private final String issuer;

    public TokenCodec(SigningKeys keys, JWTParser parser, IdentityConfig config) {
        this.keys = keys;
        this.parser = parser;
        this.issuer = config.issuer();
    }

    /** The signed JWT for a token. */
    public String sign(IssuedToken t) {
        JwtClaimsBuilder b = Jwt.issuer(issuer)
                .subject(t.userId())
                .claim(TokenClaims.USER_NAME, t.userName())
                .claim(TokenClaims.USER_DOMAIN_ID, "default")
                .claim(TokenClaims.AUDIT_ID, t.auditId())
                .claim(TokenClaims.METHODS, t.methods())
                .issuedAt(t.issuedAt())
                .expiresAt(t.expiresAt())
                .groups(new LinkedHashSet<>(t.roles().stream().map(BuiltInRoles.RoleRef::name).toList()));
        if (t.projectId() != null) {
            b.claim(TokenClaims.PROJECT_ID, t.projectId())
                    .claim(TokenClaims.PROJECT_NAME, t.projectName())
                    .claim(TokenClaims.PROJECT_DOMAIN_ID, "default");
        }
        if (t.applicationCredentialId() != null) {
            b.claim(TokenClaims.APPLICATION_CREDENTIAL_ID, t.applicationCredentialId())
                    .claim("app_cred_name", t.applicationCredentialName())
                    .claim(TokenClaims.APPLICATION_CREDENTIAL_UNRESTRICTED, t.applicationCredentialUnrestricted());
        }
        SigningKeys.SigningKey key = keys.active();
        return b.jws().keyId(key.keyId()).sign(key.privateKey());
    }

    /** The token a JWT stands for, if its signature, issuer and expiry are good. */
    public Optional<IssuedToken> read(String jwt) {
        if (jwt == null || jwt.isBlank() || jwt.length() > 16_384) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromClaims(parser.parse(jwt.trim()), jwt.trim()));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The token described by verified claims. */
    public static IssuedToken fromClaims(JsonWebToken jwt, String raw) {
        List<BuiltInRoles.RoleRef> roles = jwt.getGroups() == null ? List.of()
                : BuiltInRoles.ALL.stream().filter(r -> jwt.getGroups().contains(r.name())).toList();
        List<String> methods = ClaimValues.strings(jwt, TokenClaims.METHODS);
        String appCred = ClaimValues.string(jwt, TokenClaims.APPLICATION_CREDENTIAL_ID);
        return new IssuedToken(raw, jwt.getTokenID(), Instant.ofEpochSecond(jwt.getIssuedAtTime()),
                Instant.ofEpochSecond(jwt.getExpirationTime()), methods.isEmpty() ? List.of("password") : methods,
                jwt.getSubject(), ClaimValues.string(jwt, TokenClaims.USER_NAME),
                ClaimValues.string(jwt, TokenClaims.PROJECT_ID), ClaimValues.string(jwt, TokenClaims.PROJECT_NAME),
                roles, appCred, ClaimValues.string(jwt, "app_cred_name"),
                ClaimValues.bool(jwt, TokenClaims.APPLICATION_CREDENTIAL_UNRESTRICTED));
    }
}
