package io.accessplane.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.cli.OpenStackCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue #9, point 1: {@link TokenBenchmark}'s workload ({@link TokenWorkload}: password and
 * application-credential tokens, validation, concurrency 16 and 64, median of 3 runs, the same
 * {@link Load} client) against a real Keystone (Debian's package under uwsgi, started by {@code
 * deploy/keystone/keystone up}) and against credential-service, on the same machine; writes both
 * tables and their ratios, with issue #9's targets, to docs/PERFORMANCE.md. With {@code
 * -Daccessplane.bench.keystone-only=true} only Keystone is measured (the stack need not be up).
 */
@Order(60)
class KeystoneSideBySideBenchmark {

    static final String COMMAND = PerformanceReport.COMMAND + " -Dtest=KeystoneSideBySideBenchmark";
    static final String KEYSTONE_ONLY_COMMAND =
            "mvn -B -pl e2e -Pbench verify -Dtest=KeystoneSideBySideBenchmark -Daccessplane.bench.keystone-only=true";
    /** Issue #9's targets: application-credential tokens and validation, ours / Keystone. */
    static final double CREDENTIAL_RATE_TARGET = 100;
    static final double CREDENTIAL_P99_TARGET_MS = 20;
    static final int CREDENTIAL_P99_CONCURRENCY = 64;
    static final double VALIDATE_RATE_TARGET = 50;
    /** Keystone issues a few tokens a second: fewer requests per run there (the rates stay per second). */
    static final TokenWorkload.Counts KEYSTONE_COUNTS = new TokenWorkload.Counts(
            Integer.getInteger("accessplane.bench.keystone.issue-requests", 100),
            Integer.getInteger("accessplane.bench.keystone.issue-requests", 100),
            Integer.getInteger("accessplane.bench.keystone.validate-requests", 1000));
    static final int WARM_UP = Integer.getInteger("accessplane.bench.warm-up", 16);

    @Test
    void sideBySide() throws Exception {
        boolean keystoneOnly = Boolean.getBoolean("accessplane.bench.keystone-only");
        Path repo = repo();
        Path keystoneState = keystoneState(repo);
        String port = System.getenv().getOrDefault("ACCESSPLANE_KEYSTONE_PORT", "5011");
        String base = "http://127.0.0.1:" + port;

        run(repo, repo.resolve("deploy/keystone/keystone").toString(), "up");
        String adminPassword = Files.readString(keystoneState.resolve("admin-password")).trim();
        String apiVersion = Load.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v3")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        apiVersion = TokenWorkload.JSON.readTree(apiVersion).path("version").path("id").asText("?");
        String uwsgi = Files.readString(keystoneState.resolve("uwsgi.ini"));

        List<Runnable> cleanup = new ArrayList<>();
        try {
            // Both sides are set up before anything is measured, so a missing stack fails at once.
            TokenWorkload.Target keystone = keystone(base, adminPassword, cleanup);
            TokenWorkload.Target accessplane = keystoneOnly ? null : TokenWorkload.accessplane(cleanup);
            TokenWorkload.warmUp(keystone, WARM_UP);
            if (accessplane != null) {
                TokenWorkload.warmUp(accessplane, WARM_UP);
            }
            // Runs alternate between the two, so a busy spell on the machine falls on both alike.
            List<List<Load.Result>> keystoneRuns = new ArrayList<>();
            List<List<Load.Result>> accessplaneRuns = new ArrayList<>();
            for (int run = 1; run <= TokenWorkload.RUNS; run++) {
                keystoneRuns.add(TokenWorkload.run(keystone, KEYSTONE_COUNTS, run));
                if (accessplane != null) {
                    accessplaneRuns.add(TokenWorkload.run(accessplane, TokenWorkload.FULL, run));
                }
            }
            List<Load.Result> theirs = Load.medians(keystoneRuns);
            List<Load.Result> ours = accessplane == null ? null : Load.medians(accessplaneRuns);
            String body = report(ours, theirs, apiVersion, iniValue(uwsgi, "processes"), iniValue(uwsgi, "threads"),
                    port);
            System.out.println(body);
            PerformanceReport.write("keystone", "Tokens side by side with Keystone", body,
                    keystoneOnly ? KEYSTONE_ONLY_COMMAND : COMMAND);
        } finally {
            for (int i = cleanup.size() - 1; i >= 0; i--) {
                try {
                    cleanup.get(i).run();
                } catch (RuntimeException e) {
                    System.out.println("cleanup: " + e);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------ Keystone setup

    /** Through Keystone's API as the bootstrap admin: a project, a member with a password, its application credential. */
    static TokenWorkload.Target keystone(String base, String adminPassword, List<Runnable> cleanup)
            throws Exception {
        String tokens = base + "/v3/auth/tokens";
        String adminToken = issue(tokens, TokenWorkload.passwordBody("admin", adminPassword, "admin"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String projectName = "bench-project-" + suffix;
        String userName = "bench-user-" + suffix;
        String password = "pw-" + UUID.randomUUID();

        String project = call("POST", base + "/v3/projects", adminToken, """
                {"project":{"name":"%s","domain_id":"default"}}""".formatted(projectName), 201)
                .path("project").path("id").asText();
        cleanup.add(() -> quietly("DELETE", base + "/v3/projects/" + project, adminToken));
        String user = call("POST", base + "/v3/users", adminToken, """
                {"user":{"name":"%s","domain_id":"default","password":"%s"}}""".formatted(userName, password), 201)
                .path("user").path("id").asText();
        cleanup.add(() -> quietly("DELETE", base + "/v3/users/" + user, adminToken));
        JsonNode roles = call("GET", base + "/v3/roles?name=member", adminToken, null, 200).path("roles");
        if (roles.size() != 1) {
            throw new IllegalStateException("Keystone has no single role 'member': " + roles);
        }
        call("PUT", base + "/v3/projects/" + project + "/users/" + user + "/roles/" + roles.get(0).path("id").asText(),
                adminToken, null, 204);

        String passwordBody = TokenWorkload.passwordBody(userName, password, projectName);
        String userToken = issue(tokens, passwordBody);
        JsonNode credential = call("POST", base + "/v3/users/" + user + "/application_credentials", userToken, """
                {"application_credential":{"name":"bench-%s"}}""".formatted(suffix), 201)
                .path("application_credential");
        String credentialId = credential.path("id").asText();
        cleanup.add(() -> quietly("DELETE", base + "/v3/users/" + user + "/application_credentials/" + credentialId,
                adminToken));
        return new TokenWorkload.Target("keystone", "bcrypt", tokens, passwordBody,
                TokenWorkload.credentialBody(credentialId, credential.path("secret").asText()), adminToken,
                userToken);
    }

    static String issue(String tokens, String body) throws Exception {
        HttpResponse<String> r = Load.HTTP.send(HttpRequest.newBuilder(URI.create(tokens))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + tokens + ": " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    static JsonNode call(String method, String url, String token, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = Load.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? TokenWorkload.JSON.createObjectNode() : TokenWorkload.JSON.readTree(r.body());
    }

    static void quietly(String method, String url, String token) {
        try {
            Load.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            System.out.println("cleanup " + method + " " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------ report

    static String report(List<Load.Result> ours, List<Load.Result> theirs, String apiVersion, String processes,
            String threads, String port) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, """
                Keystone: Debian's `keystone` %s (API %s) under uwsgi, %s processes x %s threads, MariaDB,
                memcached (Keystone's cache), fernet tokens, started by `deploy/keystone/keystone up` on
                127.0.0.1:%s. Same machine, same client (`Load`, closed loop), same requests as `TokenBenchmark`.

                """, packageVersion("keystone"), apiVersion, processes, threads, port));
        if (ours != null) {
            b.append("### accessplane (credential-service)\n\n").append(PerformanceReport.table(ours)).append('\n');
        }
        b.append("### Keystone\n\n").append(PerformanceReport.table(theirs)).append('\n');
        if (ours != null) {
            b.append("### accessplane / Keystone\n\n").append(ratios(ours, theirs)).append('\n');
        }
        b.append(String.format(Locale.ROOT, """
                - Requests per run: accessplane %d password, %d application credential, %d validate (as
                  `TokenBenchmark`); Keystone %d, %d and %d, because it issues a few tokens a second. With %d
                  requests, p99 is the %s of a run.
                - Before measuring, each side gets %d requests of each scenario (8 at a time), not counted;
                  then the runs alternate: Keystone's first, accessplane's first, Keystone's second, ...
                - accessplane: RS256 JWTs; passwords checked with Argon2id; application-credential secrets
                  checked against their Argon2id hash once, then through an HMAC-keyed verified-secret cache.
                  Keystone: fernet tokens; passwords and application-credential secrets checked against their
                  bcrypt hashes (Keystone's default) on every request; validation goes through its memcached cache.
                - "validate" is `GET /v3/auth/tokens` with an admin's `X-Auth-Token` and a member's `X-Subject-Token`.
                - Targets (issue #9): application-credential tokens at >= %.0fx Keystone's rate, with p99 <= %.0f ms
                  at concurrency %d; validation at >= %.0fx. A scenario with errors meets no target.
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, TokenWorkload.FULL.password(), TokenWorkload.FULL.credential(), TokenWorkload.FULL.validate(),
                KEYSTONE_COUNTS.password(), KEYSTONE_COUNTS.credential(), KEYSTONE_COUNTS.validate(),
                KEYSTONE_COUNTS.password(), nthSlowest(KEYSTONE_COUNTS.password()), WARM_UP,
                CREDENTIAL_RATE_TARGET, CREDENTIAL_P99_TARGET_MS, CREDENTIAL_P99_CONCURRENCY, VALIDATE_RATE_TARGET,
                TokenWorkload.RUNS));
        if (ours == null) {
            b.append("- Only Keystone was measured in this run (`-Daccessplane.bench.keystone-only=true`): run `")
                    .append(COMMAND).append("` for the comparison and the ratios.\n");
        }
        return b.toString();
    }

    /** Ours / Keystone, scenario by scenario (both lists measure the same scenarios in the same order). */
    static String ratios(List<Load.Result> ours, List<Load.Result> theirs) {
        StringBuilder b = new StringBuilder("""
                | scenario | concurrency | accessplane (/s) | Keystone (/s) | rate, accessplane / Keystone | \
                p99 accessplane (ms) | p99 Keystone (ms) | p99, Keystone / accessplane | target | met |
                |---|---:|---:|---:|---:|---:|---:|---:|---|---|
                """);
        int targets = 0;
        int met = 0;
        for (int i = 0; i < ours.size(); i++) {
            Load.Result o = ours.get(i);
            Load.Result k = theirs.get(i);
            String scenario = o.scenario().replaceAll(" \\(.*\\)$", "");
            double ratio = o.rate() / k.rate();
            String target = "-";
            String verdict = "-";
            if (scenario.equals("issue, application credential")) {
                boolean p99Counts = o.concurrency() == CREDENTIAL_P99_CONCURRENCY;
                target = String.format(Locale.ROOT, ">= %.0fx", CREDENTIAL_RATE_TARGET)
                        + (p99Counts ? String.format(Locale.ROOT, ", p99 <= %.0f ms", CREDENTIAL_P99_TARGET_MS) : "");
                verdict = verdict(o, k, ratio >= CREDENTIAL_RATE_TARGET
                        && (!p99Counts || o.p99Ms() <= CREDENTIAL_P99_TARGET_MS));
            } else if (scenario.equals("validate")) {
                target = String.format(Locale.ROOT, ">= %.0fx", VALIDATE_RATE_TARGET);
                verdict = verdict(o, k, ratio >= VALIDATE_RATE_TARGET);
            }
            if (!target.equals("-")) {
                targets++;
                met += verdict.equals("yes") ? 1 : 0;
            }
            b.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1fx | %.1f | %.1f | %.1fx | %s | %s |%n",
                    scenario, o.concurrency(), o.rate(), k.rate(), ratio, o.p99Ms(), k.p99Ms(), k.p99Ms() / o.p99Ms(),
                    target, verdict));
        }
        b.append(String.format(Locale.ROOT, "%nTargets met: **%d of %d**.%n", met, targets));
        return b.toString();
    }

    private static String verdict(Load.Result ours, Load.Result theirs, boolean met) {
        if (ours.errors() > 0 || theirs.errors() > 0) {
            return "no (errors)";
        }
        return met ? "yes" : "no";
    }

    private static String nthSlowest(int requests) {
        int fromTop = requests - (int) Math.ceil(0.99 * requests) + 1;
        return switch (fromTop) {
            case 1 -> "slowest";
            case 2 -> "second slowest";
            case 3 -> "third slowest";
            default -> fromTop + "th slowest";
        };
    }

    // ----------------------------------------------------------------------------------- helpers

    static Path repo() {
        String configured = System.getProperty("accessplane.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return OpenStackCli.stateDir().toAbsolutePath().getParent();
    }

    /** Where {@code deploy/keystone/keystone} keeps its state: $ACCESSPLANE_STATE_DIR (else repo/.local), /keystone. */
    static Path keystoneState(Path repo) {
        String state = System.getenv("ACCESSPLANE_STATE_DIR");
        Path dir = state == null || state.isBlank() ? repo.resolve(".local") : repo.resolve(state);
        return dir.resolve("keystone");
    }

    static String iniValue(String ini, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=\\s*(\\S+)").matcher(ini);
        return m.find() ? m.group(1) : "?";
    }

    static String packageVersion(String name) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "(version unknown)";
        } catch (IOException e) {
            return "(version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(version unknown)";
        }
    }

    /** Runs a command in the repo, its output copied to ours line by line; fails unless it exits 0. */
    static void run(Path repo, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit "
                    + (p.isAlive() ? "none" : p.exitValue()) + ")");
        }
    }
}
