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

/**
 * The token workload, shared by {@link TokenBenchmark} and {@link KeystoneSideBySideBenchmark}: against
 * one Keystone v3 endpoint, {@code POST /v3/auth/tokens} with a password and with an application
 * credential, and {@code GET /v3/auth/tokens} (validation), at concurrency 16 and 64, {@value #RUNS}
 * runs, scenario by scenario medians.
 */
final class TokenWorkload {

    static final int RUNS = 3;
    static final int[] CONCURRENCIES = {16, 64};
    static final String ACCESSPLANE_TOKENS = "http://127.0.0.1:5000/v3/auth/tokens";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Requests per run of each scenario. */
    record Counts(int password, int credential, int validate) {
    }

    /** TokenBenchmark's request counts. */
    static final Counts FULL = new Counts(200, 1000, 3000);

    /**
     * What the workload needs from one identity service: its tokens URL, the two authentication
     * bodies (a member's password scoped to its project; its application credential), a token
     * allowed to validate others, and the member's token to validate.
     */
    record Target(String name, String passwordMethod, String tokensUrl, String passwordBody,
            String credentialBody, String adminToken, String subjectToken) {
    }

    private TokenWorkload() {
    }

    /** The accessplane side: a member of a new project and its application credential, made with the openstack client. */
    static Target accessplane(List<Runnable> cleanup) throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser member = admin.newProjectUser("bench", "member");
        OpenStackCli asUser = member.cli();
        JsonNode credential = asUser.json("application", "credential", "create", "bench-" + UUID.randomUUID());
        String credentialId = credential.get("id").asText();
        cleanup.add(() -> asUser.run("application", "credential", "delete", credentialId).ok());
        return new Target("accessplane", "Argon2id", ACCESSPLANE_TOKENS,
                passwordBody(member.user(), member.password(), member.project()),
                credentialBody(credentialId, credential.get("secret").asText()),
                admin.json("token", "issue").get("id").asText(), asUser.json("token", "issue").get("id").asText());
    }

    static String passwordBody(String user, String password, String project) throws Exception {
        return JSON.writeValueAsString(JSON.readTree("""
                {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"id":"default"},
                "password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"id":"default"}}}}}""".formatted(user,
                password, project)));
    }

    static String credentialBody(String id, String secret) throws Exception {
        return JSON.writeValueAsString(JSON.readTree("""
                {"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"%s",
                "secret":"%s"}}}}""".formatted(id, secret)));
    }

    /**
     * The workload's {@value #RUNS} runs against {@code target} (each run: both concurrencies, each
     * with password, application credential, validate), every run printed; returns the medians.
     */
    static List<Load.Result> measure(Target target, Counts counts) throws Exception {
        List<List<Load.Result>> runs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            runs.add(run(target, counts, run));
        }
        return Load.medians(runs);
    }

    /** One run: both concurrencies, each with password, application credential, validate; printed as run {@code number}. */
    static List<Load.Result> run(Target target, Counts counts, int number) throws Exception {
        List<Load.Result> results = new ArrayList<>();
        for (int concurrency : CONCURRENCIES) {
            results.add(Load.run("issue, password (" + target.passwordMethod() + ")", concurrency,
                    counts.password(), i -> post(target, target.passwordBody()), 201));
            results.add(Load.run("issue, application credential", concurrency, counts.credential(),
                    i -> post(target, target.credentialBody()), 201));
            results.add(Load.run("validate", concurrency, counts.validate(), i -> validate(target), 200));
        }
        results.forEach(r -> System.out.printf(Locale.ROOT, "%s run %d: %s%n", target.name(), number, r));
        return results;
    }

    /** A few requests of each scenario, not measured: connections, pools and caches warm, every worker loaded. */
    static void warmUp(Target target, int requests) throws Exception {
        Load.run("warm-up", 8, requests, i -> post(target, target.passwordBody()), 201);
        Load.run("warm-up", 8, requests, i -> post(target, target.credentialBody()), 201);
        Load.run("warm-up", 8, requests, i -> validate(target), 200);
    }

    static HttpRequest post(Target target, String json) {
        return HttpRequest.newBuilder(URI.create(target.tokensUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static HttpRequest validate(Target target) {
        return HttpRequest.newBuilder(URI.create(target.tokensUrl())).header("X-Auth-Token", target.adminToken())
                .header("X-Subject-Token", target.subjectToken()).GET().build();
    }
}
