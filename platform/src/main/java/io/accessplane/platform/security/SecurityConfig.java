package io.accessplane.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How a service reads callers and follows token revocations ({@code accessplane.security.*}). */
@ConfigMapping(prefix = "accessplane.security")
public interface SecurityConfig {

    /** Take the client address from the first {@code X-Forwarded-For} entry (behind a trusted ingress). */
    @WithName("trust-forwarded-for")
    @WithDefault("true")
    boolean trustForwardedFor();

    /** The identity service's base URL, advertised in {@code WWW-Authenticate} challenges. */
    @WithName("identity-url")
    @WithDefault("http://127.0.0.1:5000")
    String identityUrl();

    /** Revocation feed settings. */
    Revocations revocations();

    /** Settings of the feed that keeps the revocation list from the credential events. */
    interface Revocations {
        /** Whether this service follows the credential events topic. */
        @WithDefault("true")
        boolean enabled();

        /** Topic carrying the identity service's events. */
        @WithDefault("accessplane.credential.events")
        String topic();

        /** How far back the feed reads at start: at least the longest token lifetime. */
        @WithDefault("PT25H")
        Duration lookback();

        /** How long an entry is kept after it was revoked: at least the longest token lifetime. */
        @WithDefault("PT25H")
        Duration retention();
    }
}
