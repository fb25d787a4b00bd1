package io.accessplane.e2e.stack;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** SQL against one service's own database, run with {@code psql} as that service's role. */
public final class ServiceDatabase {

    private final String database;
    private final String password;

    private ServiceDatabase(String database, String password) {
        this.database = database;
        this.password = password;
    }

    /** The database of a service by its short name ({@code credentials}, {@code keypairs}, {@code secgroups}, {@code audit}). */
    public static ServiceDatabase of(String shortName) throws Exception {
        String prefix = System.getenv().getOrDefault("ACCESSPLANE_DB_PREFIX", "");
        String password = LocalStack.secrets().get(shortName.toUpperCase() + "_DB_PASSWORD");
        return new ServiceDatabase(prefix + shortName, password);
    }

    /** The single value a query returns, as text ({@code psql -At}). */
    public String value(String sql) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", LocalPostgres.PORT, "-U", database,
                "-w", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true);
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("psql " + database + ": " + out);
        }
        return out;
    }
}
