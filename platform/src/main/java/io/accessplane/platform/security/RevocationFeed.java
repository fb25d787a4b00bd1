package io.accessplane.platform.security;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows the identity service's events and fills the {@link RevocationList}. Every instance reads
 * every partition (no consumer group), starting {@code lookback} back, so a new replica knows every
 * revocation of a token that can still be valid.
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);

    private final RevocationList list;
    private final SecurityConfig config;
    private final String bootstrapServers;
    private final String applicationName;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile Instant lastRecordAt;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public RevocationFeed(RevocationList list, SecurityConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.list = list;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.revocations().enabled()) {
            caughtUp = true;
            return;
        }
        running = true;
        thread = new Thread(this::run, applicationName + "-revocation-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the feed has read everything that was on the topic when it started. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Whether the feed thread is alive (or the feed is disabled). */
    public boolean isRunning() {
        return !config.revocations().enabled() || (running && thread != null && thread.isAlive());
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties())) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("revocation feed: %s, retrying", e.toString());
                    sleep(Duration.ofSeconds(1));
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        String topic = config.revocations().topic();
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        while (running && (infos == null || infos.isEmpty())) {
            sleep(Duration.ofSeconds(1));
            infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        long from = Instant.now().minus(config.revocations().lookback()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = c.offsetsForTimes(query, Duration.ofSeconds(10));
        Map<TopicPartition, Long> ends = c.endOffsets(partitions, Duration.ofSeconds(10));
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp start = starts.get(p);
            c.seek(p, start == null ? ends.get(p) : start.offset());
        }
        long lastPrune = System.currentTimeMillis();
        while (running) {
            for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(200))) {
                apply(record);
            }
            if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= ends.get(p))) {
                caughtUp = true;
                LOG.infof("revocation feed caught up: %d revocations known", list.size());
            }
            if (System.currentTimeMillis() - lastPrune > 60_000) {
                lastPrune = System.currentTimeMillis();
                list.forgetBefore(Instant.now().minus(config.revocations().retention()));
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        lastRecordAt = Instant.ofEpochMilli(record.timestamp());
        try {
            CloudEvent event = EventJson.read(record.value());
            if (event.data() != null && event.data().revocation() != null) {
                list.add(event.data().revocation());
            }
        } catch (Exception e) {
            LOG.warnf("revocation feed: unreadable record at %s-%d@%d skipped", record.topic(), record.partition(),
                    record.offset());
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-revocations");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
