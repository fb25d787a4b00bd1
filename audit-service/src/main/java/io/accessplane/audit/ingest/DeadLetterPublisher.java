package io.accessplane.audit.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Copies records that cannot be stored to the dead-letter topic, unchanged, with headers saying
 * where they came from and why (as SmallRye's {@code dead-letter-queue} strategy does).
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(String bootstrapServers, String topic, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Publishes the record to the dead-letter topic and waits for the broker's acknowledgement. */
    public void publish(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, null, record.key(), record.value());
        record.headers().forEach(h -> copy.headers().add(h));
        copy.headers().add("dead-letter-reason", bytes(reason));
        copy.headers().add("dead-letter-topic", bytes(record.topic()));
        copy.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        copy.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        try {
            producer.send(copy).get(Duration.ofSeconds(40).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
