package io.accessplane.platform.testing;

import io.accessplane.platform.security.TokenClaims;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs tokens shaped like the identity service's with a key made for the test run, and
 * configures the application under test to verify them.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    /** Issuer the test tokens carry. */
    public static final String ISSUER = "http://127.0.0.1:5000/v3";
    private static final KeyPair KEYS = load();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "mp.jwt.verify.issuer", ISSUER);
    }

    @Override
    public void stop() {
    }

    /** A claims builder for a user scoped to a project with the given roles, valid for an hour. */
    public static JwtClaimsBuilder claims(String userId, String projectId, List<String> roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(userId)
                .claim(TokenClaims.USER_NAME, "user-" + userId)
                .claim(TokenClaims.PROJECT_ID, projectId)
                .claim(TokenClaims.PROJECT_NAME, "project-" + projectId)
                .groups(java.util.Set.copyOf(roles))
                .claim(TokenClaims.AUDIT_ID, UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(3600));
    }

    /** Signs with the trusted test key. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test-1").sign(KEYS.getPrivate());
    }

    /** Signs with a key nobody trusts. */
    public static String signWithUntrustedKey(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test-1").sign(generate().getPrivate());
    }

    /**
     * The run's key pair, kept in a file so that the test resource and the test, which Quarkus may
     * load in different class loaders, sign and verify with the same key.
     */
    private static synchronized KeyPair load() {
        java.nio.file.Path file = java.nio.file.Path.of("target", "test-token-key.der").toAbsolutePath();
        try {
            java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
            if (!java.nio.file.Files.exists(file)) {
                KeyPair fresh = generate();
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, fresh.getPrivate().getEncoded());
            }
            java.security.interfaces.RSAPrivateCrtKey priv = (java.security.interfaces.RSAPrivateCrtKey) rsa
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.nio.file.Files.readAllBytes(file)));
            java.security.PublicKey pub = rsa.generatePublic(
                    new java.security.spec.RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return new KeyPair(pub, priv);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
