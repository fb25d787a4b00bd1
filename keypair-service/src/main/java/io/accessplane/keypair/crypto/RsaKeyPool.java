package io.accessplane.keypair.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded pool of pre-generated RSA key pairs (memory only), refilled in the background, falling back to on-demand
 * generation when dry.
 *
 * <p>Only {@link KeyAlgorithm#RSA_2048} (Nova's one algorithm) is pooled. Each pooled pair is handed out once. The
 * pool is thread-safe; {@link #take} never blocks on the pool and never fails because it is empty.
 */
public final class RsaKeyPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RsaKeyPool.class.getName());
    private static final long JOIN_MILLIS = 5_000;
    private static final long RETRY_MILLIS = 1_000;

    private final KeyPairGenerator generator;
    private final int size;
    private final int refillThreads;
    private final BlockingQueue<GeneratedKeyPair> pool;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong servedFromPool = new AtomicLong();
    private final AtomicLong generatedOnDemand = new AtomicLong();
    private volatile boolean closed;
    private boolean started;

    /** A pool of up to {@code size} RSA-2048 pairs filled by {@code refillThreads} threads; size 0 means no pool. */
    public RsaKeyPool(KeyPairGenerator generator, int size, int refillThreads) {
        this.generator = Objects.requireNonNull(generator, "generator");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (size > 0 && refillThreads < 1) {
            throw new IllegalArgumentException("a pool needs at least one refill thread");
        }
        this.size = size;
        this.refillThreads = size == 0 ? 0 : refillThreads;
        this.pool = size == 0 ? null : new ArrayBlockingQueue<>(size);
    }

    /** Begins filling on its own daemon thread(s); calling it again, or after close, does nothing. */
    public synchronized void start() {
        if (started || closed || pool == null) {
            return;
        }
        started = true;
        for (int i = 0; i < refillThreads; i++) {
            Thread thread = new Thread(this::refill, "rsa-key-pool-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * A fresh key pair: RSA_2048 from the pool when one is ready, otherwise generated now on the calling thread
     * (as is every other algorithm).
     */
    public GeneratedKeyPair take(KeyAlgorithm rsaAlgorithm) {
        Objects.requireNonNull(rsaAlgorithm, "rsaAlgorithm");
        if (rsaAlgorithm == KeyAlgorithm.RSA_2048 && pool != null) {
            GeneratedKeyPair pooled = pool.poll();
            if (pooled != null) {
                servedFromPool.incrementAndGet();
                return pooled;
            }
        }
        GeneratedKeyPair fresh = generator.generate(rsaAlgorithm);
        generatedOnDemand.incrementAndGet();
        return fresh;
    }

    /** The number of pairs ready in the pool now. */
    public int available() {
        return pool == null ? 0 : pool.size();
    }

    /** The pool's capacity (0 when there is no pool). */
    public int size() {
        return size;
    }

    /** How many pairs {@link #take} handed out from the pool. */
    public long servedFromPool() {
        return servedFromPool.get();
    }

    /** How many pairs {@link #take} had to generate on the calling thread. */
    public long generatedOnDemand() {
        return generatedOnDemand.get();
    }

    /** Stops the refill threads, waits briefly for them, and drops the pooled pairs. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(threads);
        }
        running.forEach(Thread::interrupt);
        for (Thread thread : running) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (pool != null) {
            pool.clear();
        }
    }

    /** Whether any refill thread is still running (for tests and health checks). */
    boolean refilling() {
        synchronized (this) {
            return threads.stream().anyMatch(Thread::isAlive);
        }
    }

    private void refill() {
        while (!closed) {
            GeneratedKeyPair pair;
            try {
                pair = generator.generate(KeyAlgorithm.RSA_2048);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "RSA key pool refill failed ({0}); retrying",
                        e.getClass().getSimpleName());
                if (!pause(RETRY_MILLIS)) {
                    return;
                }
                continue;
            }
            try {
                while (!closed && !pool.offer(pair, 1, TimeUnit.SECONDS)) {
                    // full: wait for a take
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
