package io.accessplane.audit.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Counts raised alerts ({@code accessplane_audit_alerts_raised_total}) by detector and severity;
 * repeats folded into an open alert are not counted. Both tags come from fixed sets (D1-D24, the
 * severities), never from event contents.
 */
@ApplicationScoped
public class AlertMeters {

    private final MeterRegistry registry;

    public AlertMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts alerts whose raising has committed. */
    public void raised(Collection<AlertView> alerts) {
        for (AlertView alert : alerts) {
            Counter.builder("accessplane_audit_alerts_raised")
                    .description("Alerts raised, by detector and severity")
                    .tag("detector", alert.detector()).tag("severity", alert.severity())
                    .register(registry).increment();
        }
    }
}
