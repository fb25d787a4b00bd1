package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * D7: security group writes per minute above their baseline (at least 3 sigma and 5 events, after
 * 7 days of history), judged per project and per (project, actor) (CloudTrail Insights
 * ApiCallRate, CIS 4.10). System actors are not counted.
 */
final class SecurityGroupChangeRateDetector implements Detector {
    private static final String WHOLE_PROJECT = "*";

    private final RollingBaseline baseline;
    private final SlidingWindowCounter minuteIds;
    private final FiringMemory fired = new FiringMemory();
    private final Duration suppression;

    SecurityGroupChangeRateDetector(DetectorSettings settings) {
        this.baseline = new RollingBaseline(BaselinePolicy.of(settings));
        this.minuteIds = new SlidingWindowCounter(Duration.ofMinutes(1), settings.allowedLateness());
        this.suppression = settings.rateSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        if (!e.isSecurityGroupWrite() || !e.byUser()) {
            return List.of();
        }
        List<AlertCandidate> out = new ArrayList<>();
        judge(e, e.projectId(), WHOLE_PROJECT).ifPresent(out::add);
        judge(e, e.projectId(), e.actor()).ifPresent(out::add);
        return out;
    }

    private Optional<AlertCandidate> judge(EventView e, String project, String actor) {
        String key = project + ":" + actor;
        Burst minute = minuteIds.add(key, e.time(), e.id());
        Optional<BaselineVerdict> verdict = baseline.add(key, e.time());
        String dedupKey = "D7:" + key;
        if (verdict.isEmpty() || !fired.fire(dedupKey, e.time(), suppression)) {
            return Optional.empty();
        }
        boolean wholeProject = WHOLE_PROJECT.equals(actor);
        String who = wholeProject ? "project " + project : actor;
        return Optional.of(new AlertCandidate("D7",
                "Security group changes by " + who + " above baseline (" + (long) verdict.get().observed() + "/min)",
                Severity.MEDIUM, project, dedupKey, suppression, minute.eventIds(), e.time(),
                verdict.get().addTo(new Facts()
                        .put("scope", wholeProject ? "project" : "actor")
                        .put("actor", wholeProject ? null : actor)
                        .put("minute", minute.start().toString())).toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        baseline.forgetBefore(horizon);
        minuteIds.forgetBefore(horizon);
        fired.forgetBefore(horizon);
    }
}
