package io.accessplane.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Runs {@code deploy/local/stack} as a user would: up, status, up again, down, up, down.
 *
 * <p>It brings up a second, private stack next to whatever else runs on this machine: its own
 * state dir (a temp dir), its own databases ({@code stacktest_*}) and its own free ports for
 * Kafka, the Kafka controller and the four services. PostgreSQL is shared (the script uses the
 * one that listens on {@code ACCESSPLANE_PG_PORT}, 5432 by default). The stack is always taken
 * down in {@link #tearDown()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackScriptTest {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STATUS_TIMEOUT = Duration.ofMinutes(1);

    /** Service name (as the script names it) to the environment variable of its port. */
    private static final Map<String, String> SERVICE_PORT_VARS = new LinkedHashMap<>();

    static {
        SERVICE_PORT_VARS.put("credential-service", "ACCESSPLANE_CREDENTIAL_PORT");
        SERVICE_PORT_VARS.put("keypair-service", "ACCESSPLANE_KEYPAIR_PORT");
        SERVICE_PORT_VARS.put("secgroup-service", "ACCESSPLANE_SECGROUP_PORT");
        SERVICE_PORT_VARS.put("audit-service", "ACCESSPLANE_AUDIT_PORT");
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Path repo;
    private Path script;
    private Path state;
    private int kafkaPort;
    private int controllerPort;
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private volatile boolean failed;
    /** The script process running right now, if any (for the shutdown hook). */
    private volatile Process running;
    /** Set by the shutdown hook: no further script runs (the test thread goes on while hooks run). */
    private volatile boolean stopping;
    /** Takes the stack down if this JVM is stopped before {@link #tearDown()} (Ctrl-C, Maven killed). */
    private Thread shutdownHook;

    @RegisterExtension
    final TestWatcher watcher = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    record Result(int exit, String output, Duration took) {
    }

    @BeforeAll
    void setUp() throws IOException {
        repo = locateRepo();
        script = repo.resolve("deploy/local/stack");
        assertTrue(Files.isRegularFile(script), "no stack script at " + script);
        for (String s : SERVICE_PORT_VARS.keySet()) {
            assertTrue(Files.isRegularFile(repo.resolve(s).resolve("target/quarkus-app/quarkus-run.jar")),
                    s + " is not built (run mvn -DskipTests install at the repo root first)");
        }
        state = Files.createTempDirectory("accessplane-stacktest-");

        List<Integer> ports = freePorts(6);
        kafkaPort = ports.get(0);
        controllerPort = ports.get(1);
        int i = 2;
        for (String s : SERVICE_PORT_VARS.keySet()) {
            servicePorts.put(s, ports.get(i++));
        }

        env.put("ACCESSPLANE_STATE_DIR", state.toString());
        env.put("ACCESSPLANE_DB_PREFIX", "stacktest_");
        env.put("ACCESSPLANE_KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("ACCESSPLANE_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        servicePorts.forEach((s, p) -> env.put(SERVICE_PORT_VARS.get(s), Integer.toString(p)));
        // This second stack boots next to the main one on a small machine: give it time.
        env.put("ACCESSPLANE_START_TIMEOUT", "300");
        System.out.printf("StackScriptTest: repo %s, state %s, kafka %d/%d, services %s%n",
                repo, state, kafkaPort, controllerPort, servicePorts);

        shutdownHook = new Thread(this::emergencyDown, "stack-script-test-down");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        // Fresh databases every run: migrations edited since a previous run must not trip Flyway.
        dropTestDatabases();
    }

    /** Shutdown hook: stop a script still running, then 'down' (bounded), then kill leftovers. */
    private void emergencyDown() {
        stopping = true;
        try {
            Process p = running;
            if (p != null && p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            System.out.println("StackScriptTest: JVM stopping early, taking the test stack down");
            // Not to our stdout: Maven, which reads it, may be gone already (the script would die of SIGPIPE).
            Path log = Files.createTempFile("stacktest-emergency-down-", ".log");
            Process down = command("down").redirectOutput(log.toFile()).start();
            boolean clean = down.waitFor(20, TimeUnit.SECONDS) && down.exitValue() == 0;
            if (!clean) {
                down.destroy();
                killLeftovers();
                System.out.println("StackScriptTest: 'down' failed (" + log + "); state dir kept: " + state);
            } else {
                deleteTree(state);
                Files.deleteIfExists(log);
            }
        } catch (Exception e) {
            System.out.println("StackScriptTest: emergency down failed: " + e);
        }
    }

    @AfterAll
    void tearDown() throws Exception {
        if (state == null) {
            return;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                return; // the hook does the work
            }
        }
        Result down = null;
        try {
            down = stack(DOWN_TIMEOUT, "down");
        } catch (Exception e) {
            System.out.println("StackScriptTest: 'down' in tearDown failed: " + e);
        }
        if (down == null || down.exit() != 0) {
            if (down != null) {
                System.out.println("StackScriptTest: 'down' in tearDown exited " + down.exit() + ":\n" + down.output());
            }
            killLeftovers();
            failed = true;
        }
        if (failed) {
            System.out.println("StackScriptTest: state dir kept for inspection: " + state);
        } else {
            dropTestDatabases();
            deleteTree(state);
        }
    }

    /**
     * Drops this test's roles and databases ({@code stacktest_*}) as the PostgreSQL superuser, the
     * way the script reaches it (TCP with trust, else the unix socket as user postgres). Best effort.
     */
    private void dropTestDatabases() {
        String port = Optional.ofNullable(System.getenv("ACCESSPLANE_PG_PORT")).orElse("5432");
        List<String> sql = new ArrayList<>();
        for (String db : List.of("credentials", "keypairs", "secgroups", "audit")) {
            sql.add("-c");
            sql.add("DROP DATABASE IF EXISTS stacktest_" + db + " WITH (FORCE)");
            sql.add("-c");
            sql.add("DROP ROLE IF EXISTS stacktest_" + db);
        }
        List<List<String>> ways = List.of(
                List.of("psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-w"),
                List.of("runuser", "-u", "postgres", "--", "psql", "-p", port));
        for (List<String> way : ways) {
            List<String> cmd = new ArrayList<>(way);
            cmd.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres"));
            cmd.addAll(sql);
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // try the next way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.println("StackScriptTest: could not drop the stacktest_* databases (no superuser access)");
    }

    @Test
    @Order(1)
    void upStartsEverythingAndWritesOpenrc() throws Exception {
        Result up = stack(UP_TIMEOUT, "up");
        assertExit(0, up, "up");
        assertAllReady(up);

        Path openrc = state.resolve("admin-openrc");
        assertTrue(Files.isRegularFile(openrc), "no " + openrc + "\n" + up.output());
        List<String> lines = Files.readAllLines(openrc, StandardCharsets.UTF_8);
        String authUrl = "export OS_AUTH_URL=http://127.0.0.1:" + servicePorts.get("credential-service") + "/v3";
        assertTrue(lines.contains(authUrl), "admin-openrc lacks '" + authUrl + "': " + lines);
        assertTrue(lines.contains("export OS_USERNAME=admin"), "admin-openrc: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.matches("export OS_PASSWORD=\\S+")), "admin-openrc has no password");
        assertTrue(lines.contains("export OS_IDENTITY_API_VERSION=3"), "admin-openrc: " + lines);
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(openrc), "admin-openrc must be mode 600");
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(state.resolve("secrets.env")), "secrets.env must be mode 600");
    }

    @Test
    @Order(2)
    void statusReportsAllRunning() throws Exception {
        Result status = stack(STATUS_TIMEOUT, "status");
        assertExit(0, status, "status");
        List<String> components = new ArrayList<>(List.of("postgres", "kafka"));
        components.addAll(SERVICE_PORT_VARS.keySet());
        for (String c : components) {
            Optional<String> line = status.output().lines().filter(l -> l.startsWith(c + " ")).findFirst();
            assertTrue(line.isPresent(), "status has no line for " + c + ":\n" + status.output());
            assertTrue(line.get().matches(Pattern.quote(c) + "\\s+running\\b.*"),
                    c + " is not running:\n" + status.output());
            if (SERVICE_PORT_VARS.containsKey(c)) {
                assertTrue(line.get().contains("health=UP"), c + " is not healthy:\n" + status.output());
                assertTrue(line.get().contains("port=" + servicePorts.get(c)), c + " port:\n" + status.output());
            }
        }
    }

    @Test
    @Order(3)
    void secondUpIsHarmless() throws Exception {
        Map<String, Long> before = pidFiles();
        assertTrue(before.keySet().containsAll(SERVICE_PORT_VARS.keySet()) && before.containsKey("kafka"),
                "PID files before the second up: " + before);
        Result up = stack(UP_TIMEOUT, "up");
        assertExit(0, up, "second up");
        assertEquals(before, pidFiles(), "the second up restarted something:\n" + up.output());
        assertAllReady(up);
    }

    @Test
    @Order(4)
    void downStopsWhatItStarted() throws Exception {
        Map<String, Long> pids = pidFiles();
        assertFalse(pids.isEmpty(), "no PID files before down");
        Result down = stack(DOWN_TIMEOUT, "down");
        assertExit(0, down, "down");
        assertStopped(pids, down);
    }

    @Test
    @Order(5)
    void upAfterDownWorks() throws Exception {
        Result up = stack(UP_TIMEOUT, "up");
        assertExit(0, up, "up after down");
        assertAllReady(up);
    }

    @Test
    @Order(6)
    void finalDown() throws Exception {
        Map<String, Long> pids = pidFiles();
        Result down = stack(DOWN_TIMEOUT, "down");
        assertExit(0, down, "final down");
        assertStopped(pids, down);
    }

    // ------------------------------------------------------------------ helpers

    private void assertAllReady(Result context) throws Exception {
        for (Map.Entry<String, Integer> e : servicePorts.entrySet()) {
            String url = "http://127.0.0.1:" + e.getValue() + "/q/health/ready";
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException ex) {
                fail(e.getKey() + ": " + url + " failed: " + ex + "\nscript output:\n" + context.output());
                return;
            }
            assertEquals(200, r.statusCode(), e.getKey() + ": " + url + " -> " + r.body() + "\n" + context.output());
            JsonNode body = json.readTree(r.body());
            assertEquals("UP", body.path("status").asText(), e.getKey() + ": " + r.body());
        }
    }

    private void assertStopped(Map<String, Long> pids, Result down) throws InterruptedException {
        for (String name : pids.keySet()) {
            assertFalse(Files.exists(state.resolve("run").resolve(name + ".pid")),
                    "PID file of " + name + " left behind\n" + down.output());
        }
        // A stopped child may stay a zombie for a moment until init reaps it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Map<String, Long> alive = new TreeMap<>(pids);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            alive.values().removeIf(pid -> !isAlive(pid));
            if (!alive.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertTrue(alive.isEmpty(), "still alive after down: " + alive + "\n" + down.output());

        List<Integer> ports = new ArrayList<>(List.of(kafkaPort, controllerPort));
        ports.addAll(servicePorts.values());
        for (int port : ports) {
            assertFalse(listening(port), "port " + port + " still open after down\n" + down.output());
        }
    }

    /** The script with this test's environment: its own state dir, ports and database prefix. */
    private ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Nothing of the caller's stack settings leaks in, except where PostgreSQL is and JVM options.
        pb.environment().keySet().removeIf(k -> k.startsWith("ACCESSPLANE_") && !k.equals("ACCESSPLANE_PG_PORT")
                && !k.equals("ACCESSPLANE_JAVA_OPTS"));
        pb.environment().putAll(env);
        return pb;
    }

    private Result stack(Duration timeout, String... args) throws IOException, InterruptedException {
        if (stopping) {
            throw new IllegalStateException("JVM shutting down: not running stack " + String.join(" ", args));
        }
        Path out = Files.createTempFile("stacktest-out-", ".txt");
        try {
            long start = System.nanoTime();
            Process p = command(args).redirectOutput(out.toFile()).start();
            running = p;
            boolean done;
            try {
                done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                running = null;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                String output = Files.readString(out);
                System.out.println("stack " + String.join(" ", args) + " timed out after " + timeout + ":\n" + output);
                fail("stack " + String.join(" ", args) + " did not finish within " + timeout + ":\n" + output);
            }
            String output = Files.readString(out);
            System.out.printf("stack %s: exit %d after %.1f s%n", String.join(" ", args), p.exitValue(),
                    took.toMillis() / 1000.0);
            if (p.exitValue() != 0) {
                System.out.println(output);
            }
            return new Result(p.exitValue(), output, took);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void assertExit(int expected, Result r, String what) {
        assertEquals(expected, r.exit(), "stack " + what + " exited " + r.exit() + " after " + r.took() + ":\n"
                + r.output());
    }

    /** run/NAME.pid files of the state dir: component name to PID. */
    private Map<String, Long> pidFiles() throws IOException {
        Map<String, Long> pids = new TreeMap<>();
        Path run = state.resolve("run");
        if (!Files.isDirectory(run)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pid")) {
                    pids.put(name.substring(0, name.length() - 4), Long.parseLong(Files.readString(f).trim()));
                }
            }
        }
        return pids;
    }

    private static boolean isAlive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        try { // a zombie is dead for our purpose
            String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Safety net if 'down' failed: stop what this test's stack started, identified by its marker. */
    private void killLeftovers() throws IOException {
        List<ProcessHandle> ours = new ArrayList<>();
        for (Map.Entry<String, Long> e : pidFiles().entrySet()) {
            String marker = "-Daccessplane.stack=" + state.toRealPath().resolve("run").resolve(e.getKey());
            ProcessHandle.of(e.getValue())
                    .filter(h -> h.info().arguments().map(a -> Arrays.asList(a).contains(marker)).orElse(false))
                    .ifPresent(h -> {
                        System.out.println("StackScriptTest: stopping leftover " + e.getKey() + " (pid " + h.pid() + ")");
                        h.destroy();
                        ours.add(h);
                    });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle h : ours) {
            while (isAlive(h.pid()) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (isAlive(h.pid())) {
                h.destroyForcibly();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** n distinct ports, free now, below the ephemeral range so no outgoing connection takes them. */
    private static List<Integer> freePorts(int n) {
        Random random = new Random();
        Set<Integer> taken = new HashSet<>(List.of(5000, 5432, 8774, 8777, 9092, 9093, 9696));
        List<Integer> ports = new ArrayList<>();
        for (int attempt = 0; ports.size() < n && attempt < 10_000; attempt++) {
            int port = 20_000 + random.nextInt(10_000);
            if (taken.contains(port) || listening(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress("0.0.0.0", port));
            } catch (IOException e) {
                continue;
            }
            taken.add(port);
            ports.add(port);
        }
        assertEquals(n, ports.size(), "could not find " + n + " free ports");
        return ports;
    }

    private static Path locateRepo() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("accessplane.repo");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Paths.get(prop));
        }
        candidates.add(Paths.get(System.getProperty("user.dir")));
        for (Path c : candidates) {
            for (Path p = c.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("deploy/local/stack"))) {
                    return p;
                }
            }
        }
        fail("cannot find the repo root (deploy/local/stack) from " + candidates);
        return null;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
