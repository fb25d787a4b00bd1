package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * D18: a project's authentication failure ratio in one minute is above its baseline (CloudTrail
 * Insights ApiErrorRate): at least 5 failures and {@code mean + 3 sigma} of the per-minute ratios
 * (sigma floored at 0.05), after 7 days of history. Attempts are token issues (successes) and
 * failed authentications. Failures carry no project, so a failure is charged to the initiator's
 * project, else the partition key, else the project of the credential it names (known from
 * application credential and user events), else {@code "-"} (unattributed failures form their own
 * series).
 */
final class AuthenticationErrorRateDetector implements Detector {
    private final IdentityDirectory directory;
    private final FailureRatioBaseline baseline;
    private final SlidingWindowCounter minuteFailures;
    private final FiringMemory fired = new FiringMemory();
    private final Duration suppression;

    AuthenticationErrorRateDetector(IdentityDirectory directory, DetectorSettings settings) {
        this.directory = directory;
        this.baseline = new FailureRatioBaseline(BaselinePolicy.of(settings), settings.failureRatioSigmaFloor());
        this.minuteFailures = new SlidingWindowCounter(Duration.ofMinutes(1), settings.allowedLateness());
        this.suppression = settings.rateSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        if (!e.isAuthentication()) {
            return List.of();
        }
        boolean failure = e.is("authentication", "failed");
        String project = projectOf(e);
        Burst minute = failure ? minuteFailures.add(project, e.time(), e.id()) : Burst.NONE;
        Optional<BaselineVerdict> verdict = baseline.add(project, e.time(), failure);
        String dedupKey = "D18:" + project;
        if (verdict.isEmpty() || !fired.fire(dedupKey, e.time(), suppression)) {
            return List.of();
        }
        return List.of(new AlertCandidate("D18", "Authentication failure ratio "
                + Math.round(verdict.get().observed() * 100) + "% above baseline for project " + project,
                Severity.MEDIUM, project, dedupKey, suppression, minute.eventIds(), e.time(),
                verdict.get().addTo(new Facts()
                        .put("failures_in_minute", minute.count())
                        .put("minute", minute.start().toString())
                        .put("last_reason", e.reason())).toMap()));
    }

    private String projectOf(EventView e) {
        if (e.is("token", "issued")) {
            return e.projectId();
        }
        String scope = EventView.blankToNull(e.initiator().projectId());
        if (scope != null) {
            return scope;
        }
        if (!AlertCandidate.NO_PROJECT.equals(e.raw().partitionKey())) {
            return e.raw().partitionKey();
        }
        return directory.projectOf(e.credentialKey()).orElse(AlertCandidate.NO_PROJECT);
    }

    @Override
    public void forgetBefore(Instant horizon) {
        baseline.forgetBefore(horizon);
        minuteFailures.forgetBefore(horizon);
        fired.forgetBefore(horizon);
    }
}
