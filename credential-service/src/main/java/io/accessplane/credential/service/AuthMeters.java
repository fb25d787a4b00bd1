package io.accessplane.credential.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Counts tokens issued ({@code accessplane_tokens_issued_total{method}}) and refused authentications
 * ({@code accessplane_auth_failures_total{method,reason}}). Tags come from fixed sets: the method's
 * Keystone name and the refusal's reason code, never a name, an id or a secret from the request.
 */
@ApplicationScoped
public class AuthMeters {

    /** The reason codes of refusals; anything else is counted as {@code other}. */
    static final Set<String> REASONS = Set.of("unknown_user", "disabled_user", "locked_out", "bad_password",
            "unknown_project", "no_role", "project_disabled", "unknown_id", "expired", "bad_secret", "role_lost");

    private final MeterRegistry registry;
    /** Counters by method (and reason), registered on first use and reused: issuing a token builds no meter. */
    private final java.util.concurrent.ConcurrentMap<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    public AuthMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One token issued. */
    public void issued(AuthRequest.Method method) {
        counters.computeIfAbsent("issued " + method.wireName(), k -> Counter.builder("accessplane_tokens_issued")
                .description("Tokens issued, by authentication method")
                .tag("method", method.wireName()).register(registry)).increment();
    }

    /** One authentication refused. */
    public void refused(AuthRequest.Method method, String reason) {
        String code = REASONS.contains(reason) ? reason : "other";
        counters.computeIfAbsent("refused " + method.wireName() + " " + code, k -> Counter.builder("accessplane_auth_failures")
                .description("Refused authentications, by method and reason")
                .tag("method", method.wireName()).tag("reason", code).register(registry)).increment();
    }
}
