package io.accessplane.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker (KRaft, combined mode) run as a separate JVM from the test
 * classpath, so a test can stop it and start it again on the same data and ports.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private ProcessHandle process;

    private KafkaBrokerProcess(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * The broker started last in this JVM, found through system properties, so test code loaded by
     * another class loader than the test resource's reaches the same process.
     */
    public static KafkaBrokerProcess current() {
        String dir = System.getProperty("accessplane.test.kafka.dir");
        if (dir == null) {
            throw new IllegalStateException("no test broker was started");
        }
        KafkaBrokerProcess b = new KafkaBrokerProcess(Path.of(dir),
                Integer.parseInt(System.getProperty("accessplane.test.kafka.port")),
                Integer.parseInt(System.getProperty("accessplane.test.kafka.controller-port")));
        String pid = System.getProperty("accessplane.test.kafka.pid");
        b.process = pid == null ? null : ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        return b;
    }

    /** Formats a fresh data directory under {@code dir}, starts the broker and waits until it answers. */
    public static KafkaBrokerProcess start(Path dir) {
        try {
            Files.createDirectories(dir);
            KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, freePort(), freePort());
            broker.writeConfig();
            broker.format();
            broker.startProcess();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port} to bootstrap clients from. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 30 s); its data stays. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
        process = null;
        System.clearProperty("accessplane.test.kafka.pid");
    }

    /** Starts the broker again on the same data directory and ports. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    /** Creates a topic unless it exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfig() throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        try (var out = Files.newOutputStream(dir.resolve("server.properties"))) {
            p.store(out, "test broker");
        }
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = FILE",
                "appender.file.fileName = " + dir.resolve("broker.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = FILE", ""));
    }

    private void format() {
        Process f = launch(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString()), dir.resolve("format.out"));
        try {
            if (!f.waitFor(120, TimeUnit.SECONDS) || f.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed: "
                        + Files.readString(dir.resolve("format.out")));
            }
        } catch (InterruptedException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startProcess() {
        Process started = launch(List.of("kafka.Kafka", dir.resolve("server.properties").toString()),
                dir.resolve("broker.out"));
        process = started.toHandle();
        System.setProperty("accessplane.test.kafka.dir", dir.toString());
        System.setProperty("accessplane.test.kafka.port", Integer.toString(port));
        System.setProperty("accessplane.test.kafka.controller-port", Integer.toString(controllerPort));
        System.setProperty("accessplane.test.kafka.pid", Long.toString(process.pid()));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka broker exited with " + started.exitValue() + ", see " + dir);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                sleep(300);
            }
        }
        throw new IllegalStateException("kafka broker did not start within 120 s, see " + dir);
    }

    private Process launch(List<String> mainAndArgs, Path output) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms128m");
        cmd.add("-Xmx384m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(mainAndArgs);
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
