package io.accessplane.e2e.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Token rates against the running credential-service: {@code POST /v3/auth/tokens} with a
 * password and with an application credential, and token validation ({@code GET
 * /v3/auth/tokens}), at concurrency 16 and 64 ({@link TokenWorkload}). Median of
 * {@value TokenWorkload#RUNS} runs; written to docs/PERFORMANCE.md. The same workload against a real
 * Keystone is {@link KeystoneSideBySideBenchmark}.
 */
@Order(40)
class TokenBenchmark {

    @Test
    void tokenRates() throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        TokenWorkload.Target target = TokenWorkload.accessplane(cleanup);
        List<Load.Result> medians = TokenWorkload.measure(target, TokenWorkload.FULL);
        cleanup.forEach(Runnable::run);
        String body = PerformanceReport.table(medians) + String.format(Locale.ROOT, """

                - Tokens are RS256 JWTs. Passwords are checked with Argon2id (slow on purpose);
                  application-credential secrets are generated, long and random, checked against their
                  Argon2id hash once and then through a verified-secret cache keyed by HMAC-SHA-256.
                - "validate" is `GET /v3/auth/tokens` with `X-Subject-Token` (signature, expiry, revocation list).
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, TokenWorkload.RUNS);
        System.out.println(body);
        PerformanceReport.write("tokens", "Tokens (credential-service)", body);
    }
}
