package io.accessplane.audit.testing;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes test records to the real broker: structured events, binary events, and garbage. */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventProducer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends an event in structured mode, keyed by its project, and waits for the broker. */
    public void structured(String topic, CloudEvent e) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, e.partitionKey(),
                EventJson.write(e).getBytes(StandardCharsets.UTF_8));
        r.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        send(r);
    }

    /** Sends an event in binary mode: attributes as ce_ headers, data as the value. */
    public void binary(String topic, CloudEvent e) {
        var json = EventJson.mapper().valueToTree(e);
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, e.partitionKey(),
                json.get("data").toString().getBytes(StandardCharsets.UTF_8));
        json.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("data") && !f.getKey().equals("datacontenttype")) {
                r.headers().add("ce_" + f.getKey(), f.getValue().asText().getBytes(StandardCharsets.UTF_8));
            }
        });
        r.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        send(r);
    }

    /** Sends raw bytes with the given headers. */
    public void raw(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        send(r);
    }

    private void send(ProducerRecord<String, byte[]> r) {
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
