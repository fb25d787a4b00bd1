package io.accessplane.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of one source's outbox relay, all tagged {@code source}: rows waiting
 * ({@code accessplane_outbox_backlog}), time from commit to broker acknowledgement
 * ({@code accessplane_outbox_publish_lag_seconds}), events published and failed attempts by cause.
 * The lag starts at the row's {@code created_at} (the writing transaction's start).
 */
public final class OutboxMeters {

    /** Why a publishing attempt failed: the tag values of {@code accessplane_outbox_publish_failures_total}. */
    public enum Cause {
        /** Kafka did not acknowledge in time or refused. */
        BROKER,
        /** The outbox database could not be read or written. */
        DATABASE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Timer lag;
    private final Counter brokerFailures;
    private final Counter databaseFailures;

    /** Registers the meters of {@code source} in {@code registry}. */
    public OutboxMeters(MeterRegistry registry, String source) {
        Gauge.builder("accessplane_outbox_backlog", backlog, AtomicLong::get)
                .description("Outbox rows of this source not yet published")
                .tag("source", source).strongReference(true).register(registry);
        published = Counter.builder("accessplane_outbox_published")
                .description("Events the relay published and the broker acknowledged")
                .tag("source", source).register(registry);
        lag = Timer.builder("accessplane_outbox_publish_lag")
                .description("From an event's write to the outbox to the broker's acknowledgement")
                .tag("source", source).publishPercentiles(0.5, 0.99).register(registry);
        brokerFailures = failures(registry, source, Cause.BROKER);
        databaseFailures = failures(registry, source, Cause.DATABASE);
    }

    /** Meters nobody reads, for relays run outside a service (tools, tests). */
    public static OutboxMeters unregistered(String source) {
        return new OutboxMeters(new SimpleMeterRegistry(), source);
    }

    private static Counter failures(MeterRegistry registry, String source, Cause cause) {
        return Counter.builder("accessplane_outbox_publish_failures")
                .description("Publishing attempts that failed and will be retried")
                .tag("source", source).tag("cause", cause.tag()).register(registry);
    }

    /** The number of rows waiting, as last counted. */
    public void backlog(long rows) {
        backlog.set(rows);
    }

    /** One event acknowledged by the broker, {@code sinceWritten} after it was written. */
    public void published(Duration sinceWritten) {
        published.increment();
        if (!sinceWritten.isNegative()) {
            lag.record(sinceWritten);
        }
    }

    /** One failed attempt. */
    public void failed(Cause cause) {
        (cause == Cause.BROKER ? brokerFailures : databaseFailures).increment();
    }

    /** The backlog last counted. */
    public long backlog() {
        return backlog.get();
    }
}
