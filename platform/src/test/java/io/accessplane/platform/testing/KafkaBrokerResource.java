package io.accessplane.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a dedicated real Kafka broker for a Quarkus test, creates the topics named by the
 * {@code topics} init argument (comma separated), and points {@code kafka.bootstrap.servers} at it.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private String topics = "";

    /** The broker of the running test, to stop and restart it. */
    public static KafkaBrokerProcess broker() {
        return KafkaBrokerProcess.current();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault("topics", "");
    }

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "kafka-test-" + System.nanoTime()).toAbsolutePath();
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir);
        for (String topic : topics.split(",")) {
            if (!topic.isBlank()) {
                broker.createTopic(topic.trim(), 3);
            }
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        KafkaBrokerProcess.current().stop();
    }
}
