package io.accessplane.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.e2e.cli.OpenStackCli;
import io.accessplane.e2e.stack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The audit service at scale (issue #9): how fast it stores a backlog of {@value #BACKLOG} events
 * that are already on Kafka when it starts, and how long verifying a hash chain of that many
 * events takes. Each run: stop audit-service, produce the backlog into one new project, start
 * audit-service ({@code stack up}), count stored events on its metrics endpoint until all are in,
 * sign a checkpoint, then verify the project's chain with {@code GET /v1/integrity/verify}.
 * Median of {@value #RUNS} runs; written to docs/PERFORMANCE.md ({@code bench:audit-scale}).
 */
@Order(100)
class AuditScaleBenchmark {

    static final int RUNS = 3;
    static final int BACKLOG = Integer.getInteger("accessplane.bench.backlog", 1_000_000);
    static final int SOURCES = 12;
    static final int USERS = 50;
    static final String TOPIC = "accessplane.keypair.events";
    static final String COMPRESSION = System.getProperty("accessplane.bench.compression", "zstd");
    static final String AUDIT = AuditBenchmark.AUDIT;
    static final Pattern LAG = Pattern.compile("(?m)^accessplane_audit_consumer_lag(?:\\{[^}]*\\})? ([0-9.eE+]+)$");
    static final ObjectMapper JSON = new ObjectMapper();

    /** One run's figures. */
    record Run(double produceSeconds, double startToFirstStoredSeconds, double ingestSeconds, double stored,
            double ingestRate, double verifySeconds, long recordsChecked, boolean intact) {
    }

    String token;

    @Test
    void auditAtScale() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Run r = oneRun(run);
            runs.add(r);
            System.out.printf(Locale.ROOT, "run %d: %s%n", run, r);
        }
        double produce = Load.median(runs.stream().mapToDouble(Run::produceSeconds).toArray());
        double toFirst = Load.median(runs.stream().mapToDouble(Run::startToFirstStoredSeconds).toArray());
        double ingestSeconds = Load.median(runs.stream().mapToDouble(Run::ingestSeconds).toArray());
        double rate = Load.median(runs.stream().mapToDouble(Run::ingestRate).toArray());
        double verify = Load.median(runs.stream().mapToDouble(Run::verifySeconds).toArray());
        long checked = (long) Load.median(runs.stream().mapToDouble(Run::recordsChecked).toArray());
        boolean intact = runs.stream().allMatch(Run::intact);
        StringBuilder perRun = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            perRun.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %,.0f | %,.0f | %.1f | %,d | %s |%n", i + 1,
                    r.produceSeconds(), r.startToFirstStoredSeconds(), r.ingestSeconds(), r.stored(), r.ingestRate(),
                    r.verifySeconds(), r.recordsChecked(), r.intact() ? "yes" : "NO"));
        }
        String body = String.format(Locale.ROOT, """
                | scenario | events | median of %d runs | target (#9) | met |
                |---|---:|---:|---|---|
                | ingest from a Kafka backlog (events stored/s, chain included) | %,d | %,.0f /s | >= 20,000 /s | %s |
                | producing the backlog (s) | %,d | %.1f s | - | - |
                | audit-service start to its first stored event (s) | - | %.1f s | - | - |
                | verify a chain of %,d events (`GET /v1/integrity/verify`) | %,d | %.1f s (%,.0f records/s) | - | - |

                | run | produce (s) | start to first stored (s) | ingest (s) | stored | stored/s | verify (s) | records checked | intact |
                |---:|---:|---:|---:|---:|---:|---:|---:|---|
                %s

                - Each run: audit-service is stopped (SIGKILL of the pid in the state dir's `run/`), %,d key pair
                  events are produced to `%s` (structured CloudEvents, the shape of `AuditBenchmark`'s: half
                  `keypair.created.v1`, half `keypair.deleted.v1` of the same keys, so the live inventory stays
                  small; one new project per run, %d users, %d sources each with its own gap-free sequence,
                  source `i` on partition `i mod <partitions>` so every source's events stay in order;
                  one `KafkaProducer`, `acks=all`, `linger.ms=20`, `batch.size=512 KiB`, `%s` compression).
                  Then `deploy/local/stack up` starts audit-service again.
                - "ingest": `accessplane_audit_events_stored_total` (a new process counts from 0) polled every
                  100 ms; the rate is the growth from the first poll that saw a stored event to the first poll
                  at which the backlog was all stored, over that time. Every event is stored once in one
                  transaction per poll of up to 500 records, with its chain link, inventory projection and
                  detectors. Other services' few events in the same window are counted too.
                - "start to first stored": from `stack up` to that first stored event: JVM start, Flyway,
                  Kafka assignment, and the detectors' rebuild from the stored log of their replay window
                  (it grows with each run, as the earlier runs' events are in it).
                - "verify": after `POST /v1/integrity/checkpoints` (a signed checkpoint over the chain head),
                  `GET /v1/integrity/verify?project_id=<the run's project>` as admin, timed from request to
                  answer by the client (no client timeout); the service reads the project's chain in
                  `chain_index` order, recomputes every link (RFC 8785 canonical JSON, SHA-256) and checks the
                  head against the signed checkpoints. Intact in every run: %s.
                - Median of %d runs; each run's figures are printed in the benchmark's output.
                """, RUNS, BACKLOG, rate, rate >= 20_000 ? "yes" : String.format(Locale.ROOT, "no (%.1f%% of it)",
                        100 * rate / 20_000), BACKLOG, produce, toFirst, BACKLOG, checked, verify, checked / verify,
                perRun.toString().stripTrailing(), BACKLOG, TOPIC, USERS, SOURCES, COMPRESSION, intact ? "yes" : "no",
                RUNS);
        System.out.println(body);
        PerformanceReport.write("audit-scale", "Audit at scale (audit-service)", body,
                PerformanceReport.COMMAND + " -Dtest=AuditScaleBenchmark");
        assertTrue(intact, "every chain verified intact");
    }

    Run oneRun(int number) throws Exception {
        token = OpenStackCli.admin().json("token", "issue").get("id").asText();
        String project = "bench-scale-" + number + "-" + UUID.randomUUID().toString().substring(0, 8);
        LocalStack.kill("audit-service");
        System.out.printf(Locale.ROOT, "run %d: audit-service stopped; producing %,d events into %s%n", number, BACKLOG,
                project);
        double produceSeconds = produce(project);
        System.out.printf(Locale.ROOT, "run %d: produced in %.1f s; starting audit-service%n", number, produceSeconds);
        long upStarted = System.nanoTime();
        AtomicReference<Exception> upFailed = new AtomicReference<>();
        Thread up = new Thread(() -> {
            try {
                LocalStack.up();
            } catch (Exception e) {
                upFailed.set(e);
            }
        });
        up.start();
        long firstAt = 0;
        double firstCount = 0;
        long endAt;
        double endCount;
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the backlog was not stored within 30 minutes");
            }
            if (upFailed.get() != null) {
                throw upFailed.get();
            }
            Thread.sleep(100);
            double stored;
            try {
                stored = storedCounter();
            } catch (IOException | RuntimeException e) {
                continue; // not listening yet, or its meters not registered yet
            }
            long now = System.nanoTime();
            if (firstAt == 0 && stored > 0) {
                firstAt = now;
                firstCount = stored;
            }
            if (stored >= BACKLOG) {
                endAt = now;
                endCount = stored;
                break;
            }
        }
        up.join();
        if (upFailed.get() != null) {
            throw upFailed.get();
        }
        double ingestSeconds = (endAt - firstAt) / 1e9;
        double rate = (endCount - firstCount) / ingestSeconds;
        double toFirst = (firstAt - upStarted) / 1e9;
        System.out.printf(Locale.ROOT, "run %d: stored %,.0f events, %,.0f/s over %.1f s (first after %.1f s)%n", number,
                endCount, rate, ingestSeconds, toFirst);
        // The counter includes other producers' events: settle before the checkpoint and the verification.
        waitUntilIdle();
        send("POST", AUDIT + "/v1/integrity/checkpoints", 201);
        long t0 = System.nanoTime();
        JsonNode verified = JSON.readTree(send("GET", AUDIT + "/v1/integrity/verify?project_id=" + project, 200));
        double verifySeconds = (System.nanoTime() - t0) / 1e9;
        JsonNode p = verified.get("projects").get(0);
        long checked = p.get("records_checked").asLong();
        boolean intact = p.get("intact").asBoolean();
        assertEquals(BACKLOG, checked, "the project's chain holds the whole backlog");
        System.out.printf(Locale.ROOT, "run %d: verified %,d records in %.1f s, intact %s, checkpoints checked %s%n",
                number, checked, verifySeconds, intact, p.path("checkpoints_checked").asText());
        return new Run(produceSeconds, toFirst, ingestSeconds, endCount - firstCount, rate, verifySeconds, checked, intact);
    }

    /** Produces the backlog; returns the seconds from the first send to the flush's end. */
    double produce(String project) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, AuditBenchmark.KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        byte[] contentType = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);
        String run = UUID.randomUUID().toString().substring(0, 8); // 8 hex digits
        long[] sequences = new long[SOURCES];
        AtomicReference<Exception> failed = new AtomicReference<>();
        long start;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(TOPIC).size();
            start = System.nanoTime();
            int keys = BACKLOG / 2;
            // Keys in blocks: created events of a block, then its deleted events, so the live keys stay few.
            int block = 1000;
            for (int from = 0; from < keys; from += block) {
                int to = Math.min(keys, from + block);
                for (String action : new String[] {"created", "deleted"}) {
                    for (int k = from; k < to; k++) {
                        int source = k % SOURCES;
                        long sequence = ++sequences[source];
                        String user = "bench-user-" + (k % USERS);
                        String event = event("/bench/scale-" + run + "/" + source, sequence, project, user,
                                user + "/k" + k, "k" + k, action, fingerprint(run, k));
                        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, source % partitions, project,
                                event.getBytes(StandardCharsets.UTF_8));
                        r.headers().add("content-type", contentType);
                        producer.send(r, (meta, e) -> {
                            if (e != null) {
                                failed.compareAndSet(null, e);
                            }
                        });
                    }
                }
                if (failed.get() != null) {
                    throw failed.get();
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A fingerprint unique to the run and the key, in the colon-separated hex of MD5 fingerprints. */
    static String fingerprint(String run, int k) {
        String hex = run + String.format("%024x", k);
        StringBuilder b = new StringBuilder(47);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** {@link AuditBenchmark#event}'s shape, for a created or deleted key pair. */
    static String event(String source, long sequence, String project, String user, String keyId, String name,
            String action, String fingerprint) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", source)
                .put("type", "io.accessplane.keypair." + action + ".v1").put("subject", keyId)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("partitionkey", project).put("sequence", String.format("%020d", sequence));
        ObjectNode data = e.putObject("data");
        data.put("action", action.equals("created") ? "create" : "delete").put("outcome", "success");
        data.putObject("initiator").put("user_id", user).put("project_id", project)
                .put("source_address", "192.0.2.10").put("user_agent", "audit-scale-bench").putArray("roles").add("member");
        data.putObject("target").put("type", "keypair").put("id", keyId).put("name", name)
                .put("owner_project_id", project).put("owner_user_id", user);
        data.putObject("resource").put("name", name).put("user_id", user).put("type", "ssh")
                .put("algorithm", "ed25519").put("bits", 256).put("generated", true).put("fingerprint", fingerprint);
        return e.toString();
    }

    /** Waits until the consumer has nothing left to read and the stored counter has not moved for a second. */
    void waitUntilIdle() throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        double last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            double now = storedCounter();
            if (now != last || lag() != 0) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 1_000_000_000L) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("audit-service did not settle within 5 minutes");
    }

    double storedCounter() throws Exception {
        return metric(AuditBenchmark.STORED);
    }

    double lag() throws Exception {
        return metric(LAG);
    }

    double metric(Pattern pattern) throws Exception {
        String metrics = Load.HTTP.send(HttpRequest.newBuilder(URI.create(AUDIT + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = pattern.matcher(metrics);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " is not on /q/metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    String send(String method, String url, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token);
        HttpResponse<String> r = Load.HTTP.send(b.method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return r.body();
    }
}
