package io.accessplane.audit.rest;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.Callable;

/** Runs work that blocks on JDBC on a worker thread, never on the event loop, as a {@link Uni}. */
final class BlockingWork {

    private BlockingWork() {
    }

    /** The work's result, computed on the default worker pool; checked exceptions are wrapped. */
    static <T> Uni<T> run(Callable<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
