package io.accessplane.e2e.bench;

import io.accessplane.e2e.cli.OpenStackCli;
import io.accessplane.e2e.stack.Api;
import io.accessplane.e2e.stack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Each service's start time (process start to ready, after a SIGKILL and {@code stack up}) and
 * its memory (resident set) idle and under load, and the whole stack's memory. Written to
 * docs/PERFORMANCE.md.
 */
@Order(10)
class FootprintBenchmark {

    static final int RESTARTS = 3;
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("credential-service", 5000);
        SERVICES.put("keypair-service", 8774);
        SERVICES.put("secgroup-service", 9696);
        SERVICES.put("audit-service", 8777);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    /** One service's figures. */
    record Footprint(String service, double startSeconds, double quarkusSeconds, long idleKiB, long loadKiB) {
    }

    @Test
    void startTimeAndMemory() throws Exception {
        List<Footprint> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> s : SERVICES.entrySet()) {
            double[] starts = new double[RESTARTS];
            double[] quarkus = new double[RESTARTS];
            for (int i = 0; i < RESTARTS; i++) {
                LocalStack.kill(s.getKey());
                Thread restart = new Thread(() -> {
                    try {
                        LocalStack.up();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                restart.start();
                starts[i] = secondsFromProcessStartToReady(s.getKey(), s.getValue());
                restart.join();
                quarkus[i] = lastQuarkusStart(s.getKey());
                System.out.printf(Locale.ROOT, "%s restart %d: ready %.2f s after its process started (Quarkus: %.2f s)%n",
                        s.getKey(), i + 1, starts[i], quarkus[i]);
            }
            rows.add(new Footprint(s.getKey(), Load.median(starts), Load.median(quarkus), 0, 0));
        }
        Thread.sleep(10_000); // settle after the restarts
        Map<String, Long> idle = new LinkedHashMap<>();
        for (String s : SERVICES.keySet()) {
            idle.put(s, rssKiB(pid(s)));
        }
        Map<String, Long> peak = underLoad(Duration.ofSeconds(30));
        List<Footprint> measured = new ArrayList<>();
        for (Footprint f : rows) {
            measured.add(new Footprint(f.service(), f.startSeconds(), f.quarkusSeconds(), idle.get(f.service()),
                    peak.get(f.service())));
        }
        long kafka = rssKiB(pid("kafka"));
        long postgres = postgresKiB();
        long services = idle.values().stream().mapToLong(Long::longValue).sum();

        StringBuilder body = new StringBuilder();
        body.append("| service | start to ready (s) | Quarkus \"started in\" (s) | RSS idle (MiB) | RSS peak under load (MiB) | targets (start <= 3 s, RSS <= 300 MB) |\n");
        body.append("|---|---:|---:|---:|---:|---|\n");
        for (Footprint f : measured) {
            boolean met = f.startSeconds() <= 3.0 && f.loadKiB() * 1024 <= 300_000_000L && f.idleKiB() * 1024 <= 300_000_000L;
            body.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %.0f | %s |%n", f.service(), f.startSeconds(),
                    f.quarkusSeconds(), f.idleKiB() / 1024.0, f.loadKiB() / 1024.0, met ? "met" : "missed"));
        }
        body.append(String.format(Locale.ROOT, """

                Whole stack, idle: the four services %.0f MiB, Kafka %.0f MiB, PostgreSQL (all its processes, PSS) %.0f MiB: %.0f MiB in all.

                - "start to ready": from the new JVM's process start (after SIGKILL, `stack up` starts it) to its first
                  `/q/health/ready` UP, median of %d restarts; "Quarkus started in" is Quarkus's own figure from the log.
                - RSS is `VmRSS` of each JVM, started by the stack with the JVM options `%s` (credential-service)
                  and `%s` (keypair-service; read from the running processes). "Under load": for 30 s, 8 clients
                  validating tokens, importing and deleting key pairs, and creating and deleting security groups,
                  sampled every 200 ms.
                """, services / 1024.0, kafka / 1024.0, postgres / 1024.0, (services + kafka + postgres) / 1024.0, RESTARTS,
                jvmOptions(pid("credential-service")), jvmOptions(pid("keypair-service"))));
        System.out.println(body);
        PerformanceReport.write("footprint", "Footprint (start time and memory)", body.toString());
    }

    private static double secondsFromProcessStartToReady(String service, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Long pid = null;
        while (System.nanoTime() < deadline) {
            if (pid == null) {
                pid = newPid(service);
            }
            if (pid != null && ready(port)) {
                Instant started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                        .orElseThrow(() -> new AssertionError(service + " has no start time"));
                return Duration.between(started, Instant.now()).toMillis() / 1000.0;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(service + " not ready in 180 s");
    }

    private static Long newPid(String service) {
        try {
            long pid = pid(service);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid).orElse(null);
        } catch (Exception notYet) {
            return null;
        }
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Quarkus's "started in N.NNNs" of the latest start in the service's log. */
    private static double lastQuarkusStart(String service) throws IOException {
        String log = Files.readString(LocalStack.state().resolve("logs/" + service + ".log"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("started in (\\d+\\.\\d+)s").matcher(log);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    private static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(LocalStack.state().resolve("run/" + name + ".pid")).trim());
    }

    /** The -X and -XX options on a process's command line, as the stack passed them. */
    private static String jvmOptions(long pid) throws IOException {
        String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
        return Arrays.stream(cmdline.split("\0")).filter(a -> a.startsWith("-X"))
                .collect(Collectors.joining(" "));
    }

    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** PSS of every postgres process (shared buffers counted once). */
    private static long postgresKiB() throws IOException {
        long total = 0;
        for (ProcessHandle h : ProcessHandle.allProcesses().toList()) {
            String cmd = h.info().command().orElse("");
            if (cmd.endsWith("/postgres")) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + h.pid() + "/smaps_rollup"))) {
                        if (line.startsWith("Pss:")) {
                            total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                        }
                    }
                } catch (IOException gone) {
                    // a backend that exited meanwhile
                }
            }
        }
        return total;
    }

    /** Peak RSS per service while 8 clients exercise tokens, key pairs and security groups. */
    private static Map<String, Long> underLoad(Duration length) throws Exception {
        OpenStackCli.ProjectUser owner = OpenStackCli.admin().newProjectUser("footprint", "member");
        String token = owner.cli().run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim();
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, AtomicLong> peak = new LinkedHashMap<>();
        for (String s : SERVICES.keySet()) {
            pids.put(s, pid(s));
            peak.put(s, new AtomicLong());
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int kind = c % 3;
            Thread t = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    switch (kind) {
                        case 0 -> Api.call("GET", Api.IDENTITY + "/v3/auth/tokens", token, null, Map.of("X-Subject-Token", token));
                        case 1 -> {
                            String name = "fp-" + Thread.currentThread().getId() + "-" + i;
                            Api.call("POST", Api.COMPUTE + "/v2.1/os-keypairs", token, "{\"keypair\":{\"name\":\"" + name
                                    + "\",\"public_key\":\"" + Api.newOpenSshKey() + "\"}}");
                            Api.call("DELETE", Api.COMPUTE + "/v2.1/os-keypairs/" + name, token, null);
                        }
                        default -> {
                            Api.Reply g = Api.call("POST", Api.NETWORK + "/v2.0/security-groups", token,
                                    "{\"security_group\":{\"name\":\"fp\"}}");
                            if (g.ok()) {
                                Api.call("DELETE", Api.NETWORK + "/v2.0/security-groups/"
                                        + g.json().at("/security_group/id").asText(), token, null);
                            }
                        }
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            for (String s : SERVICES.keySet()) {
                long rss = rssKiB(pids.get(s));
                peak.get(s).accumulateAndGet(rss, Math::max);
            }
            Thread.sleep(200);
        }
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        peak.forEach((s, v) -> out.put(s, v.get()));
        return out;
    }
}
