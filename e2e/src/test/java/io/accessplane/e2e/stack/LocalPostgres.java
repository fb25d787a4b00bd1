package io.accessplane.e2e.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the stack's services use (the Debian cluster listening on the stack's
 * port), stopped and started the way an operator would, with {@code pg_ctlcluster}.
 */
public final class LocalPostgres {

    static final String PORT = System.getenv().getOrDefault("ACCESSPLANE_PG_PORT", "5432");

    private final String version;
    private final String name;

    private LocalPostgres(String version, String name) {
        this.version = version;
        this.name = name;
    }

    /** The cluster on the stack's port, from {@code pg_lsclusters}. */
    public static LocalPostgres onStackPort() throws IOException, InterruptedException {
        for (String line : run(List.of("pg_lsclusters", "-h")).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[2].equals(PORT)) {
                return new LocalPostgres(f[0], f[1]);
            }
        }
        throw new AssertionError("no Debian PostgreSQL cluster listens on port " + PORT
                + " (this test restarts it with pg_ctlcluster)");
    }

    /** A fast shutdown: open connections are closed, the server stops accepting new ones. */
    public void stop() throws IOException, InterruptedException {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast"));
    }

    /** Starts the cluster and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("PostgreSQL " + version + "/" + name + " not ready 60 s after start");
            }
            Thread.sleep(100);
        }
    }

    /** True when the server accepts connections. */
    public static boolean ready() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1", "-p", PORT)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
