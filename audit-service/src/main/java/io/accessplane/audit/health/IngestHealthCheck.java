package io.accessplane.audit.health;

import io.accessplane.audit.ingest.EventIngestor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness of the ingest loop: down when its thread has died. */
@Liveness
@ApplicationScoped
public class IngestHealthCheck implements HealthCheck {

    private final EventIngestor ingestor;

    public IngestHealthCheck(EventIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("audit-ingest").status(ingestor.isRunning())
                .withData("caught_up", ingestor.isCaughtUp())
                .withData("last_poll", ingestor.lastProgress().toString()).build();
    }
}
