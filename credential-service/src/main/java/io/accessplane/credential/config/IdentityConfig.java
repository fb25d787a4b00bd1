package io.accessplane.credential.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the identity service ({@code accessplane.identity.*}). */
@ConfigMapping(prefix = "accessplane.identity")
public interface IdentityConfig {

    /** Issuer ({@code iss}) of the tokens, which every verifier checks. */
    String issuer();

    /** Token settings. */
    Tokens tokens();

    /** Signing keys. */
    Signing signing();

    /** The bootstrap administrator created at start. */
    Bootstrap bootstrap();

    /** Password hashing and lockout. */
    Passwords passwords();

    /** The service catalog returned with tokens. */
    Catalog catalog();

    /** Token settings. */
    interface Tokens {
        /** Lifetime of a token (never beyond its application credential's expiry). */
        @WithDefault("PT1H")
        Duration lifetime();
    }

    /** JWT signing keys. */
    interface Signing {
        /**
         * PEM files of PKCS#8 RSA private keys; the first signs, all are published in the JWKS so
         * that a new key can be announced before it signs and an old one kept until its tokens expire.
         */
        @WithName("key-files")
        Optional<List<String>> keyFiles();
    }

    /** The administrator made idempotently at start. */
    interface Bootstrap {
        /** Whether to create the bootstrap admin. */
        @WithDefault("true")
        boolean enabled();

        /** User name of the administrator. */
        @WithDefault("admin")
        String username();

        /** Its password (from the environment, never committed); without it no admin is made. */
        Optional<String> password();

        /** Project the administrator holds the admin role on. */
        @WithName("project-name")
        @WithDefault("admin")
        String projectName();
    }

    /** Password hashing and lockout. */
    interface Passwords {
        /** Argon2id memory in KiB. */
        @WithName("argon2-memory-kib")
        @WithDefault("19456")
        int argon2MemoryKib();

        /** Argon2id iterations. */
        @WithName("argon2-iterations")
        @WithDefault("2")
        int argon2Iterations();

        /** Failed password attempts after which a user is locked (Keystone's lockout_failure_attempts). */
        @WithName("lockout-failure-attempts")
        @WithDefault("6")
        int lockoutFailureAttempts();

        /** How long a locked user stays locked (Keystone's lockout_duration). */
        @WithName("lockout-duration")
        @WithDefault("PT30M")
        Duration lockoutDuration();

        /** Longest password accepted (Keystone's max_password_length). */
        @WithName("max-length")
        @WithDefault("4096")
        int maxLength();
    }

    /** The catalog of endpoints. */
    interface Catalog {
        /** Region of every endpoint. */
        @WithDefault("RegionOne")
        String region();

        /** Public URL of the identity API. */
        @WithName("identity-url")
        @WithDefault("http://127.0.0.1:5000/v3")
        String identityUrl();

        /** Public URL of the compute (key pair) API. */
        @WithName("compute-url")
        @WithDefault("http://127.0.0.1:8774/v2.1")
        String computeUrl();

        /** Public URL of the network (security group) API. */
        @WithName("network-url")
        @WithDefault("http://127.0.0.1:9696")
        String networkUrl();

        /** Public URL of the audit API. */
        @WithName("audit-url")
        @WithDefault("http://127.0.0.1:8777/v1")
        String auditUrl();
    }
}
