package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The RSA pool fills in the background, serves each pair once, and never fails when dry. */
@Timeout(60)
class RsaKeyPoolTest {

    private static final Duration FILL_TIMEOUT = Duration.ofSeconds(30);

    private final KeyPairGenerator generator = new KeyPairGenerator();
    private final PublicKeyParser parser = new PublicKeyParser(2048);

    @Test
    void fillsToItsSizeAndServesFromThePool() throws Exception {
        try (RsaKeyPool pool = new RsaKeyPool(generator, 3, 2)) {
            pool.start();
            await(() -> pool.available() == 3);
            Thread.sleep(300);
            assertEquals(3, pool.available(), "never more than its size");

            Set<String> fingerprints = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                GeneratedKeyPair pair = pool.take(KeyAlgorithm.RSA_2048);
                assertValidRsa(pair, 2048);
                fingerprints.add(pair.publicKey().fingerprint());
            }

            assertEquals(3, fingerprints.size(), "each pair is handed out once");
            assertEquals(3, pool.servedFromPool());
            assertEquals(0, pool.generatedOnDemand());
            await(() -> pool.available() == 3);
        }
    }

    @Test
    void aDryPoolGeneratesOnDemand() {
        try (RsaKeyPool pool = new RsaKeyPool(generator, 2, 1)) {
            // Not started: always dry.
            GeneratedKeyPair pair = pool.take(KeyAlgorithm.RSA_2048);

            assertValidRsa(pair, 2048);
            assertEquals(0, pool.servedFromPool());
            assertEquals(1, pool.generatedOnDemand());
            assertEquals(0, pool.available());
        }
    }

    @Test
    void sizeZeroMeansNoPool() {
        try (RsaKeyPool pool = new RsaKeyPool(generator, 0, 0)) {
            pool.start();
            assertEquals(0, pool.available());
            assertFalse(pool.refilling());
            assertValidRsa(pool.take(KeyAlgorithm.RSA_2048), 2048);
            assertEquals(1, pool.generatedOnDemand());
            assertEquals(0, pool.servedFromPool());
        }
    }

    @Test
    void otherAlgorithmsAreAlwaysGeneratedNow() {
        try (RsaKeyPool pool = new RsaKeyPool(generator, 1, 1)) {
            pool.start();
            await(() -> pool.available() == 1);

            assertValidRsa(pool.take(KeyAlgorithm.RSA_3072), 3072);
            GeneratedKeyPair ed = pool.take(KeyAlgorithm.ED25519);

            assertEquals("ed25519", ed.publicKey().algorithm());
            assertEquals(2, pool.generatedOnDemand());
            assertEquals(0, pool.servedFromPool());
            assertEquals(1, pool.available(), "the pooled RSA-2048 pair was not used");
        }
    }

    @Test
    void closeStopsTheThreadsAndDropsThePairs() {
        RsaKeyPool pool = new RsaKeyPool(generator, 2, 2);
        pool.start();
        await(() -> pool.available() >= 1);
        assertTrue(pool.refilling());

        pool.close();

        assertFalse(pool.refilling(), "refill threads have ended");
        assertEquals(0, pool.available());
        pool.close();
        pool.start();
        assertFalse(pool.refilling(), "a closed pool does not restart");
        assertValidRsa(pool.take(KeyAlgorithm.RSA_2048), 2048);
        assertEquals(1, pool.generatedOnDemand());
    }

    @Test
    void concurrentTakesNeverShareAPair() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (RsaKeyPool pool = new RsaKeyPool(generator, 4, 1)) {
            pool.start();
            await(() -> pool.available() == 4);
            List<Callable<String>> takes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                takes.add(() -> pool.take(KeyAlgorithm.RSA_2048).publicKey().fingerprint());
            }
            Set<String> fingerprints = new HashSet<>();
            for (Future<String> f : callers.invokeAll(takes)) {
                fingerprints.add(f.get());
            }

            assertEquals(6, fingerprints.size());
            assertEquals(6, pool.servedFromPool() + pool.generatedOnDemand());
            assertTrue(pool.servedFromPool() >= 4);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RsaKeyPool(generator, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RsaKeyPool(generator, 2, 0));
        assertThrows(NullPointerException.class, () -> new RsaKeyPool(null, 2, 1));
    }

    private void assertValidRsa(GeneratedKeyPair pair, int bits) {
        assertEquals(bits, pair.publicKey().bits());
        assertEquals(pair.publicKey(), parser.parseSsh(pair.publicKey().publicKey()));
        assertTrue(pair.privateKey().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + FILL_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + FILL_TIMEOUT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
