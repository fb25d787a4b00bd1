package io.accessplane.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accessplane.e2e.cli.OpenStackCli;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Key pair rates against the running keypair-service: import, Ed25519 generation (next to raw
 * BouncyCastle on the same machine), RSA-2048 creates with the pool full and dry, the pool's refill
 * rate, and delete. Median of {@value #RUNS} runs; written to docs/PERFORMANCE.md.
 */
@Order(30)
class KeypairBenchmark {

    static final int RUNS = 3;
    static final String BASE = "http://127.0.0.1:8774";
    static final String KEYPAIRS = BASE + "/v2.1/os-keypairs";
    static final int CONCURRENCY = 16;
    static final int REQUESTS = 600;
    /** Key pairs per benchmark user, under the default quota of 100. */
    static final int PER_USER = 50;
    /**
     * Users per scenario: request i goes to user i mod USERS, so concurrent requests go to
     * different users (a user's creates are serialised by its quota lock, as in real use).
     */
    static final int USERS = (REQUESTS + PER_USER - 1) / PER_USER;

    String token;

    @Test
    void keyPairRates() throws Exception {
        token = OpenStackCli.admin().json("token", "issue").get("id").asText();
        List<List<Load.Result>> runs = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> refill = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            List<Load.Result> results = new ArrayList<>();
            List<String> publicKeys = clientSideEd25519PublicKeys(REQUESTS);
            results.add(Load.run("import ssh-ed25519", CONCURRENCY, REQUESTS,
                    i -> create("imp-" + tag, i, "\"public_key\":\"" + publicKeys.get(i) + "\""), 201));
            results.add(deleteAll("imp-" + tag, REQUESTS));
            results.add(Load.run("generate ed25519", CONCURRENCY, REQUESTS,
                    i -> create("ed-" + tag, i, "\"key_algorithm\":\"ed25519\""), 201));
            deleteAll("ed-" + tag, REQUESTS);
            results.add(rsaPoolFull("rsa-full-" + tag));
            results.add(rsaPoolDry("rsa-dry-" + tag));
            refill.add(refillRate());
            raw.add(rawBouncyCastleEd25519PerSecond(2, 3));
            runs.add(results);
            int number = run + 1;
            results.forEach(r -> System.out.printf(Locale.ROOT, "run %d: %s%n", number, r));
        }
        List<Load.Result> medians = Load.medians(runs);
        double rawMedian = Load.median(raw.stream().mapToDouble(Double::doubleValue).toArray());
        double refillMedian = Load.median(refill.stream().mapToDouble(Double::doubleValue).toArray());
        double ed = medians.get(2).rate();
        String body = PerformanceReport.table(medians) + String.format(Locale.ROOT, """

                - raw BouncyCastle Ed25519 generation with OpenSSH encoding, 2 threads in the client JVM:
                  **%.0f keys/s**; the service generates **%.0f/s**, %.1fx slower (each create also checks the
                  quota, stores the key with its outbox event in one PostgreSQL transaction, and answers over HTTP).
                - RSA-2048 pool: %s; refill rate with the pool's one thread and no load: **%.1f keys/s**.
                  "pool full" creates one key at a time, waiting for a full pool between rounds; every one of
                  them was served from the pool (checked on the metrics endpoint). "pool dry" drains the pool
                  first, then keeps %d requests in flight, so keys are generated on the request.
                - Each scenario's keys are spread round-robin over users (at most %d keys each, quota 100),
                  so concurrent creates belong to different users; "delete" removes the imported keys.
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, rawMedian, ed, rawMedian / ed, poolCapacity() + " keys", refillMedian,
                DRY_CONCURRENCY, PER_USER, RUNS);
        System.out.println(body);
        PerformanceReport.write("keypairs", "Key pairs (keypair-service)", body);
    }

    HttpRequest create(String prefix, int i, String fields) {
        String json = "{\"keypair\":{\"name\":\"k" + i + "\",\"user_id\":\"" + owner(prefix, i)
                + "\"," + fields + "}}";
        return HttpRequest.newBuilder(URI.create(KEYPAIRS)).header("X-Auth-Token", token)
                .header("OpenStack-API-Version", "compute 2.10").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String owner(String prefix, int i) {
        return prefix + "-" + (i % USERS);
    }

    Load.Result deleteAll(String prefix, int count) throws Exception {
        return Load.run("delete", CONCURRENCY, count, i -> HttpRequest.newBuilder(URI.create(KEYPAIRS + "/k" + i
                + "?user_id=" + owner(prefix, i))).header("X-Auth-Token", token)
                .header("OpenStack-API-Version", "compute 2.10").DELETE().build(), 204);
    }

    static final int FULL_ROUNDS = 5;
    static final int DRY_CONCURRENCY = 2;
    static final int DRY_REQUESTS = 30;

    /** Rounds of single creates, each round starting from a full pool and taking fewer keys than it holds. */
    Load.Result rsaPoolFull(String prefix) throws Exception {
        int capacity = poolCapacity();
        int perRound = Math.max(1, capacity - 2);
        long[] latencies = new long[FULL_ROUNDS * perRound];
        double servedBefore = metric("accessplane_keypairs_rsa_pool_served_total");
        double seconds = 0;
        int n = 0;
        for (int round = 0; round < FULL_ROUNDS; round++) {
            awaitPool(capacity);
            for (int i = 0; i < perRound; i++, n++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = Load.HTTP.send(create(prefix, n, "\"type\":\"ssh\""),
                        HttpResponse.BodyHandlers.ofString());
                latencies[n] = System.nanoTime() - t0;
                seconds += latencies[n] / 1e9;
                assertEquals(201, response.statusCode(), response.body());
            }
        }
        assertEquals(servedBefore + n, metric("accessplane_keypairs_rsa_pool_served_total"),
                "every 'pool full' create was served from the pool");
        deleteAll(prefix, n);
        return Load.summarise("create rsa-2048, pool full", 1, latencies, 0, seconds);
    }

    /** Drains the pool, then measures creates while it cannot keep up. */
    Load.Result rsaPoolDry(String prefix) throws Exception {
        int capacity = poolCapacity();
        for (int i = 0; i < capacity; i++) {
            Load.HTTP.send(create(prefix + "-drain", i, "\"type\":\"ssh\""), HttpResponse.BodyHandlers.discarding());
        }
        Load.Result result = Load.run("create rsa-2048, pool dry", DRY_CONCURRENCY, DRY_REQUESTS,
                i -> create(prefix, i, "\"type\":\"ssh\""), 201);
        deleteAll(prefix + "-drain", capacity);
        deleteAll(prefix, DRY_REQUESTS);
        return result;
    }

    /** Keys per second the pool refills at, from empty-ish to full, with no requests. */
    double refillRate() throws Exception {
        int capacity = poolCapacity();
        String prefix = "rsa-refill-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < capacity + 2; i++) {
            Load.HTTP.send(create(prefix, i, "\"type\":\"ssh\""), HttpResponse.BodyHandlers.discarding());
        }
        double startLevel = metric("accessplane_keypairs_rsa_pool_available");
        long t0 = System.nanoTime();
        awaitPool(capacity);
        double rate = (capacity - startLevel) / ((System.nanoTime() - t0) / 1e9);
        deleteAll(prefix, capacity + 2);
        return rate;
    }

    int poolCapacity() throws Exception {
        return (int) metric("accessplane_keypairs_rsa_pool_capacity");
    }

    void awaitPool(int level) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (metric("accessplane_keypairs_rsa_pool_available") < level) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the RSA pool did not refill to " + level + " in 120 s");
            }
            Thread.sleep(20);
        }
    }

    static double metric(String name) throws Exception {
        String exposition = Load.HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return exposition.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Distinct Ed25519 public keys in OpenSSH one-line form, made in the client before the clock starts. */
    static List<String> clientSideEd25519PublicKeys(int n) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] blob = encodePublic(generator.generateKeyPair());
            keys.add("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + " bench-" + i);
        }
        return keys;
    }

    static byte[] encodePublic(AsymmetricCipherKeyPair pair) {
        try {
            return OpenSSHPublicKeyUtil.encodePublicKey(pair.getPublic());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw BouncyCastle: generate, OpenSSH-encode both halves and PEM-wrap the private key, per second. */
    static double rawBouncyCastleEd25519PerSecond(int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
                    generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
                    while (System.nanoTime() < warmupEnd) {
                        oneRawKey(generator);
                    }
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                    long count = 0;
                    while (System.nanoTime() < end) {
                        oneRawKey(generator);
                        count++;
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            return total / (double) seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    static int oneRawKey(Ed25519KeyPairGenerator generator) throws java.io.IOException {
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] privateBlob = OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate());
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(70, "\n".getBytes()).encodeToString(privateBlob)
                + "\n-----END OPENSSH PRIVATE KEY-----\n";
        String pub = "ssh-ed25519 " + Base64.getEncoder().encodeToString(encodePublic(pair));
        return pem.length() + pub.length();
    }
}
