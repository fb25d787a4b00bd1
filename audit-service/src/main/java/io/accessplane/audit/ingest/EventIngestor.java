package io.accessplane.audit.ingest;

import io.accessplane.audit.alerts.AlertMeters;
import io.accessplane.audit.alerts.AlertView;
import io.accessplane.audit.config.AuditConfig;
import io.accessplane.audit.detectors.AlertCandidate;
import io.accessplane.audit.detectors.DetectorEngine;
import io.accessplane.audit.detectors.DetectorSettings;
import io.accessplane.audit.detectors.IntegrityAlerts;
import io.accessplane.audit.repository.LogChangeFeed;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ingest loop: one thread owning a Kafka consumer (group {@code accessplane-audit}, every
 * {@code accessplane.*.events} topic) and, per poll, one PostgreSQL transaction that stores the new
 * events with their chain links, inventory and alerts. Offsets are committed only after the
 * transaction commits, so a crash replays records, and the (source, id) key drops the repeats.
 * Records that cannot be parsed are copied to the dead-letter topic and raise an alert; they never
 * stop the loop. After any failure the loop starts over: detectors are rebuilt from the stored log
 * and the consumer resumes from the last committed offsets.
 */
@ApplicationScoped
public class EventIngestor {

    private static final Logger LOG = Logger.getLogger(EventIngestor.class);

    /** Stored events read per query when the detectors are rebuilt. */
    static final int REPLAY_PAGE = 5000;

    private final AgroalDataSource dataSource;
    private final AuditConfig config;
    private final DetectorSettings settings;
    private final String bootstrapServers;
    private final RecordDecoder decoder = new RecordDecoder();
    private final EventStore store = new EventStore();
    private final InventoryProjection inventory = new InventoryProjection();
    private final AlertWriter alerts = new AlertWriter();
    private final Counter storedCounter;
    private final Counter duplicateCounter;
    private final Counter deadLetterCounter;
    private final Timer queryableLag;
    private final MeterRegistry registry;
    private final AlertMeters alertMeters;
    /** Records behind the log end summed over the assigned partitions, as the ingest thread last saw it. */
    private final AtomicLong consumerLag = new AtomicLong();
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile Instant lastProgress = Instant.now();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public EventIngestor(AgroalDataSource dataSource, AuditConfig config, DetectorSettings settings,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry,
            AlertMeters alertMeters) {
        this.dataSource = dataSource;
        this.config = config;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.storedCounter = Counter.builder("accessplane_audit_events_stored").register(registry);
        this.duplicateCounter = Counter.builder("accessplane_audit_events_duplicate").register(registry);
        this.deadLetterCounter = Counter.builder("accessplane_audit_events_dead_lettered").register(registry);
        this.queryableLag = Timer.builder("accessplane_audit_event_queryable_lag")
                .description("From an event's time to the commit that makes it queryable")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.registry = registry;
        this.alertMeters = alertMeters;
        Gauge.builder("accessplane_audit_consumer_lag", consumerLag, AtomicLong::get)
                .description("Records on the event topics not yet read, summed over the assigned partitions")
                .strongReference(true).register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.ingest().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the loop; it resumes from the group's committed offsets. */
    public synchronized void start() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        running = true;
        caughtUp = false;
        thread = new Thread(this::run, "audit-ingest");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the loop wherever it is, as a crash would: a batch whose transaction committed but
     * whose offsets were not is delivered again after {@link #start()}, and dropped as duplicates.
     */
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Forgets the read positions stored with the log, so the next {@link #start()} re-reads every
     * record still on the broker (events already stored are dropped as duplicates). Call only while stopped.
     */
    public synchronized void replayFromBeginning() throws SQLException {
        if (thread != null && thread.isAlive()) {
            throw new IllegalStateException("stop the ingest loop first");
        }
        try (Connection db = dataSource.getConnection(); PreparedStatement d = db.prepareStatement(
                "DELETE FROM consumer_offset")) {
            d.executeUpdate();
        }
    }

    /** Whether the loop runs (or ingest is disabled). */
    public boolean isRunning() {
        return !config.ingest().enabled() || (running && thread != null && thread.isAlive());
    }

    /** Whether the consumer has reached the end of its partitions once since it last started. */
    public boolean isCaughtUp() {
        return !config.ingest().enabled() || caughtUp;
    }

    /** When the loop last completed a poll, for the health check. */
    public Instant lastProgress() {
        return lastProgress;
    }

    private void run() {
        while (running) {
            try {
                session();
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("audit ingest: %s; starting over in %s", e.toString(), config.ingest().backoff());
                    caughtUp = false;
                    sleep(config.ingest().backoff());
                }
            }
        }
    }

    private void session() throws SQLException {
        DetectorEngine engine = rebuild();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties());
                DeadLetterPublisher deadLetters = new DeadLetterPublisher(bootstrapServers,
                        config.ingest().deadLetterTopic(), "audit-deadletter")) {
            consumer = c;
            c.subscribe(Pattern.compile(config.ingest().topicPattern()), new SeekToStoredOffsets(c));
            // Time-driven checks wait one silence period after a (re)start, so producers that were
            // quiet only because the whole stack was down get the chance to send a heartbeat first.
            Instant nextTick = Instant.now().plus(settings.producerSilence());
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                consumerLag.set(lagOf(c));
                if (!records.isEmpty()) {
                    handle(c, engine, deadLetters, records);
                } else if (!c.assignment().isEmpty()) {
                    caughtUp = true;
                }
                lastProgress = Instant.now();
                if (!Instant.now().isBefore(nextTick)) {
                    tick(engine, Instant.now());
                    nextTick = Instant.now().plus(config.ingest().tickInterval());
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void handle(KafkaConsumer<String, byte[]> c, DetectorEngine engine, DeadLetterPublisher deadLetters,
            ConsumerRecords<String, byte[]> records) throws SQLException {
        List<CanonicalEvent> events = new ArrayList<>();
        List<AlertCandidate> candidates = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Instant now = Instant.now();
        for (ConsumerRecord<String, byte[]> record : records) {
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            try {
                events.add(EventStore.canonical(decoder.decode(record)));
            } catch (UndecodableRecordException e) {
                deadLetters.publish(record, e.getMessage());
                deadLetterCounter.increment();
                LOG.warnf("audit ingest: %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(),
                        config.ingest().deadLetterTopic(), e.getMessage());
                candidates.add(IntegrityAlerts.deadLetter(record.topic(), record.partition(), record.offset(),
                        e.getMessage(), now));
            }
        }
        List<AlertView> raised;
        List<StoredEvent> stored;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                LogLock.take(db);
                stored = store.append(db, events, now);
                for (StoredEvent s : stored) {
                    inventory.apply(db, s.event());
                    candidates.addAll(engine.observe(s.event()));
                }
                raised = alerts.write(db, candidates, now, candidates.isEmpty() ? Map.of() : byId(stored));
                saveWatermarks(db, engine, stored);
                saveOffsets(db, offsets);
                if (!stored.isEmpty() || !raised.isEmpty()) {
                    LogChangeFeed.notifyChanged(db);
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
        c.commitSync(offsets);
        Instant committed = Instant.now();
        countIngested(records);
        alertMeters.raised(raised);
        storedCounter.increment(stored.size());
        duplicateCounter.increment(events.size() - stored.size());
        for (StoredEvent s : stored) {
            Duration lag = Duration.between(s.event().time(), committed);
            if (!lag.isNegative()) {
                queryableLag.record(lag);
            }
        }
        logRaised(raised);
    }

    /** The batch's events by id, for alerts to find their causes; built only when there are findings. */
    private static Map<String, CloudEvent> byId(List<StoredEvent> stored) {
        Map<String, CloudEvent> byId = new HashMap<>();
        for (StoredEvent s : stored) {
            byId.put(s.event().id(), s.event());
        }
        return byId;
    }

    private void tick(DetectorEngine engine, Instant now) throws SQLException {
        List<AlertCandidate> candidates = engine.tick(now);
        engine.forgetBefore(now.minus(settings.retention()));
        if (candidates.isEmpty()) {
            return;
        }
        List<AlertView> raised;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                LogLock.take(db);
                raised = alerts.write(db, candidates, now);
                if (!raised.isEmpty()) {
                    LogChangeFeed.notifyChanged(db);
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
        alertMeters.raised(raised);
        logRaised(raised);
    }

    /**
     * Records behind the log end over the consumer's assignment, from the end offsets its last
     * fetches saw (no request to the broker); partitions not fetched yet count as none behind.
     * Called on the ingest thread, the only one that may touch the consumer.
     */
    private static long lagOf(KafkaConsumer<String, byte[]> c) {
        long total = 0;
        for (TopicPartition tp : c.assignment()) {
            OptionalLong lag = c.currentLag(tp);
            if (lag.isPresent()) {
                total += lag.getAsLong();
            }
        }
        return total;
    }

    /** Counts the records of a committed batch by topic: stored, repeated and dead-lettered alike. */
    private void countIngested(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            ingestedByTopic.computeIfAbsent(tp.topic(), topic -> Counter.builder("accessplane_audit_events_ingested")
                    .description("Records read from the event topics and committed to the log (stored, repeats, dead letters)")
                    .tag("topic", topic).register(registry)).increment(records.records(tp).size());
        }
    }

    /** The ingested counter of each topic, made once (only the ingest thread touches it). */
    private final java.util.Map<String, Counter> ingestedByTopic = new java.util.HashMap<>();

    private static void logRaised(List<AlertView> raised) {
        for (AlertView a : raised) {
            LOG.infof("alert %s %s %s (%s) project %s", a.id(), a.detector(), a.severity(), a.title(), a.projectId());
        }
    }

    private static void saveOffsets(Connection db, Map<TopicPartition, OffsetAndMetadata> offsets) throws SQLException {
        try (PreparedStatement up = db.prepareStatement("INSERT INTO consumer_offset (topic, partition, next_offset) "
                + "VALUES (?, ?, ?) ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset")) {
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                up.setString(1, e.getKey().topic());
                up.setInt(2, e.getKey().partition());
                up.setLong(3, e.getValue().offset());
                up.addBatch();
            }
            up.executeBatch();
        }
    }

    /**
     * On every assignment, moves the consumer to the offsets stored with the log; partitions the log
     * has never read start from their beginning, so a new (or restored) database misses nothing.
     */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;

        SeekToStoredOffsets(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // offsets are stored with each transaction; nothing is pending here
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> stored = new HashMap<>();
            try (Connection db = dataSource.getConnection();
                    PreparedStatement q = db.prepareStatement("SELECT topic, partition, next_offset FROM consumer_offset");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the stored offsets: " + e.getMessage(), e);
            }
            List<TopicPartition> fresh = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                Long next = stored.get(tp);
                if (next != null) {
                    consumer.seek(tp, next);
                } else {
                    fresh.add(tp);
                }
            }
            if (!fresh.isEmpty()) {
                consumer.seekToBeginning(fresh);
            }
        }
    }

    private void saveWatermarks(Connection db, DetectorEngine engine, List<StoredEvent> stored) throws SQLException {
        Map<String, Instant> touched = new LinkedHashMap<>();
        for (StoredEvent s : stored) {
            if (CanonicalEvent.sequenceOf(s.event()) >= 0) {
                touched.merge(s.event().source(), s.event().time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        try (PreparedStatement up = db.prepareStatement("INSERT INTO source_watermark (source, watermark, last_seen) "
                + "VALUES (?, ?, ?) ON CONFLICT (source) DO UPDATE SET watermark = EXCLUDED.watermark, "
                + "last_seen = GREATEST(source_watermark.last_seen, EXCLUDED.last_seen)")) {
            for (Map.Entry<String, Instant> e : touched.entrySet()) {
                up.setString(1, e.getKey());
                up.setLong(2, engine.sequences().watermark(e.getKey()));
                up.setTimestamp(3, Timestamp.from(e.getValue()));
                up.addBatch();
            }
            up.executeBatch();
        }
    }

    /** A new detector engine that has seen the stored log of the replay window, oldest first. */
    private DetectorEngine rebuild() throws SQLException {
        Instant started = Instant.now();
        DetectorEngine engine = new DetectorEngine(settings);
        Instant from = Instant.now().minus(config.ingest().replayWindow());
        long replayed = 0;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            // Pages along the primary key: an index scan, never a sort of the whole window.
            long after = 0;
            int page;
            do {
                page = 0;
                try (PreparedStatement q = db.prepareStatement("SELECT position, canonical FROM audit_event "
                        + "WHERE position > ? AND event_time >= ? ORDER BY position LIMIT " + REPLAY_PAGE)) {
                    q.setLong(1, after);
                    q.setTimestamp(2, Timestamp.from(from));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            page++;
                            after = rs.getLong(1);
                            CloudEvent e = parseStored(rs.getString(2));
                            if (e != null) {
                                engine.observe(e);
                                replayed++;
                            }
                        }
                    }
                }
            } while (page == REPLAY_PAGE);
            try (PreparedStatement q = db.prepareStatement("SELECT source, watermark FROM source_watermark");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    engine.sequences().seed(rs.getString(1), rs.getLong(2));
                }
            }
            db.commit();
        }
        LOG.infof("audit ingest: detectors rebuilt from %d stored events since %s in %d ms", replayed, from,
                Duration.between(started, Instant.now()).toMillis());
        return engine;
    }

    private static CloudEvent parseStored(String canonical) {
        try {
            return EventJson.read(canonical);
        } catch (Exception e) {
            LOG.warnf("audit ingest: a stored event no longer parses (%s); verify the chain", e.getClass().getSimpleName());
            return null;
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.ingest().groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ingest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.ingest().maxBatch()));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
