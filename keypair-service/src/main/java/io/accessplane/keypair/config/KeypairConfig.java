package io.accessplane.keypair.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the key pair service ({@code accessplane.keypairs.*}). */
@ConfigMapping(prefix = "accessplane.keypairs")
public interface KeypairConfig {

    /** Most key pairs one user may hold (Nova's {@code [quota] key_pairs}). */
    @WithDefault("100")
    int quota();

    /** Smallest RSA key accepted on import. */
    @WithName("min-rsa-bits")
    @WithDefault("2048")
    int minRsaBits();

    /** Pre-generated RSA-2048 key pairs kept in memory (0 disables the pool). */
    @WithName("rsa-pool-size")
    @WithDefault("8")
    int rsaPoolSize();

    /** Threads refilling the RSA pool. */
    @WithName("rsa-pool-threads")
    @WithDefault("1")
    int rsaPoolThreads();
}
