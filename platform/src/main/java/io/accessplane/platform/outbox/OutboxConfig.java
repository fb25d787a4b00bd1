package io.accessplane.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Settings of a service's outbox and its relay ({@code accessplane.outbox.*}). */
@ConfigMapping(prefix = "accessplane.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of this service's events, e.g. {@code /accessplane/keypair-service}. */
    String source();

    /** Kafka topic the relay publishes this service's events to. */
    String topic();

    /** Relay settings. */
    Relay relay();

    /** Settings of the relay that moves outbox rows to Kafka. */
    interface Relay {
        /** Whether this instance runs a relay (any number may; one publishes at a time). */
        @WithDefault("true")
        boolean enabled();

        /** Longest wait between two looks at the outbox when no NOTIFY arrives. */
        @WithName("poll-interval")
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Most events published per batch. */
        @WithName("batch-size")
        @WithDefault("500")
        int batchSize();

        /** How long the producer keeps retrying one record before the relay retries the batch. */
        @WithName("delivery-timeout")
        @WithDefault("PT2M")
        Duration deliveryTimeout();

        /** Pause after a database or Kafka failure before the next attempt. */
        @WithDefault("PT1S")
        Duration backoff();

        /**
         * After this long without an event, the relay publishes a heartbeat event
         * ({@code io.accessplane.producer.heartbeat.v1}); zero turns heartbeats off.
         */
        @WithDefault("PT1M")
        Duration heartbeat();

        /** How long published rows are kept in the outbox before being deleted. */
        @WithDefault("P7D")
        Duration retention();
    }
}
