package io.accessplane.keypair.config;

import io.accessplane.keypair.crypto.RsaKeyPool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Publishes the RSA pool's fill level and hit/miss counts on {@code /q/metrics}. */
@Singleton
public class RsaKeyPoolMetrics implements MeterBinder {

    private final RsaKeyPool pool;
    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;

    /** Metrics over the service's one pool. */
    public RsaKeyPoolMetrics(RsaKeyPool pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        meters.add(Gauge.builder("accessplane.keypairs.rsa.pool.available", pool, RsaKeyPool::available)
                .description("RSA-2048 key pairs ready in the pool").register(registry));
        meters.add(Gauge.builder("accessplane.keypairs.rsa.pool.capacity", pool, RsaKeyPool::size)
                .description("Capacity of the RSA-2048 pool").register(registry));
        meters.add(FunctionCounter.builder("accessplane.keypairs.rsa.pool.served", pool, RsaKeyPool::servedFromPool)
                .description("RSA-2048 creates answered from the pool").register(registry));
        meters.add(FunctionCounter.builder("accessplane.keypairs.rsa.generated.on.demand", pool, RsaKeyPool::generatedOnDemand)
                .description("RSA creates that generated their key on the request (pool dry or not RSA-2048)")
                .register(registry));
    }

    /**
     * Removes the meters with the pool they read: the registry outlives an application restart
     * (tests, dev mode), and a meter of the same name would otherwise keep reading the old pool.
     */
    @PreDestroy
    synchronized void unbind() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
        meters.clear();
    }
}
