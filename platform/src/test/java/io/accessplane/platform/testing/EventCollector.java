package io.accessplane.platform.testing;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning of every partition and collects the events it holds. */
public final class EventCollector implements AutoCloseable {

    /** One record as received: its event, key and partition. */
    public record Received(CloudEvent event, String key, int partition, long offset) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    public EventCollector(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds for what was received, or the timeout passes; returns everything received. */
    public List<Received> pollUntil(Predicate<List<Received>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received) && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(received);
    }

    /** Polls for a while and returns everything received so far. */
    public List<Received> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(received);
    }

    private void poll(Duration d) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(d)) {
            try {
                received.add(new Received(EventJson.read(r.value()), r.key(), r.partition(), r.offset()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("unreadable event at offset " + r.offset(), e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
