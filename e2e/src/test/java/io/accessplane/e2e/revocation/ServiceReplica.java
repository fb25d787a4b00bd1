package io.accessplane.e2e.revocation;

import io.accessplane.e2e.cli.OpenStackCli;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of a service of the running stack, started from the same jar with the stack's
 * database credentials, so a test can watch what one instance learns only through Kafka.
 */
final class ServiceReplica implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceReplica(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts another credential-service on a free port and waits until it is ready. */
    static ServiceReplica credentialService() throws Exception {
        Path state = OpenStackCli.stateDir();
        Map<String, String> secrets = io.accessplane.e2e.stack.LocalStack.secrets();
        String prefix = System.getenv().getOrDefault("ACCESSPLANE_DB_PREFIX", "");
        String db = prefix + "credentials";
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path repo = Path.of(System.getProperty("accessplane.repo"));
        Path log = Files.createTempFile("credential-replica", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("java", "-Xms64m", "-Xmx256m", "-jar",
                repo.resolve("credential-service/target/quarkus-app/quarkus-run.jar").toString()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_USERNAME", db);
        env.put("QUARKUS_DATASOURCE_PASSWORD", secrets.get("CREDENTIALS_DB_PASSWORD"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + db);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + db);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        env.put("ACCESSPLANE_IDENTITY_URL", "http://127.0.0.1:5000");
        env.put("ACCESSPLANE_IDENTITY_SIGNING_KEY_FILES", state.resolve("keys/jwt-signing.pem").toString());
        env.put("ACCESSPLANE_IDENTITY_BOOTSTRAP_ENABLED", "false");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceReplica replica = new ServiceReplica(p, port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("replica exited: " + Files.readString(log));
            }
            if (replica.get("/q/health/ready", null) == 200) {
                return replica;
            }
            Thread.sleep(250);
        }
        replica.close();
        throw new IllegalStateException("replica not ready in 90 s: " + Files.readString(log));
    }

    /** Base URL of the replica. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** GET a path with an optional X-Auth-Token; the status code. */
    int get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).GET();
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.ConnectException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}
