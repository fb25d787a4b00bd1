package io.accessplane.audit.detectors;

/**
 * Why a minute was judged a spike: what it held, the baseline's mean and standard deviation, the
 * threshold that was crossed, and how much history (minutes, samples) the baseline rests on.
 */
record BaselineVerdict(double observed, double mean, double stddev, double threshold, long historyMinutes,
        long samples) {

    /** The verdict as detail facts. */
    Facts addTo(Facts facts) {
        return facts.put("observed", round(observed))
                .put("baseline_mean", round(mean))
                .put("baseline_stddev", round(stddev))
                .put("threshold", round(threshold))
                .put("history_minutes", historyMinutes)
                .put("baseline_samples", samples);
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
