package io.accessplane.keypair.config;

import io.accessplane.keypair.crypto.RsaKeyPool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** Publishes the RSA pool's fill level and hit/miss counts on {@code /q/metrics}. */
@Singleton
public class RsaKeyPoolMetrics implements MeterBinder {

    private final RsaKeyPool pool;

    /** Metrics over the service's one pool. */
    public RsaKeyPoolMetrics(RsaKeyPool pool) {
        this.pool = pool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("accessplane.keypairs.rsa.pool.available", pool, RsaKeyPool::available)
                .description("RSA-2048 key pairs ready in the pool").register(registry);
        Gauge.builder("accessplane.keypairs.rsa.pool.capacity", pool, RsaKeyPool::size)
                .description("Capacity of the RSA-2048 pool").register(registry);
        FunctionCounter.builder("accessplane.keypairs.rsa.pool.served", pool, RsaKeyPool::servedFromPool)
                .description("RSA-2048 creates answered from the pool").register(registry);
        FunctionCounter.builder("accessplane.keypairs.rsa.generated.on.demand", pool, RsaKeyPool::generatedOnDemand)
                .description("RSA creates that generated their key on the request (pool dry or not RSA-2048)")
                .register(registry);
    }
}
