package io.accessplane.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/** Runs the same request from several threads at once and collects the status codes, sorted. */
public final class Concurrently {

    private Concurrently() {
    }

    /** The sorted statuses of {@code copies} concurrent runs of {@code call}. */
    public static List<Integer> statuses(int copies, IntSupplier call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                calls.add(CompletableFuture.supplyAsync(call::getAsInt, pool));
            }
            List<Integer> codes = new ArrayList<>();
            for (var c : calls) {
                codes.add(c.get());
            }
            codes.sort(Integer::compare);
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
