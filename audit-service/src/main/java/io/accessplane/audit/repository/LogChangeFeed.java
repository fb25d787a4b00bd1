package io.accessplane.audit.repository;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the live streams as soon as the audit log changes. The ingest loop sends
 * {@code NOTIFY audit_log_changed} in each transaction that stores events or raises alerts;
 * PostgreSQL delivers it on commit to every replica, where a thread of this class, on a
 * connection of its own, {@code LISTEN}s and completes the streams' waits. A stream's poll
 * interval stays the upper bound when a notification is lost (reconnects, other writers).
 */
@ApplicationScoped
public class LogChangeFeed {

    /** The PostgreSQL notification channel. */
    public static final String CHANNEL = "audit_log_changed";

    private static final Logger LOG = Logger.getLogger(LogChangeFeed.class);
    private static final int WAIT_MILLIS = 5_000;

    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final AtomicLong generation = new AtomicLong();
    private final Set<UniEmitter<? super Long>> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public LogChangeFeed(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Sends the notification inside the caller's JDBC transaction; it is delivered on commit. */
    public static void notifyChanged(Connection transaction) throws SQLException {
        try (Statement st = transaction.createStatement()) {
            st.execute("NOTIFY " + CHANNEL);
        }
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts listening (idempotent). */
    public synchronized void start() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "audit-log-changes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening; waits already started still end at their deadline. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the listening connection is up. */
    public boolean isListening() {
        return listening;
    }

    /** A counter that grows with every change heard; read it before querying the log. */
    public long generation() {
        return generation.get();
    }

    /**
     * Completes with the current generation once it differs from {@code seen}, or after
     * {@code atMost} whatever happened.
     */
    public Uni<Long> changeAfter(long seen, Duration atMost) {
        return Uni.createFrom().<Long>emitter(e -> {
            waiting.add(e);
            e.onTermination(() -> waiting.remove(e));
            long now = generation.get();
            if (now != seen) {
                e.complete(now);
            }
        }).ifNoItem().after(atMost).recoverWithItem(generation::get);
    }

    /** Counts a change and wakes every waiting stream. */
    void changed() {
        long now = generation.incrementAndGet();
        for (UniEmitter<? super Long> e : waiting) {
            e.complete(now);
        }
    }

    private void run() {
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, username.orElse(null), password.orElse(null))) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                changed(); // whatever committed while not listening is found by the next query
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
                    if (heard != null && heard.length > 0) {
                        changed();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.debugf("audit log change feed: %s; streams fall back to polling until it reconnects",
                            e.getMessage());
                }
            } finally {
                listening = false;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
