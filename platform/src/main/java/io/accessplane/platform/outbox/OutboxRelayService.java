package io.accessplane.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.DriverManager;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs this service instance's outbox relay from start to shutdown. The relay uses a plain JDBC
 * connection of its own (not a pooled one), so its advisory lock and LISTEN end with it.
 */
@ApplicationScoped
public class OutboxRelayService {

    private final OutboxConfig config;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String bootstrapServers;
    private final String applicationName;
    private final MeterRegistry registry;
    private Producer<String, byte[]> producer;
    private OutboxRelay relay;

    public OutboxRelayService(OutboxConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, MeterRegistry registry) {
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        OutboxRelay.Settings settings = OutboxRelay.Settings.of(config);
        producer = OutboxProducerFactory.create(bootstrapServers, applicationName + "-outbox",
                settings.deliveryTimeout());
        relay = new OutboxRelay(
                () -> DriverManager.getConnection(jdbcUrl, username.orElse(null), password.orElse(null)),
                producer, settings, new OutboxMeters(registry, settings.source())).start(applicationName + "-outbox-relay");
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.stop();
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** The running relay, if this instance runs one. */
    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }
}
