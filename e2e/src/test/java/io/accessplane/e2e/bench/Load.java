package io.accessplane.e2e.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Sends HTTP requests at a fixed concurrency (closed loop) and records each one's latency and outcome. */
final class Load {

    /** One measured run of one scenario. */
    record Result(String scenario, int concurrency, int requests, int errors, double seconds, double rate,
            double p50Ms, double p99Ms) {
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Load() {
    }

    /**
     * Runs {@code requests} requests, {@code concurrency} at a time, each built by {@code request}
     * from its index; a request counts as an error unless it answers {@code expectedStatus}.
     */
    static Result run(String scenario, int concurrency, int requests, IntFunction<HttpRequest> request,
            int expectedStatus) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger firstErrorLogged = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                running.add(workers.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        HttpRequest r = request.apply(i);
                        long t0 = System.nanoTime();
                        int status;
                        String body = "";
                        try {
                            HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            body = response.body();
                        } catch (Exception e) {
                            status = -1;
                            body = e.toString();
                        }
                        latencies[i] = System.nanoTime() - t0;
                        if (status != expectedStatus) {
                            errors.incrementAndGet();
                            if (firstErrorLogged.getAndIncrement() == 0) {
                                System.out.printf("%s: first unexpected answer %d: %.300s%n", scenario, status, body);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return summarise(scenario, concurrency, latencies, errors.get(), seconds);
    }

    /** Summarises latencies measured elsewhere (e.g. a sequence of single requests). */
    static Result summarise(String scenario, int concurrency, long[] latencyNanos, int errors, double seconds) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new Result(scenario, concurrency, sorted.length, errors, seconds, sorted.length / seconds,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Scenario by scenario, the medians of runs that each measured the same scenarios in the same order. */
    static List<Result> medians(List<List<Result>> runs) {
        List<Result> medians = new ArrayList<>();
        for (int i = 0; i < runs.get(0).size(); i++) {
            int index = i;
            medians.add(median(runs.stream().map(r -> r.get(index)).toList()));
        }
        return medians;
    }

    /** The per-field median of several runs of one scenario. */
    static Result median(List<Result> runs) {
        Result first = runs.get(0);
        return new Result(first.scenario(), first.concurrency(), first.requests(),
                (int) median(runs.stream().mapToDouble(Result::errors).toArray()),
                median(runs.stream().mapToDouble(Result::seconds).toArray()),
                median(runs.stream().mapToDouble(Result::rate).toArray()),
                median(runs.stream().mapToDouble(Result::p50Ms).toArray()),
                median(runs.stream().mapToDouble(Result::p99Ms).toArray()));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
