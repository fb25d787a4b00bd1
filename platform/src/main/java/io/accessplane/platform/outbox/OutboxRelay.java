package io.accessplane.platform.outbox;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Target;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Moves outbox rows of one source to Kafka, in order, with a gap-free per-source sequence.
 *
 * <p>Any number of relays may run against one database: the one holding the source's
 * PostgreSQL advisory lock (taken on its own long-lived connection, released when that
 * connection ends) publishes, the others wait for it to go away. The leader first assigns
 * sequences to pending rows and commits them, then publishes in sequence order with an
 * idempotent producer ({@code acks=all}), then marks what the broker acknowledged. It wakes on
 * {@code LISTEN accessplane_outbox} and polls as a fallback, and keeps retrying through
 * database and broker outages.
 */
public final class OutboxRelay implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "accessplane_outbox";

    /** Opens a new JDBC connection to the service's database. */
    @FunctionalInterface
    public interface ConnectionSource {
        /** A new connection; the relay closes it. */
        Connection open() throws SQLException;
    }

    /** What the relay needs to know; mirrors {@link OutboxConfig}. */
    public record Settings(String source, String topic, Duration pollInterval, int batchSize,
            Duration deliveryTimeout, Duration backoff, Duration retention, Duration heartbeat) {

        /** Settings without heartbeats. */
        public Settings(String source, String topic, Duration pollInterval, int batchSize, Duration deliveryTimeout,
                Duration backoff, Duration retention) {
            this(source, topic, pollInterval, batchSize, deliveryTimeout, backoff, retention, Duration.ZERO);
        }

        public Settings {
            heartbeat = heartbeat == null ? Duration.ZERO : heartbeat;
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(topic, "topic");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
        }

        /** Settings read from the service configuration. */
        public static Settings of(OutboxConfig config) {
            OutboxConfig.Relay r = config.relay();
            return new Settings(config.source(), config.topic(), r.pollInterval(), r.batchSize(),
                    r.deliveryTimeout(), r.backoff(), r.retention(), r.heartbeat());
        }
    }

    private record Pending(long position, long sequence, String key, String payload, Instant createdAt) {
    }

    /** Shortest time between two counts of the backlog. */
    static final Duration BACKLOG_EVERY = Duration.ofSeconds(1);

    private final ConnectionSource connections;
    private final Producer<String, byte[]> producer;
    private final Settings settings;
    private final OutboxMeters meters;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean leader;
    private volatile Thread thread;
    private long lastPurge;
    private long lastPublishedNanos = System.nanoTime();
    private long lastBacklogNanos;

    /** A relay whose meters nobody reads. */
    public OutboxRelay(ConnectionSource connections, Producer<String, byte[]> producer, Settings settings) {
        this(connections, producer, settings, OutboxMeters.unregistered(settings.source()));
    }

    /** A relay that reports its backlog, publish lag, published events and failures to {@code meters}. */
    public OutboxRelay(ConnectionSource connections, Producer<String, byte[]> producer, Settings settings,
            OutboxMeters meters) {
        this.connections = connections;
        this.producer = producer;
        this.settings = settings;
        this.meters = meters;
    }

    /** Starts the relay on a daemon thread of its own. */
    public synchronized OutboxRelay start(String threadName) {
        if (thread == null) {
            thread = new Thread(this, threadName);
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Stops the loop and waits for it to end; the advisory lock goes with its connection. */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this relay currently holds the source's lock and publishes. */
    public boolean isLeader() {
        return leader;
    }

    /** Whether the relay loop is alive. */
    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** Events this relay has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    @Override
    public void run() {
        while (running) {
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                ensureSourceRow(connection);
                loop(connection);
            } catch (SQLException e) {
                if (running) {
                    meters.failed(OutboxMeters.Cause.DATABASE);
                    LOG.warnf("outbox relay for %s: database unavailable (%s), retrying", settings.source(),
                            e.getMessage());
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf(e, "outbox relay for %s failed, restarting", settings.source());
                }
            } finally {
                leader = false;
            }
            pause(settings.backoff());
        }
    }

    private void loop(Connection connection) throws SQLException {
        while (running) {
            countBacklog(connection);
            if (!leader) {
                leader = tryLock(connection);
                if (leader) {
                    LOG.infof("outbox relay for %s is now publishing", settings.source());
                }
            }
            int sent = 0;
            if (leader) {
                try {
                    sent = publishBatch(connection);
                    if (sent > 0) {
                        lastPublishedNanos = System.nanoTime();
                    } else {
                        heartbeatIfIdle(connection);
                    }
                    purgeOld(connection);
                } catch (KafkaException | ExecutionException | TimeoutException e) {
                    meters.failed(OutboxMeters.Cause.BROKER);
                    LOG.warnf("outbox relay for %s: broker unavailable (%s), retrying", settings.source(),
                            rootMessage(e));
                    pause(settings.backoff());
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (sent < settings.batchSize()) {
                awaitNotification(connection, leader ? settings.pollInterval() : settings.pollInterval().multipliedBy(2));
            }
        }
    }

    /**
     * When the source has published nothing for a heartbeat interval, appends a heartbeat event:
     * consumers then tell a quiet producer from a dead one (the audit service's D24), and the
     * heartbeat takes the next sequence number like any event, so gaps stay detectable.
     */
    private void heartbeatIfIdle(Connection connection) throws SQLException {
        Duration every = settings.heartbeat();
        if (every.isZero() || every.isNegative() || System.nanoTime() - lastPublishedNanos < every.toNanos()) {
            return;
        }
        String service = settings.source().substring(settings.source().lastIndexOf('/') + 1);
        CloudEvent beat = CloudEvent.create(settings.source(), EventTypes.of("producer", "heartbeat"), service, null,
                new EventData(Initiator.system(service), new Target("producer", settings.source(), service, null, null),
                        "heartbeat", Outcome.SUCCESS, null, null, null));
        connection.setAutoCommit(true);
        OutboxWriter.append(connection, beat);
        lastPublishedNanos = System.nanoTime();
    }

    /** Counts this source's unpublished rows for the backlog gauge, at most once per {@link #BACKLOG_EVERY}. */
    private void countBacklog(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (lastBacklogNanos != 0 && now - lastBacklogNanos < BACKLOG_EVERY.toNanos()) {
            return;
        }
        lastBacklogNanos = now;
        connection.setAutoCommit(true);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE source = ? AND published_at IS NULL")) {
            ps.setString(1, settings.source());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                meters.backlog(rs.getLong(1));
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            ps.setString(1, "accessplane_outbox:" + settings.source());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void ensureSourceRow(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO outbox_source (source) VALUES (?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, settings.source());
            ps.executeUpdate();
        }
    }

    /** Sequences, publishes and marks one batch; returns how many events were published. */
    int publishBatch(Connection connection)
            throws SQLException, ExecutionException, TimeoutException, InterruptedException {
        assignSequences(connection);
        List<Pending> batch = loadSequenced(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            OversizeEvents.Fitted value = OversizeEvents.fit(p.payload());
            if (value.summarised()) {
                LOG.warnf("outbox relay for %s: event at sequence %d is over Kafka's record size; published with "
                        + "its resource summarised (%d bytes)", settings.source(), p.sequence(), value.value().length);
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), p.key(), value.value());
            record.headers().add("content-type",
                    CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            Future<RecordMetadata> ack = producer.send(record);
            acks.add(ack);
            if (ack.isDone() && refused(ack)) {
                // Refused at once (e.g. no topic metadata after a broker restart): sending the rest
                // would let later events reach the partition before this one's retry.
                break;
            }
        }
        producer.flush();
        List<Long> done = new ArrayList<>(acks.size());
        long waitMs = settings.deliveryTimeout().toMillis() + 10_000;
        try {
            for (int i = 0; i < acks.size(); i++) {
                acks.get(i).get(waitMs, TimeUnit.MILLISECONDS);
                Pending p = batch.get(i);
                done.add(p.position());
                meters.published(Duration.between(p.createdAt(), Instant.now()));
            }
        } finally {
            markPublished(connection, done);
        }
        return done.size();
    }

    /** Whether a completed send failed. */
    private static boolean refused(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void assignSequences(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            long last;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT last_sequence FROM outbox_source WHERE source = ? FOR UPDATE")) {
                ps.setString(1, settings.source());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        connection.rollback();
                        ensureSourceRowInTx(connection);
                        return;
                    }
                    last = rs.getLong(1);
                }
            }
            List<Long> unsequenced = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT position FROM outbox_event WHERE source = ? AND published_at IS NULL "
                            + "AND sequence IS NULL ORDER BY position LIMIT ?")) {
                ps.setString(1, settings.source());
                ps.setInt(2, settings.batchSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        unsequenced.add(rs.getLong(1));
                    }
                }
            }
            if (!unsequenced.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE outbox_event SET sequence = ? WHERE position = ?")) {
                    for (long position : unsequenced) {
                        ps.setLong(1, ++last);
                        ps.setLong(2, position);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE outbox_source SET last_sequence = ? WHERE source = ?")) {
                    ps.setLong(1, last);
                    ps.setString(2, settings.source());
                    ps.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void ensureSourceRowInTx(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        ensureSourceRow(connection);
    }

    private List<Pending> loadSequenced(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT position, sequence, partition_key, "
                        + "(payload || jsonb_build_object('sequence', lpad(sequence::text, 20, '0')))::text, created_at "
                        + "FROM outbox_event WHERE source = ? AND published_at IS NULL AND sequence IS NOT NULL "
                        + "ORDER BY sequence LIMIT ?")) {
            ps.setString(1, settings.source());
            ps.setInt(2, settings.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return batch;
    }

    private void markPublished(Connection connection, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = now() WHERE position = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
        published.addAndGet(positions.size());
    }

    private void purgeOld(Connection connection) throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastPurge < 60_000) {
            return;
        }
        lastPurge = now;
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM outbox_event WHERE published_at < now() - (? * interval '1 second')")) {
            ps.setLong(1, settings.retention().toSeconds());
            ps.executeUpdate();
        }
    }

    private void awaitNotification(Connection connection, Duration max) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        PGNotification[] notifications = pg.getNotifications((int) Math.max(1, max.toMillis()));
        if (notifications == null && !leader) {
            // keep the connection honest while we are only waiting for the lock
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT 1");
            }
        }
    }

    private void pause(Duration duration) {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is being abandoned anyway
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
