package io.accessplane.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness of the outbox relay thread: a dead relay means events would silently pile up. */
@Liveness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    private final OutboxRelayService relays;

    public OutboxRelayHealthCheck(OutboxRelayService relays) {
        this.relays = relays;
    }

    @Override
    public HealthCheckResponse call() {
        return relays.relay()
                .map(r -> HealthCheckResponse.named("outbox-relay").status(r.isRunning())
                        .withData("publishing", r.isLeader())
                        .withData("published", r.publishedCount()).build())
                .orElseGet(() -> HealthCheckResponse.named("outbox-relay").up()
                        .withData("enabled", false).build());
    }
}
