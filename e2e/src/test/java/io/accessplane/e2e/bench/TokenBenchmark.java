package io.accessplane.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.e2e.cli.OpenStackCli;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Token rates against the running credential-service: {@code POST /v3/auth/tokens} with a
 * password and with an application credential, and token validation ({@code GET
 * /v3/auth/tokens}), at concurrency 16 and 64. Median of {@value #RUNS} runs; written to
 * docs/PERFORMANCE.md. (The side-by-side with a real Keystone is issue #9's.)
 */
class TokenBenchmark {

    static final int RUNS = 3;
    static final String TOKENS = "http://127.0.0.1:5000/v3/auth/tokens";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tokenRates() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser member = admin.newProjectUser("bench", "member");
        String user = member.user();
        String password = member.password();
        String project = member.project();
        OpenStackCli asUser = member.cli();
        JsonNode credential = asUser.json("application", "credential", "create", "bench-" + UUID.randomUUID());
        String credentialId = credential.get("id").asText();
        String secret = credential.get("secret").asText();
        String passwordBody = JSON.writeValueAsString(JSON.readTree("""
                {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"id":"default"},
                "password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"id":"default"}}}}}""".formatted(user,
                password, project)));
        String credentialBody = JSON.writeValueAsString(JSON.readTree("""
                {"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"%s",
                "secret":"%s"}}}}""".formatted(credentialId, secret)));
        String adminToken = admin.json("token", "issue").get("id").asText();
        String subject = asUser.json("token", "issue").get("id").asText();

        List<List<Load.Result>> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<Load.Result> results = new ArrayList<>();
            for (int concurrency : new int[] {16, 64}) {
                results.add(Load.run("issue, password (Argon2id)", concurrency, 200,
                        i -> post(passwordBody), 201));
                results.add(Load.run("issue, application credential", concurrency, 1000,
                        i -> post(credentialBody), 201));
                results.add(Load.run("validate", concurrency, 3000, i -> HttpRequest.newBuilder(URI.create(TOKENS))
                        .header("X-Auth-Token", adminToken).header("X-Subject-Token", subject).GET().build(), 200));
            }
            runs.add(results);
            int number = run + 1;
            results.forEach(r -> System.out.printf(Locale.ROOT, "run %d: %s%n", number, r));
        }
        List<Load.Result> medians = Load.medians(runs);
        asUser.run("application", "credential", "delete", credentialId).ok();
        String body = PerformanceReport.table(medians) + String.format(Locale.ROOT, """

                - Tokens are RS256 JWTs. Passwords are checked with Argon2id (slow on purpose);
                  application-credential secrets are generated, long and random, checked against their
                  Argon2id hash once and then through a verified-secret cache keyed by HMAC-SHA-256.
                - "validate" is `GET /v3/auth/tokens` with `X-Subject-Token` (signature, expiry, revocation list).
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, RUNS);
        System.out.println(body);
        PerformanceReport.write("tokens", "Tokens (credential-service)", body);
    }

    static HttpRequest post(String json) {
        return HttpRequest.newBuilder(URI.create(TOKENS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
