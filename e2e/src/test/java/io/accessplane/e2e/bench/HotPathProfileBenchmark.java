package io.accessplane.e2e.bench;

import io.accessplane.e2e.stack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Where the time goes on the two hottest paths: application-credential token issue (64 clients)
 * in credential-service and event ingest in audit-service, each sampled with the JDK's own flight
 * recorder (JFR, started in the running service with {@code jcmd}). Writes, per path, the methods
 * that hold the CPU (self time) and the work they belong to (inclusive time of chosen frames) to
 * docs/PERFORMANCE.md.
 */
@Order(20)
class HotPathProfileBenchmark {

    static final int TOKENS = 6_000;
    static final int EVENTS = 60_000;

    /** Buckets a stack falls into by the first frame (from the top) that matches one of their prefixes. */
    static final Map<String, List<String>> TOKEN_WORK = new LinkedHashMap<>();
    static final Map<String, List<String>> INGEST_WORK = new LinkedHashMap<>();

    static {
        TOKEN_WORK.put("JWT signing (RS256)", List.of("io.smallrye.jwt.build", "org.jose4j.jws", "sun.security.rsa",
                "java.math.BigInteger"));
        TOKEN_WORK.put("secret check (HMAC cache, Argon2id on a miss)", List.of("io.accessplane.credential.crypto",
                "org.bouncycastle.crypto.generators.Argon2", "javax.crypto.Mac", "com.sun.crypto.provider.HmacCore"));
        TOKEN_WORK.put("database (Hibernate Reactive, pg client)", List.of("org.hibernate", "io.vertx.pgclient",
                "io.vertx.sqlclient"));
        TOKEN_WORK.put("JSON (Jackson)", List.of("com.fasterxml.jackson"));
        TOKEN_WORK.put("HTTP and event loop (Vert.x, Netty, RESTEasy)", List.of("io.netty", "io.vertx.core",
                "org.jboss.resteasy", "io.quarkus.vertx", "io.quarkus.resteasy"));
        TOKEN_WORK.put("outbox and events", List.of("io.accessplane.platform.outbox", "io.accessplane.platform.events",
                "org.apache.kafka"));
        INGEST_WORK.put("canonical JSON and hashing (RFC 8785, SHA-256)", List.of("io.accessplane.audit.crypto",
                "sun.security.provider.SHA", "sun.security.provider.DigestBase"));
        INGEST_WORK.put("detectors", List.of("io.accessplane.audit.detectors"));
        INGEST_WORK.put("store and projections (JDBC)", List.of("io.accessplane.audit.ingest.EventStore",
                "io.accessplane.audit.ingest.InventoryProjection", "io.accessplane.audit.ingest.AlertWriter",
                "org.postgresql", "io.agroal"));
        INGEST_WORK.put("decoding (Jackson)", List.of("io.accessplane.audit.ingest.RecordDecoder", "com.fasterxml.jackson"));
        INGEST_WORK.put("Kafka consumer", List.of("org.apache.kafka"));
    }

    @Test
    void whereTheTimeGoes() throws Exception {
        TokenWorkload.Target target = TokenWorkload.accessplane(new ArrayList<>());
        TokenWorkload.warmUp(target, 200);
        Profile tokens = profile("credential-service", () -> Load.run("issue, application credential", 64, TOKENS,
                i -> TokenWorkload.post(target, target.credentialBody()), 201));
        Profile ingest = profile("audit-service", HotPathProfileBenchmark::publishEvents);

        StringBuilder body = new StringBuilder();
        body.append(section("Application-credential token issue (credential-service, " + TOKENS
                + " requests at concurrency 64)", tokens, TOKEN_WORK));
        body.append(section("Event ingest (audit-service, " + String.format(Locale.ROOT, "%,d", EVENTS)
                + " key pair events published to Kafka at once)", ingest, INGEST_WORK));
        body.append("""
                - Sampled by JFR's `jdk.ExecutionSample` (Java threads on CPU, every 10 ms, `settings=profile`)
                  and `jdk.NativeMethodSample` (threads in native code, every 20 ms),
                  started and dumped in the running service with `jcmd <pid> JFR.start` / `JFR.dump`.
                - "Self": the method on top of the stack. "Work": a sample counts for the first bucket (from the
                  top of its stack) one of whose package prefixes matches; the rest is "other".
                """);
        System.out.println(body);
        PerformanceReport.write("profile", "Where the time goes (profiles)", body.toString());
    }

    /** A JFR recording's CPU samples of one service while {@code load} runs. */
    record Profile(List<RecordedStackTrace> samples, List<RecordedStackTrace> waiting, double seconds) {
    }

    interface Work {
        Object run() throws Exception;
    }

    private static Profile profile(String service, Work load) throws Exception {
        long pid = Long.parseLong(Files.readString(LocalStack.state().resolve("run/" + service + ".pid")).trim());
        Path file = Files.createTempFile("profile-" + service, ".jfr");
        jcmd(pid, "JFR.start", "name=hotpath", "settings=profile");
        long start = System.nanoTime();
        load.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        jcmd(pid, "JFR.dump", "name=hotpath", "filename=" + file);
        jcmd(pid, "JFR.stop", "name=hotpath");
        List<RecordedStackTrace> samples = new ArrayList<>();
        List<RecordedStackTrace> waiting = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStackTrace() == null) {
                continue;
            }
            if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
                samples.add(e.getStackTrace());
            } else if (e.getEventType().getName().equals("jdk.NativeMethodSample")) {
                waiting.add(e.getStackTrace());
            }
        }
        Files.deleteIfExists(file);
        return new Profile(samples, waiting, seconds);
    }

    private static void jcmd(long pid, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + ": " + out);
        }
    }

    private static Object publishEvents() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("accessplane.kafka", "127.0.0.1:9092"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        String source = "/bench/profile-" + java.util.UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= EVENTS; i++) {
                String project = "profile-project-" + (i % 20);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>("accessplane.keypair.events", project,
                        AuditBenchmark.event(source, i, project).getBytes(StandardCharsets.UTF_8));
                r.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
        AuditBenchmark waiter = new AuditBenchmark();
        waiter.settle(); // until the stored counter stops growing: the whole backlog is ingested
        return null;
    }

    private static String section(String title, Profile profile, Map<String, List<String>> work) {
        int n = profile.samples().size();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> buckets = new LinkedHashMap<>();
        work.keySet().forEach(k -> buckets.put(k, 0));
        buckets.put("other", 0);
        for (RecordedStackTrace st : profile.samples()) {
            List<RecordedFrame> frames = st.getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            self.merge(name(frames.get(0)), 1, Integer::sum);
            buckets.merge(bucket(frames, work), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        b.append("### ").append(title).append("\n\n");
        b.append(String.format(Locale.ROOT, "%,d CPU samples in %.1f s; %,d more samples of threads waiting in native code"
                + " (sockets: HTTP, PostgreSQL, Kafka), of which in the work below:%n%n", n, profile.seconds(),
                profile.waiting().size()));
        Map<String, Integer> waits = new LinkedHashMap<>();
        for (RecordedStackTrace st : profile.waiting()) {
            waits.merge(bucket(st.getFrames(), work), 1, Integer::sum);
        }
        b.append("| waiting in | share of waiting samples |\n|---|---:|\n");
        waits.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).forEach(e -> b.append(String.format(
                Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, profile.waiting().size()))));
        b.append("\n");
        b.append("| work | share of samples |\n|---|---:|\n");
        buckets.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", k, 100.0 * v / Math.max(1, n))));
        b.append("\n| hottest methods (self) | share |\n|---|---:|\n");
        self.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(12).forEach(e ->
                b.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, n))));
        b.append("\n");
        return b.toString();
    }

    /** The first bucket, from the top of the stack, one of whose prefixes a frame's class matches. */
    private static String bucket(List<RecordedFrame> frames, Map<String, List<String>> work) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> w : work.entrySet()) {
                for (String prefix : w.getValue()) {
                    if (type.startsWith(prefix)) {
                        return w.getKey();
                    }
                }
            }
        }
        return "other";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

}
