package io.accessplane.audit.detectors;

import java.time.Duration;

/**
 * How a per-minute series is judged against its own history: the rolling window, the history a
 * series needs before it may alert, the sigma multiple, the minimum events of a spiking minute,
 * and how late events may still land in their minute.
 */
record BaselinePolicy(Duration window, Duration minimumHistory, double sigmas, int minimumEvents,
        Duration lateness) {

    static BaselinePolicy of(DetectorSettings s) {
        return new BaselinePolicy(s.baselineWindow(), s.baselineMinimumHistory(), s.baselineSigmas(),
                s.baselineMinimumEvents(), s.allowedLateness());
    }

    long windowMinutes() {
        return window.toMinutes();
    }

    long minimumHistoryMinutes() {
        return minimumHistory.toMinutes();
    }

    /** Minutes after which a minute is closed and folded into its hour (lateness plus one). */
    long openMinutes() {
        return lateness.toMinutes() + 1;
    }
}
