package io.accessplane.keypair.config;

import io.accessplane.keypair.crypto.KeyPairGenerator;
import io.accessplane.keypair.crypto.PublicKeyParser;
import io.accessplane.keypair.crypto.RsaKeyPool;
import io.accessplane.keypair.crypto.X509Certificates;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the key pair service's crypto objects from its configuration, once. */
@Singleton
public class CryptoProducers {

    /** Parses imported keys with the configured RSA minimum. */
    @Produces
    @Singleton
    PublicKeyParser parser(KeypairConfig config) {
        return new PublicKeyParser(config.minRsaBits());
    }

    /** Generates key pairs. */
    @Produces
    @Singleton
    KeyPairGenerator generator() {
        return new KeyPairGenerator();
    }

    /** Makes x509 certificates. */
    @Produces
    @Singleton
    X509Certificates certificates() {
        return new X509Certificates();
    }

    /** The pool of pre-generated RSA-2048 key pairs, filling from start. */
    @Produces
    @Singleton
    RsaKeyPool pool(KeyPairGenerator generator, KeypairConfig config) {
        RsaKeyPool pool = new RsaKeyPool(generator, config.rsaPoolSize(), config.rsaPoolThreads());
        pool.start();
        return pool;
    }

    /** Starts filling the pool at boot rather than at the first create. */
    void fillAtStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event, RsaKeyPool pool) {
        pool.available();
    }

    void closePool(@Disposes RsaKeyPool pool) {
        pool.close();
    }
}
