package io.accessplane.audit.detectors;

import java.util.TreeMap;

/**
 * Running count, sum and sum of squares of per-minute samples, kept per hour so a rolling window
 * can drop whole hours: a month of history costs at most one small entry per active hour.
 */
final class HourlyMoments {
    private final TreeMap<Long, double[]> hours = new TreeMap<>();
    private double n;
    private double sum;
    private double sumSquares;

    /** Adds one minute's sample to its hour. */
    void add(long minute, double sample) {
        double[] h = hours.computeIfAbsent(Math.floorDiv(minute, 60), k -> new double[3]);
        h[0] += 1;
        h[1] += sample;
        h[2] += sample * sample;
        n += 1;
        sum += sample;
        sumSquares += sample * sample;
    }

    /** Drops every hour that ends before the given minute. */
    void dropBefore(long minute) {
        long hour = Math.floorDiv(minute, 60);
        while (!hours.isEmpty() && hours.firstKey() < hour) {
            double[] h = hours.pollFirstEntry().getValue();
            n -= h[0];
            sum -= h[1];
            sumSquares -= h[2];
        }
        if (hours.isEmpty()) {
            n = 0;
            sum = 0;
            sumSquares = 0;
        }
    }

    double n() {
        return n;
    }

    double sum() {
        return sum;
    }

    double sumSquares() {
        return sumSquares;
    }

    boolean isEmpty() {
        return hours.isEmpty();
    }
}
