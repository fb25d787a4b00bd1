package io.accessplane.credential.config;

import io.accessplane.credential.crypto.PasswordHasher;
import io.accessplane.credential.crypto.SigningKeys;
import io.accessplane.credential.crypto.VerifiedSecretCache;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Makes the identity service's crypto objects from its configuration, once. */
@Singleton
public class CryptoProducers {

    private static final Logger LOG = Logger.getLogger(CryptoProducers.class);

    /** The Argon2id hasher for passwords and credential secrets. */
    @Produces
    @Singleton
    PasswordHasher passwordHasher(IdentityConfig config) {
        return new PasswordHasher(config.passwords().argon2MemoryKib(), config.passwords().argon2Iterations());
    }

    /** The in-memory cache of recently verified credential secrets. */
    @Produces
    @Singleton
    VerifiedSecretCache verifiedSecrets() {
        return new VerifiedSecretCache(Duration.ofMinutes(5), 100_000);
    }

    /** The signing keys from the configured files, or a process-local key when none is configured. */
    @Produces
    @Singleton
    SigningKeys signingKeys(IdentityConfig config) throws IOException, GeneralSecurityException {
        List<String> files = config.signing().keyFiles().orElse(List.of()).stream()
                .filter(f -> !f.isBlank()).toList();
        if (files.isEmpty()) {
            LOG.warn("no accessplane.identity.signing.key-files configured: signing with a key that lives only in "
                    + "this process; other services cannot verify its tokens after a restart");
            return SigningKeys.ephemeral();
        }
        return SigningKeys.fromFiles(files);
    }

    /**
     * This service verifies tokens with its own key set directly rather than fetching its own JWKS
     * over HTTP.
     */
    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    JWTAuthContextInfo jwtAuthContextInfo(SigningKeys keys, IdentityConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(keys.jwks(new com.fasterxml.jackson.databind.ObjectMapper()).toString());
        info.setIssuedBy(config.issuer());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequireNamedPrincipal(true);
        return info;
    }
}
